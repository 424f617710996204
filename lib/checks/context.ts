/**
 * The context every rule of one check run reads. Built once per run, so what
 * it computes lazily (the report analysis) is shared by all rules of that run
 * and by no other run.
 */
import type { Report } from '../model/report';
import { indexReport } from './report-index';
import { analyseReport } from './shared/analysis';
import type { CheckContext } from './types';

export function checkContext(report: Report, previous: Report | null): CheckContext {
  const index = indexReport(report);
  return {
    report,
    index,
    analysis: analyseReport(report, index),
    previous,
    previousIndex: previous ? indexReport(previous) : null,
  };
}

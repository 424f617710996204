/**
 * A rule is a small pure function from a report (and, for year-over-year
 * rules, the same agency's previous report) to findings.
 */
import type { CellRef, Finding, Report, RuleFamily } from '../model/report';
import type { ReportIndex } from './report-index';
import type { ReportAnalysis } from './shared/analysis';

export interface CheckContext {
  report: Report;
  index: ReportIndex;
  /**
   * What several rules read from the report (legacy trees, section instances,
   * the legacy evaluation, cross-table mismatches), built at most once per run.
   */
  analysis: ReportAnalysis;
  /** The same agency's report for the year before, when the history has it. */
  previous: Report | null;
  previousIndex: ReportIndex | null;
}

export interface Rule {
  /** Family of rules it belongs to (each family can be turned off in the options). */
  family: RuleFamily;
  run(ctx: CheckContext): Finding[];
}

export type { CellRef, Finding };

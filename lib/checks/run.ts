/**
 * Runs every rule over a report (and its predecessor) and returns the
 * findings, most severe first. Rule families can be switched off.
 */
import type { Finding, Report, RuleFamily } from '../model';
import { crossTableRule } from './cross-table-rule';
import { formRule } from './form-rule';
import { SEVERITY_ORDER } from './format';
import { identityRule } from './identity-rule';
import { legacyRule } from './legacy-rule';
import { narrativeRule } from './narrative-rule';
import { indexReport } from './report-index';
import { timelinessRule } from './timeliness-rule';
import type { Rule } from './types';
import { yearOverYearRule } from './year-over-year-rule';

export const RULES: Rule[] = [
  identityRule,
  legacyRule,
  narrativeRule,
  crossTableRule,
  yearOverYearRule,
  timelinessRule,
  formRule,
];

export interface CheckOptions {
  /** Families to skip (the options page). */
  disabled?: ReadonlySet<RuleFamily>;
  rules?: Rule[];
}

export function runChecks(
  report: Report,
  previous: Report | null,
  options: CheckOptions = {},
): Finding[] {
  const ctx = {
    report,
    index: indexReport(report),
    previous,
    previousIndex: previous ? indexReport(previous) : null,
  };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (options.disabled?.has(rule.family)) continue;
    findings.push(...rule.run(ctx));
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The report of the same agency for the year before, among those already seen. */
export function findPrevious(report: Report, history: readonly Report[]): Report | null {
  const { agency, year } = report.identity;
  if (!agency || year === null) return null;
  return history.find((r) => r.identity.agency === agency && r.identity.year === year - 1) ?? null;
}

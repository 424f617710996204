/**
 * Runs every rule over a report (and its predecessor) and returns the
 * findings, most severe first. Rule families can be switched off.
 */
import type { Finding, Report, RuleFamily } from '../model/report';
import { portalOfUrl } from '../page/portal';
import { agencyKey } from '../text/agency-name';
import { blankTotalRule } from './blank-total-rule';
import { checkContext } from './context';
import { copiedYearRule } from './copied-year-rule';
import { crossTableRule } from './cross-table-rule';
import { dedupeFindings } from './dedupe';
import { feeReportRule } from './fee-report-rule';
import { formRule } from './form-rule';
import { identityRule } from './identity-rule';
import { legacyRule } from './legacy-rule';
import { narrativeRule } from './narrative-rule';
import { problemsSectionRule } from './problems-section-rule';
import { repeatedSectionsRule } from './repeated-sections-rule';
import { SEVERITY_ORDER } from './shared/arithmetic';
import { timelinessRule } from './timeliness-rule';
import type { Rule } from './types';
import { yearOverYearRule } from './year-over-year-rule';

export const RULES: Rule[] = [
  identityRule,
  // Right after the identities it comes from, so findings keep the order they had when one rule raised both.
  blankTotalRule,
  legacyRule,
  narrativeRule,
  copiedYearRule,
  crossTableRule,
  yearOverYearRule,
  repeatedSectionsRule,
  timelinessRule,
  formRule,
  problemsSectionRule,
  feeReportRule,
];

export interface CheckOptions {
  /** Families whose findings are left out (the options page), whichever rule raises them. */
  disabled?: ReadonlySet<RuleFamily>;
  rules?: Rule[];
}

export function runChecks(
  report: Report,
  previous: Report | null,
  options: CheckOptions = {},
): Finding[] {
  const ctx = checkContext(report, previous);
  const findings: Finding[] = [];
  const disabled = options.disabled;
  for (const rule of options.rules ?? RULES) {
    // Every finding carries its rule's family (defineRule), so a family switched off is a rule not run.
    if (disabled?.has(rule.family)) continue;
    for (const finding of rule.run(ctx)) findings.push(finding);
  }
  // One finding per cause: a contradiction two rules both found is reported once (./dedupe.ts).
  return dedupeFindings(findings).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/**
 * The report of the same portal and agency for the year before, among those
 * already seen: the browser's history rule (lib/background/handler.ts), for the
 * command line. The agency is matched as printed first, then under its other
 * spelling (「鹤鸣区」 and 「鹤鸣区人民政府」 are one body: lib/text/agency-name.ts).
 * The portal is read from each report's address; reports whose address names
 * none (saved files, read without a page address) pair among themselves.
 */
export function findPrevious(report: Report, history: readonly Report[]): Report | null {
  const { agency, year } = report.identity;
  if (!agency || year === null) return null;
  const portal = portalOfUrl(report.url);
  const key = agencyKey(agency);
  // Cheapest test first: the year, then the body's name, then the address's portal.
  const sameBody = history.filter(
    (r) =>
      r.identity.year === year - 1 &&
      agencyKey(r.identity.agency) === key &&
      portalOfUrl(r.url) === portal,
  );
  return sameBody.find((r) => r.identity.agency === agency) ?? sameBody[0] ?? null;
}

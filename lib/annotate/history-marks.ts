/**
 * Year-over-year findings exist only because the history holds the agency's
 * earlier report. A mark on the page's own cells is readable by the page, so
 * a page that names agency X and year Y would learn from a marked 上年结转
 * that the user opened X's report of Y−1. Those marks are therefore drawn
 * inside the overlay's closed root instead; the page's cells carry only what
 * the page alone gives.
 *
 * So too the government's table 三 beside its departments' (issue 18): it
 * exists only because the history holds the departments' reports, which
 * the user read.
 */
import type { Finding, Severity } from '../model/report';
import { type Mark, moreSevere } from './marks';

/**
 * The rules of lib/audit/hierarchy.ts (`hierarchy.t3-sum`), by their prefix:
 * importing that module would bring the checks into the content script.
 */
const HIERARCHY_RULES = 'hierarchy.';

/**
 * A finding that only the history can produce: the year-over-year checks
 * (last year's report), and the government's table 三 beside its
 * departments' (their reports, which the user read).
 */
export const comesFromHistory = (finding: Finding): boolean =>
  finding.family === 'yearOverYear' || finding.rule.startsWith(HIERARCHY_RULES);

/** An outline the overlay draws over a page element, in its closed root. */
export interface HistoryOutline {
  element: Element;
  severity: Severity;
}

export interface SplitMarks {
  /** Marks written on the page: their severity from findings of the page alone. */
  onPage: Mark[];
  /** Elements whose mark from the history is missing from the page, or more severe there. */
  outlines: HistoryOutline[];
}

function severityOf(findings: readonly Mark['findings'][number][]): Severity | null {
  let severity: Severity | null = null;
  for (const { finding } of findings) {
    severity = severity === null ? finding.severity : moreSevere(severity, finding.severity);
  }
  return severity;
}

export function splitHistoryMarks(marks: Iterable<Mark>): SplitMarks {
  const onPage: Mark[] = [];
  const outlines: HistoryOutline[] = [];
  for (const mark of marks) {
    const own = mark.findings.filter((entry) => !comesFromHistory(entry.finding));
    const pageSeverity = severityOf(own);
    if (pageSeverity !== null) onPage.push({ ...mark, severity: pageSeverity });
    if (pageSeverity !== mark.severity) {
      outlines.push({ element: mark.element, severity: mark.severity });
    }
  }
  return { onPage, outlines };
}

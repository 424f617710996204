/**
 * Last year's report for each report of an audit: the report of the same
 * portal (lib/page/portal.ts), the same agency (the identity's agency, with
 * a trailing 人民政府 or without: lib/text/agency-name.ts, as the history's
 * lookup of last year's record) and the year before. Among the audit's own
 * reports, not in the order they were read: a column lists the newest
 * first. Two different pages that both claim to be last year's (a report
 * and its corrected version) pair with neither: the row says "ambiguous"
 * rather than compare with a guess.
 */
import type { Report } from '../model/report';
import { portalOfUrl } from '../page/portal';
import { agencyKey } from '../text/agency-name';

export type Pairing<T> =
  | { state: 'found'; previous: T }
  | { state: 'none' }
  | { state: 'ambiguous'; candidates: T[] };

/** `${portal}|${agency}|${year}`, the agency folded as compared across years; null without agency or year. */
function keyOf(report: Report, year: number | null = report.identity.year): string | null {
  const { agency } = report.identity;
  if (!agency || year === null) return null;
  return `${portalOfUrl(report.url) ?? ''}|${agencyKey(agency)}|${year}`;
}

/**
 * For each item, in order, which other item is its previous year. `reportOf`
 * gives an item's report (null: not a report, never paired).
 */
export function pairPrevious<T>(
  items: readonly T[],
  reportOf: (item: T) => Report | null,
): Pairing<T>[] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const report = reportOf(item);
    const key = report && keyOf(report);
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    // The same address saved twice is one page, not two candidates.
    if (!list.some((other) => reportOf(other)?.url === report.url)) list.push(item);
    byKey.set(key, list);
  }
  return items.map((item) => {
    const report = reportOf(item);
    const year = report?.identity.year ?? null;
    const key = report && year !== null ? keyOf(report, year - 1) : null;
    const candidates = (key && byKey.get(key)) || [];
    if (candidates.length === 0) return { state: 'none' };
    if (candidates.length === 1) return { state: 'found', previous: candidates[0] as T };
    return { state: 'ambiguous', candidates };
  });
}

/**
 * The government's table 三 beside its departments' (lib/audit/hierarchy.ts)
 * on the government's own report page: after a column audit, or visits to
 * the departments' reports, the history holds the departments of the
 * portal and year, and the journalist who opens the government's report
 * sees the same info findings as the audit page and `--portal` show.
 *
 * Only the history of the sender's portal counts, read for a government's
 * report only, bounded (HistoryStore.portalYear), and never at the cost of
 * the answer: a read that fails gives no comparison and a warning.
 */
import { HIERARCHY_RULE, hierarchyFindings } from '../audit/hierarchy';
import type { Finding, Report } from '../model/report';
import { portalOfUrl } from '../page/portal';
import { type HistoryStore, recordId } from './history-store';

export interface ComparedReport {
  /** The report being answered. */
  report: Report;
  /** The history's key of it: the sender's portal, the agency, the year. */
  portal: string;
  agency: string;
  year: number;
  /** The address it is kept under (on the portal). */
  url: string;
}

const withoutScheme = (url: string) => url.replace(/^[a-z]+:\/\//i, '');
const compareAddresses = (a: string, b: string): number => {
  const [x, y] = [withoutScheme(a), withoutScheme(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The `hierarchy.t3-sum` infos of `current` against its departments in the
 * history of its portal and year; none for a body that is not a government.
 */
export async function governmentComparison(
  store: Pick<HistoryStore, 'portalYear'>,
  current: ComparedReport,
  warn: (...details: unknown[]) => void,
): Promise<Finding[]> {
  if (current.report.identity.bodyKind !== 'government') return [];
  let records: Awaited<ReturnType<HistoryStore['portalYear']>>;
  try {
    records = await store.portalYear(current.portal, current.year);
  } catch (error) {
    warn("OGI Lens: the government's departments could not be read from the history", error);
    return [];
  }
  const ownId = recordId(current.portal, current.agency, current.year);
  // The hierarchy groups reports by the portal of their address: each is
  // given the address it is kept under, so that a page claiming another
  // address is grouped where the browser read it. The current report's
  // earlier visit (same key) is the current report: it is not counted again.
  const government: Report = { ...current.report, url: current.url };
  const others = records
    .filter((record) => record.id !== ownId && record.portal === current.portal)
    .filter((record) => portalOfUrl(record.url) === current.portal)
    .map((record): Report => ({ ...record.report, url: record.url }))
    // In the order of their addresses (host, then path), the order the command
    // line reads a saved portal in: the findings name the departments in it.
    .sort((a, b) => compareAddresses(a.url, b.url));
  const mine = hierarchyFindings([government, ...others]).find(
    (result) => result.government === government,
  );
  return mine ? mine.findings.filter((finding) => finding.rule === HIERARCHY_RULE) : [];
}

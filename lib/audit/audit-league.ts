/**
 * From the reports an audit read to what it shows: each report paired with
 * its own previous year among them (./pairing.ts), checked against it,
 * the governments' table 三 set beside their departments' (./hierarchy.ts,
 * info findings added to the government's report), one league row each
 * (./league.ts), sorted. Both the extension's column audit and the command
 * line's `--portal DIR` (scripts/cli/portal.ts) run it, so they give the
 * same league for the same pages; over reports already read, wherever they
 * came from (fetched, the history, a saved file, a PDF).
 */
import { findPrevious, runChecks } from '../checks/run';
import type { Finding, Report } from '../model/report';
import { type HierarchyResult, hierarchyFindings } from './hierarchy';
import { type AuditedPage, type LeagueRow, leagueRow, sortLeague } from './league';
import { type Pairing, pairPrevious } from './pairing';

/** One page of the audit as read: a report, or a page that should have been one and why it is not. */
export type AuditItem =
  | { kind: 'report'; url: string; source: 'html' | 'pdf'; report: Report }
  | { kind: 'unreadable'; url: string; source: 'html' | 'pdf'; problem: string; problemEn: string };

export interface AuditLeague {
  /** Sorted by the league's default order (most errors first). */
  rows: LeagueRow[];
  /** The findings of a row's report (none for a page not read). */
  findingsOf(row: LeagueRow): readonly Finding[];
  /** The governments beside their departments, in the order the governments came. */
  hierarchy: HierarchyResult[];
  /** What became of each item, in the order given (the command line's entries are per page). */
  outcomes: AuditOutcome[];
}

export interface AuditOutcome {
  /** Its previous year among the items, by index. */
  pairing: Pairing<number>;
  /** A report's findings, the hierarchy's included; null for a page not read or whose checks failed. */
  findings: Finding[] | null;
  /** Why the checks of a report failed; null when they ran. */
  error: string | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The league of `items`. `context`: other reports of the same portal (the
 * history's), which count for the hierarchy only — never paired, checked or
 * listed, and never the source of a finding on an audited report's row
 * unless that report is the government's.
 */
export function auditLeague(
  items: readonly AuditItem[],
  context: readonly Report[] = [],
): AuditLeague {
  const reportAt = (i: number) => {
    const item = items[i];
    return item?.kind === 'report' ? item.report : null;
  };
  const pairings = pairPrevious(
    items.map((_, i) => i),
    reportAt,
  );
  const errors: (string | null)[] = items.map(() => null);
  const pages: AuditedPage[] = items.map((item, i) => {
    if (item.kind === 'unreadable') return item;
    const pairing = pairings[i] ?? { state: 'none' };
    const previous = pairing.state === 'found' ? reportAt(pairing.previous) : null;
    try {
      const findings = runChecks(
        item.report,
        findPrevious(item.report, previous ? [previous] : []),
      );
      return {
        kind: 'report',
        url: item.url,
        source: item.source,
        report: item.report,
        findings,
        previous:
          pairing.state === 'found'
            ? { state: 'found', url: items[pairing.previous]?.url ?? '' }
            : pairing.state === 'ambiguous'
              ? { state: 'ambiguous', candidates: pairing.candidates.length }
              : { state: 'none' },
      };
    } catch (error) {
      const detail = messageOf(error);
      errors[i] = detail;
      return {
        kind: 'unreadable',
        url: item.url,
        source: item.source,
        problem: `无法读取：${detail}`,
        problemEn: `cannot be read: ${detail}`,
      };
    }
  });

  const audited = pages.flatMap((page) => (page.kind === 'report' ? [page] : []));
  const known = new Set(audited.map((page) => page.report.url));
  const hierarchy = hierarchyFindings([
    ...audited.map((page) => page.report),
    ...context.filter((report) => !known.has(report.url)),
  ]);
  const findingsOfReport = new Map<Report, Finding[]>(
    audited.map((page) => [page.report, [...page.findings]]),
  );
  for (const result of hierarchy) findingsOfReport.get(result.government)?.push(...result.findings);

  const built = pages.map((page) => {
    const full: AuditedPage =
      page.kind === 'report'
        ? { ...page, findings: findingsOfReport.get(page.report) ?? [] }
        : page;
    return { row: leagueRow(full), findings: full.kind === 'report' ? full.findings : [] };
  });
  const findingsOfRow = new Map<LeagueRow, readonly Finding[]>(
    built.map(({ row, findings }) => [row, findings]),
  );
  return {
    rows: sortLeague(built.map(({ row }) => row)),
    findingsOf: (row) => findingsOfRow.get(row) ?? [],
    hierarchy,
    outcomes: pages.map((page, i) => ({
      pairing: pairings[i] ?? { state: 'none' },
      findings: page.kind === 'report' ? (findingsOfReport.get(page.report) ?? []) : null,
      error: errors[i] ?? null,
    })),
  };
}

/**
 * The one figure of last year's report a card shows. A card with a
 * year-over-year finding quotes the cell of last year's report that its
 * arithmetic uses (上年“结转下年度继续办理” for this year's 上年结转), which
 * is not always the same cell as the marked one: showing both, each called
 * "last year", left a reader with two different figures. The finding's own
 * term wins; otherwise the same cell of last year's report.
 */
import { splitLastYearRow } from '../lib/checks/year-over-year-data';
import type { PreviousSummary } from '../lib/model/history';
import type { Finding } from '../lib/model/report';

export interface LastYearFigure {
  year: number;
  value: number;
  /** The row and column as last year's report printed them; null when it is the marked cell itself. */
  label: { row: string; col: string } | null;
}

/** @param markedKey the canonical key of the marked cell, when it has one */
export function lastYearFigure(
  findings: readonly Finding[],
  markedKey: string | undefined,
  previous: PreviousSummary | null,
): LastYearFigure | null {
  for (const finding of findings) {
    if (finding.family !== 'yearOverYear') continue;
    for (const term of finding.terms) {
      const last = splitLastYearRow(term.row);
      if (last && term.value !== null) {
        return {
          year: last.year ?? previous?.year ?? 0,
          value: term.value,
          label: { row: last.row, col: term.col },
        };
      }
    }
  }
  if (!previous || !markedKey) return null;
  const value = previous.values[markedKey];
  if (value === undefined || value === null) return null;
  return { year: previous.year, value, label: null };
}

/**
 * The year-over-year comparison the popup shows: this year's figures against
 * the same agency's previous report, for the figures a reader compares first
 * (table 三 and 四 totals, table 二, the shared legacy items).
 */
import type { ExtractedTable, Report, TableCell } from '../model/report';

export interface YearOverYearChange {
  /** This year minus last year. */
  delta: number;
  /** The change relative to last year, in percent; null when last year was 0. */
  percent: number | null;
}

export interface YearOverYearRow {
  key: string;
  /** The row's label as printed this year (the key when the page printed none). */
  label: string;
  /** The column's header as printed, when the row label alone does not name the figure. */
  column: string;
  current: number | null;
  previous: number | null;
  /** Null when either year is blank. */
  change: YearOverYearChange | null;
}

/**
 * Which keys are compared, in the order they are shown: table 三's totals are
 * what a journalist looks at first, then the litigation totals, then table 二.
 */
const COMPARED: readonly RegExp[] = [
  /^t3\.[a-zA-Z.]+\.total$/,
  /^t4\.[a-zA-Z]+\.total$/,
  /^t2\./,
  /^legacy\./,
];

/** Rounds away binary noise (12.35 − 12.1) without hiding real decimals. */
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

function changeOf(current: number | null, previous: number | null): YearOverYearChange | null {
  if (current === null || previous === null) return null;
  const delta = tidy(current - previous);
  return { delta, percent: previous === 0 ? null : tidy((delta / Math.abs(previous)) * 100) };
}

/**
 * A numbered sub-row (`1.属于国家秘密`) means little without its category
 * (`（三）不予公开`), which the page prints as a merged label cell to its left.
 */
function categoryOf(table: ExtractedTable, cell: TableCell): string {
  if (!cell.rowLabel || !/^\d/.test(cell.rowLabel)) return '';
  const labels = table.cells
    .filter(
      (other) =>
        other.header &&
        other.col < cell.col &&
        other.row <= cell.row &&
        cell.row < other.row + other.rowSpan &&
        other.rowSpan > 1,
    )
    .sort((a, b) => b.col - a.col);
  const category = labels.find((label) => label.text !== cell.rowLabel);
  return category ? `${category.text.replace(/\s+/g, '')} ` : '';
}

function labelsByKey(report: Report): Map<string, { label: string; column: string }> {
  const labels = new Map<string, { label: string; column: string }>();
  for (const table of report.tables) {
    for (const cell of table.cells) {
      if (!cell.key || labels.has(cell.key)) continue;
      // A table 三 total is named by its row alone; elsewhere the column says what is counted.
      const column = table.kind === 't3' || table.kind === 'legacy' ? '' : (cell.colLabel ?? '');
      const label = cell.rowLabel ? categoryOf(table, cell) + cell.rowLabel : cell.key;
      labels.set(cell.key, { label, column });
    }
    for (const row of table.legacyRows ?? []) {
      if (row.key && !labels.has(row.key)) labels.set(row.key, { label: row.label, column: '' });
    }
  }
  return labels;
}

/** Rows for every compared key that both reports carry. */
export function yearOverYearRows(
  report: Report,
  previousValues: Readonly<Record<string, number | null>>,
): YearOverYearRow[] {
  const labels = labelsByKey(report);
  const keys = Object.keys(report.values).filter((key) => Object.hasOwn(previousValues, key));
  const rows: YearOverYearRow[] = [];
  for (const pattern of COMPARED) {
    for (const key of keys) {
      if (!pattern.test(key) || rows.some((row) => row.key === key)) continue;
      const current = report.values[key] ?? null;
      const previous = previousValues[key] ?? null;
      const { label, column } = labels.get(key) ?? { label: key, column: '' };
      rows.push({ key, label, column, current, previous, change: changeOf(current, previous) });
    }
  }
  return rows;
}

const formatNumber = (value: number) =>
  // Counts stay integers; amounts (万元) keep at most two decimals.
  Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);

/** `▲89 (+125.4%)`, `▼3 (−37.5%)`, `0`; the percentage is left out when last year was 0. */
export function formatChange(change: YearOverYearChange): string {
  if (change.delta === 0) return '0';
  const arrow = change.delta > 0 ? '▲' : '▼';
  const amount = `${arrow}${formatNumber(Math.abs(change.delta))}`;
  if (change.percent === null) return amount;
  const sign = change.percent > 0 ? '+' : '−';
  return `${amount} (${sign}${Math.abs(Math.round(change.percent * 10) / 10)}%)`;
}

/** A figure as the table shows it: blank stays visibly blank. */
export function formatValue(value: number | null, blank: string): string {
  return value === null ? blank : formatNumber(value);
}

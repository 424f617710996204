/**
 * Finds a table's header rows and label columns by what the cells say, not by
 * where they are: portals print the same table with one, two or three header
 * rows, `<td>` or `<th>`, and an optional extra column.
 */

import { normalizeLabel } from '../text/normalise';
import type { Grid, GridCell } from './grid';

/** A value slot: a figure, a blank or a dash — what a data cell holds. */
export function isValueLike(cell: GridCell | null | undefined): boolean {
  return !!cell && cell.value.kind !== 'text';
}

export interface TableLayout {
  /** Leading columns that hold row labels. */
  labelCols: number;
  /** Rows that carry values (the rest are headers, section rows or notes). */
  dataRows: boolean[];
  /** Rows above the first data row: the table's top header. */
  headerRows: number;
}

/** The first column of a row holding a value-like cell that starts in that column. */
function firstValueCol(grid: Grid, r: number): number {
  const row = grid.slots[r] ?? [];
  for (let c = 0; c < grid.width; c++) {
    const cell = row[c];
    if (cell && cell.col === c && isValueLike(cell)) return c;
  }
  return -1;
}

/**
 * `isDataLabel` says whether a row label path names a data row of the
 * table's template (e.g. table 三's （一）予以公开). Without it, a row is a data
 * row only when it holds a figure, a blank or a dash; with it, a row so
 * labelled is a data row even when every value cell is text ("见附件", a
 * garbled figure): those cells are then unreadable, never figures. Taken for
 * a header instead, such a row became the column header of every row below
 * it, and the rest of the table lost its keys.
 */
export function analyseLayout(grid: Grid, isDataLabel?: (path: string[]) => boolean): TableLayout {
  // The label width is the most common first value column over the rows that
  // carry values; a stray blank in a label cell must not shift it.
  const counts = new Map<number, number>();
  const firsts: number[] = [];
  for (let r = 0; r < grid.height; r++) {
    const c = firstValueCol(grid, r);
    firsts.push(c);
    if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let labelCols = 0;
  let best = -1;
  for (const [c, n] of counts) {
    if (n > best || (n === best && c < labelCols)) {
      best = n;
      labelCols = c;
    }
  }
  const dataRows = firsts.map(
    (c, r) =>
      (c >= 0 && c >= labelCols && hasLabelOrNone(grid, r, labelCols)) ||
      (c < 0 && isDataLabel !== undefined && isLabelledTextRow(grid, r, labelCols, isDataLabel)),
  );
  let headerRows = dataRows.indexOf(true);
  if (headerRows < 0) headerRows = grid.height;
  return { labelCols, dataRows, headerRows };
}

/**
 * A row with no figure whose own label (a label cell that starts in this row:
 * not a header's corner cell reaching down into it) names a data row, and
 * which has value cells of its own to be read as unreadable.
 */
function isLabelledTextRow(
  grid: Grid,
  r: number,
  labelCols: number,
  isDataLabel: (path: string[]) => boolean,
): boolean {
  if (labelCols === 0) return false;
  const row = grid.slots[r] ?? [];
  const labels = distinct(row.slice(0, labelCols)).filter((cell) => cell.text !== '');
  if (!labels.some((cell) => cell.row === r)) return false;
  const hasOwnValueCell = row
    .slice(labelCols)
    .some((cell) => cell && cell.row === r && cell.col >= labelCols);
  return hasOwnValueCell && isDataLabel(labelPath(labels));
}

/** A data row has a label in its label columns (or the table has no label columns). */
function hasLabelOrNone(grid: Grid, r: number, labelCols: number): boolean {
  if (labelCols === 0) return true;
  const row = grid.slots[r] ?? [];
  for (let c = 0; c < labelCols; c++) {
    const cell = row[c];
    if (cell && cell.value.kind === 'text' && cell.text !== '') return true;
  }
  return false;
}

/** Distinct cells of a list of slots, in order, without nulls. */
function distinct(cells: (GridCell | null | undefined)[]): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of cells) if (cell && !out.includes(cell)) out.push(cell);
  return out;
}

/** Row labels of data row r, outermost first (merged label cells appear once). */
export function rowLabelCells(grid: Grid, layout: TableLayout, r: number): GridCell[] {
  const row = grid.slots[r] ?? [];
  return distinct(row.slice(0, layout.labelCols)).filter((c) => c.text !== '');
}

/**
 * Header cells above a value cell: the nearest block of non-data rows above
 * its row (the top header, or a section's own sub-header as in table 二).
 */
export function columnHeaderCells(
  grid: Grid,
  layout: TableLayout,
  r: number,
  c: number,
): GridCell[] {
  let top = r - 1;
  while (top >= 0 && layout.dataRows[top]) top--;
  let start = top;
  while (start - 1 >= 0 && !layout.dataRows[start - 1]) start--;
  const cells: (GridCell | null | undefined)[] = [];
  for (let i = start; i <= top && i >= 0; i++) cells.push(grid.slots[i]?.[c]);
  return distinct(cells).filter((cell) => cell.text !== '' && cell.value.kind === 'text');
}

export const labelPath = (cells: GridCell[]): string[] => cells.map((c) => normalizeLabel(c.text));

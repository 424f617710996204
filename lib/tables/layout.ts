/**
 * Every decision of which rows of a table are header rows, which are data
 * rows and which columns hold labels lives here, so that a reader finds all
 * of it in one place. Rows and columns are told by what the cells say, not by
 * where they are: portals print the same table with one, two or three header
 * rows, `<td>` or `<th>`, and an optional extra column.
 *
 * Three ways to find a layout, one for each stage that needs one:
 * - analyseLayout: by the values the rows hold (format tables and other tables);
 * - findLegacyLayout: by the legacy header's own words (统计指标 | 单位 | 统计数);
 * - opensWithHeaderRow: the first row only, for joining split tables before
 *   there is a whole table to analyse.
 * Whichever found it, isHeaderCell is the one rule that marks a cell a header.
 */

import { LEGACY_HEADER } from '../formats/legacy';
import { normalizeLabel } from '../text/normalise';
import type { Grid, GridCell } from './grid';

/** A value slot: a figure, a blank or a dash — what a data cell holds. */
export function isValueLike(cell: GridCell | null | undefined): boolean {
  return !!cell && cell.value.kind !== 'text';
}

export interface TableLayout {
  /** Leading columns that hold row labels. */
  labelCols: number;
  /**
   * The first column that holds values; the cells left of it are headers.
   * It is labelCols, except in a legacy table, whose unit column usually
   * stands between the labels and the values.
   */
  valueCol: number;
  /** Rows that carry values (the rest are headers, section rows or notes). */
  dataRows: boolean[];
  /** Rows above the first data row: the table's top header. */
  headerRows: number;
}

/** A header cell: in a row that carries no values, or left of the values (labels, units). */
export function isHeaderCell(layout: TableLayout, cell: GridCell): boolean {
  return !layout.dataRows[cell.row] || cell.col < layout.valueCol;
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
  return { labelCols, valueCol: labelCols, dataRows, headerRows };
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

/**
 * The layout of a legacy statistics table, found by its header's own words.
 * Legacy tables carry section rows without values (一、主动公开情况) and a
 * unit column of text (件, 条), so counting values, as analyseLayout does,
 * would misplace both their header and their label columns.
 */
export interface LegacyLayout extends TableLayout {
  /** The row that names the columns: the last header row. */
  headerRow: number;
  /** The column of the row labels (the values are in valueCol). */
  labelCol: number;
  unitCol: number;
}

/** The rows a legacy header row is looked for in: a title or a note may stand above it. */
const LEGACY_HEADER_SCAN_ROWS = 4;

/**
 * The first row among the first few that names a label column and a unit
 * column (the value column defaults to the last), or null when the table is
 * not of this shape. Every row below that row is a data row.
 */
export function findLegacyLayout(grid: Grid): LegacyLayout | null {
  const limit = Math.min(grid.height, LEGACY_HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid.slots[r] ?? [];
    let label = -1;
    let unit = -1;
    let value = -1;
    for (let c = 0; c < grid.width; c++) {
      const cell = row[c];
      if (!cell || cell.col !== c) continue;
      const text = normalizeLabel(cell.text);
      if (label < 0 && LEGACY_HEADER.label.test(text)) label = c;
      else if (unit < 0 && LEGACY_HEADER.unit.test(text)) unit = c;
      else if (label >= 0 && value < 0 && LEGACY_HEADER.value.test(text)) value = c;
    }
    if (label >= 0 && unit >= 0) {
      if (value < 0) value = grid.width - 1;
      const dataRows = Array.from({ length: grid.height }, (_, i) => i > r);
      return {
        labelCols: Math.min(unit, value),
        valueCol: value,
        dataRows,
        headerRows: r + 1,
        headerRow: r,
        labelCol: label,
        unitCol: unit,
      };
    }
  }
  return null;
}

/**
 * The data rows of a legacy table that have a label of their own, each with
 * its label cell: a row whose label cell is blank, or is the merged label
 * cell of the row above, adds no row to the hierarchy.
 */
export function legacyLabelledRows(
  grid: Grid,
  layout: LegacyLayout,
): { r: number; labelCell: GridCell }[] {
  const out: { r: number; labelCell: GridCell }[] = [];
  let previous: GridCell | null = null;
  for (let r = 0; r < grid.height; r++) {
    if (!layout.dataRows[r]) continue;
    const labelCell = grid.slots[r]?.[layout.labelCol];
    if (!labelCell || labelCell === previous || labelCell.text === '') continue;
    previous = labelCell;
    out.push({ r, labelCell });
  }
  return out;
}

/**
 * Whether a part of a split table opens with a header row, and so is a table
 * of its own rather than the continuation of the table above. A deliberately
 * looser test than analyseLayout: it runs on every part before the parts are
 * joined, reads the first row only (a continuation may be a single row, too
 * little to count value columns over), and trusts `<th>`. A continuation
 * opens with a body row: a figure, or blank/dash value cells at its right
 * end (labels sit on the left, values on the right; a header's corner may be
 * blank).
 */
export function opensWithHeaderRow(grid: Grid): boolean {
  const firstRow = grid.cells.filter((cell) => cell.row === 0);
  if (firstRow.some((cell) => cell.value.kind === 'number')) return false;
  if (firstRow.every((cell) => cell.isTh)) return true;
  const rightmost = firstRow[firstRow.length - 1];
  return rightmost !== undefined && rightmost.value.kind === 'text';
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

/**
 * A `<table>` expanded into a grid of slots, following the HTML table model
 * the way browsers render it, so that a value lands under the header it sits
 * under on screen however the rows and columns were merged.
 */

import type { CellValue } from '../model/report';
import { runSteps, type Steps } from '../steps';
import { parseCellValue } from '../text/cell-value';
import { elementText } from '../text/dom-text';

export interface GridCell {
  /** The page's cell; null in a grid rebuilt from a PDF's drawing (lib/pdf/), which has no element. */
  el: HTMLTableCellElement | null;
  /** Top-left slot. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** elementText(el) */
  text: string;
  /** parseCellValue(text) */
  value: CellValue;
  isTh: boolean;
}

export interface Grid {
  /** Each printed cell once, in reading order. */
  cells: GridCell[];
  /** [row][col]; a merged cell occupies all its slots; null where the page has no cell. */
  slots: (GridCell | null)[][];
  height: number;
  width: number;
  /** The source `<table>` elements (several when split tables were joined; none for a PDF's table). */
  tables: HTMLTableElement[];
}

// Browsers' limits for the span attributes (HTML: colspan 1..1000, rowspan 0..65534).
export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65534;
/** Slots a grid may hold before columns in which no cell starts are merged away. */
export const MAX_SLOTS = 4_000_000;

/**
 * HTML's "rules for parsing non-negative integers": leading whitespace, an
 * optional sign, digits, and anything after them ignored (`2px` is 2), capped
 * at `cap`. Null when there are no digits or the number is negative; `-0` is
 * zero, as browsers read it (so `rowspan="-0"` spans to the end of the group).
 */
export function parseNonNegativeInteger(attr: string | null, cap: number): number | null {
  if (attr === null) return null;
  let i = 0;
  while (i < attr.length && ' \t\n\f\r'.includes(attr.charAt(i))) i++;
  const negative = attr.charAt(i) === '-';
  if (negative || attr.charAt(i) === '+') i++;
  let value = -1;
  for (; i < attr.length; i++) {
    const digit = attr.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    // Capping while reading keeps `rowspan="99999999999999999999"` an ordinary number.
    value = Math.min(Math.max(value, 0) * 10 + digit, cap);
  }
  return value < 0 || (negative && value > 0) ? null : value;
}

function colSpanOf(cell: Element): number {
  const n = parseNonNegativeInteger(cell.getAttribute('colspan'), MAX_COLSPAN);
  return n === null || n < 1 ? 1 : n;
}

/** 0 means "to the end of the row group". */
function rowSpanOf(cell: Element): number {
  const n = parseNonNegativeInteger(cell.getAttribute('rowspan'), MAX_ROWSPAN);
  return n ?? 1;
}

/**
 * Expands `table` (its own rows only, not those of nested tables) into a grid.
 * Row spans stop at the end of their row group (thead/tbody/tfoot), as
 * browsers draw them, so nothing spans past the last row. Column spans create
 * columns as in the HTML table model, except in a grid too large to hold:
 * there the columns in which no cell starts are merged into their neighbours,
 * so a stray `colspan="1000"` on a long table costs nothing.
 */
export function buildGrid(table: HTMLTableElement): Grid {
  return runSteps(gridSteps(table));
}

/**
 * Cells read between two steps of gridSteps: reading a cell (its text, its
 * value) is most of a table's cost, and a single table of 50,000 cells read
 * in one step was the longest task of a huge report.
 */
export const GRID_STEP_CELLS = 4_096;

/** buildGrid in steps of about GRID_STEP_CELLS cells, whole rows at a time (see lib/steps.ts). */
export function* gridSteps(table: HTMLTableElement): Steps<Grid> {
  const rows = tableRows(table);
  const height = rows.length;

  // Index one past the last row of each row's group; rows are grouped by their parent element.
  const groupEnd = new Array<number>(height);
  for (let r = height - 1; r >= 0; r--) {
    const sameGroupAsNext = r + 1 < height && rows[r]?.parentNode === rows[r + 1]?.parentNode;
    groupEnd[r] = sameGroupAsNext ? (groupEnd[r + 1] ?? height) : r + 1;
  }

  // Per column: the first row no longer covered by a cell from a row above.
  const coveredUntil: number[] = [];
  const cells: GridCell[] = [];
  let width = 0;
  let nextStepAt = GRID_STEP_CELLS;
  for (let r = 0; r < height; r++) {
    if (cells.length >= nextStepAt) {
      nextStepAt = cells.length + GRID_STEP_CELLS;
      yield;
    }
    const row = rows[r];
    if (row === undefined) continue;
    let col = 0;
    for (let el = row.firstElementChild; el !== null; el = el.nextElementSibling) {
      const isTh = el.localName === 'th';
      if (!isTh && el.localName !== 'td') continue;
      while ((coveredUntil[col] ?? 0) > r) col++;
      const colSpan = colSpanOf(el);
      const toGroupEnd = (groupEnd[r] ?? height) - r;
      const declared = rowSpanOf(el);
      const rowSpan = declared === 0 ? toGroupEnd : Math.min(declared, toGroupEnd);
      if (rowSpan > 1) {
        for (let c = col; c < col + colSpan; c++) {
          coveredUntil[c] = Math.max(coveredUntil[c] ?? 0, r + rowSpan);
        }
      }
      const text = elementText(el);
      cells.push({
        el: el as HTMLTableCellElement,
        row: r,
        col,
        rowSpan,
        colSpan,
        text,
        value: parseCellValue(text),
        isTh,
      });
      width = Math.max(width, col + colSpan);
      col += colSpan;
    }
  }
  if (width * height > MAX_SLOTS) width = mergeSpanOnlyColumns(cells);
  // A very long first row over very many short rows still cannot be held (10,000 × 10,000
  // slots would be gigabytes): such a table is reported as too large, not built.
  if (width * height > MAX_SLOTS) throw new GridTooLargeError(cells.length, width, height);
  return assembleGrid(cells, height, width, [table]);
}

/** A table whose grid would exceed MAX_SLOTS even after merging span-only columns. */
export class GridTooLargeError extends Error {
  constructor(
    readonly cells: number,
    readonly width: number,
    readonly height: number,
  ) {
    super(`a table of ${cells} cells would need a ${width} × ${height} grid`);
    this.name = 'GridTooLargeError';
  }
}

/**
 * Merges each column in which no cell starts into the column before it and
 * returns the new width, so that a grid holds at most one column per distinct
 * cell start whatever its spans declare: cutting only the trailing columns
 * left a row of `colspan="1000"` cells over a long table (a few kilobytes of
 * markup) asking for tens of millions of slots. No printed cell is lost, and
 * each cell still spans exactly the cells that start under it.
 */
function mergeSpanOnlyColumns(cells: GridCell[]): number {
  const starts = [...new Set(cells.map((cell) => cell.col))].sort((a, b) => a - b);
  /** Index of the last start at or before `col`. */
  const merged = (col: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= col) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const cell of cells) {
    const first = merged(cell.col);
    cell.colSpan = merged(cell.col + cell.colSpan - 1) - first + 1;
    cell.col = first;
  }
  return starts.length;
}

/**
 * The rows of `table` in the order of `table.rows` (thead rows, then body
 * rows, then tfoot rows), gathered by walking children: jsdom's live
 * `rows`/`cells` collections cost more than the rest of the grid.
 */
function tableRows(table: HTMLTableElement): Element[] {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  for (let child = table.firstElementChild; child !== null; child = child.nextElementSibling) {
    const name = child.localName;
    if (name === 'tr') body.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      const target = name === 'thead' ? head : name === 'tbody' ? body : foot;
      for (let row = child.firstElementChild; row !== null; row = row.nextElementSibling) {
        if (row.localName === 'tr') target.push(row);
      }
    }
  }
  return [...head, ...body, ...foot];
}

/**
 * Builds the slot matrix from placed cells. Where two cells claim one slot (a
 * table-model error in the page), the earlier in reading order keeps it.
 */
export function assembleGrid(
  cells: GridCell[],
  height: number,
  width: number,
  tables: HTMLTableElement[],
): Grid {
  const slots: (GridCell | null)[][] = [];
  for (let r = 0; r < height; r++) slots.push(new Array<GridCell | null>(width).fill(null));
  for (const cell of cells) {
    const rowEnd = Math.min(cell.row + cell.rowSpan, height);
    const colEnd = Math.min(cell.col + cell.colSpan, width);
    for (let r = cell.row; r < rowEnd; r++) {
      const slotRow = slots[r];
      if (slotRow === undefined) continue;
      for (let c = cell.col; c < colEnd; c++) if (slotRow[c] === null) slotRow[c] = cell;
    }
  }
  return { cells, slots, height, width, tables };
}

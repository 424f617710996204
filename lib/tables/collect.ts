/**
 * The data tables of a page as grids. Portal editors and Word split one
 * printed table into several `<table>` elements (a header table, a page break,
 * a `（续表）`), and old portals wrap the article in layout tables; a reader sees
 * one table, so the extraction should too.
 */

import { LIMITS } from '../model/limits';
import { runSteps, type Steps } from '../steps';
import { isBlockElement, isHiddenElement } from '../text/dom-text';
import { cleanText, splitNumbering } from '../text/normalise';
import {
  assembleGrid,
  type Grid,
  type GridCell,
  GridTooLargeError,
  gridSteps,
  MAX_SLOTS,
  parseNonNegativeInteger,
} from './grid';
import { opensWithHeaderRow } from './layout';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A note such as `（续表）` or `单位：件` may stand between the parts of one table. */
const MAX_BRIDGE_CHARS = 40;
/** Beyond this many nodes between two tables they are not parts of one table. */
const MAX_BRIDGE_NODES = 500;
/** HTML's limit for `<col span>`. */
const MAX_COL_SPAN = 1000;

/** Content that makes two tables separate even without any text between them. */
const SEPARATING_ELEMENTS = new Set([
  'img',
  'svg',
  'canvas',
  'picture',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'hr',
  'input',
  'select',
  'textarea',
  'button',
]);

/** Leaving or entering one of these between two tables means a layout table separates them. */
const TABLE_PARTS = new Set([
  'table',
  'caption',
  'colgroup',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

/** A caption of a new table (`表二`, `附表1`), unless it says it continues one (`表二（续）`). */
const TABLE_CAPTION = /^附?表\s*[0-9一二三四五六七八九十]/;

/** The data tables under `root` (or `root` itself) in document order, split tables joined. */
/** A data table too large to read: counted, reported, not built. */
export interface OversizedTable {
  element: Element;
  /** Its `<td>`/`<th>` elements. */
  cells: number;
}

/**
 * The most cells a table may have to be read. Beyond it a table is reported
 * as too large instead of read: the background would refuse a report
 * holding it (LIMITS.cellsPerTable), and reading it would hold the page up.
 */
export const MAX_TABLE_CELLS = LIMITS.cellsPerTable;

export interface CollectedTables {
  grids: Grid[];
  oversized: OversizedTable[];
}

/** The grids of `root`'s data tables, one step per table (see lib/steps.ts). */
export function* collectTableSteps(root: Element): Steps<CollectedTables> {
  const candidates: HTMLTableElement[] = [];
  if (root.localName === 'table') candidates.push(root as HTMLTableElement);
  for (const table of root.getElementsByTagName('table')) candidates.push(table);

  const grids: Grid[] = [];
  const oversized: OversizedTable[] = [];
  let current: Grid | null = null;
  for (const table of candidates) {
    // A table that holds another table lays out the page; its inner tables hold the data.
    if (table.querySelector('table') !== null) continue;
    const cellCount =
      table.getElementsByTagName('td').length + table.getElementsByTagName('th').length;
    if (cellCount > MAX_TABLE_CELLS) {
      oversized.push({ element: table, cells: cellCount });
      continue;
    }
    const grid = yield* gridOrNull(table);
    if (grid === null) {
      oversized.push({ element: table, cells: cellCount });
    } else if (grid.cells.length > 0) {
      const joined: Grid | null =
        current !== null && isContinuation(current, grid) ? joinGrids(current, grid) : null;
      if (joined !== null) current = joined;
      else {
        if (current !== null) grids.push(current);
        current = grid;
      }
    }
    yield;
  }
  if (current !== null) grids.push(current);
  return { grids, oversized };
}

function* gridOrNull(table: HTMLTableElement): Steps<Grid | null> {
  try {
    return yield* gridSteps(table);
  } catch (error) {
    if (error instanceof GridTooLargeError) return null;
    throw error;
  }
}

export function collectTables(root: Element): Grid[] {
  return runSteps(collectTableSteps(root)).grids;
}

function isContinuation(previous: Grid, next: Grid): boolean {
  const above = previous.tables[previous.tables.length - 1];
  const below = next.tables[0];
  if (above === undefined || below === undefined) return false;
  return !opensWithHeaderRow(next) && onlyBridgeBetween(above, below);
}

/**
 * True when nothing a reader would take for content stands between `a` and
 * the later element `b`: whitespace, empty paragraphs, `<br>`, or one short
 * line that is not a section heading or a new table's caption. Parts of one
 * table sit in one container: a path that leaves or enters a table cell runs
 * between compartments of a layout table (article and footer), not across a
 * page break.
 */
function onlyBridgeBetween(a: Element, b: Element): boolean {
  const lines: string[] = [];
  let line = '';
  const endLine = (): boolean => {
    const text = cleanText(line);
    line = '';
    if (text !== '') lines.push(text);
    return lines.length <= 1 && (text === '' || isBridgeNote(text));
  };

  let node: Node | null = a;
  let enter = false;
  for (let visited = 0; visited < MAX_BRIDGE_NODES; visited++) {
    // Advance in document order: into the node, or past it, closing the elements left behind.
    if (enter && node?.firstChild) node = node.firstChild;
    else {
      while (node !== null && node.nextSibling === null) {
        node = node.parentNode;
        if (node === null || node.nodeType !== ELEMENT_NODE) continue;
        const left = node as Element;
        if (TABLE_PARTS.has(left.localName)) return false;
        if (isBlockElement(left) && !endLine()) return false;
      }
      node = node?.nextSibling ?? null;
    }
    enter = false;
    if (node === null) return false;
    if (node === b) return endLine();

    if (node.nodeType === TEXT_NODE) {
      line += (node as Text).data;
      if (line.length > MAX_BRIDGE_CHARS && cleanText(line).length > MAX_BRIDGE_CHARS) return false;
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (TABLE_PARTS.has(name) || SEPARATING_ELEMENTS.has(name)) return false;
      if (isHiddenElement(el)) continue;
      if ((name === 'br' || isBlockElement(el)) && !endLine()) return false;
      enter = true;
      if (el.firstChild === null && isBlockElement(el) && !endLine()) return false;
    }
  }
  return false;
}

function isBridgeNote(text: string): boolean {
  if (text.length > MAX_BRIDGE_CHARS) return false;
  const { level } = splitNumbering(text);
  if (level >= 1 && level <= 3) return false;
  return !TABLE_CAPTION.test(text) || text.includes('续');
}

/**
 * Joins `next` under `current`. Equal widths join column for column.
 * Otherwise the columns of the table with more columns are mapped onto the
 * table with fewer, each to the column it overlaps most horizontally; a cell
 * of the narrower table then spans every column mapped onto its own. The
 * joined grid keeps the finer column system, so neither part loses a column.
 */
function joinGrids(top: Grid, bottom: Grid): Grid | null {
  // Parts that together exceed what one grid may hold stay separate tables.
  if ((top.height + bottom.height) * Math.max(top.width, bottom.width) > MAX_SLOTS) return null;
  let topCells = top.cells;
  let bottomCells = bottom.cells;
  if (top.width !== bottom.width) {
    const topBounds = columnBounds(top) ?? uniformBounds(top.width);
    const bottomBounds = columnBounds(bottom) ?? uniformBounds(bottom.width);
    const map =
      bottom.width > top.width
        ? mapColumns(bottomBounds, topBounds)
        : mapColumns(topBounds, bottomBounds);
    if (map === null) return null;
    if (bottom.width > top.width) topCells = topCells.map((cell) => remapCell(cell, map));
    else bottomCells = bottomCells.map((cell) => remapCell(cell, map));
  }
  const shifted = bottomCells.map((cell) => ({ ...cell, row: cell.row + top.height }));
  return assembleGrid(
    [...topCells, ...shifted],
    top.height + bottom.height,
    Math.max(top.width, bottom.width),
    [...top.tables, ...bottom.tables],
  );
}

/**
 * For each column of the finer table, the column of the coarser table it
 * overlaps most. Null unless the mapping keeps the order of the columns and
 * reaches every coarse column: otherwise the two tables do not line up.
 */
function mapColumns(fine: number[], coarse: number[]): number[] | null {
  const map: number[] = [];
  let previous = 0;
  for (let j = 0; j + 1 < fine.length; j++) {
    const start = fine[j] ?? 0;
    const end = fine[j + 1] ?? 0;
    let best = previous;
    let bestOverlap = 0;
    for (let i = previous; i + 1 < coarse.length; i++) {
      const overlap = Math.min(end, coarse[i + 1] ?? 0) - Math.max(start, coarse[i] ?? 0);
      if (overlap > bestOverlap + 1e-9) {
        best = i;
        bestOverlap = overlap;
      }
      if ((coarse[i + 1] ?? 0) >= end) break;
    }
    if (best > previous + 1 || (j === 0 && best !== 0)) return null;
    map.push(best);
    previous = best;
  }
  return previous === coarse.length - 2 ? map : null;
}

/** The cell of the coarser table, spread over the finer columns mapped onto the columns it spans. */
function remapCell(cell: GridCell, coarseOfFine: number[]): GridCell {
  const lastCoarse = cell.col + cell.colSpan - 1;
  const first = coarseOfFine.indexOf(cell.col);
  const last = coarseOfFine.lastIndexOf(lastCoarse);
  return { ...cell, col: first, colSpan: last - first + 1 };
}

function uniformBounds(width: number): number[] {
  return Array.from({ length: width + 1 }, (_, i) => i / width);
}

interface Length {
  value: number;
  percent: boolean;
}

const CSS_WIDTH = /(?:^|;)\s*width\s*:\s*([^;]+)/i;
const LENGTH = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(px|pt|pc|cm|mm|in|%)?\s*(?:!important\s*)?$/i;
const PX_PER_UNIT: Record<string, number> = {
  px: 1,
  pt: 96 / 72,
  pc: 16,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  in: 96,
};

/** The width the page declares for an element: inline style first (it wins in CSS), then `width`. */
function declaredWidth(el: Element): Length | null {
  const style = el.getAttribute('style');
  const fromStyle = style === null ? undefined : CSS_WIDTH.exec(style)?.[1];
  const m = LENGTH.exec(fromStyle ?? el.getAttribute('width') ?? '');
  if (m === null) return null;
  const unit = (m[2] ?? 'px').toLowerCase();
  if (unit === '%') return { value: Number(m[1]), percent: true };
  return { value: Number(m[1]) * (PX_PER_UNIT[unit] ?? 1), percent: false };
}

/**
 * Column boundaries, as fractions of the table's width, from the widths the
 * page declares on `<col>` and on cells: single-column cells give their
 * column's width, merged cells share what is left among their unknown
 * columns, and columns still unknown get the mean. Null when the table
 * declares no usable width. Works on joined grids too: their cells already
 * sit in one column system.
 */
function columnBounds(grid: Grid): number[] | null {
  const table = grid.tables[0];
  if (table === undefined || grid.width === 0) return null;
  const tableWidth = declaredWidth(table);
  const measured: { col: number; span: number; width: Length }[] = [];
  const fromCols: { col: number; span: number; width: Length }[] = [];
  let col = 0;
  for (const child of table.children) {
    const cols = child.localName === 'colgroup' ? [...child.children] : [child];
    for (const colEl of cols) {
      if (colEl.localName !== 'col') continue;
      const span = Math.max(
        1,
        parseNonNegativeInteger(colEl.getAttribute('span'), MAX_COL_SPAN) ?? 1,
      );
      const width = declaredWidth(colEl);
      if (width !== null) fromCols.push({ col, span, width });
      col += span;
    }
  }
  // <col> elements describe the grid only when they describe all of it (not a table remapped by a join).
  if (col === grid.width) measured.push(...fromCols);
  for (const cell of grid.cells) {
    const width = cell.el ? declaredWidth(cell.el) : null;
    if (width !== null) measured.push({ col: cell.col, span: cell.colSpan, width });
  }

  // Percentages only mix with absolute widths through the table's own absolute width.
  const anyAbsolute = measured.some((m) => !m.width.percent);
  const toCommon = (w: Length): number | null => {
    if (!anyAbsolute) return w.value;
    if (!w.percent) return w.value;
    return tableWidth !== null && !tableWidth.percent ? (w.value * tableWidth.value) / 100 : null;
  };

  const widths = new Array<number | null>(grid.width).fill(null);
  measured.sort((x, y) => x.span - y.span);
  for (const m of measured) {
    const w = toCommon(m.width);
    if (w === null || w <= 0) continue;
    const end = Math.min(m.col + m.span, grid.width);
    let known = 0;
    let unknown = 0;
    for (let c = m.col; c < end; c++) {
      const k = widths[c];
      if (k === null || k === undefined) unknown++;
      else known += k;
    }
    if (unknown === 0 || w <= known) continue;
    for (let c = m.col; c < end; c++) if (widths[c] === null) widths[c] = (w - known) / unknown;
  }

  const known = widths.filter((w): w is number => w !== null);
  if (known.length === 0) return null;
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  const bounds = [0];
  let x = 0;
  for (const w of widths) {
    x += w ?? mean;
    bounds.push(x);
  }
  return bounds.map((b) => b / x);
}

/**
 * Bordered tables, as drawn page by page, into the grids the DOM path
 * builds (lib/tables/grid.ts), so that layout, templates, keys and every
 * check are the same for a PDF. A table broken by a page break is one grid:
 * its parts are joined on the columns they share, a label cell split by the
 * break (「三、本年度办理结果」 down the rows, a （三） group) is one cell
 * again, and a header row the next page repeats is read once.
 */
import { assembleGrid, type Grid, type GridCell } from '../tables/grid';
import { parseCellValue } from '../text/cell-value';
import { cleanText, splitNumbering } from '../text/normalise';
import { cellText } from './lines';
import { clusterPositions, type RuledCell, type RuledTable } from './ruled-tables';

/** A grid read from a PDF, with the page each of its cells is printed on (same order as grid.cells). */
export interface PdfGrid {
  grid: Grid;
  cellPages: number[];
  /** The pages the table is printed on, first to last. */
  pages: number[];
}

/** Column borders of two parts closer than this line up (points). */
const ALIGNED = 3;

interface PlacedCell {
  page: number;
  row: number;
  rowSpan: number;
  x0: number;
  x1: number;
  text: string;
}

const textOf = (cell: RuledCell): string => cleanText(cellText(cell.glyphs));

/** Whether `next` continues `previous`: its outer borders line up with the previous part's. */
export function continuesTable(previous: RuledTable, next: RuledTable): boolean {
  const first = (t: RuledTable) => t.xs[0] ?? 0;
  const last = (t: RuledTable) => t.xs[t.xs.length - 1] ?? 0;
  return (
    Math.abs(first(previous) - first(next)) <= ALIGNED &&
    Math.abs(last(previous) - last(next)) <= ALIGNED
  );
}

/** A label cell's text after a page break that goes on from the cell above, rather than starting a row of its own. */
function goesOn(text: string): boolean {
  if (text === '') return true;
  return splitNumbering(text).level === 0 && parseCellValue(text).kind === 'text';
}

/** The rows of `part` that repeat the table's first rows (Word's 「标题行重复」), counted from its top. */
function repeatedHeaderRows(first: PlacedCell[], part: PlacedCell[]): number {
  const rowText = (cells: PlacedCell[], row: number) =>
    cells
      .filter((c) => c.row === row)
      .map((c) => c.text)
      .join('|');
  const partTop = Math.min(...part.map((c) => c.row));
  const firstTop = Math.min(...first.map((c) => c.row));
  let n = 0;
  while (
    rowText(part, partTop + n) !== '' &&
    rowText(part, partTop + n) === rowText(first, firstTop + n)
  ) {
    n++;
  }
  return n;
}

/** Parts of one table (page order) into one grid. */
export function joinParts(parts: RuledTable[]): PdfGrid {
  const placed: PlacedCell[] = [];
  let offset = 0;
  let firstPart: PlacedCell[] = [];
  for (const [index, part] of parts.entries()) {
    let cells: PlacedCell[] = part.cells.map((c) => ({
      page: part.page,
      row: c.row + offset,
      rowSpan: c.rowSpan,
      x0: c.x0,
      x1: c.x1,
      text: textOf(c),
    }));
    let rows = part.rows;
    if (index === 0) firstPart = cells;
    else {
      const repeated = repeatedHeaderRows(firstPart, cells);
      if (repeated > 0) {
        cells = cells
          .filter((c) => c.row >= offset + repeated)
          .map((c) => ({ ...c, row: c.row - repeated }));
        rows -= repeated;
      }
    }
    // A row Word let break across the page goes on at the top of the next one: its label's
    // last characters, and nothing else (no figure, no numbered label), under the row it ends.
    const top = cells.filter((c) => c.row === offset);
    const splitRow =
      index > 0 && top.every((c) => goesOn(c.text)) && top.some((c) => c.text === '');
    // Top to bottom, so that a label folded into the one above can take the next one too.
    for (const cell of cells.sort((a, b) => a.row - b.row || a.x0 - b.x0)) {
      const atBreak = index > 0 && cell.row === offset;
      if (!foldedIntoAbove(placed, cell, atBreak, atBreak && splitRow)) placed.push(cell);
    }
    offset += rows;
  }
  return toGrid(placed, offset, [...new Set(parts.map((p) => p.page))]);
}

/**
 * Folds `cell` into the label cell above it (same columns, ending where
 * `cell` starts) when it goes on from it; true when folded. A figure or a
 * blank value cell never folds: the cell above must be a label. Within a
 * page only an empty cell under a merged label folds (Chromium ends a
 * merged label's box a row early when its text runs one character a line);
 * after a page break, text that goes on from a merged label (the rest of
 * 「三、本年度办理结果」) folds too, so does the rest of a label in a row
 * split by the break (`inSplitRow`), and an empty cell under any label.
 */
function foldedIntoAbove(
  placed: PlacedCell[],
  cell: PlacedCell,
  atBreak: boolean,
  inSplitRow: boolean,
): boolean {
  if (!goesOn(cell.text)) return false;
  const above = placed.find(
    (p) =>
      p.row + p.rowSpan === cell.row &&
      Math.abs(p.x0 - cell.x0) <= ALIGNED &&
      Math.abs(p.x1 - cell.x1) <= ALIGNED,
  );
  if (!above || above.text === '' || parseCellValue(above.text).kind !== 'text') return false;
  const merged = above.rowSpan > 1 || cell.rowSpan > 1;
  const folds = cell.text === '' ? merged || atBreak : atBreak && (merged || inSplitRow);
  if (!folds) return false;
  above.rowSpan += cell.rowSpan;
  above.text += cell.text;
  return true;
}

function nearestIndex(bounds: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++) {
    if (Math.abs((bounds[i] ?? 0) - x) < Math.abs((bounds[best] ?? 0) - x)) best = i;
  }
  return best;
}

function toGrid(placed: PlacedCell[], height: number, pages: number[]): PdfGrid {
  const bounds = clusterPositions(placed.flatMap((c) => [c.x0, c.x1]));
  const ordered = [...placed].sort((a, b) => a.row - b.row || a.x0 - b.x0);
  const cells: GridCell[] = [];
  const cellPages: number[] = [];
  for (const c of ordered) {
    const col = nearestIndex(bounds, c.x0);
    const colSpan = Math.max(1, nearestIndex(bounds, c.x1) - col);
    cells.push({
      el: null,
      row: c.row,
      col,
      rowSpan: c.rowSpan,
      colSpan,
      text: c.text,
      value: parseCellValue(c.text),
      isTh: false,
    });
    cellPages.push(c.page);
  }
  return {
    grid: assembleGrid(cells, height, Math.max(1, bounds.length - 1), []),
    cellPages,
    pages,
  };
}

/**
 * One worksheet: a plain description (cells, merged ranges, widths, notes)
 * and its SpreadsheetML part.
 *
 * No cell is ever a formula. Text is written as a shared-string cell, which
 * no spreadsheet program evaluates, even when it starts with = + - or @
 * (the formula-injection risk of CSV does not exist here); such text also
 * gets the quote prefix, so that editing the cell later keeps it text.
 */

import { cellAddress, insideGrid, MAX_COLUMNS, MAX_ROWS, rangeAddress } from './cell-address';
import type { SharedStrings } from './shared-strings';
import type { CellStyle, StyleRegistry } from './styles';
import { stripForbidden, XML_DECLARATION, xmlAttr } from './xml';

/** A number, a text, or nothing (a blank is an empty cell, never zero). */
export type CellContent = string | number | null;

export interface SheetCell {
  row: number;
  col: number;
  value: CellContent;
  style?: CellStyle;
}

export interface Block {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A cell note (shown on hover), with its text. */
export interface Note {
  row: number;
  col: number;
  text: string;
}

/**
 * A cell that is a hyperlink: to a web address (the report's page), or to a
 * cell of another sheet (a finding's figure), as `'sheet name'!D16`.
 */
export interface Link {
  row: number;
  col: number;
  target: { url: string } | { location: string };
}

export interface SheetSpec {
  name: string;
  /** Hyperlinks on cells of the sheet. */
  links?: Link[];
  cells: SheetCell[];
  /** Merged ranges; the value lives in the top-left cell. */
  merges: Block[];
  /** Column widths in digit widths, from column A. */
  widths: number[];
  notes: Note[];
  /** Rows kept in view while scrolling (a header row). */
  freezeRows?: number;
}

export interface SheetContext {
  strings: SharedStrings;
  styles: StyleRegistry;
  /** The sheet the workbook opens on. */
  selected: boolean;
  /** Relationship id of the notes' drawing, when the sheet has notes. */
  notesDrawing: string | null;
  /** Relationship ids of the sheet's external links, in the order of its links with a URL. */
  linkRels: readonly string[];
}

const FORMULA_START = /^[=+\-@]/;

function cellXml(cell: SheetCell, ctx: SheetContext): string {
  const ref = cellAddress(cell.row, cell.col);
  const style = cell.style ?? {};
  let { value } = cell;
  if (typeof value === 'number' && !Number.isFinite(value)) value = String(value);
  if (typeof value === 'string') {
    const text = stripForbidden(value);
    if (text !== '') {
      const s = ctx.styles.id(FORMULA_START.test(text) ? { ...style, quotePrefix: true } : style);
      return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="s"><v>${ctx.strings.id(text)}</v></c>`;
    }
    value = null;
  }
  const s = ctx.styles.id(style);
  const attr = s ? ` s="${s}"` : '';
  return value === null ? `<c r="${ref}"${attr}/>` : `<c r="${ref}"${attr}><v>${value}</v></c>`;
}

/** Cells in row-major order, one per slot (the first given wins), inside Excel's grid. */
function orderedCells(cells: readonly SheetCell[]): SheetCell[] {
  const seen = new Set<number>();
  const kept: SheetCell[] = [];
  for (const cell of cells) {
    if (!insideGrid(cell.row, cell.col)) continue;
    const slot = cell.row * MAX_COLUMNS + cell.col;
    if (seen.has(slot)) continue;
    seen.add(slot);
    kept.push(cell);
  }
  return kept.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * Merged ranges that Excel accepts: clipped to the grid, at least two cells,
 * and not overlapping an earlier one (overlaps make Excel "repair" the file).
 */
export function usableMerges(merges: readonly Block[]): Block[] {
  const taken = new Set<number>();
  const kept: Block[] = [];
  for (const merge of merges) {
    if (!insideGrid(merge.row, merge.col)) continue;
    const rowSpan = Math.min(merge.rowSpan, MAX_ROWS - merge.row);
    const colSpan = Math.min(merge.colSpan, MAX_COLUMNS - merge.col);
    if (rowSpan * colSpan < 2) continue;
    const slots: number[] = [];
    for (let r = merge.row; r < merge.row + rowSpan; r++) {
      for (let c = merge.col; c < merge.col + colSpan; c++) slots.push(r * MAX_COLUMNS + c);
    }
    if (slots.some((slot) => taken.has(slot))) continue;
    for (const slot of slots) taken.add(slot);
    kept.push({ row: merge.row, col: merge.col, rowSpan, colSpan });
  }
  return kept;
}

function sheetDataXml(cells: readonly SheetCell[], ctx: SheetContext): string {
  const rows: string[] = [];
  let current = -1;
  let open: string[] = [];
  const flush = () => {
    if (current >= 0) rows.push(`<row r="${current + 1}">${open.join('')}</row>`);
  };
  for (const cell of cells) {
    if (cell.row !== current) {
      flush();
      current = cell.row;
      open = [];
    }
    open.push(cellXml(cell, ctx));
  }
  flush();
  return `<sheetData>${rows.join('')}</sheetData>`;
}

function dimension(cells: readonly SheetCell[]): string {
  if (cells.length === 0) return 'A1';
  let lastRow = 0;
  let firstCol = MAX_COLUMNS;
  let lastCol = 0;
  const firstRow = cells[0]?.row ?? 0;
  for (const cell of cells) {
    lastRow = Math.max(lastRow, cell.row);
    firstCol = Math.min(firstCol, cell.col);
    lastCol = Math.max(lastCol, cell.col);
  }
  return rangeAddress(firstRow, firstCol, lastRow - firstRow + 1, lastCol - firstCol + 1);
}

function sheetViewXml(sheet: SheetSpec, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const rows = sheet.freezeRows ?? 0;
  if (rows <= 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const topLeft = cellAddress(rows, 0);
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}>` +
    `<pane ySplit="${rows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

/** Widths rounded so that the part does not carry float noise. */
function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return '';
  const cols = widths
    .slice(0, MAX_COLUMNS)
    .map(
      (width, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${Math.round(width * 100) / 100}" customWidth="1"/>`,
    );
  return `<cols>${cols.join('')}</cols>`;
}

/** Addresses a spreadsheet may open from a link: web pages only, never `javascript:` or `file:`. */
export function linkableUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The sheet's links that will be written: inside the grid, web addresses only. */
export function usableLinks(links: readonly Link[] = []): Link[] {
  return links.filter(
    (link) =>
      insideGrid(link.row, link.col) && ('location' in link.target || linkableUrl(link.target.url)),
  );
}

function hyperlinksXml(links: readonly Link[], rels: readonly string[]): string {
  if (links.length === 0) return '';
  let external = 0;
  const items = links.map((link) => {
    const ref = cellAddress(link.row, link.col);
    if ('location' in link.target)
      return `<hyperlink ref="${ref}" location="${xmlAttr(link.target.location)}"/>`;
    return `<hyperlink ref="${ref}" r:id="${rels[external++]}"/>`;
  });
  return `<hyperlinks>${items.join('')}</hyperlinks>`;
}

export function sheetXml(sheet: SheetSpec, ctx: SheetContext): string {
  const cells = orderedCells(sheet.cells);
  const merges = usableMerges(sheet.merges);
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges
        .map((m) => `<mergeCell ref="${rangeAddress(m.row, m.col, m.rowSpan, m.colSpan)}"/>`)
        .join('')}</mergeCells>`
    : '';
  return [
    XML_DECLARATION,
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="${dimension(cells)}"/>`,
    sheetViewXml(sheet, ctx.selected),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(sheet.widths),
    sheetDataXml(cells, ctx),
    mergeXml,
    hyperlinksXml(usableLinks(sheet.links), ctx.linkRels),
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    ctx.notesDrawing ? `<legacyDrawing r:id="${ctx.notesDrawing}"/>` : '',
    '</worksheet>',
  ].join('');
}

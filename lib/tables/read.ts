/**
 * From grids to the report's tables: recognise each table's kind, assign
 * canonical keys, and keep per cell what the page printed. A cell that should
 * hold a figure but does not is marked unreadable, never turned into a number.
 */

import { formatTemplates } from '../formats/matchers';
import type { FormatId, FormatTableTemplate } from '../formats/types';
import type { ExtractedTable, LegacyRow, TableCell, TableKind } from '../model/report';
import { runSteps, type Steps } from '../steps';
import { normalizeLabel } from '../text/normalise';
import type { Grid, GridCell } from './grid';
import {
  analyseLayout,
  findLegacyLayout,
  isHeaderCell,
  type LegacyLayout,
  type TableLayout,
} from './layout';
import { formatOfKeys, isTemplateRow, mapFormatTable } from './map-format';
import { mapLegacyTable } from './map-legacy';

export interface ReadTable {
  table: ExtractedTable;
  /** Source element of each entry of table.cells (same order); empty for a PDF's table, which has none. */
  elements: Element[];
  /** The format the table's own layout shows, when it tells. */
  format: FormatId | null;
  template: FormatTableTemplate | null;
  /** The `<table>` elements the table was read from. */
  sources: Element[];
}

interface CellKey {
  key: string;
  rowLabel: string;
  colLabel: string;
}

const METADATA = /索引号|发布机构|主题分类|组配分类|公开方式|成文日期/;

function tableText(grid: Grid): string {
  let out = '';
  for (const cell of grid.cells)
    if (cell.value.kind === 'text') out += `${normalizeLabel(cell.text)}|`;
  return out;
}

function numericCells(grid: Grid): number {
  let n = 0;
  for (const cell of grid.cells) if (cell.value.kind === 'number') n++;
  return n;
}

function toTableCell(cell: GridCell, grid: Grid, header: boolean): TableCell {
  return {
    row: cell.row,
    col: cell.col,
    rowSpan: Math.max(1, Math.min(cell.rowSpan, grid.height - cell.row)),
    colSpan: Math.max(1, Math.min(cell.colSpan, grid.width - cell.col)),
    text: cell.text,
    value: cell.value,
    header,
  };
}

function emptyTable(index: number, kind: TableKind, grid: Grid): ExtractedTable {
  return {
    index,
    kind,
    title: '',
    rowCount: grid.height,
    colCount: grid.width,
    sourceTables: Math.max(1, grid.tables.length),
    headerRows: 0,
    labelCols: 0,
    cells: [],
  };
}

function keyCells(
  table: ExtractedTable,
  grid: Grid,
  layout: TableLayout,
  keys: Map<GridCell, CellKey>,
): Element[] {
  const elements: Element[] = [];
  for (const cell of grid.cells) {
    const out = toTableCell(cell, grid, isHeaderCell(layout, cell));
    const keyed = keys.get(cell);
    if (keyed) {
      out.key = keyed.key;
      out.rowLabel = keyed.rowLabel;
      out.colLabel = keyed.colLabel;
      out.header = false;
      if (cell.value.kind === 'text') out.unreadable = true;
    }
    table.cells.push(out);
    if (cell.el) elements.push(cell.el);
  }
  return elements;
}

/** A table whose header rows and label columns lib/tables/layout.ts found. */
function readLaidOut(
  index: number,
  kind: TableKind,
  grid: Grid,
  layout: TableLayout,
  keys: Map<GridCell, CellKey>,
): { table: ExtractedTable; elements: Element[] } {
  const table = emptyTable(index, kind, grid);
  table.headerRows = layout.headerRows;
  table.labelCols = layout.labelCols;
  const elements = keyCells(table, grid, layout, keys);
  return { table, elements };
}

function readFormatTable(index: number, grid: Grid, template: FormatTableTemplate): ReadTable {
  const layout = analyseLayout(grid, (path) => isTemplateRow(template, path));
  const keyed = mapFormatTable(grid, layout, template);
  const keys = new Map<GridCell, CellKey>(keyed.map((k) => [k.cell, k]));
  const { table, elements } = readLaidOut(index, template.kind, grid, layout, keys);
  return {
    table,
    elements,
    format: formatOfKeys(
      template,
      keyed.map((k) => k.key),
    ),
    template,
    sources: grid.tables,
  };
}

function readLegacy(index: number, grid: Grid, layout: LegacyLayout): ReadTable {
  const rows = mapLegacyTable(grid, layout);
  const valueHeader = grid.slots[layout.headerRow]?.[layout.valueCol]?.text ?? '';
  const keys = new Map<GridCell, CellKey>();
  for (const r of rows) {
    if (r.row.key && r.valueCell) {
      keys.set(r.valueCell, { key: r.row.key, rowLabel: r.row.label, colLabel: valueHeader });
    }
  }
  const { table, elements } = readLaidOut(index, 'legacy', grid, layout, keys);
  table.legacyRows = rows.map((r): LegacyRow => r.row);
  return { table, elements, format: null, template: null, sources: grid.tables };
}

/** The report tables among the grids, in page order; metadata and layout tables are left out. */
export function readTables(grids: Grid[]): ReadTable[] {
  return runSteps(readTableSteps(grids));
}

/** readTables, one step per grid (see lib/steps.ts). */
export function* readTableSteps(grids: Grid[]): Steps<ReadTable[]> {
  const out: ReadTable[] = [];
  for (const [i, grid] of grids.entries()) {
    if (i > 0) yield;
    if (grid.height === 0 || grid.width === 0) continue;
    const text = tableText(grid);
    const index = out.length;
    const legacy = findLegacyLayout(grid);
    if (legacy) {
      out.push(readLegacy(index, grid, legacy));
      continue;
    }
    const template = formatTemplates().find((t) => t.signature.every((re) => re.test(text)));
    if (template) {
      out.push(readFormatTable(index, grid, template));
      continue;
    }
    if (METADATA.test(text) || numericCells(grid) < 2) continue;
    const { table, elements } = readLaidOut(index, 'other', grid, analyseLayout(grid), new Map());
    out.push({ table, elements, format: null, template: null, sources: grid.tables });
  }
  return out;
}

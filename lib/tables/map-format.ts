/**
 * Assigns canonical keys to the value cells of a fixed format table by
 * matching each cell's row label path and column header path against the
 * template's declarations (lib/formats/matchers.ts).
 */

import { formatOfKeys as formatShownByKeys } from '../formats/registry';
import type { AxisEntry, FormatId, FormatTableTemplate } from '../formats/types';
import type { Grid, GridCell } from './grid';
import { columnHeaderCells, labelPath, rowLabelCells, type TableLayout } from './layout';

function matchAxis(entries: AxisEntry[], path: string[]): AxisEntry | undefined {
  const leaf = path[path.length - 1] ?? '';
  const joined = path.join('>');
  return entries.find(
    (e) =>
      (!e.leaf || e.leaf.test(leaf)) &&
      (!e.path || e.path.test(joined)) &&
      !e.notPath?.test(joined),
  );
}

/** Whether a row label path names one of the template's rows (tables with row labels only). */
export function isTemplateRow(template: FormatTableTemplate, path: string[]): boolean {
  return template.rows.length > 0 && matchAxis(template.rows, path) !== undefined;
}

export interface KeyedCell {
  cell: GridCell;
  key: string;
  /** The row's own label and the column's own header, as printed. */
  rowLabel: string;
  colLabel: string;
}

const lastText = (cells: GridCell[]): string => cells[cells.length - 1]?.text ?? '';

/**
 * Keys of the value cells, each key once (the first printed cell that carries it).
 * A row and column whose key no registered format prints (table 二 pairs one
 * form's row with another's column) name no cell of any form: that cell
 * stays in the table, unkeyed, as any other unrecognised cell.
 */
export function mapFormatTable(
  grid: Grid,
  layout: TableLayout,
  template: FormatTableTemplate,
): KeyedCell[] {
  const out: KeyedCell[] = [];
  const seen = new Set<string>();
  // Every value cell under the same header cells gets the same column: matched once per header path.
  const columnsByHeader = new Map<string, AxisEntry | undefined>();
  const columnOf = (headerCells: GridCell[]) => {
    const id = headerCells.map((h) => `${h.row},${h.col}`).join(';');
    if (!columnsByHeader.has(id)) {
      columnsByHeader.set(id, matchAxis(template.cols, labelPath(headerCells)));
    }
    return columnsByHeader.get(id);
  };
  for (let r = 0; r < grid.height; r++) {
    if (!layout.dataRows[r]) continue;
    let rowKey = '';
    const rowCells = rowLabelCells(grid, layout, r);
    if (template.rows.length > 0) {
      const row = matchAxis(template.rows, labelPath(rowCells));
      if (!row) continue;
      rowKey = row.key;
    }
    const slots = grid.slots[r] ?? [];
    for (let c = layout.labelCols; c < grid.width; c++) {
      const cell = slots[c];
      // A merged value cell is read once, at its first slot in this row.
      if (!cell || cell.col !== c || cell.row !== r) continue;
      const headerCells = columnHeaderCells(grid, layout, r, c);
      const col = columnOf(headerCells);
      if (!col || col.key === '') continue;
      const key = [template.kind, rowKey, col.key].filter(Boolean).join('.');
      if (!template.keys.has(key) || seen.has(key)) continue;
      seen.add(key);
      // Table 四 has no row labels: its group (行政复议, 复议后起诉…) names the row.
      const rowLabel = lastText(rowCells) || (headerCells[headerCells.length - 2]?.text ?? '');
      out.push({ cell, key, rowLabel, colLabel: lastText(headerCells) });
    }
  }
  return out;
}

/** Which format a table's keys belong to, when they tell (keys one format prints and another does not). */
export function formatOfKeys(template: FormatTableTemplate, keys: string[]): FormatId | null {
  return formatShownByKeys(keys, [template.kind])?.id ?? null;
}

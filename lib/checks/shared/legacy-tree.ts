/**
 * The rows of a legacy statistics table (2008–2018) placed in their hierarchy,
 * with what a finding needs to point at them. Both the legacy rule (sums over
 * the hierarchy) and the section instances (a declared section as a statistics
 * table prints it) read a table through this tree.
 */
import type { CellRef, ExtractedTable, LegacyRow, TableCell } from '../../model/report';
import { cleanText, normalizeLabel, splitNumbering } from '../../text/normalise';
import { cellRef } from '../report-index';

export type RowState = 'number' | 'blank' | 'unreadable';

export interface LegacyNode {
  table: number;
  row: LegacyRow;
  ref: CellRef;
  state: RowState;
  /** Printed unit, '' when none (or a dash in the unit column). */
  unit: string;
  /** Label without numbering, normalised: what the meaning is matched on. */
  name: string;
  parent: LegacyNode | null;
  children: LegacyNode[];
}

/** Text of the header cell above a column (the value column's 统计数 / 合计 / 数量). */
export function headerAbove(table: ExtractedTable, col: number): string {
  let text = '';
  for (const cell of table.cells) {
    if (cell.row < table.headerRows && cell.col <= col && col < cell.col + cell.colSpan) {
      text = cleanText(cell.text);
    }
  }
  return text;
}

function stateOf(row: LegacyRow, cell: TableCell | undefined): RowState {
  if (cell?.unreadable || row.value.kind === 'text') return 'unreadable';
  return row.value.kind === 'number' ? 'number' : 'blank';
}

function unitOf(row: LegacyRow): string {
  const printed = cleanText(row.unit);
  if (printed && !/^[-—–―/\\]+$/.test(printed)) return printed;
  return row.value.kind === 'number' ? row.value.unit : '';
}

/** Label of a row by meaning: numbering, spaces, and notes in brackets removed. */
export function rowName(label: string): string {
  return normalizeLabel(splitNumbering(label).rest)
    .replace(/\([^)]*\)/g, '')
    .replace(/[:、.]+$/, '');
}

/** The rows of a legacy table placed in their hierarchy, with what a finding needs to point at them. */
export function legacyTree(table: ExtractedTable): LegacyNode[] {
  const nodes: LegacyNode[] = [];
  const byPath = new Map<string, LegacyNode>();
  const valueCells = new Map<number, TableCell>();
  for (const c of table.cells) if (!c.header && !valueCells.has(c.row)) valueCells.set(c.row, c);
  for (const row of table.legacyRows ?? []) {
    const cell = valueCells.get(row.row);
    const col = cell?.col ?? table.colCount - 1;
    const ref: CellRef = {
      ...(cell ? cellRef(table.index, cell) : { table: table.index, r: row.row, c: col }),
      row: row.label,
      col: cell?.colLabel ?? headerAbove(table, col),
      value: cell && row.value.kind === 'number' && !cell.unreadable ? row.value.value : null,
    };
    // The nearest earlier row with the parent's path: labels repeat across sections.
    const parent = byPath.get(row.path.slice(0, -1).join('\u0001')) ?? null;
    const node: LegacyNode = {
      table: table.index,
      row,
      ref,
      state: stateOf(row, cell),
      unit: unitOf(row),
      name: rowName(row.label),
      parent: row.path.length > 1 ? parent : null,
      children: [],
    };
    node.parent?.children.push(node);
    nodes.push(node);
    byPath.set(row.path.join('\u0001'), node);
  }
  return nodes;
}

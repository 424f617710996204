/**
 * Declared sections (lib/checks/legacy-data.ts LEGACY_SECTIONS, e.g. 申请来源)
 * as each table of a report prints them: a legacy statistics table's rows
 * under the section's heading, or a table of its own whose header names the
 * section. Rows are named by their label's meaning (numbering and bracketed
 * notes removed), so the same quantity can be found in two tables. The legacy
 * rule checks a section against its whole; the cross-table rule compares two
 * tables' copies of it.
 */
import type { CellRef, ExtractedTable, Report, TableCell } from '../../model/report';
import { cleanText, splitNumbering } from '../../text/normalise';
import { LEGACY_SECTIONS, type LegacySection, SHARE_COLUMN } from '../legacy-data';
import { cellRef } from '../report-index';
import { headerAbove, type LegacyNode, type RowState, rowName } from './legacy-tree';

export interface SectionRow {
  name: string;
  ref: CellRef;
  state: RowState;
  /** A `其中` row: a subset of the row above, not one of the section's parts. */
  subset: boolean;
}

/** A declared section as one table prints it. */
export interface SectionInstance {
  section: LegacySection;
  table: number;
  /** How a reader finds the table: 统计表, or the section's own table by its heading. */
  tableName: string;
  rows: SectionRow[];
  /** The whole the section's parts add up to, as this table (or, for a statistics table, its keyed row) prints it. */
  total: SectionRow | null;
}

const stateOfCell = (cell: TableCell): RowState =>
  cell.unreadable || cell.value.kind === 'text'
    ? 'unreadable'
    : cell.value.kind === 'number'
      ? 'number'
      : 'blank';

function legacyInstances(table: ExtractedTable, nodes: LegacyNode[]): SectionInstance[] {
  const out: SectionInstance[] = [];
  for (const section of LEGACY_SECTIONS) {
    const head = nodes.find((n) => section.label.test(n.name));
    if (!head) continue;
    const rows: SectionRow[] = [];
    for (const part of head.children) {
      if (part.row.subset) continue;
      rows.push({ name: part.name, ref: part.ref, state: part.state, subset: false });
      for (const sub of part.children.filter((c) => c.row.subset)) {
        rows.push({ name: sub.name, ref: sub.ref, state: sub.state, subset: true });
      }
    }
    const whole = nodes.find((n) => n.row.key === section.total);
    out.push({
      section,
      table: table.index,
      tableName: '统计表',
      rows,
      total: whole ? { name: whole.name, ref: whole.ref, state: whole.state, subset: false } : null,
    });
  }
  return out;
}

/** A table of its own (kind `other`) whose header names a declared section. */
function ownTableInstance(table: ExtractedTable): SectionInstance | null {
  const headers = table.cells.filter((c) => c.row < table.headerRows);
  const section = LEGACY_SECTIONS.find(
    (s) => s.label.test(rowName(table.title)) || headers.some((h) => s.label.test(rowName(h.text))),
  );
  if (!section) return null;
  const countCol = (cell: TableCell): boolean =>
    !cell.header && !SHARE_COLUMN.test(headerAbove(table, cell.col));
  const rows: SectionRow[] = [];
  let total: SectionRow | null = null;
  let inSubset = false;
  for (let r = table.headerRows; r < table.rowCount; r++) {
    const label = table.cells.find((c) => c.row === r && c.col < Math.max(1, table.labelCols));
    const value = table.cells.find((c) => c.row === r && countCol(c));
    if (!label || !value || label === value) continue;
    const level = splitNumbering(label.text).level;
    inSubset = level === 4 || (level === 0 && inSubset);
    const row: SectionRow = {
      name: rowName(label.text),
      ref: {
        ...cellRef(table.index, value),
        row: cleanText(label.text),
        col: headerAbove(table, value.col),
      },
      state: stateOfCell(value),
      subset: inSubset,
    };
    if (section.totalRow.test(row.name)) total = row;
    else rows.push(row);
  }
  const heading = cleanText(table.title) || cleanText(headers.find((h) => h.col === 0)?.text ?? '');
  // A caption usually names the table itself (申请来源统计表); a bare header does not.
  const tableName = `「${heading}」${heading.endsWith('表') ? '' : '表'}`;
  return { section, table: table.index, tableName, rows, total };
}

/**
 * Every declared section the report's legacy and unrecognised tables print.
 * A legacy table is read through `treeOf`, so the caller decides whether its
 * tree is built anew or taken from the run's analysis.
 */
export function sectionInstances(
  report: Report,
  treeOf: (table: ExtractedTable) => LegacyNode[],
): SectionInstance[] {
  return report.tables.flatMap((table) => {
    if (table.kind === 'legacy') return legacyInstances(table, treeOf(table));
    if (table.kind === 'other') {
      const own = ownTableInstance(table);
      return own ? [own] : [];
    }
    return [];
  });
}

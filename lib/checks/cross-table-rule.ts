/**
 * One quantity printed in two tables of a report (domain.md, family 4):
 * e.g. a legacy statistics table's 申请来源 rows and the report's separate
 * 申请来源 table. Which sections can be compared is declared as data
 * (lib/templates/legacy-checks.ts LEGACY_SECTIONS); rows are paired by their
 * label's meaning (numbering and bracketed notes removed), so the rule works on
 * any legacy or unrecognised table that prints a declared section.
 */
import type { CellRef, ExtractedTable, Finding, Report, TableCell } from '../model';
import { LEGACY_SECTIONS, type LegacySection, SHARE_COLUMN } from '../templates/legacy-checks';
import { cleanText, splitNumbering } from '../text';
import { formatNumber } from './format';
import {
  culpritOf,
  type Discrepancy,
  evaluateLegacy,
  headerAbove,
  legacyTree,
  type RowState,
  refId,
  rowName,
  sumDiscrepancy,
} from './legacy-rule';
import { cellRef } from './report-index';
import type { Rule } from './types';

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

function legacyInstances(table: ExtractedTable): SectionInstance[] {
  const nodes = legacyTree(table);
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

/** Every declared section the report's legacy and unrecognised tables print. */
export function sectionInstances(report: Report): SectionInstance[] {
  return report.tables.flatMap((table) => {
    if (table.kind === 'legacy') return legacyInstances(table);
    if (table.kind === 'other') {
      const own = ownTableInstance(table);
      return own ? [own] : [];
    }
    return [];
  });
}

export interface Mismatch {
  section: LegacySection;
  a: { instance: SectionInstance; row: SectionRow };
  b: { instance: SectionInstance; row: SectionRow };
  discrepancy: Discrepancy;
}

/** Rows of one instance by name; a name printed twice is ambiguous and left out. */
function rowsByName(instance: SectionInstance): Map<string, SectionRow> {
  const seen = new Map<string, SectionRow | null>();
  for (const row of instance.rows) seen.set(row.name, seen.has(row.name) ? null : row);
  return new Map([...seen].filter((e): e is [string, SectionRow] => e[1] !== null));
}

/** Same quantity, two printed figures that differ. */
export function crossTableMismatches(report: Report): Mismatch[] {
  const instances = sectionInstances(report);
  const out: Mismatch[] = [];
  instances.forEach((a, i) => {
    for (const b of instances.slice(i + 1)) {
      if (a.section !== b.section || a.table === b.table) continue;
      const pairs: [SectionRow, SectionRow][] = [];
      const bRows = rowsByName(b);
      for (const [name, row] of rowsByName(a)) {
        const other = bRows.get(name);
        if (other) pairs.push([row, other]);
      }
      if (a.total && b.total) pairs.push([a.total, b.total]);
      for (const [x, y] of pairs) {
        // Blank is not zero: only two printed figures can disagree.
        if (x.state !== 'number' || y.state !== 'number' || refId(x.ref) === refId(y.ref)) continue;
        const gap = Math.abs((x.ref.value ?? 0) - (y.ref.value ?? 0));
        if (gap === 0) continue;
        out.push({
          section: a.section,
          a: { instance: a, row: x },
          b: { instance: b, row: y },
          discrepancy: { cells: [x.ref, y.ref], gap },
        });
      }
    }
  });
  return out;
}

function mismatchFinding(m: Mismatch, culprit: CellRef | null): Finding {
  const { a, b } = m;
  const av = a.row.ref.value ?? 0;
  const bv = b.row.ref.value ?? 0;
  const where = (side: typeof a) => `${side.instance.tableName}「${side.row.ref.row}」`;
  const arithmetic = `${where(a)} ${formatNumber(av)} ≠ ${where(b)} ${formatNumber(bv)}；差 ${formatNumber(m.discrepancy.gap)}`;
  const zh = `同一数字在两张表中不一致（${m.section.name}）：${where(a)}为 ${formatNumber(av)}，${where(b)}为 ${formatNumber(bv)}`;
  const en = `The same figure (${m.section.nameEn}) differs between two tables: “${a.row.ref.row}” is ${formatNumber(av)} in one and “${b.row.ref.row}” ${formatNumber(bv)} in the other`;
  const base = {
    rule: 'crossTable.mismatch',
    family: 'crossTable' as const,
    severity: 'warning' as const,
    arithmetic,
  };
  if (culprit) {
    const other = refId(culprit) === refId(a.row.ref) ? b.row.ref : a.row.ref;
    return {
      ...base,
      message: `${zh}；「${culprit.row}」同时出现在另一处不符的数字中，最可能有误`,
      messageEn: `${en}; “${culprit.row}” is in another broken figure too and is the likely error`,
      cells: [culprit],
      terms: [other],
      expected: other.value,
      actual: culprit.value,
    };
  }
  // Neither figure can be singled out: both are marked, the later table's against the earlier.
  return {
    ...base,
    message: zh,
    messageEn: en,
    cells: [a.row.ref, b.row.ref],
    terms: [],
    expected: av,
    actual: bv,
  };
}

export const crossTableRule: Rule = {
  family: 'crossTable',
  run(ctx) {
    const mismatches = crossTableMismatches(ctx.report);
    if (mismatches.length === 0) return [];
    const all = [
      ...evaluateLegacy(ctx.report).sums.map(sumDiscrepancy),
      ...mismatches.map((m) => m.discrepancy),
    ];
    return mismatches.map((m) => mismatchFinding(m, culpritOf(m.discrepancy, all)));
  },
};

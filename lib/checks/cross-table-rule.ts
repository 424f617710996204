/**
 * One quantity printed in two tables of a report (domain.md, family 4):
 * e.g. a legacy statistics table's 申请来源 rows and the report's separate
 * 申请来源 table. Which sections can be compared is declared as data
 * (lib/checks/legacy-data.ts LEGACY_SECTIONS); rows are paired by their
 * label's meaning (numbering and bracketed notes removed), so the rule works on
 * any legacy or unrecognised table that prints a declared section. How the
 * sections are read and paired is shared with the legacy rule
 * (lib/checks/shared/sections.ts, mismatches.ts); this module words the finding.
 */
import type { CellRef } from '../model/report';
import { defineRule } from './define-rule';
import { formatNumber } from './shared/arithmetic';
import { culpritOf } from './shared/culprit';
import type { Mismatch } from './shared/mismatches';
import { refId } from './shared/refs';
import type { RuleFinding } from './types';

function mismatchFinding(m: Mismatch, culprit: CellRef | null): RuleFinding {
  const { a, b } = m;
  const av = a.row.ref.value ?? 0;
  const bv = b.row.ref.value ?? 0;
  const where = (side: typeof a) => `${side.instance.tableName}「${side.row.ref.row}」`;
  const arithmetic = `${where(a)} ${formatNumber(av)} ≠ ${where(b)} ${formatNumber(bv)}；差 ${formatNumber(m.discrepancy.gap)}`;
  const arithmeticEn = `“${a.row.ref.row}” ${formatNumber(av)} ≠ “${b.row.ref.row}” ${formatNumber(bv)}; difference ${formatNumber(m.discrepancy.gap)}`;
  const zh = `同一数字在两张表中不一致（${m.section.name}）：${where(a)}为 ${formatNumber(av)}，${where(b)}为 ${formatNumber(bv)}`;
  const en = `The same figure (${m.section.nameEn}) differs between two tables: “${a.row.ref.row}” is ${formatNumber(av)} in one and “${b.row.ref.row}” ${formatNumber(bv)} in the other`;
  const base = {
    rule: 'crossTable.mismatch',
    severity: 'warning' as const,
    arithmetic,
    arithmeticEn,
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
      likely: true,
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

export const crossTableRule = defineRule({
  id: 'cross-table',
  family: 'crossTable',
  run(ctx) {
    const mismatches = ctx.analysis.mismatches();
    if (mismatches.length === 0) return [];
    const all = ctx.analysis.discrepancies();
    return mismatches.map((m) => mismatchFinding(m, culpritOf(m.discrepancy, all)));
  },
});

/**
 * Legacy statistics tables (2008–2018): reports what their hierarchy
 * contradicts (lib/checks/shared/legacy-evaluation.ts says what is checked and
 * at which severity), and where a figure is in several broken relations, among
 * them the cross-table rule's mismatches, points at it as the likely error.
 */
import type { CellRef } from '../model/report';
import { defineRule } from './define-rule';
import { sumOf } from './shared/arithmetic';
import { culpritOf } from './shared/culprit';
import { type BrokenSum, sumDiscrepancy } from './shared/legacy-evaluation';
import { refId } from './shared/refs';
import type { CheckContext, RuleFinding } from './types';

function sumFinding(b: BrokenSum, culprit: CellRef | null): RuleFinding {
  if (!culprit || refId(culprit) === refId(b.whole)) {
    return {
      rule: b.rule,
      severity: b.severity,
      message: b.zh,
      messageEn: b.en,
      cells: [b.whole],
      terms: b.parts,
      expected: b.sum,
      actual: b.stated,
      arithmetic: b.arithmetic,
      arithmeticEn: b.arithmeticEn,
    };
  }
  // A part singled out: what it would have to be for the sum to hold.
  const value = culprit.value ?? 0;
  return {
    rule: b.rule,
    severity: b.severity,
    message: `${b.zh}；「${culprit.row}」一格同时出现在多处不符的数字中，最可能有误`,
    messageEn: `${b.en}; “${culprit.row}” is in several broken figures and is the likely error`,
    cells: [culprit],
    terms: [b.whole, ...b.parts.filter((p) => refId(p) !== refId(culprit))],
    expected: sumOf([value, b.stated - b.sum]),
    actual: value,
    arithmetic: b.arithmetic,
    arithmeticEn: b.arithmeticEn,
    likely: true,
  };
}

export const legacyRule = defineRule({
  id: 'legacy',
  family: 'legacy',
  run(ctx: CheckContext) {
    if (!ctx.report.tables.some((t) => t.kind === 'legacy')) return [];
    const { sums, others } = ctx.analysis.legacy();
    const all = ctx.analysis.discrepancies();
    return [...sums.map((b) => sumFinding(b, culpritOf(sumDiscrepancy(b), all))), ...others];
  },
});

/**
 * One finding per cause: what the reader of a report would see twice is
 * reported once, and nothing either finding showed is lost.
 */
import { describe, expect, it } from 'vitest';
import { dedupeFindings } from '../../../lib/checks/dedupe';
import type { CellRef, Finding } from '../../../lib/model/report';

const cell = (row: string, value: number, table = 0, r = 1): CellRef => ({
  table,
  r,
  c: 2,
  row,
  col: '数量',
  value,
});
const CITIZENS = cell('6.公民', 14, 0, 52);
const OTHER_TABLE = cell('六、公民', 16, 1, 6);
const RECEIVED = cell('(一)收到申请数', 23, 0, 22);

const finding = (patch: Partial<Finding>): Finding => ({
  rule: 'crossTable.mismatch',
  family: 'crossTable',
  severity: 'warning',
  message: '同一数字在两张表中不一致',
  messageEn: 'The same figure differs between two tables',
  cells: [CITIZENS],
  terms: [OTHER_TABLE],
  expected: 16,
  actual: 14,
  arithmetic: '14 ≠ 16；差 2',
  arithmeticEn: '14 ≠ 16; difference 2',
  ...patch,
});
const sectionTotal = finding({
  rule: 'legacy.section-total',
  family: 'legacy',
  terms: [RECEIVED],
  arithmetic: '0 + 2 + 4 + 0 + 0 + 14 + 1 = 21，但「(一)收到申请数」为 23；差 2',
  arithmeticEn: '0 + 2 + 4 + 0 + 0 + 14 + 1 = 21, but “(一)收到申请数” is 23; difference 2',
});

describe('one finding per cause', () => {
  it('keeps the more specific of two rules that single out one cell with the same figures', () => {
    const [kept, ...rest] = dedupeFindings([sectionTotal, finding({})]);
    expect(rest).toEqual([]);
    expect(kept?.rule).toBe('crossTable.mismatch');
    // The general finding's sum is not lost: its arithmetic and its terms come along.
    expect(kept?.arithmetic).toBe(
      '14 ≠ 16；差 2。0 + 2 + 4 + 0 + 0 + 14 + 1 = 21，但「(一)收到申请数」为 23；差 2',
    );
    expect(kept?.arithmeticEn).toContain('difference 2. 0 + 2 + 4');
    expect(kept?.terms).toEqual([OTHER_TABLE, RECEIVED]);
  });

  it('reports a finding of one rule repeated with the same cells and figures once', () => {
    const again = finding({ terms: [OTHER_TABLE, RECEIVED] });
    const out = dedupeFindings([finding({}), again]);
    expect(out).toHaveLength(1);
    expect(out[0]?.arithmetic).toBe('14 ≠ 16；差 2');
    expect(out[0]?.terms).toEqual([OTHER_TABLE, RECEIVED]);
  });

  it('keeps apart findings whose figures differ, or whose rules are not declared as one cause', () => {
    const otherFigure = finding({ expected: 15 });
    const rowTotal = finding({ rule: 't3.row-total', family: 'identity' });
    const columnTotal = finding({ rule: 't3.results-total', family: 'identity' });
    expect(dedupeFindings([finding({}), otherFigure])).toHaveLength(2);
    expect(dedupeFindings([rowTotal, columnTotal])).toHaveLength(2);
  });

  it('keeps apart findings that mark no cell unless they say the same', () => {
    const missing = (message: string) =>
      finding({ rule: 'form.missing-rows', cells: [], terms: [], message });
    expect(dedupeFindings([missing('表三缺少…'), missing('表四缺少…')])).toHaveLength(2);
    expect(dedupeFindings([missing('表三缺少…'), missing('表三缺少…')])).toHaveLength(1);
  });

  it('keeps the order of the findings, the kept one where it stood', () => {
    const unrelated = finding({ rule: 'narrative.figure', family: 'narrative', cells: [RECEIVED] });
    const out = dedupeFindings([sectionTotal, unrelated, finding({})]);
    expect(out.map((f) => f.rule)).toEqual(['narrative.figure', 'crossTable.mismatch']);
  });
});

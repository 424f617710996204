import { describe, expect, it } from 'vitest';
import { blankTotalRule } from '../../../lib/checks/blank-total-rule';
import { checkContext } from '../../../lib/checks/context';
import { identityRule } from '../../../lib/checks/identity-rule';
import type { Report } from '../../../lib/model/report';
import { reportOf, tableOf } from '../../support/report-builder';

/** The identities' findings: blank totals (the form family's) first, then broken identities. */
const run = (report: Report) => {
  const ctx = checkContext(report, null);
  return [...blankTotalRule.run(ctx), ...identityRule.run(ctx)];
};

const T4_CLEAN: Record<string, string> = {
  't4.review.upheld': '3',
  't4.review.corrected': '1',
  't4.review.other': '0',
  't4.review.pending': '1',
  't4.review.total': '5',
};

describe('table 四 group totals', () => {
  it('says nothing when the outcomes add up', () => {
    expect(run(reportOf([tableOf('t4', T4_CLEAN)]))).toEqual([]);
  });

  it('marks the stated total and lists the outcomes as terms', () => {
    const [finding, ...rest] = run(
      reportOf([tableOf('t4', { ...T4_CLEAN, 't4.review.total': '6' })]),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 't4.group-total',
      severity: 'error',
      expected: 5,
      actual: 6,
      arithmetic: '3 + 1 + 0 + 1 = 5，但total为 6；差 1',
    });
    expect(finding?.cells.map((c) => c.key)).toEqual(['t4.review.total']);
    expect(finding?.terms.map((c) => c.key)).toHaveLength(4);
  });

  it('reads a blank outcome as zero when the others are filled, and says so', () => {
    const [finding] = run(
      reportOf([tableOf('t4', { ...T4_CLEAN, 't4.review.other': '', 't4.review.total': '6' })]),
    );
    expect(finding?.arithmetic).toContain('空白按0计');
  });

  it('reports a blank total over filled outcomes as incomplete, not as a wrong sum', () => {
    const findings = run(reportOf([tableOf('t4', { ...T4_CLEAN, 't4.review.total': '' })]));
    expect(findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ['form.blank-total', 'warning', 5, null],
    ]);
  });

  it('does not turn an unreadable outcome into a number', () => {
    expect(run(reportOf([tableOf('t4', { ...T4_CLEAN, 't4.review.other': '见附件' })]))).toEqual(
      [],
    );
  });

  it('stays silent on a table left entirely blank', () => {
    const blank = Object.fromEntries(Object.keys(T4_CLEAN).map((k) => [k, '']));
    expect(run(reportOf([tableOf('t4', blank)]))).toEqual([]);
  });
});

/** A small 2021 table 三 whose identities hold: blank applicant cells are zeros left blank. */
const T3_CLEAN: Record<string, string> = {
  't3.new.natural': '5',
  't3.new.commercial': '1',
  't3.new.total': '6',
  't3.carryIn.natural': '1',
  't3.carryIn.commercial': '',
  't3.carryIn.total': '1',
  't3.open.natural': '3',
  't3.open.commercial': '',
  't3.open.total': '3',
  't3.unable.notHeld.natural': '2',
  't3.unable.notHeld.commercial': '1',
  't3.unable.notHeld.total': '3',
  't3.totalHandled.natural': '5',
  't3.totalHandled.commercial': '1',
  't3.totalHandled.total': '6',
  't3.carryOut.natural': '1',
  't3.carryOut.commercial': '',
  't3.carryOut.total': '1',
};
const blankOut = (cells: Record<string, string>, keys: (k: string) => boolean) =>
  Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, keys(k) ? '' : v]));
const markedKeys = (f: { cells: { key?: string }[] } | undefined) => f?.cells.map((c) => c.key);

describe('blank totals: one omission, one finding', () => {
  it('says nothing when table 三 adds up', () => {
    expect(run(reportOf([tableOf('t3', T3_CLEAN)]))).toEqual([]);
  });

  it('reports a 总计 column left blank as one finding that marks each of its blank totals', () => {
    const t3 = blankOut(T3_CLEAN, (k) => k.endsWith('.total'));
    const findings = run(reportOf([tableOf('t3', t3)]));
    expect(findings.map((f) => f.rule)).toEqual(['form.blank-total-column']);
    expect(markedKeys(findings[0])).toEqual([
      't3.new.total',
      't3.carryIn.total',
      't3.open.total',
      't3.unable.notHeld.total',
      't3.totalHandled.total',
      't3.carryOut.total',
    ]);
    expect(findings[0]?.message).toContain('表三「total」一列整列空白，其中 6 个合计');
    expect(findings[0]?.messageEn).toContain('the whole “total” column is blank');
    expect(findings[0]?.arithmetic).toContain('6 个合计为空白');
  });

  it('still gives one finding when the column is blank but for a total or two', () => {
    const t3 = blankOut(
      T3_CLEAN,
      (k) => k.endsWith('.total') && k !== 't3.new.total' && k !== 't3.carryOut.total',
    );
    const findings = run(reportOf([tableOf('t3', t3)]));
    expect(findings.map((f) => f.rule)).toEqual(['form.blank-total-column']);
    expect(markedKeys(findings[0])).toHaveLength(4);
    expect(findings[0]?.message).toContain('一列有 4 个合计空白');
  });

  it('reports a row of totals left blank ((七)总计 across the columns) as one finding', () => {
    const t3 = blankOut(T3_CLEAN, (k) => k.startsWith('t3.totalHandled.') && !k.endsWith('.total'));
    const findings = run(reportOf([tableOf('t3', t3)]));
    expect(findings.map((f) => f.rule)).toEqual(['form.blank-total-row']);
    expect(markedKeys(findings[0])).toEqual([
      't3.totalHandled.natural',
      't3.totalHandled.commercial',
    ]);
    expect(findings[0]?.message).toContain('「totalHandled」一行有 2 个合计空白');
  });

  it('keeps a lone blank total a finding of its own, with its sum', () => {
    const findings = run(reportOf([tableOf('t3', { ...T3_CLEAN, 't3.unable.notHeld.total': '' })]));
    expect(findings.map((f) => [f.rule, f.expected, markedKeys(f)])).toEqual([
      ['form.blank-total', 3, ['t3.unable.notHeld.total']],
    ]);
  });
});

describe('table 三 of a 2021-era report with the 2019 single row （六）其他处理', () => {
  const singleOther = (other: string): Record<string, string> => ({
    ...T3_CLEAN,
    't3.open.natural': '2',
    't3.open.total': '2',
    't3.other.natural': other,
    't3.other.commercial': '',
    't3.other.total': other,
  });

  it('holds its identities with （六） as one row', () => {
    expect(run(reportOf([tableOf('t3', singleOther('1'))]))).toEqual([]);
  });

  it('counts the one row in the column sums: a wrong figure there breaks them', () => {
    const findings = run(reportOf([tableOf('t3', singleOther('2'))]));
    expect(findings.map((f) => f.rule)).toEqual(['t3.results-total', 't3.results-total']);
    expect(findings[0]?.arithmetic).toBe('2 + 2 + 2 = 6，但natural为 5；差 1');
  });
});

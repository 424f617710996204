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

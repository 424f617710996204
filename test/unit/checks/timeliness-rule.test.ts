import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { timelinessRule } from '../../../lib/checks/timeliness-rule';
import type { Report } from '../../../lib/model/report';
import { reportOf } from '../../support/report-builder';

const run = (identity: Partial<Report['identity']>) => {
  const report = reportOf([], identity);
  return timelinessRule.run(checkContext(report, null));
};

const summary = (identity: Partial<Report['identity']>) =>
  run(identity).map((f) => [f.rule, f.severity, f.expected, f.actual]);

describe('publication deadline', () => {
  it('warns when a department publishes after 31 January, naming the deadline, the date and the days late', () => {
    const findings = run({ year: 2023, bodyKind: 'department', publishedAt: '2024-02-06' });
    expect(findings).toHaveLength(1);
    const [late] = findings;
    expect(late).toMatchObject({
      rule: 'timeliness.late',
      family: 'timeliness',
      severity: 'warning',
      expected: '2024-01-31',
      actual: '2024-02-06',
      arithmetic: '2024-02-06 − 2024-01-31 = 6 天',
      cells: [],
      terms: [],
    });
    expect(late?.message).toContain('2024年1月31日');
    expect(late?.message).toContain('2024年2月6日');
    expect(late?.message).toContain('逾期 6 天');
    expect(late?.messageEn).toContain('6 days after the deadline of 2024-01-31');
  });

  it('gives a people’s government until 31 March', () => {
    expect(run({ year: 2023, bodyKind: 'government', publishedAt: '2024-02-06' })).toEqual([]);
    expect(summary({ year: 2023, bodyKind: 'government', publishedAt: '2024-04-02' })).toEqual([
      ['timeliness.late', 'warning', '2024-03-31', '2024-04-02'],
    ]);
  });

  it('holds townships and street offices to 31 January', () => {
    expect(summary({ year: 2022, bodyKind: 'township', publishedAt: '2023-02-01' })).toEqual([
      ['timeliness.late', 'warning', '2023-01-31', '2023-02-01'],
    ]);
  });

  it('gives a body of unknown kind the later deadline rather than a false alarm', () => {
    expect(run({ year: 2023, bodyKind: 'unknown', publishedAt: '2024-03-01' })).toEqual([]);
    expect(summary({ year: 2023, bodyKind: 'unknown', publishedAt: '2024-04-01' })).toEqual([
      ['timeliness.late', 'warning', '2024-03-31', '2024-04-01'],
    ]);
  });

  it('gives every body of the legacy era until 31 March, departments included', () => {
    expect(
      run({ year: 2016, template: 'legacy', bodyKind: 'department', publishedAt: '2017-03-21' }),
    ).toEqual([]);
    const [late] = run({
      year: 2018,
      template: 'legacy',
      bodyKind: 'department',
      publishedAt: '2019-04-05',
    });
    expect(late).toMatchObject({ expected: '2019-03-31', actual: '2019-04-05' });
    expect(late?.message).toContain('逾期 5 天');
    expect(late?.message).toContain('2007年');
  });

  it('applies the revised Regulations’ deadlines from the 2019 reports on', () => {
    expect(
      summary({ year: 2019, template: '2019', bodyKind: 'department', publishedAt: '2020-02-10' }),
    ).toEqual([['timeliness.late', 'warning', '2020-01-31', '2020-02-10']]);
  });

  it('accepts publication on the deadline day itself', () => {
    expect(run({ year: 2023, bodyKind: 'department', publishedAt: '2024-01-31' })).toEqual([]);
    expect(run({ year: 2024, bodyKind: 'government', publishedAt: '2025-03-31' })).toEqual([]);
  });

  it('counts days across a leap February', () => {
    const [late] = run({ year: 2023, bodyKind: 'department', publishedAt: '2024-03-01' });
    expect(late?.arithmetic).toBe('2024-03-01 − 2024-01-31 = 30 天');
  });

  it('says nothing when the page shows no date or the year is unknown', () => {
    expect(run({ year: 2023, bodyKind: 'department', publishedAt: null })).toEqual([]);
    expect(run({ year: null, bodyKind: 'department', publishedAt: '2024-06-01' })).toEqual([]);
  });
});

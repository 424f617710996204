import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { feeReportRule } from '../../../lib/checks/fee-report-rule';
import type { Report } from '../../../lib/model/report';
import { tableOf } from '../../support/report-builder';
import { reportWithText, sixSections } from './text-sections-support';

const SILENT_SIX = ['本年度人大代表建议和政协提案办理复文均已公开。'];
const run = (report: Report) =>
  feeReportRule.run(checkContext(report, null)).map((f) => [f.rule, f.severity]);
const withTables = (cells: Record<string, string>, other = SILENT_SIX, identity = {}) =>
  reportWithText(sixSections({ other }), identity, [tableOf('t3', cells)]);

describe('信息处理费 in section 六 of a 2021-format report', () => {
  it('warns when table 三 shows a request dropped for a fee notice not paid and section 六 is silent', () => {
    const findings = feeReportRule.run(
      checkContext(withTables({ 't3.other.noFee.total': '1' }), null),
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['form.fee-unreported', 'warning']]);
    expect(findings[0]?.terms.map((t) => t.key)).toEqual(['t3.other.noFee.total']);
    expect(findings[0]?.messageEn).toContain('section 六');
  });

  it('reads the applicant columns where the row’s 总计 is left blank', () => {
    expect(run(withTables({ 't3.other.noFee.natural': '1', 't3.other.noFee.total': '' }))).toEqual([
      ['form.fee-unreported', 'warning'],
    ]);
  });

  it('warns when the text states a 信息处理费 amount outside section 六', () => {
    const report = reportWithText(
      sixSections({
        overview: ['2023年，我局向申请人收取信息处理费120元。'],
        other: SILENT_SIX,
      }),
    );
    expect(run(report)).toEqual([['form.fee-unreported', 'warning']]);
  });

  it('notes it when only table 二’s 行政事业性收费 is above zero', () => {
    const report = reportWithText(sixSections({ other: SILENT_SIX }), {}, [
      tableOf('t2', { 't2.fees.amount': '0.36' }),
    ]);
    expect(run(report)).toEqual([['form.fee-unreported', 'info']]);
  });

  it('stays silent when section 六 speaks of the fee, or when nothing shows a fee', () => {
    expect(run(withTables({ 't3.other.noFee.total': '1' }, ['本年度未收取信息处理费。']))).toEqual(
      [],
    );
    expect(run(withTables({ 't3.other.noFee.total': '0' }))).toEqual([]);
  });

  it('asks nothing of a 2019-format report, whose format did not ask for it', () => {
    expect(
      run(
        withTables({ 't3.other.noFee.total': '1' }, SILENT_SIX, { year: 2020, template: '2019' }),
      ),
    ).toEqual([]);
  });
});

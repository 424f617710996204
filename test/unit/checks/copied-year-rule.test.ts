import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { copiedYearRule } from '../../../lib/checks/copied-year-rule';
import type { Report } from '../../../lib/model/report';
import { reportWithText, sixSections } from './text-sections-support';

const run = (report: Report) => copiedYearRule.run(checkContext(report, null));
const found = (overview: string[], other?: string[]) =>
  run(reportWithText(sixSections({ overview, other }))).map((f) => [
    f.rule,
    f.severity,
    f.expected,
    f.actual,
  ]);

describe('a year pasted from last year’s report', () => {
  it('warns when section 一 opens with last year in the 2023 report, quoting the sentence', () => {
    const findings = run(
      reportWithText(sixSections({ overview: ['2022年，我局认真贯彻落实《条例》。'] })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'narrative.copied-year',
      family: 'narrative',
      severity: 'warning',
      expected: 2023,
      actual: 2022,
      text: '2022年，我局认真贯彻落实《条例》。',
    });
    expect(findings[0]?.message).toContain('一、总体情况');
    expect(findings[0]?.messageEn).toContain('The 2023 report');
    expect(findings[0]?.arithmeticEn).toBe('“2022年，”: 2022 ≠ 2023');
  });

  it('reads the period stated as 2022年度共收到…, 本机关2022年度… and the statistics period', () => {
    expect(found(['本年度工作有序开展。', '2022年度共收到政府信息公开申请15件。'])).toHaveLength(1);
    expect(found(['本机关2022年度认真做好政务公开工作。'])).toHaveLength(1);
    const preamble = ['本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。'];
    expect(run(reportWithText(sixSections({ preamble })))).toHaveLength(1);
  });

  it('reads a year that opens the paragraph after its sub-heading in section 六', () => {
    expect(
      found(
        ['2023年，我局持续推进政务公开。'],
        ['（一）收取信息处理费情况。2022年，我局未收取信息处理费。'],
      ),
    ).toEqual([['narrative.copied-year', 'warning', 2023, 2022]]);
  });

  it('stays silent on years a report cites on purpose', () => {
    expect(
      found([
        '2023年，我局认真贯彻落实《条例》。',
        '本年度新收申请15件，上年结转2件。与2022年相比，申请数量有所增加。',
        '2022年结转的申请均已办结。本报告统计期限为2023年1月1日至12月31日。',
        '继续执行我局2022年印发的《政府信息公开工作制度》，2022年度考核中我局获评优秀。',
        '2024年，我局将进一步提升政务公开质效。',
        '2021年，我局制定了政务公开工作规程。',
        '2022年度共收到申请12件，2023年度共收到申请15件。',
      ]),
    ).toEqual([]);
  });

  it('leaves section 五 alone, where last year’s measures are reviewed', () => {
    const report = reportWithText(
      sixSections({
        problems: ['2022年，我局提出的改进措施已全部落实。', '本年度存在的问题是解读形式单一。'],
      }),
    );
    expect(run(report)).toEqual([]);
  });

  it('says nothing of a year the report does not know, or of later years', () => {
    const text = sixSections({ overview: ['2022年，我局认真贯彻落实《条例》。'] });
    expect(run(reportWithText(text, { year: null }))).toEqual([]);
    expect(run(reportWithText(text, { year: 2021 }))).toEqual([]);
  });
});

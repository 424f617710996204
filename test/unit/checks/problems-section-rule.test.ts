import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { problemsSectionRule } from '../../../lib/checks/problems-section-rule';
import type { Report } from '../../../lib/model/report';
import { reportWithText, sixSections } from './text-sections-support';

const run = (report: Report) =>
  problemsSectionRule.run(checkContext(report, null)).map((f) => [f.rule, f.severity, f.actual]);

describe('section 五 of the 2019/2021 formats', () => {
  it('warns when it says only 「无」 or nothing at all', () => {
    expect(run(reportWithText(sixSections({ problems: ['无。'] })))).toEqual([
      ['form.problems-empty', 'warning', '无'],
    ]);
    expect(run(reportWithText(sixSections({ problems: [] })))).toEqual([
      ['form.problems-empty', 'warning', ''],
    ]);
  });

  it('warns when the report has no such section, naming the sections it has', () => {
    const findings = problemsSectionRule.run(
      checkContext(reportWithText(sixSections({ problems: null })), null),
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['form.problems-missing', 'warning'],
    ]);
    expect(findings[0]?.arithmetic).toContain('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('stays silent on a short section that says something', () => {
    expect(
      run(
        reportWithText(sixSections({ problems: ['主要问题是解读形式单一，下一步将增加图解。'] })),
      ),
    ).toEqual([]);
  });

  it('asks nothing of a legacy report, nor of a page whose headings were not read', () => {
    expect(
      run(reportWithText(sixSections({ problems: ['无。'] }), { year: 2016, template: 'legacy' })),
    ).toEqual([]);
    expect(
      run(reportWithText(['2023年，我局认真落实《条例》。', '无其他需要报告的事项。'])),
    ).toEqual([]);
  });
});

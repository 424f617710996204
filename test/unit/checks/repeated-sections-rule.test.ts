import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { COPIED_SHARE } from '../../../lib/checks/repeated-sections-data';
import { repeatedSectionsRule } from '../../../lib/checks/repeated-sections-rule';
import type { Report } from '../../../lib/model/report';
import { reportWithText, sixSections } from './text-sections-support';

const OVERVIEW = (year: number) => [
  `${year}年，我局以习近平新时代中国特色社会主义思想为指导，认真落实《中华人民共和国政府信息公开条例》。`,
  '全年通过门户网站、政务新媒体等渠道主动公开政府信息，发布政策解读材料，回应社会关切。',
  '严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则。',
];
const PROBLEMS = [
  '一是政策解读的形式还比较单一，图解、视频等解读形式运用不多；二是依申请公开答复的规范性有待进一步提高。',
  '下一步，我们将着力丰富政策解读形式，加强依申请公开答复文书的审核把关，定期组织业务培训。',
];

const report = (year: number, overview: string[], problems = PROBLEMS): Report =>
  reportWithText(sixSections({ overview, problems }), { year });

const run = (current: Report, previous: Report | null) =>
  repeatedSectionsRule.run(checkContext(current, previous));

describe('sections copied from last year’s report', () => {
  it('warns when 总体情况 and 问题及改进 repeat last year’s with only the year changed, showing the share per section', () => {
    const findings = run(report(2023, OVERVIEW(2023)), report(2022, OVERVIEW(2022)));
    expect(findings).toHaveLength(1);
    const [copied] = findings;
    expect(copied).toMatchObject({
      rule: 'yoy.copied-sections',
      family: 'yearOverYear',
      severity: 'warning',
      actual: '100%',
    });
    expect(copied?.message).toContain('「一、总体情况」「五、存在的主要问题及改进情况」');
    expect(copied?.message).toContain('2022年度');
    expect(copied?.message).toMatch(/「2023年，我局以习近平[^」]*…」/);
    expect(copied?.arithmetic).toContain('一、总体情况：100%（3/3 句）');
    expect(copied?.arithmeticEn).toContain(
      '“五、存在的主要问题及改进情况”: 100% (3 of 3 sentences)',
    );
  });

  it('stays silent on sections written afresh that keep a stock sentence', () => {
    const fresh = [
      OVERVIEW(2023)[0] ?? '',
      '本年度重点围绕耕地保护和不动产登记做好信息公开，新开设征地信息公开专栏。',
      '全面梳理现行有效的规范性文件，标注效力状态，清理过期失效信息。',
    ];
    const newProblems = [
      '主要问题是基层公开的精细化程度不够，意见征集反馈机制还不完善。',
      '改进措施：梳理重点领域公开事项清单，建立舆情快速回应机制，提升工作质效。',
    ];
    expect(run(report(2023, fresh, newProblems), report(2022, OVERVIEW(2022)))).toEqual([]);
  });

  it('counts by characters against a threshold, not by the bare presence of a repeat', () => {
    expect(COPIED_SHARE).toBeGreaterThan(0.5);
    expect(COPIED_SHARE).toBeLessThan(0.75);
  });

  it('says nothing without last year’s report, or when it was stored without its sections', () => {
    const current = report(2023, OVERVIEW(2023));
    expect(run(current, null)).toEqual([]);
    const { sections: _dropped, ...old } = report(2022, OVERVIEW(2022));
    expect(run(current, old)).toEqual([]);
  });

  it('does not compare a section of a bare 「无」', () => {
    const current = reportWithText(sixSections({ problems: ['无。'], other: ['无。'] }), {
      year: 2023,
    });
    const previous = reportWithText(sixSections({ problems: ['无。'], other: ['无。'] }), {
      year: 2022,
    });
    expect(run(current, previous)).toEqual([]);
  });
});

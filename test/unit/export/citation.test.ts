import { describe, expect, it } from 'vitest';
import { beijingTime, beijingTimeLabel } from '../../../lib/export/beijing-time';
import { type CitationLanguage, findingCitation } from '../../../lib/export/citation';
import type { PreviousSummary } from '../../../lib/model/history';
import type { Finding, Report } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
/** 23:45 UTC on 5 December is 07:45 on 6 December in Beijing. */
const RETRIEVED_AT = '2026-12-05T23:45:00.000Z';

async function read(name: string, history: Report[] = []) {
  const { report, entry, previous } = await analyseFile(
    new URL(`${name}.html`, FIXTURES).pathname,
    { history, url: `http://www.example.gov.cn/${name}.html` },
  );
  if (!report) throw new Error(`${name} is not read as a report`);
  return { report, findings: entry.findings, previous };
}

function cite(
  report: Report,
  finding: Finding | undefined,
  language: CitationLanguage,
  previous: PreviousSummary | null = null,
): string {
  if (!finding) throw new Error('no such finding');
  return findingCitation({ report, finding, retrievedAt: RETRIEVED_AT, previous, language });
}

const byRule = (findings: readonly Finding[], rule: string) =>
  findings.find((f) => f.rule === rule);

describe('beijingTime', () => {
  it('writes an instant in UTC+8, to the minute, on the Beijing date', () => {
    expect(beijingTime('2026-12-05T12:31:10Z')).toBe('2026-12-05 20:31');
    expect(beijingTime(RETRIEVED_AT)).toBe('2026-12-06 07:45');
    expect(beijingTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
    expect(beijingTime('2026-12-06T07:45:00+08:00')).toBe('2026-12-06 07:45');
    expect(beijingTime('not a time')).toBeNull();
  });

  it('names the zone in each language', () => {
    expect(beijingTimeLabel(RETRIEVED_AT, 'zh')).toBe('2026-12-06 07:45 北京时间');
    expect(beijingTimeLabel(RETRIEVED_AT, 'en')).toBe('2026-12-06 07:45 Beijing time');
  });
});

describe('findingCitation', () => {
  it('identity: the likely culprit, as printed, against what the other figures give', async () => {
    const { report, findings } = await read('chk-identity-culprit');
    const finding = byRule(findings, 't3.row-total');
    expect(cite(report, finding, 'zh')).toBe(
      '据江州市自然资源和规划局《江州市自然资源和规划局2023年政府信息公开工作年度报告》表三“1.本机关不掌握相关政府信息”行“自然人”列印为 32，而按表中其余数字应为 22（页面：http://www.example.gov.cn/chk-identity-culprit.html，北京时间 2026-12-06 07:45 读取）。',
    );
    expect(cite(report, finding, 'en')).toBe(
      "In 江州市自然资源和规划局's “江州市自然资源和规划局2023年政府信息公开工作年度报告”, Table III, row “1.本机关不掌握相关政府信息”, column “自然人” prints 32, where the table's other figures give 22 (page: http://www.example.gov.cn/chk-identity-culprit.html, read 2026-12-06 07:45 Beijing time).",
    );
  });

  it('legacy: a partition of seed 002, and a subset above its parent', async () => {
    const { report, findings } = await read('seed-002-hailing-2017');
    const partition = byRule(findings, 'legacy.partition');
    expect(cite(report, partition, 'zh')).toContain(
      '据海陵区《2017年海陵区政务公开工作年度报告》统计表“(三)申请答复数”行“合计”列印为 70，而按表中其余数字应为 55（页面：http://www.example.gov.cn/seed-002-hailing-2017.html，',
    );
    expect(cite(report, partition, 'en')).toContain(
      "the statistics table, row “(三)申请答复数”, column “合计” prints 70, where the table's other figures give 55",
    );
    const subset = byRule(findings, 'legacy.subset-exceeds');
    expect(cite(report, subset, 'zh')).toContain(
      '“不是《条例》所指政府信息”行“合计”列印为 8，超过了它所属的“4﹒不同意公开答复数”（5）',
    );
    expect(cite(report, subset, 'en')).toContain(
      'prints 8, more than the 5 of “4﹒不同意公开答复数”, of which it is a part',
    );
  });

  it('narrative: the printed figure against the text, quoted around the figure it states', async () => {
    const { report, findings } = await read('seed-002-hailing-2017');
    const figure = findings.find((f) => f.rule === 'narrative.figure' && f.expected === 2613);
    const zh = cite(report, figure, 'zh');
    expect(zh).toContain(
      '统计表“(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)”行“合计”列印为 9585，而正文称 2613（“…',
    );
    expect(zh).toContain('主动公开各类政府信息2613条');
    expect(cite(report, figure, 'en')).toContain('prints 9585, while the text says 2613 (“…');
    const { report: r2021, findings: f2021 } = await read('chk-narrative-2021-contradictions');
    expect(cite(r2021, byRule(f2021, 'narrative.percent'), 'zh')).toContain(
      '表三“（一）予以公开”行“总计”列印为 31，按此计算的比例为 34.07%，而正文称 38.5%',
    );
    expect(cite(r2021, byRule(f2021, 'narrative.all-upheld'), 'en')).toContain(
      'Table IV, row “行政复议”, column “结果纠正” prints 1, while the text says “本年度因政府信息公开申请引发行政复议5件，均获维持；”',
    );
  });

  it('crossTable: the other table named by its caption and row', async () => {
    const { report, findings } = await read('seed-002-hailing-2017');
    const finding = byRule(findings, 'crossTable.mismatch');
    expect(cite(report, finding, 'zh')).toMatch(
      /统计表“6\.公民”行“合计”列印为 48，而.+“六、公民”行为 64（/,
    );
    expect(cite(report, finding, 'en')).toMatch(
      /row “6\.公民”, column “合计” prints 48, while row “六、公民” of .+ gives 64 \(/,
    );
  });

  it("yearOverYear: last year's report named by its year and address", async () => {
    const base = await read('chk-yoy-base-2022');
    const { report, findings } = await read('chk-yoy-broken-2023', [base.report]);
    const previous: PreviousSummary = {
      year: 2022,
      url: base.report.url,
      seenAt: '2026-12-01T02:00:00.000Z',
      values: base.report.values,
    };
    const carry = byRule(findings, 'yoy.carry-over');
    expect(cite(report, carry, 'zh', previous)).toBe(
      '据江州市自然资源和规划局《江州市自然资源和规划局2023年政府信息公开工作年度报告》表三“二、上年结转政府信息公开申请数量”行“自然人”列印为 3，而按上一年度（2022年度）报告应为 4（页面：http://www.example.gov.cn/chk-yoy-broken-2023.html，北京时间 2026-12-06 07:45 读取；上一年度报告：http://www.example.gov.cn/chk-yoy-base-2022.html）。',
    );
    expect(cite(report, carry, 'en', previous)).toContain(
      'prints 3, where the previous (2022) report implies 4 (page: http://www.example.gov.cn/chk-yoy-broken-2023.html, read 2026-12-06 07:45 Beijing time; previous report: http://www.example.gov.cn/chk-yoy-base-2022.html).',
    );
    expect(cite(report, byRule(findings, 'yoy.swing'), 'zh', previous)).toContain(
      '列印为 160，上一年度（2022年度）报告为 71（',
    );
  });

  it('timeliness: the dates, without a cell', async () => {
    const { report, findings } = await read('chk-time-late-dept');
    const finding = byRule(findings, 'timeliness.late');
    expect(cite(report, finding, 'zh')).toBe(
      '据江州市自然资源和规划局《江州市自然资源和规划局2023年政府信息公开工作年度报告》，该报告于 2024-02-06 发布，晚于 2024-01-31 的公布期限（页面：http://www.example.gov.cn/chk-time-late-dept.html，北京时间 2026-12-06 07:45 读取）。',
    );
    expect(cite(report, finding, 'en')).toContain(
      '”, the report was published on 2024-02-06, after the deadline of 2024-01-31 (page:',
    );
  });

  it('form: a blank total, a fraction, and a finding without a cell in its own words', async () => {
    const blank = await read('chk-form-blank-total');
    const blankTotal = byRule(blank.findings, 'form.blank-total');
    expect(cite(blank.report, blankTotal, 'zh')).toContain(
      '表三“2.没有现成信息需要另行制作”行“总计”列为空白，而其各组成部分之和为 3（',
    );
    expect(cite(blank.report, blankTotal, 'en')).toContain(
      'column “总计” is blank, while its parts add up to 3 (',
    );
    const counts = await read('chk-form-counts');
    expect(cite(counts.report, byRule(counts.findings, 'form.fraction'), 'zh')).toContain(
      '表二“行政处罚”行“本年处理决定数量”列印为 87.5，不是整数（',
    );
    const images = await read('fmt-image-only');
    const pictures = byRule(images.findings, 'form.image-tables');
    expect(cite(images.report, pictures, 'zh')).toMatch(
      /^据北山县《北山县2020年政府信息公开工作年度报告》：报告的统计表格以图片形式发布/,
    );
    expect(cite(images.report, pictures, 'en')).toMatch(
      /^In 北山县's “北山县2020年政府信息公开工作年度报告”: the report's tables are published as pictures/,
    );
  });
});

describe('findingCitation of a report read from a PDF', () => {
  it('names the PDF and the page the figure is printed on, never a page address', async () => {
    const pdfUrl = 'http://www.jiangzhou.gov.cn/attach/2024/report.pdf';
    const { report, entry } = await analyseFile(
      new URL('pdf/pdf-2021-review-contradiction.pdf', FIXTURES).pathname,
      { url: pdfUrl },
    );
    if (!report) throw new Error('the PDF is not read as a report');
    const finding = byRule(entry.findings, 't4.group-total');
    const page = report.tables
      .flatMap((t) => t.cells)
      .find((c) => c.key === 't4.review.total')?.page;
    expect(page).toBe(3);
    expect(cite(report, finding, 'zh')).toContain(
      `（PDF：${pdfUrl}，第 3 页，北京时间 2026-12-06 07:45 读取）。`,
    );
    expect(cite(report, finding, 'en')).toContain(
      ` (PDF: ${pdfUrl}, page 3, read 2026-12-06 07:45 Beijing time).`,
    );
    expect(cite(report, finding, 'zh')).not.toContain('页面：');
  });
});

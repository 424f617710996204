/**
 * The report's sections as the extraction reads them from a whole page, and
 * the bounds the report's schema (what the background accepts and the history
 * keeps) holds them to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../lib/extract';
import { LIMITS } from '../../lib/model/limits';
import { ReportSchema } from '../../lib/model/report';
import { longParagraphPage } from '../../scripts/pages/long-text';
import { FIXTURE_DIR } from '../support/fixtures';

const URL_OF_PAGE = 'http://www.daishan.gov.cn/art/2021/2/5/art_1229_123.html';
const extract = (html: string | Buffer) =>
  extractReport(new JSDOM(html, { url: URL_OF_PAGE }).window.document, URL_OF_PAGE).report;

describe('the sections of a report page', () => {
  it('reads seed 003’s six sections, its section 五 in full and its section 六 「无」', () => {
    const report = extract(readFileSync(join(FIXTURE_DIR, 'seed-003-daishan-2020.html')));
    const sections = report.sections ?? [];
    expect(sections.filter((s) => s.number > 0).map((s) => s.role)).toEqual([
      'overview',
      'active',
      'requests',
      'appeals',
      'problems',
      'other',
    ]);
    const problems = sections.find((s) => s.role === 'problems');
    expect(problems?.heading).toBe('存在的主要问题和改进情况');
    expect(problems?.text).toMatch(/^存在问题\n一是公开数量的统计难以操作。/);
    // The portal's footer (打印 关闭, 主办…) is not part of section 六.
    expect(sections.at(-1)?.text).toBe('无');
  });

  it('keeps every section of a page with a 200,000-character paragraph within its bound, as the schema requires', () => {
    const report = extract(longParagraphPage(200_000));
    expect(report.textLength).toBeGreaterThan(200_000);
    for (const section of report.sections ?? []) {
      expect(section.text.length).toBeLessThanOrEqual(LIMITS.sectionChars);
    }
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('accepts a report stored without sections (history from before they were kept), and refuses an oversized section', () => {
    const report = extract(readFileSync(join(FIXTURE_DIR, 'fmt-2021-hanweb.html')));
    const { sections, ...old } = report;
    expect(sections?.length).toBeGreaterThan(0);
    expect(ReportSchema.safeParse(old).success).toBe(true);
    const forged = {
      ...report,
      sections: [
        {
          number: 1,
          heading: '总体情况',
          role: 'overview',
          text: '字'.repeat(LIMITS.sectionChars + 1),
        },
      ],
    };
    expect(ReportSchema.safeParse(forged).success).toBe(false);
  });
});

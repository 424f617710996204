import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportMemo } from '../../../lib/export/memo';
import { sha256, sha256Hex } from '../../../lib/export/sha256';
import { analyseFile } from '../../../scripts/cli/analyse-file';

const retrievedAt = '2024-02-01T08:30:00.000Z';

describe('sha256Hex', () => {
  it('matches the standard test vector and Node for Chinese text', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const text = '江州市自然资源和规划局2023年政府信息公开工作年度报告';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('reportMemo', () => {
  it('cites the report in Chinese then English with hash and each finding’s arithmetic', async () => {
    const { report, entry } = await analyseFile('test/fixtures/chk-identity-culprit.html');
    if (!report) throw new Error('fixture not read as a report');
    expect(entry.findings.length).toBeGreaterThan(0);
    const textSha256 = await sha256Hex('report body');
    const memo = reportMemo(report, entry.findings, { retrievedAt, textSha256 });

    const english = memo.indexOf('## Check memo');
    const chinese = memo.indexOf('## 政府信息公开工作年度报告核查备忘');
    expect(chinese).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(chinese);
    for (const [part, language] of [
      [memo.slice(chinese, english), 'zh'],
      [memo.slice(english), 'en'],
    ] as const) {
      expect(part).toContain(report.identity.title);
      expect(part).toContain('江州市自然资源和规划局');
      expect(part).toContain('2023');
      expect(part).toContain(`<${report.url}>`);
      expect(part).toContain(textSha256);
      for (const finding of entry.findings) {
        // Each half in its language, the arithmetic included.
        expect(part).toContain(language === 'zh' ? finding.arithmetic : finding.arithmeticEn);
        // Rule ids are the code's names, not a reader's.
        expect(part).not.toContain(finding.rule);
      }
    }
    // 08:30 UTC is 16:30 in Beijing; the UTC instant is not printed.
    expect(memo).not.toContain(retrievedAt);
    expect(memo.slice(chinese, english)).toContain('- 获取时间: 2024-02-01 16:30 北京时间');
    expect(memo.slice(chinese, english)).toContain('获取于 2024-02-01 16:30 北京时间');
    expect(memo.slice(english)).toContain('- Retrieved: 2024-02-01 16:30 Beijing time');
    expect(memo.slice(chinese, english)).toContain('1. **错误** (表格勾稽关系) ');
    expect(memo.slice(english)).toContain('1. **error** (table identities) ');
    const first = entry.findings[0];
    expect(memo.slice(chinese, english)).toContain(first?.message);
    expect(memo.slice(english)).toContain(first?.messageEn);
    // No year-over-year finding: no previous report is cited, even when one is known.
    const withPrevious = reportMemo(report, entry.findings, {
      retrievedAt,
      textSha256,
      previous: {
        year: 2022,
        url: 'http://www.example.gov.cn/2022.html',
        seenAt: retrievedAt,
        values: {},
      },
    });
    expect(withPrevious).toBe(memo);
  });

  it('cites the previous report when a finding compares with it, with its title, address and time read', async () => {
    const base = await analyseFile('test/fixtures/chk-yoy-base-2022.html', {
      url: 'http://www.jiangzhou.gov.cn/2022.html',
    });
    if (!base.report) throw new Error('fixture not read as a report');
    const { report, entry } = await analyseFile('test/fixtures/chk-yoy-broken-2023.html', {
      url: 'http://www.jiangzhou.gov.cn/2023.html',
      history: [base.report],
    });
    if (!report) throw new Error('fixture not read as a report');
    expect(entry.findings.some((f) => f.family === 'yearOverYear')).toBe(true);
    const memo = reportMemo(report, entry.findings, {
      retrievedAt,
      textSha256: 'abc',
      previous: {
        year: 2022,
        url: base.report.url,
        title: base.report.identity.title,
        // 20:00 UTC on 31 January is 04:00 on 1 February in Beijing.
        seenAt: '2024-01-31T20:00:00.000Z',
        values: base.report.values,
      },
    });
    expect(memo).toContain(
      '- 上一年度报告（同比核查所据）: 江州市自然资源和规划局《江州市自然资源和规划局2022年政府信息公开工作年度报告》（2022年度），<http://www.jiangzhou.gov.cn/2022.html>，读取于 2024-02-01 04:00 北京时间',
    );
    expect(memo).toContain(
      '- Previous report (compared with): 江州市自然资源和规划局, “江州市自然资源和规划局2022年政府信息公开工作年度报告” (2022), <http://www.jiangzhou.gov.cn/2022.html>, read 2024-02-01 04:00 Beijing time',
    );
    expect(memo).toContain('**错误** (与上年报告) ');
    expect(memo).not.toMatch(/yoy\./);
  });

  it('gives one language on request, says when nothing was found, and keeps page text from becoming Markdown', async () => {
    const { report } = await analyseFile('test/fixtures/chk-identity-culprit.html');
    if (!report) throw new Error('fixture not read as a report');
    const hostile = {
      ...report,
      identity: {
        ...report.identity,
        title: '[点我](javascript:alert(1)) <b>年报</b>',
        year: null,
      },
    };
    const zh = reportMemo(hostile, [], { retrievedAt, textSha256: 'abc', language: 'zh' });
    expect(zh).not.toContain('## Check memo');
    expect(zh).toContain('未发现问题。');
    expect(zh).toContain('年度: 未知');
    expect(zh).toContain('\\[点我\\](javascript:alert(1)) &lt;b&gt;年报&lt;/b&gt;');
    expect(zh).not.toContain('<b>');
    const en = reportMemo(hostile, [], { retrievedAt, textSha256: 'abc', language: 'en' });
    expect(en).not.toContain('## 政府信息公开');
    expect(en).toContain('No problems found.');
    expect(en).toContain('Year: unknown');
  });
});

describe('reportMemo of a report read from a PDF', () => {
  it('names the PDF as the source and the page of each finding’s figures, in both languages', async () => {
    const pdfUrl = 'http://www.jiangzhou.gov.cn/attach/2024/report.pdf';
    const { report, entry } = await analyseFile(
      'test/fixtures/pdf/pdf-2021-review-contradiction.pdf',
      { url: pdfUrl },
    );
    if (!report) throw new Error('the PDF is not read as a report');
    const memo = reportMemo(report, entry.findings, { retrievedAt, textSha256: 'x' });
    expect(memo).toContain(`- 来源（PDF）: <${pdfUrl}>`);
    expect(memo).toContain(`- Source (PDF): <${pdfUrl}>`);
    const zh = memo.slice(0, memo.indexOf('## Check memo'));
    const en = memo.slice(memo.indexOf('## Check memo'));
    // The planted 行政复议 total: 维持 10 + 纠正 1 printed as 0, on page 3; every finding gets its page.
    expect(entry.findings.some((f) => f.rule === 't4.group-total')).toBe(true);
    expect(zh.match(/ {3}- 位置: PDF 第 3 页/g)).toHaveLength(entry.findings.length);
    expect(en.match(/ {3}- Where: PDF page 3/g)).toHaveLength(entry.findings.length);
  });

  it('says nothing of PDF pages for a portal page’s report', async () => {
    const { report, entry } = await analyseFile('test/fixtures/chk-identity-culprit.html');
    if (!report) throw new Error('fixture not read as a report');
    const memo = reportMemo(report, entry.findings, { retrievedAt, textSha256: 'x' });
    expect(memo).not.toMatch(/PDF/);
  });
});

describe('sha256 without Web Crypto (plain-http pages)', () => {
  it('gives Node’s digest for every length around the block boundaries and for long Chinese text', () => {
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
    for (let length = 0; length <= 130; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 7 + length) & 0xff);
      expect(hex(sha256(bytes)), `length ${length}`).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
    const text = '表三 本年新收政府信息公开申请数量 '.repeat(5000);
    const bytes = new TextEncoder().encode(text);
    expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

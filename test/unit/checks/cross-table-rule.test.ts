/**
 * Across tables: a statistics table's 申请来源 rows against the report's own
 * 申请来源 table, read by the real extraction (jsdom page → extractReport).
 */
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { crossTableRule } from '../../../lib/checks/cross-table-rule';
import { extractReport } from '../../../lib/extract';
import type { Finding, Report } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';

type Row = [label: string, unit: string, value: string];
type SourceRow = [label: string, count: string, share: string];

const URL = 'http://www.example.gov.cn/art/2017/3/1/art_1_2.html';

const MAIN: Row[] = [
  ['三、依申请公开情况', '', ''],
  ['（一）收到申请数', '件', '23'],
  ['1.当面申请数', '件', '6'],
  ['2.网络申请数', '件', '17'],
  ['（四）申请来源', '', ''],
  ['1.党政机关', '件', '0'],
  ['2.社会团体', '件', '2'],
  ['3.企业', '件', '4'],
  ['4.公民', '件', '16'],
  ['其中：律师', '件', '1'],
  ['5.其他', '件', '1'],
];

const SOURCES: SourceRow[] = [
  ['一、党政机关', '0', '0%'],
  ['二、社会团体（含公益组织）', '２', '8.7%'],
  ['三、企业', '4', '17.4%'],
  ['四、公民', '16', '69.6%'],
  ['其中：律师', '1', '4.3%'],
  ['五、其他', '1', '4.3%'],
  ['政府信息公开申请总数', '23', ''],
];

function page(main: Row[], sources: SourceRow[] | null): Report {
  const rows = (list: string[][]) =>
    list.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  const second = sources
    ? `<p>附表二</p><table border="1"><tr><td>申请来源</td><td>申请数（件）</td><td>占比（%）</td></tr>${rows(sources)}</table>`
    : '';
  const html = `<!doctype html><html><head><meta charset="utf-8">
    <title>青山区2017年政府信息公开工作年度报告</title></head><body>
    <div class="TRS_Editor">
    <h1>青山区2017年政府信息公开工作年度报告</h1>
    <p>本报告由青山区人民政府办公室编制。</p>
    <table border="1"><tr><td>统计指标</td><td>单位</td><td>合计</td></tr>${rows(main)}</table>
    ${second}
    </div></body></html>`;
  const doc = new JSDOM(html, { url: URL }).window.document;
  return extractReport(doc, URL).report;
}

const run = (report: Report): Finding[] => crossTableRule.run(checkContext(report, null));

const summary = (f: Finding) => [
  f.rule,
  f.severity,
  f.cells.map((c) => `${c.row}=${c.value}`),
  f.expected,
  f.actual,
];

const setRow = <T extends string[]>(list: T[], label: string, at: number, value: string): T[] =>
  list.map((r) => (r[0] === label ? (r.map((c, i) => (i === at ? value : c)) as T) : r));

describe('the same quantity in two tables', () => {
  it('pairs rows by meaning (numbering, brackets, full-width digits) and finds them equal', () => {
    const report = page(MAIN, SOURCES);
    expect(report.tables.map((t) => t.kind)).toEqual(['legacy', 'other']);
    expect(run(report)).toEqual([]);
  });

  it('marks the figure that also breaks its own table’s total as the likely culprit', () => {
    const findings = run(page(setRow(MAIN, '4.公民', 2, '14'), SOURCES));
    expect(findings.map(summary)).toEqual([
      ['crossTable.mismatch', 'warning', ['4.公民=14'], 16, 14],
    ]);
    expect(findings[0]?.terms.map((t) => `${t.row}=${t.value}`)).toEqual(['四、公民=16']);
    // Singled out: 16 is what the marked cell likely should read, and the card may say so.
    expect(findings[0]?.likely).toBe(true);
    expect(findings[0]?.arithmetic).toBe(
      '统计表「4.公民」 14 ≠ 「申请来源」表「四、公民」 16；差 2',
    );
  });

  it('marks both figures when neither table can be singled out', () => {
    // Both tables add up to 23: 公民 and 企业 are swapped by two, and nothing says which is right.
    const main = setRow(setRow(MAIN, '4.公民', 2, '14'), '3.企业', 2, '6');
    const findings = run(page(main, SOURCES));
    expect(findings.map(summary)).toEqual([
      ['crossTable.mismatch', 'warning', ['3.企业=6', '三、企业=4'], 6, 4],
      ['crossTable.mismatch', 'warning', ['4.公民=14', '四、公民=16'], 14, 16],
    ]);
    // Nothing singled out: neither figure is said to be the right one.
    expect(findings.some((f) => f.likely)).toBe(false);
  });

  it('compares the other table’s 总数 with 收到申请数, and blames the 总数 its own rows contradict', () => {
    const findings = run(page(MAIN, setRow(SOURCES, '政府信息公开申请总数', 1, '25')));
    expect(findings.map(summary)).toEqual([
      ['crossTable.mismatch', 'warning', ['政府信息公开申请总数=25'], 23, 25],
    ]);
    expect(findings[0]?.terms.map((t) => t.key)).toEqual(['legacy.apply.received']);
  });

  it('does not read a blank as zero, nor compare a share column', () => {
    const sources = setRow(setRow(SOURCES, '三、企业', 1, ''), '四、公民', 2, '50%');
    expect(run(page(MAIN, sources))).toEqual([]);
  });

  it('finds nothing to compare in a report with a single table', () => {
    expect(run(page(setRow(MAIN, '4.公民', 2, '14'), null))).toEqual([]);
  });
});

describe('seed 002', () => {
  it('公民 is 48 in the statistics table and 64 in the 申请来源 table; 48 also breaks 收到申请数', async () => {
    const file = join(import.meta.dirname, '..', '..', 'fixtures', 'seed-002-hailing-2017.html');
    const { report } = await analyseFile(file, { url: URL });
    if (!report) throw new Error('seed 002 is not read as a report');
    expect(run(report).map(summary)).toEqual([
      ['crossTable.mismatch', 'warning', ['6.公民=48'], 64, 48],
    ]);
  });
});

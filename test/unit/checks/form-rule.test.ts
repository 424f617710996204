import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { formRule } from '../../../lib/checks/form-rule';
import { extractReport } from '../../../lib/extract';
import { keysOf } from '../../../lib/formats/format-table';
import { formatById } from '../../../lib/formats/registry';
import type { ExtractedTable, Report } from '../../../lib/model/report';
import { reportOf, tableOf } from '../../support/report-builder';

const run = (report: Report) => formRule.run(checkContext(report, null));
const summary = (report: Report) =>
  run(report).map((f) => [f.rule, f.severity, f.expected, f.actual]);

/** A complete table of the format, every figure 1 unless overridden; keys in `drop` are not printed. */
function table(
  kind: 't2' | 't3' | 't4',
  format: '2019' | '2021',
  index: number,
  overrides: Record<string, string> = {},
  drop: (key: string) => boolean = () => false,
): ExtractedTable {
  const declaration = formatById(format);
  if (!declaration) throw new Error(`no format ${format}`);
  const cells = Object.fromEntries(
    keysOf(declaration, kind)
      .filter((k) => !drop(k))
      .map((k) => [k, overrides[k] ?? '1']),
  );
  return tableOf(kind, cells, index);
}

const formatReport = (
  year: number,
  tables: ExtractedTable[],
  identity: Partial<Report['identity']> = {},
): Report =>
  reportOf(tables, {
    year,
    template: year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy',
    ...identity,
  });

const complete = (format: '2019' | '2021') => [
  table('t2', format, 0),
  table('t3', format, 1),
  table('t4', format, 2),
];

describe('tables missing or published as images', () => {
  it('says nothing about a report with its three tables', () => {
    expect(run(formatReport(2023, complete('2021')))).toEqual([]);
    expect(run(formatReport(2020, complete('2019')))).toEqual([]);
  });

  it('gives tables published as images exactly one warning', () => {
    const report = { ...formatReport(2020, []), imageTables: 3 };
    const findings = run(report);
    expect(findings.map((f) => [f.rule, f.severity, f.actual])).toEqual([
      ['form.image-tables', 'warning', 3],
    ]);
    expect(findings[0]?.message).toContain('3 张图片');
    expect(findings[0]?.cells).toEqual([]);
  });

  it('warns about a format report without readable tables, and names a missing one', () => {
    expect(summary(formatReport(2020, []))).toEqual([['form.tables-missing', 'warning', 3, 0]]);
    const [finding] = run(formatReport(2023, [table('t3', '2021', 0), table('t4', '2021', 1)]));
    expect(finding).toMatchObject({ rule: 'form.tables-missing', expected: 3, actual: 2 });
    expect(finding?.message).toContain('找不到可读的表二（主动公开政府信息情况）');
    expect(finding?.message).not.toContain('表三（');
  });

  it('notes a legacy report without a table as context only', () => {
    expect(summary(formatReport(2017, []))).toEqual([['form.no-table', 'info', null, 0]]);
    const legacy = tableOf('legacy', { 'legacy.apply.received': '5' });
    expect(run(formatReport(2017, [legacy]))).toEqual([]);
  });
});

describe('rows or columns missing from a format table', () => {
  it('lists a missing row by its printed label, once for the table', () => {
    const t3 = table('t3', '2021', 1, {}, (k) => k.startsWith('t3.deny.query.'));
    const findings = run(formatReport(2023, [table('t2', '2021', 0), t3, table('t4', '2021', 2)]));
    expect(findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ['form.missing-rows', 'warning', 175, 168],
    ]);
    expect(findings[0]?.message).toContain('行「（三）不予公开 8.属于行政查询事项」');
    expect(findings[0]?.arithmetic).toBe('2021年格式应有 175 个数据格，本表有 168 个；缺 7 个');
  });

  it('names a missing column as one column, not twenty-five cells', () => {
    const t3 = table('t3', '2021', 1, {}, (k) => k.endsWith('.research'));
    const [finding] = run(formatReport(2023, [table('t2', '2021', 0), t3, table('t4', '2021', 2)]));
    expect(finding?.message).toContain('列「科研机构」');
    expect(finding?.message).not.toContain('行「');
  });

  it('names a single missing cell by row and column', () => {
    const t4 = table('t4', '2021', 2, {}, (k) => k === 't4.afterReview.pending');
    const [finding] = run(formatReport(2023, [table('t2', '2021', 0), table('t3', '2021', 1), t4]));
    expect(finding?.message).toContain('单元格「行政诉讼 复议后起诉 / 尚未审结」');
  });
});

describe('the 2019 layout in a report for 2021 or later', () => {
  it('warns once about table 二 in the 2019 layout, without calling its 2021 rows missing', () => {
    const findings = run(
      formatReport(2021, [table('t2', '2019', 0), table('t3', '2021', 1), table('t4', '2021', 2)]),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ['form.old-layout', 'warning', '2021', '2019'],
    ]);
    expect(findings[0]?.message).toContain('「上一年项目数量」');
  });

  it('notes table 三 printed with the single 2019 （六）其他处理 row: a change of form, its figures still checked', () => {
    const [finding, ...rest] = run(
      formatReport(2022, [table('t2', '2021', 0), table('t3', '2019', 1), table('t4', '2021', 2)]),
    );
    expect(rest).toEqual([]);
    expect([finding?.rule, finding?.severity, finding?.expected, finding?.actual]).toEqual([
      'form.single-other',
      'info',
      '2021',
      '2019',
    ]);
    expect(finding?.message).toContain('仍将「（六）其他处理」印为一行');
    expect(finding?.messageEn).toContain('still prints “（六）其他处理” as one row');
  });

  it('accepts the 2019 layout in the reports it was made for', () => {
    expect(run(formatReport(2020, complete('2019')))).toEqual([]);
  });
});

describe('negative numbers and fractions where counts are expected', () => {
  it('marks a negative count in table 三 or 四 and only that cell', () => {
    const findings = run(
      formatReport(2023, [
        table('t2', '2021', 0),
        table('t3', '2021', 1, { 't3.deny.thirdParty.commercial': '-1' }),
        table('t4', '2021', 2, { 't4.review.pending': '减1' }),
      ]),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.cells.map((c) => c.key), f.actual])).toEqual([
      ['form.negative', 'warning', ['t3.deny.thirdParty.commercial'], -1],
      ['form.negative', 'warning', ['t4.review.pending'], -1],
    ]);
    expect(findings[0]?.arithmetic).toBe('-1 < 0');
  });

  it('marks a fraction in a count, table 二’s decisions included', () => {
    const findings = run(
      formatReport(2023, [
        table('t2', '2021', 0, { 't2.penalty.decisions': '87.5' }),
        table('t3', '2021', 1, { 't3.open.natural': '2.5' }),
        table('t4', '2021', 2),
      ]),
    );
    expect(findings.map((f) => [f.rule, f.cells.map((c) => c.key), f.actual])).toEqual([
      ['form.fraction', ['t2.penalty.decisions'], 87.5],
      ['form.fraction', ['t3.open.natural'], 2.5],
    ]);
  });

  it('leaves alone what may be negative or fractional: 本年增/减, amounts in 万元, a count printed 3.0', () => {
    const t2 = table('t2', '2019', 0, {
      't2.license.delta': '-3',
      't2.fees.delta': '减2',
      't2.procurement.amount': '2561.37',
    });
    expect(
      run(
        formatReport(2020, [
          t2,
          table('t3', '2019', 1, { 't3.open.natural': '3.0' }),
          table('t4', '2019', 2),
        ]),
      ),
    ).toEqual([]);
    const t2021 = table('t2', '2021', 0, { 't2.fees.amount': '12.35' });
    expect(
      run(formatReport(2023, [t2021, table('t3', '2021', 1), table('t4', '2021', 2)])),
    ).toEqual([]);
  });
});

describe('legacy counts, read from a page', () => {
  const page = (rows: [string, string, string][]) => `<!doctype html><html><head>
<title>江州市统计局2016年政府信息公开工作年度报告</title></head><body><div id="zoom">
<p>江州市统计局2016年政府信息公开工作年度报告。本报告统计数据期限为2016年1月1日至2016年12月31日。</p>
<table border="1"><tr><td>指标名称</td><td>单位</td><td>数量</td></tr>
${rows.map(([l, u, v]) => `<tr><td>${l}</td><td>${u}</td><td>${v}</td></tr>`).join('\n')}
</table></div></body></html>`;
  const extract = (html: string) =>
    extractReport(new JSDOM(html).window.document, 'http://www.jiangzhou.gov.cn/a.html').report;

  it('marks a negative or fractional count by its printed row and column, not amounts in 万元', () => {
    const report = extract(
      page([
        ['一、主动公开政府信息数', '条', '356'],
        ['二、收到申请数', '件', '12'],
        ['1.当面申请数', '件', '-2'],
        ['2.网络申请数', '件', '13.5'],
        ['三、依申请公开信息收取的费用', '万元', '0.35'],
        ['四、政府信息公开专项经费', '万元', '-1.5'],
      ]),
    );
    expect(report.identity.template).toBe('legacy');
    const findings = run(report);
    expect(
      findings.map((f) => [f.rule, f.cells.map((c) => `${c.row}|${c.col}`), f.actual]),
    ).toEqual([
      ['form.negative', ['1.当面申请数|数量'], -2],
      ['form.fraction', ['2.网络申请数|数量'], 13.5],
    ]);
  });

  it('finds nothing in a clean legacy table', () => {
    const report = extract(
      page([
        ['一、主动公开政府信息数', '条', '356'],
        ['二、收到申请数', '件', '12'],
        ['三、政府信息公开专项经费', '万元', '3.5'],
      ]),
    );
    expect(run(report)).toEqual([]);
  });
});

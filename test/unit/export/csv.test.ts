import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvLine, reportCsv } from '../../../lib/export/csv';
import type { Finding, Report, TableCell } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { parseCsv } from '../../support/csv';

/** Splits the export into its two sections at the empty record. */
function sections(csv: string): { values: string[][]; findings: string[][] } {
  expect(csv.startsWith(BOM)).toBe(true);
  const rows = parseCsv(csv.slice(BOM.length));
  const gap = rows.findIndex((r) => r.length === 1 && r[0] === '');
  expect(gap).toBeGreaterThan(0);
  return { values: rows.slice(0, gap), findings: rows.slice(gap + 1) };
}

function numberCell(
  key: string,
  text: string,
  value: number,
  rowLabel: string,
  colLabel: string,
): TableCell {
  return {
    row: 1,
    col: 1,
    rowSpan: 1,
    colSpan: 1,
    text,
    value: { kind: 'number', value, decimals: 0, unit: '', approximate: false },
    header: false,
    key,
    rowLabel,
    colLabel,
  };
}

function reportWith(cells: TableCell[], values: Report['values']): Report {
  return {
    url: 'https://www.example.gov.cn/report.html',
    identity: {
      agency: '青山区',
      year: 2023,
      template: '2021',
      publishedAt: '2024-01-18',
      title: '青山区2023年政府信息公开工作年度报告',
      bodyKind: 'government',
    },
    tables: [
      {
        index: 0,
        kind: 't2',
        title: '',
        rowCount: 3,
        colCount: 3,
        sourceTables: 1,
        headerRows: 1,
        labelCols: 1,
        cells,
      },
    ],
    values,
    claims: [],
    imageTables: 0,
    textLength: 100,
  };
}

const hostileFinding: Finding = {
  rule: 't2.delta',
  family: 'form',
  severity: 'warning',
  message: '=SUM(A1:A3) 一格',
  messageEn: '@x cell, "quoted"',
  cells: [{ key: 't2.license.delta', row: '行政许可', col: '本年增/减', value: -4 }],
  terms: [],
  expected: 0,
  actual: -4,
  arithmetic: '-x + 1 = 2, 3',
};

describe('CSV cell encoding', () => {
  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', '青山区'])).toBe(
      '"a,b","say ""hi""","two\nlines",青山区',
    );
  });

  it('turns formula starters into text but leaves negative numbers as numbers', () => {
    expect(csvField('=SUM(A1:A3)')).toBe("'=SUM(A1:A3)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@x')).toBe("'@x");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('-4')).toBe('-4');
    expect(csvField('-2.5')).toBe('-2.5');
  });
});

describe('reportCsv', () => {
  const report = reportWith(
    [
      numberCell('t2.license.delta', '减4', -4, '行政许可', '本年增/减'),
      numberCell('t2.penalty.delta', '+1', 1, '=SUM(A1:A3)', '@x'),
      {
        ...numberCell('t2.coercion.delta', '-x', 0, '行政强制', '本年增/减'),
        value: { kind: 'text' },
      },
    ],
    { 't2.license.delta': -4, 't2.penalty.delta': 1, 't2.coercion.delta': null },
  );

  it('reads back as a values section then a findings section, hostile cells neutralised', () => {
    // 16:05 UTC is 00:05 the next day in Beijing.
    const { values, findings } = sections(
      reportCsv(report, [hostileFinding], { retrievedAt: '2024-02-01T16:05:09.000Z' }),
    );
    const source = [
      '青山区',
      '2023',
      'https://www.example.gov.cn/report.html',
      '2024-02-02T00:05:09+08:00',
    ];
    expect(values).toEqual([
      [
        'agency',
        'year',
        'url',
        'retrievedAt',
        'key',
        'table',
        'parent',
        'row',
        'col',
        'value',
        'raw',
      ],
      [...source, 't2.license.delta', 't2', '', '行政许可', '本年增/减', '-4', '减4'],
      [...source, 't2.penalty.delta', 't2', '', "'=SUM(A1:A3)", "'@x", '1', "'+1"],
      [...source, 't2.coercion.delta', 't2', '', '行政强制', '本年增/减', '', "'-x"],
    ]);
    expect(findings[0]).toEqual([
      'agency',
      'year',
      'url',
      'retrievedAt',
      'rule',
      'family',
      'severity',
      'message',
      'messageEn',
      'cells',
      'terms',
      'expected',
      'actual',
      'arithmetic',
      'text',
    ]);
    expect(findings[1]).toEqual([
      ...source,
      't2.delta',
      'form',
      'warning',
      "'=SUM(A1:A3) 一格",
      '\'@x cell, "quoted"',
      't2.license.delta = -4',
      '',
      '0',
      '-4',
      "'-x + 1 = 2, 3",
      '',
    ]);
    expect(findings).toHaveLength(2);
  });

  it('holds every keyed value and every finding of a real fixture', async () => {
    const { report: real, entry } = await analyseFile('test/fixtures/chk-identity-culprit.html');
    if (!real) throw new Error('fixture not read as a report');
    const retrievedAt = '2024-02-01T08:30:00.000Z';
    const { values, findings } = sections(reportCsv(real, entry.findings, { retrievedAt }));
    const rows = values.slice(1);
    for (const row of [...rows, ...findings.slice(1)])
      expect(row.slice(0, 4)).toEqual([
        '江州市自然资源和规划局',
        '2023',
        real.url,
        '2024-02-01T16:30:00+08:00',
      ]);
    expect(rows.map((r) => r[4]).sort()).toEqual(Object.keys(real.values).sort());
    for (const [, , , , key, , , , , value] of rows) {
      const expected = real.values[key ?? ''];
      expect(value).toBe(expected === null || expected === undefined ? '' : String(expected));
    }
    const culprit = rows.find((r) => r[4] === 't3.unable.notHeld.natural');
    expect(culprit?.slice(4)).toEqual([
      't3.unable.notHeld.natural',
      't3',
      '',
      '1.本机关不掌握相关政府信息',
      '自然人',
      '32',
      '32',
    ]);
    expect(findings.slice(1).map((r) => [r[4], r[13]])).toEqual(
      entry.findings.map((f) => [f.rule, f.arithmetic]),
    );
  });

  it('lists every figure of a legacy table, not only the rows with a shared key', async () => {
    const { report: legacy, entry } = await analyseFile('test/fixtures/seed-002-hailing-2017.html');
    if (!legacy) throw new Error('fixture not read as a report');
    const { values } = sections(
      reportCsv(legacy, entry.findings, { retrievedAt: '2024-02-01T08:30:00.000Z' }),
    );
    const rows = values.slice(1);
    const keyed = rows.filter((r) => r[4] !== '');
    expect(keyed.map((r) => r[4]).sort()).toEqual(Object.keys(legacy.values).sort());
    // Rows outside the shared keys, as printed, with their parent item and figure.
    const byLabel = (label: string) => rows.find((r) => r[7] === label)?.slice(4);
    expect(byLabel('1﹒属于已主动公开范围数')).toEqual([
      '',
      'legacy',
      '(三)申请答复数',
      '1﹒属于已主动公开范围数',
      '合计',
      '2',
      '2',
    ]);
    expect(byLabel('不是《条例》所指政府信息')?.slice(4)).toEqual(['合计', '8', '8']);
    expect(byLabel('6.公民')?.slice(4)).toEqual(['合计', '48', '48']);
    // A heading without a figure or a unit is not a figure.
    expect(byLabel('三、依申请公开情况')).toBeUndefined();
    expect(rows.length).toBeGreaterThan(keyed.length + 40);
  });
});

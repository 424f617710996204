/**
 * The workbook export, read back by openpyxl (test/support/read_xlsx.py): an
 * implementation independent of the writer, so what it finds is what a
 * spreadsheet program finds in the file.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { yearOverYearRows } from '../../../lib/compare/rows';
import type { ExportInput } from '../../../lib/export/types';
import { writeWorkbook } from '../../../lib/export/xlsx/workbook';
import type {
  CellRef,
  ExtractedTable,
  Finding,
  Report,
  Severity,
  TableCell,
} from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { reportOf, tableOf } from '../../support/report-builder';
import {
  type CellDump,
  readWorkbook,
  type SheetDump,
  type WorkbookDump,
} from '../../support/xlsx-reader';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const RETRIEVED_AT = '2024-05-06T09:30:00+08:00';
const SHA = 'c0ffee'.repeat(10).padEnd(64, '0');

/** What a journalist's spreadsheet shows for each severity. */
const FILL: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

async function analysed(name: string, history: Report[] = []) {
  const { entry, report } = await analyseFile(new URL(`${name}.html`, FIXTURES).pathname, {
    history,
  });
  if (!report) throw new Error(`${name} is not read as a report: ${JSON.stringify(entry)}`);
  return { report, findings: entry.findings };
}

function inputOf(report: Report, findings: readonly Finding[], previous: Report | null = null) {
  const input: ExportInput = {
    report,
    findings,
    previous: previous
      ? {
          year: previous.identity.year ?? 0,
          url: previous.url,
          seenAt: '2024-01-02T03:04:05.000Z',
          values: previous.values,
        }
      : null,
    retrievedAt: RETRIEVED_AT,
    textSha256: SHA,
  };
  return input;
}

function sheetNamed(dump: WorkbookDump, name: string): SheetDump {
  const sheet = dump.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${dump.sheets.map((s) => s.name)}`);
  return sheet;
}

function cellAt(sheet: SheetDump, row: number, col: number): CellDump | undefined {
  return sheet.cells.find((cell) => cell.row === row && cell.col === col);
}

/** Column letters, written independently of the writer's own. */
function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/** The summary as label → value, labels by their English part. */
function summaryOf(dump: WorkbookDump): Map<string, CellDump | undefined> {
  const sheet = dump.sheets[0];
  if (!sheet) throw new Error('no sheets');
  const rows = new Map<string, CellDump | undefined>();
  for (const label of sheet.cells.filter((cell) => cell.col === 0)) {
    rows.set(String(label.value), cellAt(sheet, label.row, 1));
  }
  return rows;
}

function summaryValue(dump: WorkbookDump, english: string): CellDump | undefined {
  for (const [label, cell] of summaryOf(dump)) if (label.endsWith(english)) return cell;
  throw new Error(`the summary has no row “${english}”`);
}

/** The findings that mark a printed cell (its `cells`, not its `terms`). */
function marksOf(findings: readonly Finding[], table: number, cell: TableCell): Finding[] {
  const at = (ref: CellRef) => ref.table === table && ref.r === cell.row && ref.c === cell.col;
  return findings.filter((f) => f.cells.some(at));
}

function tableSheets(dump: WorkbookDump, report: Report): SheetDump[] {
  const sheets = dump.sheets.slice(1, 1 + report.tables.length);
  expect(sheets).toHaveLength(report.tables.length);
  return sheets;
}

function expectedValue(cell: TableCell): string | number | null {
  if (cell.value.kind === 'number') return cell.value.value;
  if (cell.value.kind === 'blank') return null;
  return cell.text;
}

/** Every printed cell where the page prints it, merged as printed, headers bold, flags filled. */
function expectTablesAsPrinted(dump: WorkbookDump, report: Report, findings: readonly Finding[]) {
  let flagged = 0;
  tableSheets(dump, report).forEach((sheet, t) => {
    const table = report.tables[t] as ExtractedTable;
    const spans = table.cells
      .filter((cell) => cell.rowSpan > 1 || cell.colSpan > 1)
      .map(
        (cell) =>
          `${a1(cell.row, cell.col)}:${a1(cell.row + cell.rowSpan - 1, cell.col + cell.colSpan - 1)}`,
      )
      .sort();
    expect(sheet.merged, sheet.name).toEqual(spans);
    for (const cell of table.cells) {
      const where = `${sheet.name} ${a1(cell.row, cell.col)}`;
      const dumped = cellAt(sheet, cell.row, cell.col);
      const expected = expectedValue(cell);
      expect(dumped?.value ?? null, where).toEqual(expected);
      if (expected !== null)
        expect(dumped?.type, where).toBe(typeof expected === 'number' ? 'n' : 's');
      if (cell.key && !cell.unreadable) {
        const value = report.values[cell.key] ?? null;
        if (value !== null) expect(dumped?.value, `${where} ${cell.key}`).toBe(value);
        else expect(typeof dumped?.value, `${where} ${cell.key}`).not.toBe('number');
      }
      expect(dumped?.bold ?? false, where).toBe(cell.header);
      const marks = marksOf(findings, t, cell);
      if (marks.length === 0) {
        expect(dumped?.fill ?? null, where).toBeNull();
        expect(dumped?.comment ?? null, where).toBeNull();
        continue;
      }
      flagged++;
      const worst = marks.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
      expect(dumped?.fill, where).toBe(FILL[worst.severity]);
      for (const finding of marks) {
        expect(dumped?.comment, where).toContain(finding.message);
        expect(dumped?.comment, where).toContain(finding.messageEn);
        expect(dumped?.comment, where).toContain(finding.arithmetic);
      }
    }
  });
  return flagged;
}

/** One row per finding, in order, with the finding's own words and figures. */
function expectFindingsSheet(dump: WorkbookDump, findings: readonly Finding[]) {
  const sheet = sheetNamed(dump, '问题 Findings');
  expect(sheet.cells.filter((cell) => cell.row === 0).every((cell) => cell.bold)).toBe(true);
  expect(Math.max(0, ...sheet.cells.map((cell) => cell.row))).toBe(findings.length);
  findings.forEach((finding, i) => {
    const row = (col: number) => cellAt(sheet, i + 1, col);
    expect(row(0)?.value).toBe(finding.rule);
    expect(String(row(1)?.value)).toContain(finding.severity);
    expect(row(1)?.fill).toBe(FILL[finding.severity]);
    expect(row(2)?.value).toBe(finding.message);
    expect(row(3)?.value).toBe(finding.messageEn);
    expect(row(4)?.value ?? '').toBe(finding.arithmetic);
    for (const ref of finding.cells) {
      expect(String(row(5)?.value)).toContain(`${ref.key ?? `${ref.row} / ${ref.col}`} = `);
    }
    for (const [col, figure] of [
      [6, finding.expected],
      [7, finding.actual],
    ] as const) {
      expect(row(col)?.value ?? null).toBe(figure);
      if (typeof figure === 'number') expect(row(col)?.type).toBe('n');
    }
    expect(row(8)?.value ?? null).toBe(finding.text ?? null);
  });
}

function expectNoFormulas(dump: WorkbookDump) {
  for (const sheet of dump.sheets) {
    for (const cell of sheet.cells)
      expect(cell.type, `${sheet.name} ${cell.address}`).not.toBe('f');
  }
}

describe('workbook of a legacy report with many findings (seed 002)', () => {
  let report: Report;
  let findings: Finding[];
  let dump: WorkbookDump;
  beforeAll(async () => {
    ({ report, findings } = await analysed('seed-002-hailing-2017'));
    dump = await readWorkbook(writeWorkbook(inputOf(report, findings)));
  });

  it('has the summary, one sheet per table, the findings, and no year-over-year sheet', () => {
    expect(dump.sheets.map((s) => s.name)).toEqual([
      '概要 Summary',
      '表1 统计表',
      '表2 其他表格',
      '问题 Findings',
    ]);
  });

  it('summarises the report: identity, provenance and the count of each severity', () => {
    expect(summaryValue(dump, 'Report')?.value).toBe(report.identity.title);
    expect(summaryValue(dump, 'Agency')?.value).toBe('海陵区');
    expect(summaryValue(dump, 'Year')).toMatchObject({ value: 2017, type: 'n' });
    expect(summaryValue(dump, 'Format')?.value).toBe('legacy');
    expect(summaryValue(dump, 'Source URL')?.value).toBe(report.url);
    expect(summaryValue(dump, 'Published')?.value).toBe('2018-02-27');
    expect(summaryValue(dump, 'Retrieved (Beijing time)')?.value).toBe(RETRIEVED_AT);
    expect(summaryValue(dump, 'SHA-256 of the text')?.value).toBe(SHA);
    const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
    expect(count('error')).toBeGreaterThan(0);
    expect(count('warning')).toBeGreaterThan(0);
    expect(summaryValue(dump, 'Errors')).toMatchObject({ value: count('error'), type: 'n' });
    expect(summaryValue(dump, 'Warnings')).toMatchObject({ value: count('warning'), type: 'n' });
    expect(summaryValue(dump, 'Info')).toMatchObject({ value: count('info'), type: 'n' });
    const labels = [...summaryOf(dump).keys()];
    expect(labels.every((label) => /^[\u4e00-\u9fff]/.test(label))).toBe(true);
  });

  it('lays each table out as printed and marks the flagged cells', () => {
    const flagged = expectTablesAsPrinted(dump, report, findings);
    expect(flagged).toBeGreaterThanOrEqual(8);
  });

  it('leaves the cells a finding only uses in its arithmetic unmarked', () => {
    const termOnly = findings
      .flatMap((f) => f.terms)
      .filter(
        (ref) =>
          !findings.some((f) =>
            f.cells.some((c) => c.table === ref.table && c.r === ref.r && c.c === ref.c),
          ),
      );
    expect(termOnly.length).toBeGreaterThan(0);
    for (const ref of termOnly) {
      const sheet = dump.sheets[1 + (ref.table ?? -99)];
      const cell = sheet && cellAt(sheet, ref.r ?? -1, ref.c ?? -1);
      expect(cell?.fill ?? null).toBeNull();
      expect(cell?.comment ?? null).toBeNull();
    }
  });

  it('lists every finding on the findings sheet', () => {
    expectFindingsSheet(dump, findings);
    expect(sheetNamed(dump, '问题 Findings').freeze).toBe('A2');
  });

  it('writes no formulas and sets widths that fit the text', () => {
    expectNoFormulas(dump);
    for (const sheet of dump.sheets) {
      const widths = Object.values(sheet.widths);
      expect(widths.length, sheet.name).toBeGreaterThan(0);
      for (const width of widths) {
        expect(width).toBeGreaterThanOrEqual(6);
        expect(width).toBeLessThanOrEqual(90);
      }
    }
    // The label column of the statistics table holds long Chinese labels, the figures do not.
    const table = sheetNamed(dump, '表1 统计表');
    expect(table.widths.A).toBeGreaterThan((table.widths.C ?? 0) * 2);
  });
});

describe('workbook links: the page’s address, and each finding to its figure', () => {
  const URL_2017 = 'http://www.hailing.gov.cn/art/2018/2/27/art_1.html';
  let report: Report;
  let findings: Finding[];
  let bytes: Uint8Array;
  let dump: WorkbookDump;
  beforeAll(async () => {
    const { entry, report: read } = await analyseFile(
      new URL('seed-002-hailing-2017.html', FIXTURES).pathname,
      { url: URL_2017 },
    );
    if (!read) throw new Error('seed 002 is not read as a report');
    report = read;
    findings = entry.findings;
    bytes = writeWorkbook(inputOf(report, findings));
    dump = await readWorkbook(bytes);
  });

  it('makes the source address a clickable link, an external relationship of the summary sheet', () => {
    const source = summaryValue(dump, 'Source URL');
    expect(source?.value).toBe(URL_2017);
    expect(source?.link).toEqual({ target: URL_2017, location: null });
    const files = unzipSync(bytes);
    const rels = strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels'] ?? new Uint8Array());
    const relId =
      /<Relationship Id="([^"]+)" Type="[^"]+\/hyperlink" Target="([^"]+)" TargetMode="External"\/>/.exec(
        rels,
      );
    expect(relId?.[2]).toBe(URL_2017);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain(`<hyperlink ref="${source?.address}" r:id="${relId?.[1]}"/>`);
  });

  it('links each finding’s cells to the sheet and cell that print the marked figure', () => {
    const sheet = dump.sheets.find((s) => s.name === '问题 Findings');
    if (!sheet) throw new Error('no findings sheet');
    const column = sheet.cells.find((cell) => cell.row === 0 && cell.value === '单元格 Cells')?.col;
    expect(column).toBeDefined();
    let linked = 0;
    findings.forEach((finding, i) => {
      const link = cellAt(sheet, i + 1, column ?? -1)?.link ?? null;
      const ref = finding.cells.find((cell) => cell.table !== undefined);
      if (!ref || ref.table === undefined || ref.r === undefined || ref.c === undefined) {
        expect(link).toBeNull();
        return;
      }
      const target = dump.sheets[1 + ref.table];
      expect(link).toEqual({ target: null, location: `'${target?.name}'!${a1(ref.r, ref.c)}` });
      // Where the link goes, the figure the finding marks.
      expect(target && cellAt(target, ref.r, ref.c)?.value).toBe(ref.value);
      linked++;
    });
    expect(linked).toBeGreaterThan(5);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet4.xml'] ?? new Uint8Array());
    expect(xml).toContain(`location="&apos;表1 统计表&apos;!C31"`);
  });

  it('links no address that is not a web page', async () => {
    const hostile = { ...report, url: 'javascript:alert(1)' };
    const files = unzipSync(writeWorkbook(inputOf(hostile, findings)));
    expect(files['xl/worksheets/_rels/sheet1.xml.rels']).toBeUndefined();
    const saved = await readWorkbook(writeWorkbook(inputOf(hostile, findings)));
    expect(summaryValue(saved, 'Source URL')).toMatchObject({
      value: 'javascript:alert(1)',
      link: null,
    });
  });

  it('states the retrieval time in Beijing time, the date of Beijing', async () => {
    const late = await readWorkbook(
      writeWorkbook({ ...inputOf(report, findings), retrievedAt: '2024-05-06T17:30:00.000Z' }),
    );
    expect(summaryValue(late, 'Retrieved (Beijing time)')?.value).toBe('2024-05-07T01:30:00+08:00');
  });
});

describe('workbook of a 2021-format report with blanks and dashes', () => {
  let report: Report;
  let findings: Finding[];
  let dump: WorkbookDump;
  beforeAll(async () => {
    ({ report, findings } = await analysed('fmt-2021-blanks'));
    dump = await readWorkbook(writeWorkbook(inputOf(report, findings)));
  });

  it('names the three format tables', () => {
    expect(dump.sheets.map((s) => s.name)).toEqual([
      '概要 Summary',
      '表1 二 主动公开',
      '表2 三 依申请公开',
      '表3 四 复议诉讼',
      '问题 Findings',
    ]);
  });

  it('keeps blanks empty, dashes as printed, figures as numbers, merged headers merged', () => {
    const kinds = new Set(report.tables.flatMap((t) => t.cells.map((c) => c.value.kind)));
    expect([...kinds]).toEqual(expect.arrayContaining(['blank', 'dash', 'number']));
    expect(
      report.tables.some((t) => t.cells.some((c) => c.header && c.rowSpan * c.colSpan > 1)),
    ).toBe(true);
    expect(expectTablesAsPrinted(dump, report, findings)).toBeGreaterThan(0);
    expectFindingsSheet(dump, findings);
    expectNoFormulas(dump);
  });
});

describe('workbook with the previous year (chk-yoy-base-2022 → chk-yoy-broken-2023)', () => {
  let report: Report;
  let base: Report;
  let findings: Finding[];
  let dump: WorkbookDump;
  beforeAll(async () => {
    base = (await analysed('chk-yoy-base-2022')).report;
    ({ report, findings } = await analysed('chk-yoy-broken-2023', [base]));
    dump = await readWorkbook(writeWorkbook(inputOf(report, findings, base)));
  });

  it('adds the year-over-year sheet last', () => {
    expect(dump.sheets.map((s) => s.name).at(-1)).toBe('同比 Year over year');
    expect(dump.sheets).toHaveLength(1 + report.tables.length + 2);
    expect(summaryValue(dump, 'Compared with year')?.value).toBe(2022);
  });

  it('marks the year-over-year findings in the tables, by severity', () => {
    const severities = new Set(findings.map((f) => f.severity));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
    expect(expectTablesAsPrinted(dump, report, findings)).toBeGreaterThanOrEqual(4);
    expectFindingsSheet(dump, findings);
  });

  it('compares each figure with last year’s, as numbers, under headers naming both years', () => {
    const sheet = sheetNamed(dump, '同比 Year over year');
    const headers = sheet.cells.filter((cell) => cell.row === 0).map((cell) => String(cell.value));
    expect(headers.some((h) => h.includes('2022'))).toBe(true);
    expect(headers.some((h) => h.includes('2023'))).toBe(true);
    expect(headers.findIndex((h) => h.includes('2022'))).toBeLessThan(
      headers.findIndex((h) => h.includes('2023')),
    );
    const rows = yearOverYearRows(report, base.values);
    expect(rows.length).toBeGreaterThan(10);
    expect(Math.max(...sheet.cells.map((cell) => cell.row))).toBe(rows.length);
    rows.forEach((row, i) => {
      const at = (col: number) => cellAt(sheet, i + 1, col);
      expect(at(0)?.value).toBe(row.key);
      expect(at(1)?.value).toBe(row.label);
      expect(at(3)?.value ?? null).toBe(row.previous);
      expect(at(4)?.value ?? null).toBe(row.current);
      expect(at(5)?.value ?? null).toBe(row.change?.delta ?? null);
      if (row.change?.percent == null) expect(at(6)?.value ?? null).toBeNull();
      else {
        expect(at(6)?.type).toBe('n');
        expect(at(6)?.value as number).toBeCloseTo(row.change.percent / 100, 9);
        expect(at(6)?.numberFormat).toContain('%');
      }
    });
    const newRequests = rows.findIndex((row) => row.key === 't3.new.total');
    expect(cellAt(sheet, newRequests + 1, 3)).toMatchObject({ value: 71, type: 'n' });
    expect(cellAt(sheet, newRequests + 1, 4)).toMatchObject({ value: 160, type: 'n' });
  });
});

describe('workbook of a hostile page', () => {
  const HOSTILE = '<script>alert(1)</script> ]]> & \u0001\u202E 😀 _x0041_ \uD800\uFFFE end';
  /** What a spreadsheet may show: the characters XML cannot carry are gone, nothing else. */
  const SHOWN = '<script>alert(1)</script> ]]> & \u202E 😀 _x0041_  end';

  function hostileInput(): ExportInput {
    const table = tableOf('t4', {
      't4.review.upheld': '3',
      't4.review.corrected': '1',
      't4.review.total': '5',
    });
    const label: TableCell = {
      row: 3,
      col: 0,
      rowSpan: 1,
      colSpan: 2,
      text: HOSTILE,
      value: { kind: 'text' },
      header: true,
    };
    const formulas = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)'].map(
      (text, i): TableCell => ({
        row: 4 + i,
        col: 0,
        rowSpan: 1,
        colSpan: 1,
        text,
        value: { kind: 'text' },
        header: false,
      }),
    );
    table.cells.push(label, ...formulas);
    const other: ExtractedTable = {
      ...tableOf('other', {}, 1),
      title: 'a/b\\c[d]:e*f?g\u0001 申请来源 and a caption far longer than thirty-one characters',
      cells: [],
    };
    const report = reportOf([table, other], { title: HOSTILE, agency: `${HOSTILE} 局` });
    const total: CellRef = {
      key: 't4.review.total',
      table: 0,
      r: 2,
      c: 1,
      row: '',
      col: '',
      value: 5,
    };
    const upheld: CellRef = {
      key: 't4.review.upheld',
      table: 0,
      r: 0,
      c: 1,
      row: '',
      col: '',
      value: 3,
    };
    const finding = (severity: Severity, message: string): Finding => ({
      rule: 't4.total',
      family: 'identity',
      severity,
      message,
      messageEn: `${severity}: ${HOSTILE}`,
      cells: [total],
      terms: [upheld],
      expected: 4,
      actual: 5,
      arithmetic: '=3+1 = 4',
      text: HOSTILE,
    });
    return inputOf(report, [
      finding('info', '提示：变化较大'),
      finding('error', `总计不等于分项之和 ${HOSTILE}`),
    ]);
  }

  let input: ExportInput;
  let bytes: Uint8Array;
  let dump: WorkbookDump;
  beforeAll(async () => {
    input = hostileInput();
    bytes = writeWorkbook(input);
    dump = await readWorkbook(bytes);
  });

  it('opens, with page text as printed less the characters XML forbids', () => {
    expect(summaryValue(dump, 'Report')?.value).toBe(SHOWN);
    expect(summaryValue(dump, 'Agency')?.value).toBe(`${SHOWN} 局`);
    expect(cellAt(dump.sheets[1] as SheetDump, 3, 0)).toMatchObject({ value: SHOWN, bold: true });
    const findings = sheetNamed(dump, '问题 Findings');
    expect(cellAt(findings, 2, 2)?.value).toBe(`总计不等于分项之和 ${SHOWN}`);
    expect(cellAt(findings, 2, 8)?.value).toBe(SHOWN);
  });

  it('keeps formula-like text as text', () => {
    const sheet = dump.sheets[1] as SheetDump;
    for (const [i, text] of [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
    ].entries()) {
      expect(cellAt(sheet, 4 + i, 0)).toMatchObject({ value: text, type: 's' });
    }
    expect(cellAt(sheetNamed(dump, '问题 Findings'), 1, 4)).toMatchObject({
      value: '=3+1 = 4',
      type: 's',
    });
    expectNoFormulas(dump);
  });

  it('fills a cell by its most severe finding and lists every finding in its note', () => {
    const cell = cellAt(dump.sheets[1] as SheetDump, 2, 1);
    expect(cell).toMatchObject({ value: 5, type: 'n', fill: FILL.error });
    // openpyxl decodes SpreadsheetML's `_xHHHH_` escapes in cells but not in notes.
    const note = cell?.comment?.replaceAll('_x005F_', '_');
    expect(note).toContain('提示：变化较大');
    expect(note).toContain(`总计不等于分项之和 ${SHOWN}`);
    expect(note).toContain(`error: ${SHOWN}`);
    expect(note).toContain('=3+1 = 4');
    // The more severe finding comes first: the note is read from the top.
    expect(note?.indexOf('错误 error')).toBeLessThan(note?.indexOf('提示 info') ?? -1);
    const term = cellAt(dump.sheets[1] as SheetDump, 0, 1);
    expect(term).toMatchObject({ value: 3, fill: null, comment: null });
  });

  it('gives every sheet a name Excel accepts', () => {
    const names = dump.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\\p{Cc}]|^'|'$/u);
    }
    expect(names[2]).toMatch(/^表2 a b c d e f g 申请来源/);
  });

  it('gives the same bytes for the same input, whatever the time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = new Date(1980, 0, 1).getTimezoneOffset();
      const again = writeWorkbook(hostileInput());
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(1980, 0, 1).getTimezoneOffset()).not.toBe(east);
      const west = writeWorkbook(hostileInput());
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(west).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

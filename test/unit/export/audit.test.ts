/**
 * The audit's files as a spreadsheet program opens them: a workbook whose
 * first sheet is the league table in the order given, each report's agency
 * linking to its own sheet of findings (names Excel accepts, unique even for
 * two reports of one agency and year), and a CSV of the same rows with a
 * BOM, where a page that was not read has empty counts, not zeros.
 */
import { describe, expect, it } from 'vitest';
import { type AuditedPage, leagueRow, sortLeague } from '../../../lib/audit/league';
import { runChecks } from '../../../lib/checks/run';
import { AUDIT_CSV_COLUMNS, auditCsv, auditWorkbook } from '../../../lib/export/audit';
import type { Report } from '../../../lib/model/report';
import { parseCsv } from '../../support/csv';
import { reportOf, tableOf } from '../../support/report-builder';
import { readWorkbook } from '../../support/xlsx-reader';

const broken = reportOf(
  [
    tableOf('t3', {
      't3.new.total': '10',
      't3.carryIn.total': '2',
      't3.totalHandled.total': '9',
      't3.carryOut.total': '1',
    }),
  ],
  { agency: '江州市自然资源和规划局:[审计]', bodyKind: 'department', publishedAt: '2024-02-06' },
);
const twin = { ...broken, url: 'http://www.example.gov.cn/copy.html' };
const clean = reportOf([], {
  agency: '安平市卫生健康委员会',
  bodyKind: 'department',
  publishedAt: '2024-01-26',
});

const pageOf = (report: Report): AuditedPage => ({
  kind: 'report',
  url: report.url,
  source: 'html',
  report,
  findings: runChecks(report, null),
  previous: { state: 'found', url: 'http://www.example.gov.cn/2022.html' },
});
const pages: AuditedPage[] = [
  pageOf(clean),
  pageOf(broken),
  pageOf(twin),
  {
    kind: 'unreadable',
    url: 'http://www.example.gov.cn/scan.pdf',
    source: 'pdf',
    problem: '扫描件',
    problemEn: '=scanned',
  },
];
const rows = sortLeague(pages.map(leagueRow));
const entries = rows.map((row) => {
  const page = pages[pages.map(leagueRow).findIndex((r) => r.url === row.url)];
  return { row, findings: page?.kind === 'report' ? page.findings : [] };
});

describe('the audit workbook', () => {
  it('has the league first, then one findings sheet per report, linked from its agency', async () => {
    const dump = await readWorkbook(auditWorkbook(entries, '年报审计'));
    const names = dump.sheets.map((s) => s.name);
    expect(names).toHaveLength(4);
    expect(names[0]).toBe('总表 League table');
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    const league = dump.sheets[0];
    const agencies = league?.cells.filter((c) => c.col === 0 && c.row > 0).map((c) => c.value);
    expect(agencies).toEqual([
      '江州市自然资源和规划局:[审计]',
      '江州市自然资源和规划局:[审计]',
      '安平市卫生健康委员会',
    ]);
    const firstLink = league?.cells.find((c) => c.row === 1 && c.col === 0)?.link?.location;
    expect(firstLink).toContain(names[1]);
    const sheet = dump.sheets[1];
    const rules = sheet?.cells.filter((c) => c.col === 0 && c.row > 0).map((c) => c.value);
    expect(rules).toEqual(entries[0]?.findings.map((f) => f.rule));
    const unreadRow = league?.cells.filter((c) => c.row === 4);
    expect(unreadRow?.find((c) => c.col === 6)).toBeUndefined();
  });
});

describe('the audit CSV', () => {
  it('lists the league with a BOM, blank counts for a page not read, formulas neutralised', () => {
    const text = auditCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [head, ...body] = parseCsv(text.slice(1));
    expect(head).toEqual([...AUDIT_CSV_COLUMNS]);
    const col = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => AUDIT_CSV_COLUMNS.indexOf(name);
    expect(body.map((r) => r[col('agency')])).toEqual([
      '江州市自然资源和规划局:[审计]',
      '江州市自然资源和规划局:[审计]',
      '安平市卫生健康委员会',
      '',
    ]);
    expect(body[0]?.[col('timeliness')]).toBe('6 days late');
    expect(body[0]?.[col('previous')]).toBe('http://www.example.gov.cn/2022.html');
    const unread = body[3];
    expect(unread?.[col('errors')]).toBe('');
    expect(unread?.[col('problemEn')]).toBe("'=scanned");
  });
});

/**
 * Every PDF fixture read in Node as the extension will read it: the figures
 * of every table, the identity, the claims of the text and the findings must
 * be those of the data that printed the document.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../lib/checks/run';
import type { Report } from '../../../lib/model/report';
import { extractPdfReport, type PdfExtraction } from '../../../lib/pdf/extract-pdf';
import { findingSummary, seriousFindingIds } from '../../support/fixtures';
import { MSUNG_CNS, predefinedCmapPdf } from '../../support/minimal-pdf';
import { loadPdfFixtures } from '../../support/pdf-fixtures';

const fixtures = loadPdfFixtures();
const read = new Map<string, PdfExtraction>();

/** pdf.js's CMap files as the command line and the extension hand them over (from node_modules here). */
const CMAP_DIR = join(import.meta.dirname, '../../../node_modules/pdfjs-dist/cmaps');
const requested: string[] = [];
const loadCMap = async (file: string) => {
  requested.push(file);
  return new Uint8Array(await readFile(join(CMAP_DIR, file)));
};

beforeAll(async () => {
  for (const fixture of fixtures) {
    read.set(
      fixture.name,
      await extractPdfReport(readFileSync(fixture.pdfPath), `file:///${fixture.name}.pdf`, {
        loadCMap,
      }),
    );
  }
}, 120_000);

const claimList = (claims: { subject: string; value: number; approximate: boolean }[]) =>
  claims.map((c) => `${c.subject}=${c.value}${c.approximate ? '~' : ''}`).sort();

const pageOf = (report: Report, key: string): number | undefined =>
  report.tables.flatMap((t) => t.cells).find((c) => c.key === key)?.page;

describe('extractPdfReport on the PDF fixtures', () => {
  it('has the fixtures the issue asks for', () => {
    expect(fixtures.map((f) => f.name)).toEqual([
      'pdf-2019-chromium',
      'pdf-2021-clean',
      'pdf-2021-county-5-pages',
      'pdf-2021-fees-decimal',
      'pdf-2021-review-contradiction',
      'pdf-2021-unembedded-cmap',
      'pdf-legacy-2016',
      'pdf-nonreport-notice',
      'pdf-scanned',
    ]);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: kind, identity, every value, claims and findings as printed`, () => {
      const got = read.get(fixture.name);
      expect(got?.kind).toBe(fixture.kind);
      const expected = fixture.report;
      if (!expected) {
        expect(got?.report).toBeNull();
        expect(got?.reason).toBeTruthy();
        return;
      }
      const report = got?.report as Report;
      expect(report.identity).toMatchObject({
        agency: expected.agency,
        year: expected.year,
        template: expected.template,
        publishedAt: expected.publishedAt,
        bodyKind: expected.bodyKind,
      });
      expect(report.tables.map((t) => t.kind)).toEqual(expected.tableKinds);
      expect(report.values).toEqual(expected.values);
      const unreadable = report.tables.flatMap((t) => t.cells.filter((c) => c.unreadable && c.key));
      expect(unreadable.map((c) => c.key)).toEqual(expected.unreadable);
      expect(claimList(report.claims)).toEqual(claimList(expected.claims));
      expect(seriousFindingIds(runChecks(report, null).map(findingSummary))).toEqual(
        seriousFindingIds(expected.findings ?? []),
      );
    });
  }

  it('names the page of each cell: table 三 runs on after a page break', () => {
    const report = read.get('pdf-2021-clean')?.report as Report;
    const first = pageOf(report, 't3.new.total') ?? 0;
    const last = pageOf(report, 't3.carryOut.total') ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    expect(pageOf(report, 't4.review.total')).toBeGreaterThanOrEqual(last);
  });

  it('reads the vertical 三、本年度办理结果 label as one cell over the page break', () => {
    const report = read.get('pdf-2021-clean')?.report as Report;
    const t3 = report.tables.find((t) => t.kind === 't3');
    const label = t3?.cells.find((c) => c.text.replace(/\s/g, '') === '三、本年度办理结果');
    expect(label?.rowSpan).toBeGreaterThan(20);
    expect(new Set(t3?.cells.filter((c) => c.key).map((c) => c.page)).size).toBe(2);
  });

  it('keeps a row label whole when the page break splits its row (「…政府信」 / 「息」)', () => {
    const report = read.get('pdf-2021-clean')?.report as Report;
    const t3 = report.tables.find((t) => t.kind === 't3');
    const labels = (t3?.cells ?? []).filter((c) => c.text.includes('本机关不掌握'));
    expect(labels.map((c) => c.text.replace(/\s/g, ''))).toEqual(['1.本机关不掌握相关政府信息']);
    expect(t3?.cells.some((c) => c.text.trim() === '息')).toBe(false);
  });

  it('says where each paragraph and table is printed: the text as read, each table from its first page', () => {
    for (const fixture of fixtures.filter((f) => f.kind === 'report')) {
      const got = read.get(fixture.name) as PdfExtraction;
      const report = got.report as Report;
      expect(got.layout.paragraphs.map((p) => p.text).join('\n'), fixture.name).toBe(got.text);
      expect(got.layout.tables, fixture.name).toHaveLength(report.tables.length);
      report.tables.forEach((table, t) => {
        const pages = table.cells.flatMap((c) => (c.page === undefined ? [] : [c.page]));
        expect(got.layout.tables[t]?.page, `${fixture.name} table ${t}`).toBe(Math.min(...pages));
      });
    }
    // Table 三 of the clean report starts below 「三、收到和处理…」, on the page of that heading.
    const clean = read.get('pdf-2021-clean') as PdfExtraction;
    const heading = clean.layout.paragraphs.find((p) => p.text.startsWith('三、收到和处理'));
    const t3 = clean.layout.tables[clean.report?.tables.findIndex((t) => t.kind === 't3') ?? -1];
    expect(t3?.page).toBe(heading?.page);
    expect(t3?.top).toBeGreaterThan(heading?.top ?? Number.POSITIVE_INFINITY);
  });

  it('says a scan is a scan and a notice is no report', () => {
    expect(read.get('pdf-scanned')).toMatchObject({ kind: 'scanned', report: null, pages: 1 });
    expect(read.get('pdf-scanned')?.reason).toMatch(/no text layer/);
    expect(read.get('pdf-nonreport-notice')).toMatchObject({ kind: 'none', report: null });
    expect(read.get('pdf-scanned')?.layout).toEqual({ paragraphs: [], tables: [] });
  });

  it('leaves page numbers and the tables out of the text the narrative reads', () => {
    const text = read.get('pdf-2021-clean')?.text ?? '';
    expect(text).toContain('本年度因政府信息公开申请引发行政复议');
    expect(text).not.toMatch(/^-\s*\d+\s*-$/m);
    expect(text).not.toContain('本列数据的勾稽关系');
  });

  it('reads text in a font named by a predefined CMap when given the CMap files, and says so without them', async () => {
    const lines = [
      '江州市2023年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度共收到政府信息公开申请92件。',
    ];
    const pdf = predefinedCmapPdf(lines);
    const withCMaps = await extractPdfReport(pdf, 'file:///cmap.pdf', { loadCMap });
    expect(withCMaps.report?.identity).toMatchObject({ agency: '江州市', year: 2023 });
    expect(withCMaps.report?.claims.map((c) => [c.subject, c.value])).toEqual([['received', 92]]);
    expect(await extractPdfReport(pdf, 'file:///cmap.pdf')).toMatchObject({
      kind: 'undecodable',
      report: null,
    });
  });

  it('reads the report written in unembedded fonts through both of its CMaps, UniGB-UCS2-H and GBK-EUC-H', () => {
    expect(requested).toEqual(expect.arrayContaining(['UniGB-UCS2-H.bcmap', 'GBK-EUC-H.bcmap']));
    const report = read.get('pdf-2021-unembedded-cmap')?.report as Report;
    // The title and headings are in the GBK-EUC-H font, the tables in the UniGB-UCS2-H one.
    expect(report.identity.title).toBe('南岭市生态环境局2023年政府信息公开工作年度报告');
    expect(read.get('pdf-2021-unembedded-cmap')?.text).toContain('五、存在的主要问题及改进情况');
    expect(report.values['t3.unable.notHeld.natural']).toBe(19);
    expect(pageOf(report, 't3.new.total')).toBeLessThan(pageOf(report, 't3.carryOut.total') ?? 0);
  });

  it('says the text could not be decoded, with no figure and no finding, when the CMaps cannot be had', async () => {
    const bytes = readFileSync(
      fixtures.find((f) => f.name === 'pdf-2021-unembedded-cmap')?.pdfPath ?? '',
    );
    const failing = async (file: string): Promise<Uint8Array> => {
      throw new Error(`${file}: not packaged`);
    };
    for (const options of [{}, { loadCMap: failing }]) {
      const got = await extractPdfReport(bytes, 'file:///unembedded.pdf', options);
      // Its metadata carries the report's title: without the check it passed for a report
      // whose tables were missing.
      expect(got).toMatchObject({ kind: 'undecodable', report: null, pages: 3, text: '' });
      expect(got.reason).toMatch(
        /could not be decoded \(CMap GBK-EUC-H, UniGB-UCS2-H not available\)/,
      );
    }
  });

  it('says so for a Traditional Chinese font when only the Chinese (GB) CMaps are packaged, as in the extension', async () => {
    const pdf = predefinedCmapPdf(['江州市2023年政府信息公開工作年度報告'], MSUNG_CNS);
    const gbOnly = async (file: string) => {
      if (!/GB.*\.bcmap$/.test(file)) throw new Error(`${file}: not packaged`);
      return loadCMap(file);
    };
    const got = await extractPdfReport(pdf, 'file:///cns.pdf', { loadCMap: gbOnly });
    expect(got).toMatchObject({ kind: 'undecodable', report: null });
    expect(got.reason).toContain('UniCNS-UCS2-H');
    // With every CMap (the command line's node_modules) the same bytes decode: it was the missing file.
    const all = await extractPdfReport(pdf, 'file:///cns.pdf', { loadCMap });
    expect(all.kind).not.toBe('undecodable');
  });

  it('reads the county report over all five of its pages', () => {
    const got = read.get('pdf-2021-county-5-pages');
    expect(got?.pages).toBe(5);
    expect(got?.text).toContain('六是政策执行情况的公开还不够深入');
    expect(got?.text).toMatch(/清溪县人民政府\n2023年3月27日$/);
  });
});

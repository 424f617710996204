/**
 * The command line on PDFs as a user runs it: the PDF fixtures mixed with a
 * page in one batch, read across two threads, with --json. Each PDF's entry
 * is the same contract as a page's, plus `source: "pdf"`, its page count,
 * the page of each keyed cell, and the exact findings of its fixture.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type ContractEntry, ContractEntrySchema } from '../../../lib/model/contract';
import { formatSummary } from '../../../scripts/cli/summary';
import { findingSummary, loadFixtures, seriousFindingIds } from '../../support/fixtures';
import { predefinedCmapPdf } from '../../support/minimal-pdf';
import { loadPdfFixtures } from '../../support/pdf-fixtures';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pdfs = loadPdfFixtures();
const page = loadFixtures().find((f) => f.name === 'fmt-2021-hanweb');
let entries: ContractEntry[] = [];

beforeAll(async () => {
  const files = [...pdfs.map((f) => f.pdfPath), page?.htmlPath ?? ''];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/check.ts', '--json', '--jobs', '2', ...files],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  entries = JSON.parse(stdout);
}, 120_000);

describe('npm run check -- --json on PDFs and pages together', () => {
  it('answers one entry per file, in order, each as the contract schema declares it', () => {
    expect(entries.map((e) => e.file)).toEqual([...pdfs.map((f) => f.pdfPath), page?.htmlPath]);
    const parsed = z.array(ContractEntrySchema).safeParse(entries);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(entries);
  });

  it('marks PDF entries with source "pdf" and their pages, and leaves a page entry as it was', () => {
    for (const entry of entries.slice(0, pdfs.length)) {
      expect(entry.source).toBe('pdf');
      expect(entry.pdfPages).toBeGreaterThan(0);
    }
    const html = entries.at(-1);
    expect(html?.source).toBeUndefined();
    expect(html?.report?.pages).toBeUndefined();
    expect(html?.report?.values).toEqual(page?.report?.values);
  });

  for (const [i, fixture] of pdfs.entries()) {
    it(`${fixture.name}: kind, identity, values, pages and findings as expected`, () => {
      const entry = entries[i];
      expect(entry?.kind).toBe(fixture.kind);
      expect(entry?.isReport).toBe(fixture.kind === 'report');
      if (!fixture.report) {
        expect(entry?.reason).toBeTruthy();
        return;
      }
      expect(entry?.report).toMatchObject({
        agency: fixture.report.agency,
        year: fixture.report.year,
        template: fixture.report.template,
        publishedAt: fixture.report.publishedAt,
        values: fixture.report.values,
      });
      // Every keyed figure names the page it is printed on, within the document.
      const pages = entry?.report?.pages ?? {};
      expect(Object.keys(pages).sort()).toEqual(Object.keys(fixture.report.values).sort());
      for (const p of Object.values(pages)) expect(p).toBeLessThanOrEqual(entry?.pdfPages ?? 0);
      expect(seriousFindingIds((entry?.findings ?? []).map(findingSummary))).toEqual(
        seriousFindingIds(fixture.report.findings ?? []),
      );
    });
  }

  it('says what a scan is rather than calling it no report', () => {
    const scan = entries[pdfs.findIndex((f) => f.name === 'pdf-scanned')];
    expect(scan).toMatchObject({ isReport: false, kind: 'scanned', source: 'pdf' });
    expect(scan?.reason).toMatch(/scanned PDF/);
  });

  it('says at a terminal that a PDF in fonts it could not decode cannot be read, and why', () => {
    const reason =
      'text in fonts the PDF does not embed could not be decoded (CMap UniCNS-UCS2-H not available); the figures cannot be read';
    const entry = ContractEntrySchema.parse({
      file: 'a.pdf',
      isReport: false,
      kind: 'undecodable',
      source: 'pdf',
      pdfPages: 3,
      reason,
      findings: [],
    });
    const text = formatSummary(entry);
    expect(text).toContain('无法解码');
    expect(text).toContain('UniCNS-UCS2-H');
    expect(text).not.toContain('不是年报');
  });

  it('names, at a terminal, the PDF and the page of each marked cell', async () => {
    const contradiction = pdfs.find((f) => f.name === 'pdf-2021-review-contradiction');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/check.ts', contradiction?.pdfPath ?? ''],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/PDF, \d+ 页 pages/);
    expect(stdout).toMatch(/marks: 行政复议 \/ 总计 = 0 \(第\d+页 p\. \d+\)/);
  }, 60_000);

  it('gives an entry with an error for a PDF it cannot read, without failing the run', async () => {
    const entry = await entryOfFile('broken.pdf', '%PDF-1.4\nnot a PDF after all\n');
    expect(entry).toMatchObject({ isReport: false });
    expect(entry?.error).toMatch(/PDF/);
  }, 60_000);

  it('reads a PDF whose font is named by a predefined CMap, from the installed CMap files', async () => {
    const pdf = predefinedCmapPdf([
      '江州市2023年政府信息公开工作年度报告',
      '本年度共收到政府信息公开申请92件。',
    ]);
    expect(await entryOfFile('cmap.pdf', pdf)).toMatchObject({
      isReport: true,
      source: 'pdf',
      report: { agency: '江州市', year: 2023 },
    });
  }, 60_000);
});

/** The command line's entry for one file of these bytes, written to a folder of its own. */
async function entryOfFile(
  name: string,
  bytes: string | Uint8Array,
): Promise<ContractEntry | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-pdf-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/check.ts', '--json', file],
      { cwd: ROOT },
    );
    const [entry] = JSON.parse(stdout) as ContractEntry[];
    expect(entry?.file).toBe(file);
    return entry;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

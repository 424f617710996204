/**
 * `npm run check -- --portal DIR` on the mock portal (test/fixtures/portal),
 * the saved copy of two portals whose manifest says what a reader should
 * find: every report's last year paired as the manifest expects (a report
 * posted twice left unpaired, with both candidates), the planted findings
 * where they were planted, and the PDF-only year read from its PDF.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ContractEntry, ContractEntrySchema } from '../../../lib/model/contract';
import { loadPortalManifest, PORTAL_DIR } from '../../support/portal';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const manifest = loadPortalManifest();

function checkPortal(): Promise<ContractEntry[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/check.ts', '--portal', PORTAL_DIR, '--json'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve((JSON.parse(stdout) as unknown[]).map((e) => ContractEntrySchema.parse(e)));
      },
    );
  });
}

describe('--portal on the mock portal', () => {
  let entries: ContractEntry[] = [];
  const byUrl = new Map<string, ContractEntry>();
  beforeAll(async () => {
    entries = await checkPortal();
    for (const entry of entries) if (entry.url) byUrl.set(entry.url, entry);
  }, 120_000);

  /** The entry a manifest report is read into: a PDF-only year's is its PDF's. */
  const entryOf = (page: (typeof manifest.pages)[number]) =>
    byUrl.get(page.report?.attachment ?? page.url);
  const fileOf = (url: string) => {
    const page = manifest.pages.find((p) => p.url === url);
    return byUrl.get(page?.report?.attachment ?? url)?.file;
  };
  const reports = manifest.pages.filter((p) => p.report && !p.hostile);

  it('reads every report of both portals, with its agency and year', () => {
    expect(reports.length).toBeGreaterThan(30);
    for (const page of reports) {
      const entry = entryOf(page);
      expect(entry?.isReport, page.url).toBe(true);
      expect(entry?.report?.agency, page.url).toBe(page.report?.agency);
      expect(entry?.report?.year, page.url).toBe(page.report?.year);
    }
  });

  it('pairs each report with the last year the manifest expects, and none where it was never published', () => {
    for (const page of reports) {
      const expected = page.report?.previous ?? null;
      const entry = entryOf(page);
      expect(entry?.previous ?? null, page.url).toBe(expected === null ? null : fileOf(expected));
    }
  });

  it('leaves a report whose last year was posted twice unpaired, naming both postings', () => {
    const twice = reports.filter((p) => (p.report?.previousCandidates?.length ?? 0) > 1);
    expect(twice.length).toBeGreaterThan(0);
    for (const page of twice) {
      const entry = entryOf(page);
      expect(entry?.previous ?? null).toBeNull();
      expect([...(entry?.previousCandidates ?? [])].sort()).toEqual(
        (page.report?.previousCandidates ?? []).map(fileOf).sort(),
      );
    }
  });

  it('finds each planted contradiction where it was planted, and only there', () => {
    const planted = (p: (typeof reports)[number]) => p.report?.planted ?? [];
    for (const page of reports) {
      const errors = entryOf(page)?.findings.filter((f) => f.severity === 'error') ?? [];
      const expectsError =
        planted(page).includes('contradiction') || planted(page).includes('yoy-contradiction');
      expect(errors.length > 0, `${page.url}: ${errors.map((f) => f.rule).join(', ')}`).toBe(
        expectsError,
      );
    }
    const yoy = reports.find((p) => planted(p).includes('yoy-contradiction'));
    expect(
      entryOf(yoy as (typeof reports)[number])?.findings.some((f) => f.rule.startsWith('yoy.')),
    ).toBe(true);
  });
});

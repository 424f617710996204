/**
 * The mock portal itself (test/fixtures/portal): the files on disk are what
 * its generator writes, and its reports read, through the command line's
 * DOM and the project's own pipeline, as the generator printed them — the
 * planted contradictions, the late one and the pictures are found, the
 * others are clean — so the tests of the portal reader stand on pages that
 * mean what the manifest says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../lib/checks/run';
import { extractReport } from '../../../lib/extract';
import { detectPage } from '../../../lib/page/detect';
import { buildPortal } from '../../../scripts/fixtures/make-portal-fixtures';
import { PORTAL_DIR } from '../../support/portal';
import { manifest, pageAt, parsed } from './pages';

describe('the mock portal', () => {
  it('is what scripts/fixtures/make-portal-fixtures.ts writes (the PDF aside, which is only there)', () => {
    const { files, pdfs } = buildPortal();
    const stale = [...files]
      .filter(([file, bytes]) => {
        const path = join(PORTAL_DIR, file);
        if (pdfs.has(file))
          return (
            !existsSync(path) || !readFileSync(path).subarray(0, 5).equals(Buffer.from('%PDF-'))
          );
        return !existsSync(path) || !readFileSync(path).equals(bytes);
      })
      .map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('lists every page once, each file under its host', () => {
    const urls = manifest.pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const page of manifest.pages) {
      expect(page.file.startsWith(`${new URL(page.url).hostname}/`)).toBe(true);
    }
  });

  const reports = manifest.pages.filter((p) => p.kind === 'report');
  it.each(reports.map((p) => [p.url, p] as const))('%s reads as printed', (url, page) => {
    const expected = page.report?.expected;
    const doc = parsed('lean DOM', page);
    const detection = detectPage(doc);
    expect(detection.kind).toBe('report');
    const { report } = extractReport(doc, url, detection.title);
    expect({
      agency: report.identity.agency,
      year: report.identity.year,
      publishedAt: report.identity.publishedAt,
      imageTables: report.imageTables,
    }).toEqual({
      agency: expected?.agency,
      year: expected?.year,
      publishedAt: expected?.publishedAt,
      imageTables: expected?.imageTables,
    });
    for (const [key, value] of Object.entries(expected?.values ?? {})) {
      expect([key, report.values[key]]).toEqual([key, value]);
    }
    const previousUrl = page.report?.previous;
    const previous = previousUrl
      ? extractReport(parsed('lean DOM', pageAt(previousUrl)), previousUrl).report
      : null;
    const serious = runChecks(report, previous)
      .filter((f) => f.severity !== 'info')
      .map((f) => f.rule);
    const planted = page.report?.planted ?? [];
    if (planted.includes('contradiction')) {
      expect(serious.some((r) => r.startsWith('t3.') || r.startsWith('t4.'))).toBe(true);
    } else if (planted.includes('late')) {
      expect(serious).toEqual(['timeliness.late']);
    } else if (planted.includes('image-tables')) {
      expect(serious).toEqual(['form.image-tables']);
    } else if (planted.includes('yoy-contradiction')) {
      expect(serious.some((r) => r.startsWith('yoy.'))).toBe(true);
    } else {
      expect(serious).toEqual([]);
    }
  });

  it('a PDF-only year: the article attaches the PDF, which is on the portal', () => {
    const article = manifest.pages.find((p) => p.kind === 'pdf-article');
    const attachment = article?.report?.attachment ?? '';
    expect(pageAt(attachment).kind).toBe('pdf');
    expect(
      readFileSync(join(PORTAL_DIR, pageAt(attachment).file))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

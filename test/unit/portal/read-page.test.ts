/**
 * A page fetched from the portal is read as its tab would read it
 * (lib/portal/read-page.ts): the same report as the page's own extraction,
 * a column as a column, a PDF through lib/pdf, and a failure said as one.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPdfReport } from '../../../lib/pdf/extract-pdf';
import { readPortalPage } from '../../../lib/portal/read-page';

const parse = (html: string, url: string) => new JSDOM(html, { url }).window.document;
const deps = { parse, readPdf: (bytes: Uint8Array, url: string) => extractPdfReport(bytes, url) };
const fixture = (name: string) => readFileSync(`test/fixtures/${name}`);
const expected = (name: string) =>
  JSON.parse(readFileSync(`test/fixtures/${name}.expected.json`, 'utf8'));

describe('readPortalPage', () => {
  it('reads a fetched report page into the report its fixture expects', async () => {
    const { url, report } = expected('fmt-2021-gbk');
    const html = new TextDecoder('gbk').decode(fixture('fmt-2021-gbk.html'));
    const page = await readPortalPage({ ok: true, url, kind: 'html', html }, deps);
    expect(page.kind).toBe('report');
    if (page.kind !== 'report') return;
    expect(page.source).toBe('html');
    expect(page.report.identity.agency).toBe(report.agency);
    expect(page.report.identity.year).toBe(report.year);
    expect(page.report.values).toMatchObject(report.values);
  });

  it('reads a column page as a listing, with its document for the links', async () => {
    const { url } = expected('listing-hanweb-column');
    const html = fixture('listing-hanweb-column.html').toString('utf8');
    const page = await readPortalPage({ ok: true, url, kind: 'html', html }, deps);
    expect(page.kind).toBe('listing');
    expect(page.kind === 'listing' && page.doc.getElementsByTagName('a').length).toBeGreaterThan(5);
  });

  it('reads a PDF report through lib/pdf', async () => {
    const bytes = new Uint8Array(fixture('pdf/pdf-2021-review-contradiction.pdf'));
    const url = 'http://www.hailing.gov.cn/attach/2024/report.pdf';
    const page = await readPortalPage({ ok: true, url, kind: 'pdf', bytes }, deps);
    expect(page.kind === 'report' && page.source).toBe('pdf');
  });

  it('says a scan is a scan, not that it is no report', async () => {
    const bytes = new Uint8Array(fixture('pdf/pdf-scanned.pdf'));
    const page = await readPortalPage(
      { ok: true, url: 'http://www.hailing.gov.cn/scan.pdf', kind: 'pdf', bytes },
      deps,
    );
    expect(page.kind).toBe('scanned');
  });

  it('passes a failed fetch on, and calls a page that breaks the reader unreadable', async () => {
    expect(
      await readPortalPage(
        { ok: false, url: 'http://x.gov.cn/a', failure: 'http', status: 404 },
        deps,
      ),
    ).toEqual({ kind: 'failed', url: 'http://x.gov.cn/a', failure: 'http', status: 404 });
    const broken = {
      parse: () => {
        throw new Error('no');
      },
      readPdf: deps.readPdf,
    };
    expect(
      await readPortalPage({ ok: true, url: 'http://x.gov.cn/a', kind: 'html', html: '' }, broken),
    ).toMatchObject({ kind: 'failed', failure: 'unreadable' });
  });
});

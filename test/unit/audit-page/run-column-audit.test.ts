/**
 * The audit page's audit over the mock portal (test/fixtures/portal), with
 * stand-ins for the browser: a fetch that serves the mirror (its redirects
 * as 302, anything else 404) and logs every request, jsdom for DOMParser,
 * lib/pdf in Node, an in-memory history. What a journalist would notice:
 * the league has every report of the column with the planted problems on
 * the right rows, the year-over-year check found through the pairing, a
 * second audit fetches nothing the history holds, a cancel stops the
 * requests and says which pages were not read, a page that fails is a row
 * saying why, and the hostile listing sends nothing off the portal.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { LeagueRow } from '../../../lib/audit/league';
import {
  AUDIT_MAX_REQUESTS,
  type KnownReport,
  runColumnAudit,
} from '../../../lib/audit-page/run-column-audit';
import type { Report } from '../../../lib/model/report';
import { extractPdfReport } from '../../../lib/pdf/extract-pdf';
import { loadPortalManifest, portalFile } from '../../support/portal';

const manifest = loadPortalManifest();
const COLUMN = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/index.html';
const HOSTILE = 'http://www.heming.gov.cn/xxgk/ndbghz/index.html';
const CMAP_DIR = join(import.meta.dirname, '../../../node_modules/pdfjs-dist/cmaps');

interface Served {
  requests: string[];
  /** The most requests in flight at once. */
  peak: number;
  fetch: typeof fetch;
}

function servePortal(options: { fail?: Set<string>; onRequest?(url: string): void } = {}): Served {
  const served: Served = { requests: [], peak: 0, fetch: fetch };
  let inFlight = 0;
  served.fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    served.requests.push(url);
    options.onRequest?.(url);
    inFlight++;
    served.peak = Math.max(served.peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight--;
    const redirect = manifest.redirects.find((r) => r.url === url);
    if (redirect) {
      return new Response(null, {
        status: redirect.status,
        headers: { location: redirect.location },
      });
    }
    const page = manifest.pages.find(
      (p) => p.url === url || (p.url.endsWith('/') && `${p.url}index.html` === url),
    );
    if (!page || options.fail?.has(url)) return new Response('not found', { status: 404 });
    const body = portalFile(page);
    const type =
      page.kind === 'pdf'
        ? 'application/pdf'
        : page.kind === 'image'
          ? 'image/png'
          : 'text/html; charset=utf-8';
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } });
  }) as typeof fetch;
  return served;
}

function audit(
  served: Served,
  options: {
    listing?: string;
    history?: KnownReport[];
    signal?: AbortSignal;
    stored?: KnownReport[];
  } = {},
) {
  return runColumnAudit({
    listingUrl: options.listing ?? COLUMN,
    fetch: served.fetch,
    parse: (html, url) => new JSDOM(html, { url }).window.document,
    readPdf: (bytes, url) =>
      extractPdfReport(bytes, url, {
        loadCMap: async (name) => new Uint8Array(await readFile(join(CMAP_DIR, name))),
      }),
    history: async () => options.history ?? [],
    store: async (report: Report, url: string) => {
      options.stored?.push({ url, report });
    },
    signal: options.signal ?? new AbortController().signal,
    log: () => {},
  });
}

/** Every report the column lists, over its pages and its year tabs (listings of their own), each once. */
const reportsOfColumn = [
  ...new Set(
    manifest.pages.flatMap((p) =>
      p.listing && p.url.startsWith(COLUMN.replace('index.html', '')) ? p.listing.reports : [],
    ),
  ),
];
const rowOf = (rows: readonly LeagueRow[], url: string) => rows.find((r) => r.url === url);
const hostOf = (url: string) => new URL(url).hostname;

describe('the column audit over the mock portal', () => {
  it('lists every report of the column with the planted problems on their rows, two requests at a time', async () => {
    const served = servePortal();
    const stored: KnownReport[] = [];
    const run = await audit(served, { stored });
    if (!run.ok) throw new Error(run.problem);
    const { rows } = run.league;
    expect(rows).toHaveLength(reportsOfColumn.length);
    expect(rows.every((r) => r.status === 'report')).toBe(true);
    expect(served.peak).toBeLessThanOrEqual(2);
    expect(served.requests.every((u) => hostOf(u).endsWith('heming.gov.cn'))).toBe(true);
    // Every report read now is handed over to be kept, the PDF under its own address.
    expect(stored).toHaveLength(reportsOfColumn.length);
    for (const page of manifest.pages) {
      const planted = page.report?.planted ?? [];
      if (!reportsOfColumn.includes(page.url)) continue;
      const url = page.kind === 'pdf-article' ? (page.report?.attachment as string) : page.url;
      const row = rowOf(rows, url);
      expect(row, url).toBeDefined();
      if (!row) continue;
      expect(row.agency).toBe(page.report?.agency);
      expect(row.year).toBe(page.report?.year);
      if (planted.includes('contradiction')) expect(row.errors).toBeGreaterThan(0);
      if (planted.includes('late')) expect(row.delayDays).toBeGreaterThan(0);
      if (planted.includes('pdf-only')) expect(row.source).toBe('pdf');
      if (planted.includes('image-tables')) expect(row.imageTables).toBeGreaterThan(0);
      if (planted.includes('yoy-contradiction')) {
        expect(row.previous).toEqual({ state: 'found', url: page.report?.previous });
        expect(run.league.findingsOf(row).some((f) => f.rule.startsWith('yoy.'))).toBe(true);
      }
    }
  });

  it('fetches none of the reports the history holds, and still lists and checks them', async () => {
    const stored: KnownReport[] = [];
    const first = await audit(servePortal(), { stored });
    if (!first.ok) throw new Error(first.problem);
    const served = servePortal();
    const second = await audit(served, { history: stored });
    if (!second.ok) throw new Error(second.problem);
    expect(second.fromHistory).toBe(stored.length);
    expect(second.read).toBe(0);
    const storedUrls = new Set(stored.map((s) => s.url));
    expect(served.requests.filter((u) => storedUrls.has(u))).toEqual([]);
    // The same league, read from history.
    const view = (rows: readonly LeagueRow[]) =>
      rows.map((r) => [r.url, r.errors, r.warnings, r.worst?.rule ?? null, r.delayDays]);
    expect(view(second.league.rows)).toEqual(view(first.league.rows));
  });

  it('stops sending on a cancel, keeps the rows read so far and marks the rest as not read', async () => {
    const controller = new AbortController();
    let reports = 0;
    const served = servePortal({
      onRequest: (url) => {
        if (reportsOfColumn.includes(url) && ++reports === 4) controller.abort();
      },
    });
    const run = await audit(served, { signal: controller.signal });
    if (!run.ok) throw new Error(run.problem);
    expect(run.audit.stopped).toBe('cancelled');
    // The two in flight when it was cancelled, and not one more.
    expect(served.requests.filter((u) => reportsOfColumn.includes(u)).length).toBeLessThanOrEqual(
      5,
    );
    const notRead = run.league.rows.filter((r) => r.status === 'unreadable');
    expect(notRead.length).toBe(run.notRead);
    expect(notRead.length).toBeGreaterThan(reportsOfColumn.length - 6);
    expect(notRead.every((r) => r.problem === '未读取：已取消' && r.errors === null)).toBe(true);
  });

  it('says why a report page could not be had, on its own row', async () => {
    const missing = reportsOfColumn[3] as string;
    const run = await audit(servePortal({ fail: new Set([missing]) }));
    if (!run.ok) throw new Error(run.problem);
    const row = rowOf(run.league.rows, missing);
    expect(row).toMatchObject({
      status: 'unreadable',
      problem: '无法读取：HTTP 404',
      errors: null,
    });
  });

  it('sends nothing off the portal from the hostile listing, and stays within its budget', async () => {
    const served = servePortal();
    const run = await audit(served, { listing: HOSTILE });
    expect(served.requests.length).toBeGreaterThan(0);
    expect(served.requests.length).toBeLessThanOrEqual(AUDIT_MAX_REQUESTS);
    expect(served.requests.filter((u) => !hostOf(u).endsWith('.heming.gov.cn'))).toEqual([]);
    if (run.ok) expect(run.league.rows.length).toBeLessThanOrEqual(200);
  });

  it('refuses an address off .gov.cn before any request', async () => {
    const served = servePortal();
    for (const listing of ['https://example.com/xxgk/index.html', 'javascript:alert(1)', '']) {
      expect(await audit(served, { listing })).toEqual({ ok: false, problem: 'address' });
    }
    expect(served.requests).toEqual([]);
  });
});

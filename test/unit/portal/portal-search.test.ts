/**
 * The search for last year's report as the extension's DOM context runs it
 * (lib/portal/portal-search.ts), on the mock portal: from each report's own
 * page it finds the report the manifest names as its previous year (also
 * one published only as a PDF), asks the reader when two addresses hold it,
 * says when there is none, and every request it sends is a GET on the
 * page's portal, within the budget. jsdom's DOMParser stands in for the
 * browser's; the fetch answers from the mirror (test/support/portal-fetch.ts).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { portalOfUrl } from '../../../lib/page/portal';
import { extractPdfReport } from '../../../lib/pdf/extract-pdf';
import { readPageLinks } from '../../../lib/portal/links';
import {
  MAX_SEARCH_REQUESTS,
  parseFetchedPage,
  runPortalSearch,
} from '../../../lib/portal/portal-search';
import type { PortalProgress } from '../../../lib/portal/types';
import { mockPortalFetch } from '../../support/portal-fetch';
import { manifest, pageAt, parsed } from './pages';

const { DOMParser } = new JSDOM('').window;

function search(url: string, options: { signal?: AbortSignal; maxRequests?: number } = {}) {
  const page = pageAt(url);
  if (!page.report) throw new Error(`${url} is no report`);
  const portal = mockPortalFetch(manifest);
  const progress: PortalProgress[] = [];
  const result = runPortalSearch(
    {
      kind: 'find',
      current: { url, agency: page.report.agency, year: page.report.year },
      links: readPageLinks(parsed('jsdom', page), url),
    },
    {
      fetch: portal.fetch,
      parser: () => new DOMParser(),
      readPdf: (bytes, at) => extractPdfReport(bytes, at),
      signal: options.signal ?? new AbortController().signal,
      onProgress: (p) => progress.push(p),
      ...(options.maxRequests ? { maxRequests: options.maxRequests } : {}),
    },
  );
  return { result, requests: portal.requests, progress };
}

const withPrevious = manifest.pages.filter((page) => page.report?.previous);

describe('runPortalSearch', () => {
  it.each(withPrevious.map((page) => [page.report?.agency, page.report?.year, page.url]))(
    'finds the previous year of %s %s from its own page',
    async (_agency, _year, url) => {
      const page = pageAt(url as string);
      const { result, requests } = search(url as string);
      const outcome = await result;
      expect(outcome.found && outcome.url).toBe(page.report?.previous);
      if (!outcome.found) return;
      expect(outcome.report.identity.year).toBe((page.report?.year ?? 0) - 1);
      // GETs only, on the page's own portal, within the budget.
      expect(requests.length).toBeLessThanOrEqual(MAX_SEARCH_REQUESTS);
      expect(outcome.requests).toBe(requests.length);
      for (const request of requests) {
        expect(request.method).toBe('GET');
        expect(portalOfUrl(request.url)).toBe(portalOfUrl(url as string));
      }
    },
  );

  it('reads the year published only as a PDF from the PDF its article attaches', async () => {
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240120_4105161.html';
    const outcome = await search(url).result;
    expect(outcome.found && outcome.source).toBe('pdf');
    expect(outcome.found && outcome.report.values['t3.new.total']).toBe(
      pageAt(pageAt(url).report?.previous as string).report?.expected.values['t3.new.total'],
    );
  });

  it('asks the reader when two addresses hold last year’s report', async () => {
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240110_4100161.html';
    const outcome = await search(url).result;
    expect(outcome.found).toBe(false);
    if (outcome.found) return;
    expect(outcome.reason).toBe('ambiguous');
    expect(outcome.candidates.map((link) => link.url).sort()).toEqual(
      [...(pageAt(url).report?.previousCandidates ?? [])].sort(),
    );
  });

  it('says not found for a year that was never published, within the budget', async () => {
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240118_4104161.html';
    const { result, requests } = search(url);
    const outcome = await result;
    expect(outcome.found).toBe(false);
    expect(!outcome.found && outcome.reason).toBe('not-listed');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThanOrEqual(MAX_SEARCH_REQUESTS);
    expect(requests.every((r) => portalOfUrl(r.url) === 'heming.gov.cn')).toBe(true);
  });

  it('stops at once when cancelled, and sends nothing more', async () => {
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240118_4104161.html';
    const controller = new AbortController();
    const page = pageAt(url);
    const portal = mockPortalFetch(manifest);
    const outcome = await runPortalSearch(
      {
        kind: 'find',
        current: { url, agency: page.report?.agency ?? '', year: page.report?.year ?? 0 },
        links: readPageLinks(parsed('jsdom', page), url),
      },
      {
        fetch: portal.fetch,
        parser: () => new DOMParser(),
        readPdf: (bytes, at) => extractPdfReport(bytes, at),
        signal: controller.signal,
        // The reader cancels once the first page has been read.
        onProgress: (progress) => {
          if (progress.done >= 1) controller.abort();
        },
      },
    );
    expect(!outcome.found && outcome.reason).toBe('cancelled');
    // The one read, and at most the one that was already under way beside it.
    expect(portal.requests.length).toBeLessThanOrEqual(2);
    const sent = portal.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(portal.requests.length).toBe(sent);
  });

  it('opens only a candidate it was given, and confirms its year', async () => {
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240110_4100161.html';
    const page = pageAt(url);
    const current = { url, agency: page.report?.agency ?? '', year: page.report?.year ?? 0 };
    const [first] = page.report?.previousCandidates ?? [];
    const candidates = (page.report?.previousCandidates ?? []).map((c) => ({
      url: c,
      text: '鹤鸣区人民政府2022年政府信息公开工作年度报告',
      date: null,
    }));
    const portal = mockPortalFetch(manifest);
    const deps = {
      fetch: portal.fetch,
      parser: () => new DOMParser(),
      readPdf: (bytes: Uint8Array, at: string) => extractPdfReport(bytes, at),
      signal: new AbortController().signal,
    };
    const chosen = await runPortalSearch(
      { kind: 'open', current, url: first as string, candidates },
      deps,
    );
    expect(chosen.found && chosen.url).toBe(first);
    const stranger = await runPortalSearch(
      { kind: 'open', current, url: 'http://www.heming.gov.cn/evil.html', candidates },
      deps,
    );
    expect(stranger.found).toBe(false);
    expect(portal.requests.map((r) => r.url)).toEqual([first]);
  });
});

describe('parseFetchedPage', () => {
  it('resolves the fetched page’s relative links against its own address', () => {
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240114_4102161.html';
    const doc = parseFetchedPage(
      new DOMParser(),
      '<html><head></head><body><a href="../index.html">年报</a><a href="./x.pdf">附件</a></body></html>',
      url,
    );
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.href);
    expect(hrefs).toEqual([
      'http://www.heming.gov.cn/xxgk/zfxxgkndbg/index.html',
      'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/x.pdf',
    ]);
  });

  it('keeps a page’s own <base> only on its own portal', () => {
    const url = 'http://www.heming.gov.cn/a/b.html';
    const own = parseFetchedPage(
      new DOMParser(),
      '<head><base href="/c/"></head><a href="d.html">x</a>',
      url,
    );
    expect(own.querySelector('a')?.href).toBe('http://www.heming.gov.cn/c/d.html');
    const elsewhere = parseFetchedPage(
      new DOMParser(),
      '<head><base href="http://evil.example.com/"></head><a href="d.html">x</a>',
      url,
    );
    expect(elsewhere.querySelector('a')?.href).toBe('http://www.heming.gov.cn/a/d.html');
  });
});

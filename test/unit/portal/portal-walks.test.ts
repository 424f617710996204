/**
 * The two walks over a portal, on the mock portal (test/fixtures/portal):
 * the search for last year's report (lib/portal/previous-year.ts) and the
 * column audit's (lib/portal/column-audit.ts), with every part real — the
 * fetch rules, the queue, the page reader, the link reader, the title
 * match — and only the network stood in for by the saved mirror.
 */
import { describe, expect, it } from 'vitest';
import { portalOfUrl } from '../../../lib/page/portal';
import { extractPdfReport } from '../../../lib/pdf/extract-pdf';
import { auditColumn, MAX_COLUMN_REPORTS } from '../../../lib/portal/column-audit';
import { fetchPortalPage } from '../../../lib/portal/fetch-page';
import { readPageLinks } from '../../../lib/portal/links';
import { createPortalQueue } from '../../../lib/portal/portal-queue';
import { findPreviousYear } from '../../../lib/portal/previous-year';
import { readPortalPage } from '../../../lib/portal/read-page';
import { choosePreviousYear } from '../../../lib/portal/title-match';
import { parsePage } from '../../../scripts/cli/analyse-file';
import { loadPortalManifest, type PortalPage, portalFile } from '../../support/portal';

const manifest = loadPortalManifest();
const byUrl = new Map<string, PortalPage>();
for (const page of manifest.pages) {
  byUrl.set(page.url, page);
  if (page.url.endsWith('/index.html')) byUrl.set(page.url.slice(0, -'index.html'.length), page);
}
const redirects = new Map(manifest.redirects.map((r) => [r.url, r.location]));

/** The mirror as a portal answers: its files, its redirects (Location shown, as Node's fetch shows it), 404. */
function mirrorFetch() {
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    const location = redirects.get(url);
    if (location !== undefined) return new Response(null, { status: 302, headers: { location } });
    const page = byUrl.get(url);
    if (!page) return new Response('not found', { status: 404 });
    const type = page.file.endsWith('.pdf')
      ? 'application/pdf'
      : page.file.endsWith('.png')
        ? 'image/png'
        : 'text/html';
    return new Response(new Uint8Array(portalFile(page)), { headers: { 'content-type': type } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const parse = (html: string, url: string) => parsePage(new TextEncoder().encode(html), url);
const read = { parse, readPdf: (bytes: Uint8Array, url: string) => extractPdfReport(bytes, url) };

function walkDeps(portalOf: string, maxRequests = 40) {
  const { fetch, requests } = mirrorFetch();
  const cancel = new AbortController();
  const portal = portalOfUrl(portalOf) as string;
  const queue = createPortalQueue({
    fetchPage: (url, signal) => fetchPortalPage(url, { fetch, portal, signal }),
    maxRequests,
    signal: cancel.signal,
  });
  return {
    requests,
    cancel,
    deps: {
      queue,
      read: (fetched: Parameters<typeof readPortalPage>[0]) => readPortalPage(fetched, read),
      readLinks: readPageLinks,
      choose: choosePreviousYear,
      signal: cancel.signal,
    },
  };
}

function pageNamed(agency: string, year: number): PortalPage {
  const page = manifest.pages.find(
    (p) => p.kind === 'report' && p.report?.agency === agency && p.report.year === year,
  );
  if (!page) throw new Error(`no ${agency} ${year} in the mock portal`);
  return page;
}

async function searchFrom(page: PortalPage) {
  const doc = parse(portalFile(page).toString('utf8'), page.url);
  const walk = walkDeps(page.url);
  const report = page.report as NonNullable<PortalPage['report']>;
  const result = await findPreviousYear(
    { url: page.url, agency: report.agency, year: report.year },
    readPageLinks(doc, page.url),
    walk.deps,
  );
  return { result, requests: walk.requests };
}

describe('findPreviousYear on the mock portal', () => {
  it.each([
    ['a TRS department', '鹤鸣区自然资源局', 2023],
    ['a department on its own subdomain', '鹤鸣区教育局', 2023],
    ['a Hanweb county', '云栖县卫生健康局', 2023],
    ['a late report', '鹤鸣区住房和城乡建设局', 2023],
    ['a report whose last year was published as a PDF only', '鹤鸣区生态环境分局', 2023],
  ])('finds last year’s report of %s, only on its portal', async (_what, agency, year) => {
    const page = pageNamed(agency, year);
    const { result, requests } = await searchFrom(page);
    expect(result).toMatchObject({ found: true, url: page.report?.previous });
    if (result.found) {
      expect(result.report.identity.year).toBe(year - 1);
      expect(result.report.identity.agency).toBe(agency);
    }
    expect(requests.length).toBeLessThanOrEqual(40);
    for (const url of requests) expect(portalOfUrl(url)).toBe(portalOfUrl(page.url));
  });

  it('reads the PDF of a PDF-only year, and says where it came from', async () => {
    const { result } = await searchFrom(pageNamed('鹤鸣区生态环境分局', 2023));
    expect(result.found && result.source).toBe('pdf');
    expect(result.found && result.pdfUrl).toMatch(/\.pdf$/);
  });

  it('going back along 上一篇, reads the PDF an article attaches, and passes other reports by without calling them a mismatch', async () => {
    const ARTICLE = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202301/t20230120_4105154.html';
    const noLinks = { reports: [], listingPages: [], column: null, nextArticle: null };
    const back = (url: string) => ({
      ...noLinks,
      previousArticle: { url, text: '上一篇：', date: null },
    });
    const page = pageNamed('鹤鸣区生态环境分局', 2023);
    const found = await findPreviousYear(
      { url: page.url, agency: '鹤鸣区生态环境分局', year: 2023 },
      back(ARTICLE),
      walkDeps(page.url).deps,
    );
    expect(found).toMatchObject({ found: true, url: ARTICLE, source: 'pdf' });
    expect(found.found && found.pdfUrl).toMatch(/\.pdf$/);

    // Another agency's reports back along its own column's 上一篇: passed by, and the search
    // says it is not listed.
    const other = pageNamed('鹤鸣区教育局', 2022);
    const passed = await findPreviousYear(
      { url: page.url, agency: '鹤鸣区生态环境分局', year: 2023 },
      back(other.url),
      walkDeps(page.url).deps,
    );
    expect(passed).toMatchObject({ found: false, reason: 'not-listed' });
  });

  it('does not guess between two postings of last year’s report: the reader chooses', async () => {
    const page = pageNamed('鹤鸣区', 2023);
    const { result } = await searchFrom(page);
    expect(result).toMatchObject({ found: false, reason: 'ambiguous' });
    expect(result.candidates.map((c) => c.url).sort()).toEqual(
      [...(page.report?.previousCandidates ?? [])].sort(),
    );
  });

  it('says a year that was never published is not listed, within its budget', async () => {
    const { result, requests } = await searchFrom(pageNamed('鹤鸣区农业农村局', 2023));
    expect(result).toMatchObject({ found: false, reason: 'not-listed' });
    expect(requests.length).toBeLessThanOrEqual(40);
  });

  it('stops at once when cancelled', async () => {
    const page = pageNamed('鹤鸣区农业农村局', 2023);
    const doc = parse(portalFile(page).toString('utf8'), page.url);
    const walk = walkDeps(page.url);
    walk.cancel.abort();
    const result = await findPreviousYear(
      { url: page.url, agency: '鹤鸣区农业农村局', year: 2023 },
      readPageLinks(doc, page.url),
      walk.deps,
    );
    expect(result).toMatchObject({ found: false, reason: 'cancelled' });
    expect(walk.requests).toEqual([]);
  });
});

describe('auditColumn on the mock portal', () => {
  const columnOf = (id: 'A' | 'B') => {
    const column = manifest.portals.find((p) => p.id === id)?.column as string;
    const page = byUrl.get(column) as PortalPage;
    return { page, doc: parse(portalFile(page).toString('utf8'), page.url) };
  };

  it.each(['A', 'B'] as const)(
    'reads every report portal %s’s column lists, over its pages, in order',
    async (id) => {
      const { page, doc } = columnOf(id);
      const walk = walkDeps(page.url, 300);
      const audit = await auditColumn(page.url, doc, {
        ...walk.deps,
        inHistory: async () => false,
      });
      expect(audit.stopped).toBeNull();
      // The column's pages, then its year tabs: a report a tab alone lists is a second posting.
      const urls = audit.entries.map((e) => e.link.url);
      expect(urls).toEqual(expect.arrayContaining(page.listing?.reports ?? []));
      for (const extra of urls.filter((url) => !page.listing?.reports.includes(url))) {
        expect(byUrl.get(extra)?.report?.planted).toContain('reposted');
      }
      for (const entry of audit.entries) {
        expect(entry.from).toBe('portal');
        if (entry.from !== 'portal') continue;
        const expected = byUrl.get(entry.link.url);
        if (expected?.kind === 'pdf-article') {
          expect(entry.pdfUrl).toBe(expected.report?.attachment);
        }
        expect(entry.page.kind, entry.link.url).toBe('report');
      }
      for (const url of walk.requests) expect(portalOfUrl(url)).toBe(portalOfUrl(page.url));
    },
  );

  it('fetches no report the history holds', async () => {
    const { page, doc } = columnOf('B');
    const walk = walkDeps(page.url, 300);
    const audit = await auditColumn(page.url, doc, { ...walk.deps, inHistory: async () => true });
    expect(audit.entries.every((e) => e.from === 'history')).toBe(true);
    const reports = new Set(page.listing?.reports);
    expect(walk.requests.filter((url) => reports.has(url))).toEqual([]);
  });

  it('stays on the portal and within bounds on the hostile listing', async () => {
    const hostile = manifest.pages.find((p) => p.hostile && p.kind === 'listing') as PortalPage;
    const doc = parse(portalFile(hostile).toString('utf8'), hostile.url);
    const walk = walkDeps(hostile.url, 300);
    const audit = await auditColumn(hostile.url, doc, {
      ...walk.deps,
      inHistory: async () => false,
    });
    expect(audit.stopped).toBe('limit');
    expect(audit.entries.length).toBeLessThanOrEqual(MAX_COLUMN_REPORTS);
    expect(walk.requests.length).toBeLessThanOrEqual(300);
    for (const url of walk.requests) expect(portalOfUrl(url)).toBe('heming.gov.cn');
    // A loop or a redirect off the portal is an entry saying so, never followed.
    const failures = audit.entries.flatMap((e) =>
      e.from === 'portal' && e.page.kind === 'failed' ? [e.page.failure] : [],
    );
    expect(failures.length).toBeGreaterThan(0);
  });
});

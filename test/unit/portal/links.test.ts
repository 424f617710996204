/**
 * readPageLinks on the mock portal's saved pages (test/fixtures/portal),
 * through jsdom and through the command line's DOM: what each listing and
 * article offers equals what the generator printed (portal.json), the
 * column is whole across its pagination, and the hostile listing keeps
 * nothing off the portal and stays bounded.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { portalOfUrl } from '../../../lib/page/portal';
import { MAX_LISTING_PAGES, MAX_REPORT_LINKS, readPageLinks } from '../../../lib/portal/links';
import { portalFile } from '../../support/portal';
import { manifest, PARSERS, pageAt, parsed } from './pages';

const withLinks = manifest.pages.filter((p) => p.links !== undefined);
const hostile = manifest.pages.filter((p) => p.hostile);

describe.each(PARSERS.map(([name]) => name))('readPageLinks through %s', (parser) => {
  it.each(withLinks.map((p) => [p.kind, p.url, p] as const))(
    '%s %s: the links the generator printed',
    (_kind, url, page) => {
      const got = readPageLinks(parsed(parser, page), url);
      expect({
        reports: got.reports,
        listingPages: got.listingPages,
        column: got.column?.url ?? null,
        previousArticle: got.previousArticle?.url ?? null,
        nextArticle: got.nextArticle?.url ?? null,
      }).toEqual(page.links);
    },
  );

  it('TRS: the column is whole across the pages its createPageHTML names (no anchor in the saved file)', () => {
    const column = manifest.portals.find((p) => p.cms === 'trs')?.column ?? '';
    const first = pageAt(column);
    expect(portalFile(first).toString()).not.toContain('index_1.html');
    const pages = readPageLinks(parsed(parser, first), column).listingPages.filter(
      (url) => pageAt(url).listing?.column === column,
    );
    expect(pages.length).toBe(2);
    const reports = [column, ...pages].flatMap((url) =>
      readPageLinks(parsed(parser, pageAt(url)), url).reports.map((r) => r.url),
    );
    expect(reports).toEqual(first.listing?.reports);
    expect(reports.length).toBeGreaterThan(20);
  });

  it('TRS: each year tab lists its year and links the other tabs', () => {
    const tab = pageAt('http://www.heming.gov.cn/xxgk/zfxxgkndbg/2022nd/index.html');
    const got = readPageLinks(parsed(parser, tab), tab.url);
    expect(got.listingPages).toEqual([
      'http://www.heming.gov.cn/xxgk/zfxxgkndbg/index.html',
      'http://www.heming.gov.cn/xxgk/zfxxgkndbg/2023nd/index.html',
      'http://www.heming.gov.cn/xxgk/zfxxgkndbg/2021nd/index.html',
    ]);
    expect(got.reports.map((r) => r.text).every((t) => t.includes('2022年'))).toBe(true);
  });

  it('Hanweb: every record of the datastore, also those the page shows on its second page', () => {
    const column = manifest.portals.find((p) => p.cms === 'hanweb')?.column ?? '';
    const page = pageAt(column);
    const got = readPageLinks(parsed(parser, page), column);
    expect(got.reports.map((r) => r.url)).toEqual(page.listing?.reports);
    expect(got.reports.length).toBeGreaterThan(10);
    expect(got.reports.every((r) => r.date !== null)).toBe(true);
  });

  it('articles: breadcrumb column, 上一篇 and 下一篇 with their titles', () => {
    const articles = manifest.pages.filter((p) => p.kind === 'report' && p.links?.nextArticle);
    expect(articles.length).toBeGreaterThan(10);
    for (const page of articles) {
      const got = readPageLinks(parsed(parser, page), page.url);
      expect(got.column?.text).toMatch(/年报|年度/);
      expect(got.nextArticle?.text).toMatch(/^.+20\d\d年政府信息公开工作年度报告/);
    }
  });

  it.each(hostile.map((p) => [p.url, p] as const))(
    'hostile listing %s: nothing off the portal, every list bounded',
    (url, page) => {
      const started = performance.now();
      const got = readPageLinks(parsed(parser, page), url);
      const elapsed = performance.now() - started;
      const portal = portalOfUrl(url);
      const kept = [...got.reports.map((r) => r.url), ...got.listingPages];
      expect(kept.every((u) => portalOfUrl(u) === portal && /^https?:/.test(u))).toBe(true);
      for (const off of page.hostileLinks?.offPortal ?? []) {
        expect(got.reports.some((r) => r.text.includes('外站'))).toBe(false);
        expect(kept).not.toContain(off);
      }
      expect(page.hostileLinks?.reportLinkCount).toBeGreaterThan(MAX_REPORT_LINKS);
      expect(got.reports.length).toBe(MAX_REPORT_LINKS);
      expect(page.hostileLinks?.claimedPageCount).toBeGreaterThan(MAX_LISTING_PAGES);
      expect(got.listingPages.length).toBe(MAX_LISTING_PAGES);
      // The redirect loops are on the portal and named as reports: kept, for the fetcher to refuse.
      expect(got.reports.slice(0, 4).map((r) => r.url)).toEqual(page.hostileLinks?.redirects);
      expect(elapsed).toBeLessThan(5000);
    },
  );
});

describe('readPageLinks on broken and hostile markup', () => {
  const doc = (html: string, url = 'http://www.heming.gov.cn/xxgk/a/index.html') =>
    new JSDOM(html, { url }).window.document;
  const title = '鹤鸣区司法局2023年政府信息公开工作年度报告';

  it('gives nothing for a page that is not on a portal', () => {
    const html = `<a href="http://www.heming.gov.cn/a.html">${title}</a>`;
    for (const url of ['about:blank', 'file:///tmp/a.html', 'not a url']) {
      expect(readPageLinks(doc(html), url).reports).toEqual([]);
    }
  });

  it('reads neither broken addresses nor other schemes, and does not throw', () => {
    const html = [
      `<a href="http://[">${title}</a>`,
      `<a href="%zz">${title}</a>`,
      `<a href="mailto:x@heming.gov.cn">${title}</a>`,
      `<a>${title}</a>`,
      `<a href="  /ok.html  ">${title}</a>`,
      '<script type="text/xml"><datastore><recordset><record><![CDATA[<li><a href="/art/1.html" title="',
    ].join('');
    const got = readPageLinks(doc(html), 'http://www.heming.gov.cn/xxgk/a/index.html');
    expect(got.reports.map((r) => r.url)).toEqual([
      'http://www.heming.gov.cn/xxgk/a/%zz',
      'http://www.heming.gov.cn/ok.html',
    ]);
  });

  it('reads a datastore with entities, single quotes, unquoted values and a cut record', () => {
    const html = `<div><script type="text/xml"><datastore><recordset>
<record><![CDATA[<li><a href='/art/2024/1/2/art_1_1.html?a=1&amp;b=2' title='${title}'>鹤鸣区司法局…</a> <span>2024年1月2日</span></li>]]></record>
<record><![CDATA[<li><A HREF=/art/2024/1/3/art_1_2.html>鹤鸣区教育局2023年政府信息公开工作年度报告</A></li>]]></record>
<record><![CDATA[<li><a href="http://www.yunqi.gov.cn/art/1.html">${title}</a></li>]]></record>
<record><![CDATA[<li><a href="/art/2024/1/4/art_1_3.html">${title}</a>
</recordset></datastore></script></div>`;
    const got = readPageLinks(doc(html), 'http://www.heming.gov.cn/col/col1/index.html');
    expect(got.reports).toEqual([
      {
        url: 'http://www.heming.gov.cn/art/2024/1/2/art_1_1.html?a=1&b=2',
        text: title,
        date: '2024-01-02',
      },
      {
        url: 'http://www.heming.gov.cn/art/2024/1/3/art_1_2.html',
        text: '鹤鸣区教育局2023年政府信息公开工作年度报告',
        date: null,
      },
    ]);
  });

  it('a report link named only by its file name, and a <base> that moves the page', () => {
    const html = `<head><base href="http://xxgk.heming.gov.cn/doc/"></head><body>
<p>附件：<a href="${encodeURIComponent(`${title}.pdf`)}">点击下载</a></p></body>`;
    const got = readPageLinks(doc(html), 'http://www.heming.gov.cn/art/1.html');
    expect(got.reports.map((r) => decodeURIComponent(r.url))).toEqual([
      `http://xxgk.heming.gov.cn/doc/${title}.pdf`,
    ]);
  });
});

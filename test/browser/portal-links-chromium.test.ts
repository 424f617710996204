/**
 * lib/portal/links.ts on the browser's own DOM: the mock portal's pages
 * opened in Chromium at their addresses (their scripts run, so TRS's
 * createPageHTML has written its pager links and Hanweb's jpage has shown
 * its first ten records beside the datastore), readPageLinks run in the
 * page, and its links compared with what the generator printed. No
 * extension is loaded: this is the reader alone, on a live DOM. The
 * server's log shows that opening the portal's pages, the hostile one
 * included, sent no request off the portal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { portalOfUrl } from '../../lib/page/portal';
import type { PageLinks } from '../../lib/portal/types';
import { loadPortalManifest } from '../support/portal';
import { CHROMIUM_PATH } from './chromium';
import { type FixtureServer, startFixtureServer } from './fixture-server';

const manifest = loadPortalManifest();
const GLOBAL = '__ogiPortalLinks';

/** lib/portal/links.ts as one script for the page. */
async function readerScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('../../lib/portal/links.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2022',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('readPageLinks in Chromium on the mock portal', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;
  let script: string;

  before(async () => {
    script = await readerScript();
    server = await startFixtureServer([], { portal: { manifest } });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        `--host-resolver-rules=MAP *.gov.cn 127.0.0.1:${server.port}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function linksOf(url: string): Promise<PageLinks> {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    return page.evaluate(
      (name) =>
        (
          window as unknown as Record<
            string,
            { readPageLinks: (d: Document, u: string) => PageLinks }
          >
        )[name]?.readPageLinks(document, location.href) as PageLinks,
      GLOBAL,
    );
  }

  const listings = manifest.pages.filter((p) => p.kind === 'listing' && p.links);
  const articles = manifest.pages.filter((p) => p.kind !== 'listing' && p.links);

  test('every listing: the links the generator printed, with the pages its scripts wrote', async () => {
    for (const listing of listings) {
      const got = await linksOf(listing.url);
      assert.deepEqual(
        {
          reports: got.reports,
          listingPages: got.listingPages,
          column: got.column?.url ?? null,
          previousArticle: got.previousArticle?.url ?? null,
          nextArticle: got.nextArticle?.url ?? null,
        },
        listing.links,
        listing.url,
      );
    }
  });

  test('articles of both families: breadcrumb column and 上一篇/下一篇', async () => {
    for (const article of [articles[0], articles.at(-1)]) {
      assert.ok(article?.links);
      const got = await linksOf(article.url);
      assert.equal(got.column?.url ?? null, article.links.column, article.url);
      assert.equal(got.previousArticle?.url ?? null, article.links.previousArticle);
      assert.equal(got.nextArticle?.url ?? null, article.links.nextArticle);
    }
  });

  test('the hostile listing: on the portal only and bounded, with its pager written out', async () => {
    const hostile = manifest.pages.find((p) => p.hostile);
    assert.ok(hostile?.hostileLinks);
    const got = await linksOf(hostile.url);
    const anchors = await page.evaluate(() => document.getElementsByTagName('a').length);
    assert.ok(
      anchors > hostile.hostileLinks.claimedPageCount,
      'the page wrote its 20,000-page pager',
    );
    const portal = portalOfUrl(hostile.url);
    for (const url of [...got.reports.map((r) => r.url), ...got.listingPages]) {
      assert.equal(portalOfUrl(url), portal, url);
    }
    assert.equal(got.reports.length, 500);
    assert.equal(got.listingPages.length, 50);
  });

  test('opening the portal sent no request off it', () => {
    const hosts = new Set(manifest.portals.flatMap((p) => p.hosts));
    assert.ok(server.requests.length > listings.length);
    assert.deepEqual(
      server.requests.filter((r) => !hosts.has(r.host)),
      [],
    );
  });
});

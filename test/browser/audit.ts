/**
 * The column audit, once per browser (issue 18, items 2 and 3): the mock
 * portal (test/fixtures/portal) served at its addresses; on heming.gov.cn's
 * 年报 column the popup offers 「核查本栏目全部年报」, which opens the audit
 * page in a tab; when it is done, its league table (read from its DOM)
 * equals the command line's `--portal` league over the same saved pages.
 * Sorting by errors works, the workbook and the CSV download with every
 * row; a second audit fetches none of the reports the history holds
 * (the server's request log); a real click on cancel stops the requests;
 * the hostile listing sends nothing off the portal and stays within the
 * audit's budget. Screenshots of the page in both languages at 1280 px.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AUDIT_MAX_REQUESTS } from '../../lib/audit-page/run-column-audit';
import { parseCsv } from '../support/csv';
import { loadPortalManifest, PORTAL_DIR } from '../support/portal';
import { readWorkbook } from '../support/xlsx-reader';
import { clearDownloads, waitForDownload } from './downloads';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_HOST_EXPRESSION,
  OVERLAY_ROOT_GLOBAL,
  PAGE_VIEWPORT,
  POPUP_VIEWPORT,
  waitForValue,
} from './driver';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import {
  barControl,
  clearHistory,
  clickOverlay,
  clickPageElement,
  exposeWhenThere,
  inOverlay,
  openPanel,
  openReport,
  overlaps,
  type Shown,
  scriptClicks,
  setLanguage,
  setSwitch,
  waitFor,
  withPage,
} from './interact';
import { MARKER_EXPRESSION } from './page-probe';
import { SCREENSHOT_DIR } from './suite';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = loadPortalManifest();
const COLUMN = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/index.html';
const COLUMN_DIR = COLUMN.replace('index.html', '');
const HOSTILE = 'http://www.heming.gov.cn/xxgk/ndbghz/index.html';
/** A department's own 年度报告 column: three reports, too few for a listing, still a column to audit. */
const DEPARTMENT_COLUMN = 'http://jyj.heming.gov.cn/xxgk/ndbg/index.html';
/** The government's report of 2023 in the column: the departments' of the year are audited with it. */
const GOVERNMENT_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240110_4100161.html';
/** The panel's findings that set the government beside its departments, in either language. */
const HIERARCHY_ITEMS = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  if (!root) return null;
  const items = Array.from(root.querySelectorAll('[data-finding-index]'))
    .filter((b) => /部门报告|department reports/.test(b.textContent || ''))
    .map((b) => ({ severity: b.getAttribute('data-severity'), text: b.textContent }));
  return items.length > 0 ? JSON.stringify(items) : null;
})()`;
/** Past the content script's run and the background's look at a finished load (a bound, not a speed). */
const BAR_SETTLE_MS = 2_500;
/** The reports the column's first page lists (the bar counts those it sees). */
const COLUMN_PAGE_REPORTS = new Set(
  [
    ...readFileSync(
      join(PORTAL_DIR, 'www.heming.gov.cn/xxgk/zfxxgkndbg/index.html'),
      'utf8',
    ).matchAll(/<a [^>]*href="([^"]+)"[^>]*title="[^"]*年度报告"/g),
  ].map((m) => m[1]),
).size;
/** 云栖县's 年报 column in Hanweb markup: ten of its twelve records a page. */
const HANWEB_COLUMN = 'http://www.yunqi.gov.cn/col/col1229/index.html';
const HANWEB_PAGE_REPORTS = 10;
/** The box of the page's list of reports, as JSON. */
const LIST_BOX = `(() => {
  const links = Array.from(document.querySelectorAll('a')).filter((a) => /年度报告/.test(a.title || a.textContent || ''));
  const boxes = links.map((a) => a.getBoundingClientRect());
  const x = Math.min(...boxes.map((b) => b.left)), y = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right)), bottom = Math.max(...boxes.map((b) => b.bottom));
  return JSON.stringify({ x, y, width: right - x, height: bottom - y, text: '' });
})()`;

/** Opens the 年报 column and waits for its bar (`selector`), which must cover none of the list. */
async function columnBarBesideList(page: DriverPage, selector: string): Promise<void> {
  await page.goto(COLUMN);
  await exposeWhenThere(page);
  const bar = JSON.parse(
    await waitFor<string>(page, inOverlay(selector), 'the column bar'),
  ) as Shown;
  const list = JSON.parse(await page.evaluate<string>(LIST_BOX)) as Shown;
  assert.equal(overlaps(bar, list), false, 'the bar covers the list');
}

/** An audit of two dozen reports on a loaded 2-core machine: a bound on a hang, not a speed. */
const AUDIT_TIMEOUT_MS = 120_000;

/** Every report the column lists (its pages and year tabs), and the PDF a PDF-only article attaches. */
const COLUMN_REPORTS = [
  ...new Set(
    manifest.pages.flatMap((p) =>
      p.listing && p.url.startsWith(COLUMN_DIR) ? p.listing.reports : [],
    ),
  ),
];
const REPORT_FILES = COLUMN_REPORTS.map((url) => {
  const page = manifest.pages.find((p) => p.url === url);
  assert.ok(page, `${url} is not in the manifest`);
  return page.kind === 'pdf-article'
    ? (manifest.pages.find((p) => p.url === page.report?.attachment) ?? page)
    : page;
});
/** The addresses the league lists: each report's, the PDF's for the PDF-only one. */
const REPORT_URLS = new Set(REPORT_FILES.map((p) => p.url));

interface DomRow {
  url: string;
  status: string;
  agency: string;
  year: string;
  errors: string;
  warnings: string;
  rule: string | null;
  delay: string | null;
  href: string;
}

/** What the audit page came to, and its rows as shown (in the order shown). */
const AUDIT_VIEW = `(() => {
  const state = document.documentElement.getAttribute('data-ogi-lens-audit');
  if (!state || state === 'running') return null;
  const cell = (tr, col) => tr.querySelector('td[data-col="' + col + '"]');
  const rows = Array.from(document.querySelectorAll('table.league tbody tr')).map((tr) => ({
    url: tr.dataset.url, status: tr.dataset.status,
    agency: cell(tr, 'agency').textContent, year: cell(tr, 'year').textContent,
    errors: cell(tr, 'errors').textContent, warnings: cell(tr, 'warnings').textContent,
    rule: cell(tr, 'worst').getAttribute('data-rule'), delay: cell(tr, 'timeliness').getAttribute('data-delay'),
    href: cell(tr, 'agency').querySelector('a').href,
  }));
  const counts = document.querySelector('.audit-counts');
  return JSON.stringify({ state, rows, status: document.querySelector('.audit-status').textContent,
    requests: counts ? Number(counts.dataset.requests) : null,
    hierarchy: document.querySelectorAll('.audit-hierarchy li[data-severity="info"]').length,
    errorsInHierarchy: document.querySelectorAll('.audit-hierarchy li:not([data-severity="info"])').length });
})()`;

interface AuditView {
  state: string;
  rows: DomRow[];
  status: string;
  requests: number | null;
  hierarchy: number;
  errorsInHierarchy: number;
}

const auditPageUrl = (browser: DriverBrowser, listing: string) =>
  browser.popupUrl(`?url=${encodeURIComponent(listing)}`).replace(/popup\.html\?/, 'audit.html?');

async function settledAudit(page: DriverPage): Promise<AuditView> {
  const json = await waitForValue<string>(page, AUDIT_VIEW, AUDIT_TIMEOUT_MS);
  assert.ok(json, 'the audit did not finish');
  return JSON.parse(json) as AuditView;
}

/** The command line's league over the same pages, saved as wget saves them: its CSV, by address. */
async function commandLineLeague(): Promise<Map<string, Record<string, string>>> {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lens-audit-cli-'));
  const out = mkdtempSync(join(tmpdir(), 'ogi-lens-audit-out-'));
  try {
    for (const page of REPORT_FILES) {
      const target = join(dir, page.file);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(PORTAL_DIR, page.file), target);
    }
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/check.ts', '--portal', dir, '--export', 'csv', '--out', out],
        { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
        (err, _stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(),
      );
    });
    const [header, ...records] = parseCsv(
      readFileSync(join(out, 'ogi-lens-audit.csv'), 'utf8').replace(/^\uFEFF/, ''),
    );
    assert.ok(header);
    const rows = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
    return new Map(rows.map((r) => [r.url as string, r]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** The extension's history of a portal, as the audit page asks the background for it. */
const historyUrls = (portal: string) =>
  `(globalThis.browser || globalThis.chrome).runtime.sendMessage({ type: 'portalHistory', portal: ${JSON.stringify(portal)} })
    .then((records) => JSON.stringify(records.map((r) => r.url)))`;

/** The tab the popup opened on the audit page, read from an extension page. */
const AUDIT_TAB = `(globalThis.browser || globalThis.chrome).tabs.query({}).then((tabs) => {
  const tab = tabs.find((t) => (t.url || '').includes('/audit.html?'));
  return tab ? JSON.stringify({ id: tab.id, url: tab.url }) : null;
})`;

/**
 * The requests that left the portal. Firefox's own remote-settings client
 * opens HTTPS tunnels to Mozilla's servers whatever the extension does (the
 * server refuses them); they are the browser's, never a GET of the audit.
 */
const offPortal = (sent: FixtureServer['requests']) =>
  sent.filter(
    (r) =>
      !r.host.endsWith('.heming.gov.cn') &&
      !(r.method === 'CONNECT' && /(^|\.)mozilla\.(com|net|org)$/.test(r.host)),
  );

const reportRequests = (server: FixtureServer, from: number) =>
  server.requests
    .slice(from)
    .map((r) => `http://${r.host}${r.path}`)
    .filter((url) => REPORT_URLS.has(url));

export function defineAuditSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  describe(`${browserName}: the column audit`, { concurrency: false }, () => {
    let server: FixtureServer | undefined;
    let browser: B | undefined;
    let cli: Map<string, Record<string, string>>;
    before(async () => {
      assert.ok(
        existsSync(join(extensionDir, 'manifest.json')),
        `no build in ${extensionDir}: run \`npm run build\` first`,
      );
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      server = await startFixtureServer([], { portal: { manifest } });
      browser = await launch({ extensionDir, serverPort: server.port });
      cli = await commandLineLeague();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    const session = () => {
      assert.ok(browser && server, 'the browser did not start');
      return { browser, server };
    };

    test('the popup on the 年报 column offers 「核查本栏目全部年报」; the audit it opens gives the command line’s league', async () => {
      const { browser, server } = session();
      await clearHistory(browser);
      await withPage(browser, async (tab) => {
        await tab.goto(COLUMN);
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(browser.popupUrl(`?url=${encodeURIComponent(COLUMN)}`));
            const label = await waitFor<string>(
              popup,
              `(document.querySelector('button[data-action="audit-column"]') || {}).textContent || null`,
              'the popup offering the column audit',
            );
            assert.match(label, /核查本栏目全部年报|Audit every report in this column/);
            await popup.screenshot(join(SCREENSHOT_DIR, `${browserName}-audit-popup.png`));
            await clickPageElement(popup, 'button[data-action="audit-column"]');
            const opened = JSON.parse(
              await waitFor<string>(popup, AUDIT_TAB, 'the audit page opening in a tab'),
            ) as { id: number; url: string };
            assert.equal(new URL(opened.url).searchParams.get('url'), COLUMN);
            // Closed at once: the audit is run below in a page the test can click in.
            await popup.evaluate(
              `(globalThis.browser || globalThis.chrome).tabs.remove(${opened.id}).then(() => true)`,
            );
          },
          POPUP_VIEWPORT,
        );
      });
      await clearHistory(browser);
      const from = server.requests.length;
      await withPage(
        browser,
        async (page) => {
          const started = Date.now();
          await page.openExtensionPage(auditPageUrl(browser, COLUMN)).catch(() => {});
          const view = await settledAudit(page);
          const took = Date.now() - started;
          const sent = server.requests.slice(from);
          console.log(
            `${browserName}: audit of the mock column (${view.rows.length} rows) in ${took} ms, ${view.requests} requests (server saw ${sent.length})`,
          );
          assert.equal(view.state, 'done', view.status);
          assert.deepEqual(offPortal(sent), [], 'a request left the portal');
          const shown = view.rows.map((r) => ({
            url: r.url,
            agency: r.agency,
            year: r.year,
            errors: r.errors,
            warnings: r.warnings,
            rule: r.rule ?? '',
            delay: r.delay ?? '',
          }));
          const expected = shown.map((r) => {
            const c = cli.get(r.url);
            assert.ok(c, `${r.url} is not in the command line's league`);
            return {
              url: r.url,
              agency: c.agency,
              year: c.year,
              errors: c.errors,
              warnings: c.warnings,
              rule: c.worstRule,
              delay: c.delayDays,
            };
          });
          assert.deepEqual(shown, expected);
          assert.equal(view.rows.length, cli.size, 'the audit and the command line list as many');
          assert.deepEqual(
            view.rows.map((r) => r.url),
            [...cli.keys()],
            'the same default order',
          );
          // The PDF-only report opens in the extension's PDF page; the others at their address.
          for (const row of view.rows) {
            if (row.url.endsWith('.pdf')) assert.match(row.href, /pdf-report\.html\?url=/);
            else assert.equal(row.href, row.url);
          }
          // The government's table 三 against its departments: info only.
          assert.equal(view.errorsInHierarchy, 0);
        },
        PAGE_VIEWPORT,
      );
    });

    test('the popup on a department’s column of three reports offers the audit too', async () => {
      const { browser } = session();
      await withPage(browser, async (tab) => {
        await tab.goto(DEPARTMENT_COLUMN);
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(
              browser.popupUrl(`?url=${encodeURIComponent(DEPARTMENT_COLUMN)}`),
            );
            const label = await waitFor<string>(
              popup,
              `(document.querySelector('button[data-action="audit-column"]') || {}).textContent || null`,
              'the popup offering the column audit',
            );
            assert.match(label, /核查本栏目全部年报|Audit every report in this column/);
          },
          POPUP_VIEWPORT,
        );
      });
    });

    test('a second audit fetches none of the reports the history holds; sorting and the exports', async () => {
      const { browser, server } = session();
      await withPage(
        browser,
        async (page) => {
          await page.openExtensionPage(browser.popupUrl('')).catch(() => {});
          const held = JSON.parse(
            await waitFor<string>(page, historyUrls('heming.gov.cn'), 'the history'),
          ) as string[];
          assert.ok(held.length >= REPORT_URLS.size - 2, `history holds ${held.length}`);
          const from = server.requests.length;
          await page.openExtensionPage(auditPageUrl(browser, COLUMN)).catch(() => {});
          const view = await settledAudit(page);
          assert.equal(view.state, 'done', view.status);
          assert.deepEqual(
            reportRequests(server, from).filter((url) => held.includes(url)),
            [],
            'a report in history was fetched again',
          );
          assert.equal(view.rows.length, cli.size);

          // Sorting by errors: a trusted click, twice.
          await clickPageElement(page, 'th button[data-sort="errors"]');
          const order = async () =>
            JSON.parse(
              await page.evaluate<string>(
                `JSON.stringify({ sort: document.querySelector('th[data-col="errors"]').getAttribute('aria-sort'),
                  errors: Array.from(document.querySelectorAll('tbody td[data-col="errors"]')).map((td) => Number(td.textContent)) })`,
              ),
            ) as { sort: string; errors: number[] };
          const desc = await order();
          assert.equal(desc.sort, 'descending');
          assert.deepEqual(
            desc.errors,
            [...desc.errors].sort((a, b) => b - a),
          );
          await clickPageElement(page, 'th button[data-sort="errors"]');
          const asc = await order();
          assert.equal(asc.sort, 'ascending');
          assert.deepEqual(
            asc.errors,
            [...asc.errors].sort((a, b) => a - b),
          );

          await clearDownloads(browser.downloadDir);
          await clickPageElement(page, 'button[data-action="export-csv"]');
          const csv = parseCsv(
            (await waitForDownload(browser.downloadDir, 'ogi-lens-audit-www.heming.gov.cn.csv'))
              .toString('utf8')
              .replace(/^\uFEFF/, ''),
          );
          const urlColumn = csv[0]?.indexOf('url') ?? -1;
          assert.deepEqual(
            new Set(csv.slice(1).map((r) => r[urlColumn])),
            new Set(cli.keys()),
            'the CSV holds every row',
          );
          await clickPageElement(page, 'button[data-action="export-xlsx"]');
          const book = await readWorkbook(
            await waitForDownload(browser.downloadDir, 'ogi-lens-audit-www.heming.gov.cn.xlsx'),
          );
          assert.equal(book.sheets.length, 1 + cli.size, 'one summary sheet and one per report');
        },
        PAGE_VIEWPORT,
      );
    });

    test('after the audit, the government’s 2023 report shows its table 三 beside its departments’ in the panel, as info, off the page’s cells', async () => {
      const { browser } = session();
      await withPage(
        browser,
        async (page) => {
          await openReport(page, GOVERNMENT_2023);
          await openPanel(page);
          const items = JSON.parse(
            await waitFor<string>(page, HIERARCHY_ITEMS, 'the hierarchy infos in the panel'),
          ) as { severity: string; text: string }[];
          assert.ok(items.length > 0);
          for (const item of items) {
            assert.equal(item.severity, 'info');
            assert.match(item.text, /鹤鸣区卫生健康委员会/);
          }
          // The page cannot read from its own cells which departments' reports the user opened.
          const pageText = await page.evaluate<string>('document.documentElement.outerHTML');
          assert.doesNotMatch(pageText, /部门报告|department reports/);
          await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-audit-government-panel.png`));
        },
        PAGE_VIEWPORT,
      );
    });

    for (const language of ['zh_CN', 'en'] as const) {
      test(`${language}: the audit page as a journalist sees it at 1280 px`, async () => {
        const { browser } = session();
        await setLanguage(browser, language);
        await withPage(
          browser,
          async (page) => {
            await page.openExtensionPage(auditPageUrl(browser, COLUMN)).catch(() => {});
            const view = await settledAudit(page);
            assert.equal(view.state, 'done');
            const header = await page.evaluate<string>(
              `document.querySelector('th[data-col="errors"]').textContent`,
            );
            assert.equal(header, language === 'en' ? 'Errors' : '错误');
            await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-audit-${language}.png`), {
              fullPage: true,
            });
          },
          PAGE_VIEWPORT,
        );
      });
    }

    test('a real click on cancel stops the requests and says which pages were not read', async () => {
      const { browser, server } = session();
      await clearHistory(browser);
      await withPage(
        browser,
        async (page) => {
          const from = server.requests.length;
          await page.openExtensionPage(auditPageUrl(browser, COLUMN)).catch(() => {});
          await waitForValue(
            page,
            // Once a few reports have been asked for (the column's 5 pages come first).
            `(Number((document.querySelector('.audit-counts') || { dataset: {} }).dataset.requests) || 0) >= 9 ? true : null`,
            AUDIT_TIMEOUT_MS,
          );
          await clickPageElement(page, 'button[data-action="cancel"]');
          const atCancel = server.requests.length - from;
          const view = await settledAudit(page);
          await new Promise((resolve) => setTimeout(resolve, 1500));
          const total = server.requests.length - from;
          assert.equal(view.state, 'cancelled', view.status);
          // At most the two in flight (and a PDF-only article's PDF) after the click.
          assert.ok(total <= atCancel + 3, `${total - atCancel} requests after the cancel`);
          const notRead = view.rows.filter((r) => r.status === 'unreadable');
          assert.ok(notRead.length > 0, 'no row says it was not read');
          assert.ok(notRead.every((r) => r.errors === '—'));
        },
        PAGE_VIEWPORT,
      );
    });

    test('the hostile listing sends nothing off the portal and stays within the budget', async () => {
      const { browser, server } = session();
      await withPage(
        browser,
        async (page) => {
          const from = server.requests.length;
          await page.openExtensionPage(auditPageUrl(browser, HOSTILE)).catch(() => {});
          await settledAudit(page);
          const sent = server.requests.slice(from);
          assert.ok(sent.length > 0);
          assert.ok(sent.length <= AUDIT_MAX_REQUESTS, `${sent.length} requests`);
          assert.deepEqual(offPortal(sent), [], 'a request left the portal');
          console.log(
            `${browserName}: hostile listing audit sent ${sent.length} requests, all on heming.gov.cn`,
          );
        },
        PAGE_VIEWPORT,
      );
    });

    test('the column page itself is left untouched while the bar is off (the default)', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await page.goto(COLUMN);
        // Past the content script and the background's look at the finished load.
        await new Promise((resolve) => setTimeout(resolve, BAR_SETTLE_MS));
        assert.equal(await page.evaluate<boolean>(`${OVERLAY_HOST_EXPRESSION} === null`), true);
        assert.equal(await page.evaluate<string | null>(MARKER_EXPRESSION), null);
      });
    });

    test('turned on in the popup, the column page offers 「核查本栏目全部年报」 beside its list; only the reader’s click opens the audit beside the tab', async () => {
      const { browser } = session();
      await setLanguage(browser, 'zh_CN');
      await withPage(browser, async (tab) => {
        await tab.goto(COLUMN);
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(browser.popupUrl(`?url=${encodeURIComponent(COLUMN)}`));
            await waitFor(
              popup,
              `document.querySelector('input[data-setting="listingBar"]') ? true : null`,
              'the switch',
            );
            assert.equal(
              await popup.evaluate<boolean>(
                `document.querySelector('input[data-setting="listingBar"]').checked`,
              ),
              false,
            );
            await clickPageElement(popup, 'input[data-setting="listingBar"]');
            await popup.screenshot(
              join(SCREENSHOT_DIR, `${browserName}-audit-popup-bar-switch.png`),
            );
          },
          POPUP_VIEWPORT,
        );
      });
      try {
        for (const language of ['zh_CN', 'en'] as const) {
          await setLanguage(browser, language);
          await withPage(
            browser,
            async (page) => {
              await columnBarBesideList(page, '[data-ogi-column-bar]');
              const place = await page.evaluate<string>(
                `window.${OVERLAY_ROOT_GLOBAL}.querySelector('[data-ogi-column-bar]').getAttribute('data-ogi-column-bar')`,
              );
              await page.screenshot(
                join(SCREENSHOT_DIR, `${browserName}-audit-column-bar-${place}-${language}.png`),
              );
              if (place === 'tab') await clickOverlay(page, '[data-action="open-column-bar"]');
              const button = JSON.parse(
                await waitFor<string>(
                  page,
                  inOverlay('[data-action="audit-column"]'),
                  'the button',
                ),
              ) as Shown;
              assert.equal(
                button.text,
                language === 'en' ? 'Audit every report in this column' : '核查本栏目全部年报',
              );
              const note = JSON.parse(
                await waitFor<string>(page, inOverlay('.column-note'), 'the count'),
              ) as Shown;
              const onPage = COLUMN_PAGE_REPORTS;
              assert.equal(
                note.text,
                language === 'en'
                  ? `This page lists ${onPage} reports.`
                  : `本页列出 ${onPage} 份年报。`,
              );
              await page.screenshot(
                join(SCREENSHOT_DIR, `${browserName}-audit-column-bar-open-${language}.png`),
              );
            },
            PAGE_VIEWPORT,
          );
        }

        // In a wide window the bar docks beside the list, covering none of it; a Hanweb
        // column (its list written by the page's script from its datastore) gets it too.
        await withPage(
          browser,
          async (page) => {
            await columnBarBesideList(page, '[data-ogi-column-bar="docked"]');
            await page.screenshot(
              join(SCREENSHOT_DIR, `${browserName}-audit-column-bar-docked-wide.png`),
            );
            await page.goto(HANWEB_COLUMN);
            await exposeWhenThere(page);
            const note = JSON.parse(
              await waitFor<string>(page, inOverlay('.column-note'), 'the Hanweb column’s bar'),
            ) as Shown;
            // In the language the loop above left set.
            assert.equal(note.text, `This page lists ${HANWEB_PAGE_REPORTS} reports.`);
          },
          { width: 1680, height: 900 },
        );

        await withPage(browser, async (page) => {
          await withPage(browser, async (extension) => {
            await extension
              .openExtensionPage(browser.popupUrl('?url=about%3Ablank'))
              .catch(() => {});
            await waitFor(
              extension,
              `typeof (globalThis.browser || globalThis.chrome).tabs === 'object' || null`,
              'an extension page',
            );
            await page.goto(COLUMN);
            await exposeWhenThere(page);
            const button = await barControl(
              page,
              'column',
              '[data-action="audit-column"]',
              'the button',
            );
            await scriptClicks(page, button, '[data-action="audit-column"]');
            await new Promise((resolve) => setTimeout(resolve, 1_500));
            assert.equal(
              await extension.evaluate<string | null>(AUDIT_TAB),
              null,
              'a page script opened the audit',
            );

            await page.mouseClick(button.x + button.width / 2, button.y + button.height / 2);
            const opened = JSON.parse(
              await waitFor<string>(extension, AUDIT_TAB, 'the audit page opening in a tab'),
            ) as { id: number; url: string };
            assert.equal(new URL(opened.url).searchParams.get('url'), COLUMN);
            await extension.evaluate(
              `(globalThis.browser || globalThis.chrome).tabs.remove(${opened.id}).then(() => true)`,
            );
          });
        });

        // A report page, with the bar on, gets its panel and no column bar.
        await withPage(browser, async (page) => {
          await openReport(page, GOVERNMENT_2023);
          await new Promise((resolve) => setTimeout(resolve, BAR_SETTLE_MS));
          await page.exposeOverlayRoot();
          assert.equal(
            await page.evaluate<string | null>(inOverlay('[data-ogi-column-bar]')),
            null,
          );
        });
      } finally {
        await setSwitch(browser, 'listingBar', false);
      }
    });
  });
}

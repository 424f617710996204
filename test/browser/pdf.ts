/**
 * A report published as a PDF, once per browser (issue 17 item 2): the
 * fixture server serves a PDF fixture at a .gov.cn address as
 * application/pdf; the popup on that tab offers 「检查此 PDF」; the
 * extension's PDF page fetches it from its portal, reads, checks and shows
 * it: every table under a heading naming its page(s), and the cells the
 * command line's findings mark for the same bytes marked, with the same
 * severities, the text and the tables in the PDF's order — also for a
 * report in fonts it does not embed (decoded with the CMaps the extension
 * packages) and a 5-page county report. A scanned PDF, a PDF whose fonts
 * cannot be decoded and a PDF that is not a report say so. A slow PDF shows
 * its progress and a real click on cancel stops the download (the server
 * sees the connection closed) and keeps nothing; the panel's exports carry
 * the PDF's values and findings and name the PDF, and its pages, as their
 * source.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runChecks } from '../../lib/checks/run';
import { exportFileName } from '../../lib/export/filename';
import { ReportExportSchema } from '../../lib/export/json';
import { sha256Hex } from '../../lib/export/sha256';
import type { Report, Severity } from '../../lib/model/report';
import { extractPdfReport } from '../../lib/pdf/extract-pdf';
import { pagesOf } from '../../lib/pdf-page/render-report';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { attachmentArticleHtml, fixtureWithAttachedPdf } from '../support/attached-pdf-pages';
import { parseCsv } from '../support/csv';
import { MSUNG_CNS, predefinedCmapPdf } from '../support/minimal-pdf';
import { readWorkbook } from '../support/xlsx-reader';
import { OVERLAY_EXPRESSION, type OverlaySnapshot } from './annotate-probe';
import { clearDownloads, waitForDownload } from './downloads';
import {
  type DriverBrowser,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
  POPUP_VIEWPORT,
} from './driver';
import { mostSevere } from './expected-marks';
import {
  assertSameAsCommandLine,
  type CommandLineView,
  exportFromPanel,
  exportStatusIn,
  OVERLAY_ROOT,
} from './export';
import type { Fixture } from './fixtures';
import {
  barControl,
  clearHistory,
  clickOverlay,
  clickPageElement,
  exposeOverlay,
  exposeWhenThere,
  inOverlay,
  openOptions,
  openPanel,
  overlaps,
  type Shown,
  scriptClicks,
  setLanguage,
  waitFor,
  withPage,
} from './interact';
import { SCREENSHOT_DIR, useBrowserSession } from './suite';

const PDF_DIR = join(import.meta.dirname, '../fixtures/pdf');
const PORTAL = 'http://www.jiangzhou-pdf.gov.cn';

/** A PDF fixture served at a portal's attachment address (the fixture server serves .pdf as application/pdf). */
function pdfFixture(name: string): Fixture {
  return {
    name,
    htmlPath: join(PDF_DIR, `${name}.pdf`),
    // The fixture server reads only the address and the file; no page expectations apply.
    expected: { kind: 'none' } as unknown as Fixture['expected'],
    pageUrl: `${PORTAL}/attach/2024/${name}.pdf`,
  };
}

const CONTRADICTION = pdfFixture('pdf-2021-review-contradiction');
const SCANNED = pdfFixture('pdf-scanned');
/** Text in STSong-Light/UniGB-UCS2-H and STSongStd-Light/GBK-EUC-H, not embedded: only the CMaps decode it. */
const UNEMBEDDED = pdfFixture('pdf-2021-unembedded-cmap');
const COUNTY = pdfFixture('pdf-2021-county-5-pages');

/** The command line's CMap files (node_modules), for the command line's reading of the same bytes. */
const CMAP_DIR = join(import.meta.dirname, '../../node_modules/pdfjs-dist/cmaps');
const loadCMap = async (file: string) => new Uint8Array(await readFile(join(CMAP_DIR, file)));
const NOT_REPORT = pdfFixture('pdf-nonreport-notice');
/** The same PDF from a download script: no .pdf in the address, only application/pdf says it. */
const DOWNLOAD: Fixture = {
  ...CONTRADICTION,
  name: 'pdf-download',
  pageUrl: `${PORTAL}/module/download/downfile.jsp?filename=17.pdf&classid=0`,
};

/**
 * The same PDF from a slow portal: 4 KB every 250 ms (about 11 s for its
 * 180 KB), with its length declared, so that the progress bar has time to
 * show and the cancel button to be clicked. No other fixture trickles.
 */
const SLOW: Fixture = {
  ...CONTRADICTION,
  name: 'pdf-slow',
  pageUrl: `${PORTAL}/attach/2024/slow/${CONTRADICTION.name}.pdf`,
  trickle: { chunkBytes: 4096, everyMs: 250 },
};

/** The fixture's expected reading (test/fixtures/pdf/*.expected.json): the PDF's own figures. */
const EXPECTED_VALUES = (
  JSON.parse(readFileSync(join(PDF_DIR, `${CONTRADICTION.name}.expected.json`), 'utf8')) as {
    report: { values: Record<string, number | null> };
  }
).report.values;

/** What an export must never name as its source: the extension page that showed the PDF. */
const EXTENSION_PAGE = /(?:chrome|moz)-extension:\/\/|pdf-report\.html/;

/** The strings of a UI language (public/_locales). */
const messagesOf = (language: 'zh_CN' | 'en') =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../public/_locales', language, 'messages.json'),
      'utf8',
    ),
  ) as Record<string, { message: string }>;

const pdfPageUrl = (browser: DriverBrowser, pdfUrl: string) =>
  browser
    .popupUrl(`?url=${encodeURIComponent(pdfUrl)}`)
    .replace(/popup\.html\?/, 'pdf-report.html?');

/** What the PDF page came to (lib/pdf-page/pdf-page.ts PDF_STATE), once it stops working. */
const PDF_STATE_SETTLED = `(() => {
  const s = document.documentElement.getAttribute('data-ogi-lens-pdf');
  return s && !['fetching', 'reading', 'checking'].includes(s) ? s : null;
})()`;

/** The marked cells of the rendered tables: table index, cell index in the report's table, severity. */
const MARKED_CELLS = `JSON.stringify(Array.from(document.querySelectorAll('table.pdf-table')).flatMap((table, t) =>
  Array.from(table.querySelectorAll('[data-ogi-lens-finding]')).map((cell) => ({
    t, c: Number(cell.getAttribute('data-cell')), severity: cell.getAttribute('data-ogi-lens-finding') }))))`;

const HEADINGS = `JSON.stringify(Array.from(document.querySelectorAll('.pdf-table-section > h2')).map((h) => h.textContent))`;

const PANEL_SHOWN = `(window.${OVERLAY_ROOT_GLOBAL} && window.${OVERLAY_ROOT_GLOBAL}.querySelector('[data-ogi-panel]')) ? true : null`;

/** The numbered sections (一、…) and the tables (by kind heading) as the article shows them, in order. */
const READING_ORDER = `JSON.stringify(Array.from(document.querySelectorAll('article.pdf-report > p, article.pdf-report > section.pdf-table-section')).flatMap((el) => {
  if (el.matches('section')) return ['table ' + el.getAttribute('data-table')];
  const m = /^([一二三四五六七])、/.exec(el.textContent || '');
  return m ? [m[1]] : [];
}))`;

const STATUS = `(document.querySelector('.pdf-status') || {}).textContent || null`;

/** The cells the command line's findings mark, as "table:cell severity". */
function expectedMarks(report: Report): string[] {
  const findings = runChecks(report, null, {
    disabled: new Set(DEFAULT_SETTINGS.disabledFamilies),
  });
  const byCell = new Map<string, Severity[]>();
  for (const finding of findings) {
    for (const marked of finding.cells) {
      if (!marked.key) continue;
      report.tables.forEach((table, t) => {
        const c = table.cells.findIndex((cell) => cell.key === marked.key);
        if (c < 0) return;
        const id = `${t}:${c}`;
        byCell.set(id, [...(byCell.get(id) ?? []), finding.severity]);
      });
    }
  }
  return [...byCell].map(([id, severities]) => `${id} ${mostSevere(severities)}`).sort();
}

/**
 * The portal's article for a report published as an attachment: a report
 * title over little more than a link to the PDF, as agencies post it
 * (test/support/attached-pdf-pages.ts).
 */
function attachmentArticle(dir: string, pdf: Fixture): Fixture {
  const htmlPath = join(dir, 'attachment-article.html');
  writeFileSync(htmlPath, attachmentArticleHtml([`/attach/2024/${pdf.name}.pdf`]));
  return {
    name: 'attachment-article',
    htmlPath,
    expected: { kind: 'none' } as unknown as Fixture['expected'],
    pageUrl: `${PORTAL}/art/2024/1/18/art_1.html`,
  };
}

/**
 * A report in an unembedded Traditional Chinese font (MSung-Light,
 * UniCNS-UCS2-H): the extension packages the GB CMaps only, so its page
 * cannot decode it and must say so rather than call it no report.
 */
function traditionalChinesePdf(dir: string): Fixture {
  const htmlPath = join(dir, 'traditional.pdf');
  writeFileSync(
    htmlPath,
    predefinedCmapPdf(
      [
        '江州市2023年政府信息公開工作年度報告',
        '一、總體情況',
        '本年度共收到政府信息公開申請92件。',
      ],
      MSUNG_CNS,
    ),
  );
  return {
    name: 'pdf-traditional-cns',
    htmlPath,
    expected: { kind: 'none' } as unknown as Fixture['expected'],
    pageUrl: `${PORTAL}/attach/2024/traditional.pdf`,
  };
}

/**
 * A report page whose tables are images (fixture fmt-image-only) with the
 * report attached as PDF at the end of its article, on the PDF's portal.
 */
function imageReportWithPdf(dir: string, pdf: Fixture): Fixture {
  const htmlPath = join(dir, 'image-report-with-pdf.html');
  writeFileSync(
    htmlPath,
    fixtureWithAttachedPdf(
      'fmt-image-only',
      `/attach/2024/${pdf.name}.pdf`,
      '<p style="text-align:right">2021年3月26日</p>',
    ),
  );
  return {
    name: 'image-report-with-pdf',
    htmlPath,
    expected: { kind: 'report' } as unknown as Fixture['expected'],
    pageUrl: `${PORTAL}/art/2021/3/26/art_2.html`,
  };
}

/**
 * The tabs showing the extension's PDF page other than `before` (their ids),
 * read from an extension page: JSON, or null while there are none.
 */
const newPdfTabs = (
  before: readonly number[],
) => `(globalThis.browser || globalThis.chrome).tabs.query({}).then((tabs) => {
  const found = tabs.filter((t) => (t.url || '').includes('/pdf-report.html?') && !${JSON.stringify(before)}.includes(t.id))
    .map((t) => ({ id: t.id, url: t.url, active: t.active }));
  return found.length ? JSON.stringify(found) : null;
})`;

/** What each PDF page open in a tab came to: its address, state and marked cells (the extension's own views). */
const PDF_PAGE_VIEWS = `JSON.stringify((globalThis.browser || globalThis.chrome).extension.getViews({ type: 'tab' })
  .filter((w) => w.location.pathname.endsWith('/pdf-report.html'))
  .map((w) => ({ url: w.location.href, state: w.document.documentElement.getAttribute('data-ogi-lens-pdf'),
    marked: w.document.querySelectorAll('table.pdf-table [data-ogi-lens-finding]').length })))`;

/** The address of the extension's PDF page the popup opened, from the browser's tabs (the popup is an extension page). */
const PDF_PAGE_TAB = `(globalThis.browser || globalThis.chrome).tabs.query({}).then((tabs) => {
  const tab = tabs.find((t) => (t.url || '').includes('/pdf-report.html?'));
  return tab ? tab.url : null;
})`;

export function definePdfSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  describe(`${browserName}: a report published as a PDF`, { concurrency: false }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogi-lens-pdf-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const article = attachmentArticle(dir, CONTRADICTION);
    const traditional = traditionalChinesePdf(dir);
    const imageReport = imageReportWithPdf(dir, CONTRADICTION);
    const session = useBrowserSession(extensionDir, launch, [
      traditional,
      CONTRADICTION,
      UNEMBEDDED,
      COUNTY,
      SCANNED,
      NOT_REPORT,
      DOWNLOAD,
      SLOW,
      article,
      imageReport,
    ]);
    const locale = (language: 'zh_CN' | 'en', key: string) =>
      (
        JSON.parse(
          readFileSync(join('public/_locales', language, 'messages.json'), 'utf8'),
        ) as Record<string, { message: string }>
      )[key]?.message ?? '';
    const CHECK_BUTTON = `[data-action="check-pdf"][data-pdf="${CONTRADICTION.pageUrl}"]`;

    for (const language of ['zh_CN', 'en'] as const) {
      test(`${language}: the article attaching its report as PDF shows a bar offering 「检查附件 PDF」, clear of the article`, async () => {
        const { browser } = session();
        await setLanguage(browser, language);
        await withPage(browser, async (page) => {
          await page.goto(article.pageUrl);
          await exposeWhenThere(page);
          const bar = JSON.parse(
            await waitFor<string>(page, inOverlay('[data-ogi-pdf-bar]'), 'the PDF bar'),
          ) as Shown;
          const text = JSON.parse(
            await waitFor<string>(
              page,
              `(() => { const r = document.querySelector('.article').getBoundingClientRect(); return JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height, text: '' }); })()`,
              'the article',
            ),
          ) as Shown;
          // Folded to a tab in the margin where no side has room for it, else docked there: never over the text.
          assert.equal(overlaps(bar, text), false, 'the bar covers the article');
          const place = await page.evaluate<string>(
            `window.${OVERLAY_ROOT_GLOBAL}.querySelector('[data-ogi-pdf-bar]').getAttribute('data-ogi-pdf-bar')`,
          );
          await page.screenshot(
            join(SCREENSHOT_DIR, `${browserName}-pdf-bar-${place}-${language}.png`),
          );
          if (place === 'tab') await clickOverlay(page, '[data-action="open-pdf-bar"]');
          const button = JSON.parse(
            await waitFor<string>(page, inOverlay(CHECK_BUTTON), 'the 「检查附件 PDF」 button'),
          ) as Shown;
          assert.equal(button.text, locale(language, 'popupCheckAttachedPdf'));
          const note = JSON.parse(
            await waitFor<string>(page, inOverlay('.pdf-note'), 'the note'),
          ) as Shown;
          assert.equal(note.text, locale(language, 'popupAttachedPdf'));
          const name = JSON.parse(
            await waitFor<string>(page, inOverlay('.pdf-name'), 'the file name'),
          ) as Shown;
          assert.equal(name.text, `${CONTRADICTION.name}.pdf`);
          await page.screenshot(
            join(SCREENSHOT_DIR, `${browserName}-pdf-bar-open-${language}.png`),
          );
          // Dismissed, it is gone.
          await clickOverlay(page, '[data-action="dismiss-pdf-bar"]');
          await waitFor(
            page,
            `document.querySelector(':root > [data-ogi-lens-root]') ? null : true`,
            'the bar gone',
          );
        });
      });
    }

    test('in a window wide enough, the bar docks beside the article, open, covering none of it', async () => {
      const { browser } = session();
      await setLanguage(browser, 'zh_CN');
      await withPage(
        browser,
        async (page) => {
          await page.goto(article.pageUrl);
          await exposeWhenThere(page);
          const bar = JSON.parse(
            await waitFor<string>(page, inOverlay('[data-ogi-pdf-bar="docked"]'), 'the docked bar'),
          ) as Shown;
          const text = JSON.parse(
            await page.evaluate<string>(
              `(() => { const r = document.querySelector('.article').getBoundingClientRect(); return JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height, text: '' }); })()`,
            ),
          ) as Shown;
          assert.equal(overlaps(bar, text), false, 'the docked bar covers the article');
          await waitFor(page, inOverlay(CHECK_BUTTON), 'the 「检查附件 PDF」 button');
          await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-pdf-bar-docked-wide.png`));
        },
        { width: 1680, height: 900 },
      );
    });

    test('the bar: a page script’s click opens nothing, the reader’s click opens the PDF page beside the tab', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await withPage(browser, async (extension) => {
          await extension.openExtensionPage(browser.popupUrl('?url=about%3Ablank')).catch(() => {});
          await waitFor(
            extension,
            `typeof (globalThis.browser || globalThis.chrome).tabs === 'object' || null`,
            'an extension page',
          );
          const open = await extension.evaluate<string | null>(newPdfTabs([]));
          const before = ((open ? JSON.parse(open) : []) as { id: number }[]).map((t) => t.id);

          await page.goto(article.pageUrl);
          await exposeWhenThere(page);
          const button = await barControl(page, 'pdf', CHECK_BUTTON, 'the 「检查附件 PDF」 button');
          const x = button.x + button.width / 2;
          const y = button.y + button.height / 2;
          await scriptClicks(page, button, CHECK_BUTTON);
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          assert.equal(
            await extension.evaluate<string | null>(newPdfTabs(before)),
            null,
            'a page script opened the PDF page',
          );

          await page.mouseClick(x, y);
          const opened = JSON.parse(
            await waitFor<string>(extension, newPdfTabs(before), 'the PDF page opening in a tab'),
          ) as { url: string; active: boolean }[];
          assert.equal(opened.length, 1, 'one click, one tab');
          assert.equal(
            new URL(opened[0]?.url ?? '').searchParams.get('url'),
            CONTRADICTION.pageUrl,
          );
          assert.equal(opened[0]?.active, true, 'the PDF page did not take the focus');
          // The tab that opened reads, checks and marks the PDF.
          const views = await waitFor<string>(
            extension,
            `(() => { const views = JSON.parse(${PDF_PAGE_VIEWS}).filter((v) => v.url === ${JSON.stringify(opened[0]?.url)} && v.state === 'report' && v.marked > 0); return views.length ? JSON.stringify(views) : null; })()`,
            'the opened PDF page with its marks',
          );
          assert.ok(views.includes('"state":"report"'));
        });
      });
    });

    test('a report whose tables are images, with its PDF attached: the panel offers 「检查附件 PDF」', async () => {
      const { browser } = session();
      await setLanguage(browser, 'zh_CN');
      await withPage(browser, async (page) => {
        await page.goto(imageReport.pageUrl);
        await waitFor(
          page,
          `document.documentElement.getAttribute('data-ogi-lens') === 'report' || null`,
          'the marker',
        );
        await exposeOverlay(page);
        await openPanel(page);
        const line = JSON.parse(
          await waitFor<string>(
            page,
            inOverlay(`[data-ogi-panel] ${CHECK_BUTTON}`),
            'the panel’s PDF line',
          ),
        ) as Shown;
        assert.equal(line.text, locale('zh_CN', 'popupCheckAttachedPdf'));
        const note = JSON.parse(
          await waitFor<string>(page, inOverlay('[data-ogi-panel] .pdf-note'), 'its note'),
        ) as Shown;
        assert.equal(note.text, locale('zh_CN', 'page_pdfTablesUnread'));
        await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-pdf-panel-line.png`));
      });
    });

    test('the popup on a page attaching the report as PDF offers 「检查附件 PDF」, which opens the PDF page', async () => {
      const { browser } = session();
      await withPage(browser, async (tab) => {
        await tab.goto(article.pageUrl);
        let pdfPage = '';
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(
              browser.popupUrl(`?url=${encodeURIComponent(article.pageUrl)}`),
            );
            const selector = `button[data-action="check-pdf"][data-pdf="${CONTRADICTION.pageUrl}"]`;
            const label = await waitFor<string>(
              popup,
              `(document.querySelector(${JSON.stringify(selector)}) || {}).textContent || null`,
              'the popup offering the attached PDF',
            );
            assert.match(label, /检查附件 PDF|Check the attached PDF/);
            await popup.screenshot(join(SCREENSHOT_DIR, `${browserName}-pdf-attached-popup.png`));
            await clickPageElement(popup, selector);
            pdfPage = await waitFor<string>(popup, PDF_PAGE_TAB, 'the PDF page opening in a tab');
          },
          POPUP_VIEWPORT,
        );
        assert.equal(
          new URL(pdfPage).searchParams.get('url'),
          CONTRADICTION.pageUrl,
          'the PDF page was opened on another address',
        );
        await withPage(browser, async (page) => {
          await page.openExtensionPage(pdfPage).catch(() => {});
          assert.equal(await waitFor<string>(page, PDF_STATE_SETTLED, 'the PDF page'), 'report');
        });
      });
    });

    test('the popup on a PDF tab offers 「检查此 PDF」, also where only the content type says PDF', async () => {
      const { browser } = session();
      for (const fixture of [CONTRADICTION, DOWNLOAD]) {
        await withPage(browser, async (tab) => {
          // The browser's viewer (or a download, headless): the tab's address is the PDF's either way.
          await tab.goto(fixture.pageUrl).catch(() => {});
          await withPage(
            browser,
            async (popup) => {
              await popup.openExtensionPage(
                browser.popupUrl(`?url=${encodeURIComponent(fixture.pageUrl)}`),
              );
              const label = await waitFor<string>(
                popup,
                `(document.querySelector('main[data-state="pdf"] button[data-action="check-pdf"]') || {}).textContent || null`,
                'the popup offering the PDF check',
              );
              assert.match(label, /检查此 PDF|Check this PDF/);
              await popup.screenshot(
                join(SCREENSHOT_DIR, `${browserName}-${fixture.name}-popup.png`),
              );
            },
            POPUP_VIEWPORT,
          );
        });
      }
    });

    for (const language of ['zh_CN', 'en'] as const) {
      test(`${language}: the PDF page shows the tables with their pages, the command line’s marks and the panel`, async () => {
        const { browser } = session();
        await clearHistory(browser);
        await setLanguage(browser, language);
        const bytes = new Uint8Array(readFileSync(CONTRADICTION.htmlPath));
        const read = await extractPdfReport(bytes, CONTRADICTION.pageUrl);
        assert.equal(read.kind, 'report');
        assert.ok(read.report);
        const report = read.report;
        const want = expectedMarks(report);
        assert.ok(
          want.some((mark) => mark.endsWith(' error')),
          'the fixture has no marked error: the test would prove nothing',
        );

        await withPage(browser, async (page) => {
          await page.openExtensionPage(pdfPageUrl(browser, CONTRADICTION.pageUrl)).catch(() => {});
          const state = await waitFor<string>(page, PDF_STATE_SETTLED, 'the PDF page settling');
          assert.equal(state, 'report', `the PDF page says: ${await page.evaluate(STATUS)}`);
          await waitFor(
            page,
            `document.documentElement.getAttribute('data-ogi-lens') === 'report' || null`,
            'the marker',
          );
          // Reported, not asserted: the benchmark owns the budget (1.5 s for a 5-page PDF).
          const ms = await page.evaluate<string>(
            `JSON.stringify(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ogi-lens:pdf:')).map((m) => [m.name, Math.round(m.startTime)]))`,
          );
          console.log(`${browserName}: PDF page marks (ms since the page opened) ${ms}`);
          const marked = JSON.parse(await page.evaluate<string>(MARKED_CELLS)) as {
            t: number;
            c: number;
            severity: string;
          }[];
          const shown = marked.map((m) => `${m.t}:${m.c} ${m.severity}`).sort();
          assert.deepEqual(shown, want, 'marked cells differ from the command line’s findings');

          // As printed: each section's heading, then its table.
          assert.deepEqual(JSON.parse(await page.evaluate<string>(READING_ORDER)), [
            '一',
            '二',
            'table 0',
            '三',
            'table 1',
            '四',
            'table 2',
            '五',
            '六',
          ]);
          const headings = JSON.parse(await page.evaluate<string>(HEADINGS)) as string[];
          assert.equal(headings.length, report.tables.length, 'one heading per table');
          report.tables.forEach((table, t) => {
            const pages = pagesOf(table);
            assert.ok(pages.length > 0, `table ${t} has no pages`);
            const named =
              language === 'zh_CN'
                ? `PDF 第 ${pages.join('、')} 页`
                : `PDF page ${pages.join('、')}`;
            assert.ok(
              (headings[t] ?? '').includes(named),
              `heading ${JSON.stringify(headings[t])} does not say ${named}`,
            );
          });
          // The same overlay as on a portal page, in its closed root.
          await exposeOverlay(page);
          await waitFor(page, PANEL_SHOWN, 'the panel');
          // Hovering a marked error cell shows its card, as on a portal page.
          const rect = JSON.parse(
            await waitFor<string>(
              page,
              `(() => { const el = document.querySelector('table.pdf-table [data-ogi-lens-finding="error"]'); if (!el) return null; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 }); })()`,
              'a marked error cell',
            ),
          ) as { x: number; y: number };
          await page.mouseMove(rect.x, rect.y);
          const overlay = JSON.parse(
            await waitFor<string>(
              page,
              `(() => { const o = JSON.parse(${OVERLAY_EXPRESSION}); return o.tooltip ? JSON.stringify(o) : null; })()`,
              'the card of the marked cell',
            ),
          ) as OverlaySnapshot;
          assert.equal(overlay.closedShadow, true, 'the overlay is not in a closed shadow root');
          assert.ok((overlay.tooltip?.text.length ?? 0) > 10, 'the card is empty');
          await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-pdf-page-${language}.png`), {
            fullPage: true,
          });
        });
      });
    }

    test('a slow PDF shows its progress; a real click on cancel stops the download, says so, and keeps nothing', async () => {
      const { browser, server } = session();
      await clearHistory(browser);
      for (const language of ['zh_CN', 'en'] as const) {
        await setLanguage(browser, language);
        const before = server.trickles.length;
        await withPage(browser, async (page) => {
          await page.openExtensionPage(pdfPageUrl(browser, SLOW.pageUrl)).catch(() => {});
          // The bar fills against the declared length, and the status counts what has come.
          const progress = JSON.parse(
            await waitFor<string>(
              page,
              `(() => { const p = document.querySelector('progress.pdf-progress'); return p && p.value > 0 && p.max > p.value ? JSON.stringify({ value: p.value, max: p.max }) : null; })()`,
              'the progress bar moving',
            ),
          ) as { value: number; max: number };
          assert.equal(
            progress.max,
            readFileSync(SLOW.htmlPath).length,
            'the bar is not against the PDF’s length',
          );
          const downloaded = messagesOf(language).pdfProgress?.message.replace('$P1$', '') ?? '?';
          assert.ok(
            String(await page.evaluate(STATUS)).includes(downloaded.trim()),
            `the status does not count the download: ${await page.evaluate(STATUS)}`,
          );
          assert.match(
            String(await page.evaluate(STATUS)),
            /\d+ KB/,
            'a 180 KB PDF is not counted in KB',
          );
          // A script's click is not the reader's: the download goes on.
          await page.evaluate(
            `(document.querySelector('button[data-action="cancel"]').click(), true)`,
          );
          await new Promise((resolveWait) => setTimeout(resolveWait, 400));
          assert.equal(
            await page.evaluate<string>(
              `document.documentElement.getAttribute('data-ogi-lens-pdf')`,
            ),
            'fetching',
            'an untrusted click cancelled the download',
          );
          await page.screenshot(
            join(SCREENSHOT_DIR, `${browserName}-pdf-progress-${language}.png`),
          );
          await clickPageElement(page, 'button[data-action="cancel"]');
          assert.equal(await waitFor<string>(page, PDF_STATE_SETTLED, 'the cancel'), 'cancelled');
          assert.equal(await page.evaluate(STATUS), messagesOf(language).pdfCancelled?.message);
          assert.equal(
            await page.evaluate<boolean>(
              `!document.querySelector('progress, button[data-action="cancel"], table')`,
            ),
            true,
            'the bar, the button or a table is still shown',
          );
        });
        // The portal saw the reader leave: the connection closed before the body was sent.
        const record = server.trickles[before];
        assert.ok(record, 'the slow PDF was never asked for');
        assert.equal(record.pathAndQuery, new URL(SLOW.pageUrl).pathname);
        const deadline = Date.now() + 5_000;
        while (record.closedEarly === null && Date.now() < deadline) {
          await new Promise((resolveWait) => setTimeout(resolveWait, 100));
        }
        assert.equal(
          record.closedEarly,
          true,
          'the server sent the whole PDF: the request went on',
        );
        assert.ok(record.sent < record.length, `sent ${record.sent} of ${record.length} bytes`);
      }
      // Nothing checked, nothing kept: the options page lists no report.
      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        await waitFor(
          options,
          `document.querySelector('[data-history-empty]') ? true : null`,
          'the options page saying the history is empty',
        );
      });
    });

    test('the panel exports the PDF’s report: its figures, the planted error, the PDF and its page as the source', async () => {
      const { browser } = session();
      await clearHistory(browser);
      await setLanguage(browser, 'zh_CN');
      const bytes = new Uint8Array(readFileSync(CONTRADICTION.htmlPath));
      const read = await extractPdfReport(bytes, CONTRADICTION.pageUrl);
      assert.ok(read.report, 'the PDF is not read as a report');
      const report = read.report;
      // The figures the exports must carry are the PDF's, as its expected JSON writes them down.
      assert.deepEqual(report.values, EXPECTED_VALUES);
      const view: CommandLineView = {
        report,
        findings: runChecks(report, null, { disabled: new Set(DEFAULT_SETTINGS.disabledFamilies) }),
        textSha256: await sha256Hex(read.text),
      };
      const planted = view.findings.find((f) => f.rule === 't4.group-total');
      assert.ok(
        planted,
        'the planted 行政复议 contradiction is not found: the test would prove nothing',
      );
      const pdfUrl = CONTRADICTION.pageUrl;

      await withPage(browser, async (page) => {
        await page.openExtensionPage(pdfPageUrl(browser, pdfUrl)).catch(() => {});
        assert.equal(await waitFor<string>(page, PDF_STATE_SETTLED, 'the PDF page'), 'report');
        await waitFor(
          page,
          `document.documentElement.getAttribute('data-ogi-lens') === 'report' || null`,
          'the marker',
        );
        await exposeOverlay(page);
        for (const format of ['csv', 'json', 'md', 'xlsx'] as const) {
          await clearDownloads(browser.downloadDir);
          await exportFromPanel(page, format);
          const filename = exportFileName(report, format);
          const saved = await waitForDownload(browser.downloadDir, filename);
          const status = JSON.parse(
            await waitFor<string>(page, exportStatusIn(OVERLAY_ROOT), 'the export status'),
          ) as { kind: string; text: string };
          assert.equal(status.kind, 'done', status.text);
          // The file is the command line's for the same PDF: the same figures, findings and text hash.
          await assertSameAsCommandLine(format, saved, view);
          const text = format === 'xlsx' ? '' : saved.toString('utf8');
          assert.doesNotMatch(text, EXTENSION_PAGE, `the ${format} names the extension page`);
          switch (format) {
            case 'csv': {
              const rows = parseCsv(text.replace(/^\uFEFF/, ''));
              const header = rows[0] ?? [];
              const keyAt = header.indexOf('key');
              const valueAt = header.indexOf('value');
              const ruleAt = rows.findIndex((r) => r.includes('rule'));
              const sourceAt = rows[1]?.indexOf(pdfUrl) ?? -1;
              assert.ok(sourceAt >= 0, 'the CSV rows do not name the PDF');
              const values = rows.slice(1, ruleAt - 1);
              assert.ok(
                values.every((r) => r[sourceAt] === pdfUrl),
                'a value row names another source',
              );
              const review = values.find((r) => r[keyAt] === 't4.review.total');
              assert.equal(review?.[valueAt], '0', 'the CSV does not carry the printed 总计 0');
              const findings = rows.slice(ruleAt + 1);
              assert.ok(
                findings.some(
                  (r) =>
                    r.includes('t4.group-total') && r.includes('error') && r[sourceAt] === pdfUrl,
                ),
                'the CSV lacks the planted error',
              );
              break;
            }
            case 'json': {
              const exported = ReportExportSchema.parse(JSON.parse(text));
              assert.equal(exported.file, pdfUrl);
              assert.equal(exported.report.url, pdfUrl);
              assert.deepEqual(exported.report.values, EXPECTED_VALUES);
              assert.equal(
                exported.report.pages?.['t4.review.total'],
                3,
                'the JSON does not give the page',
              );
              const error = exported.findings.find((f) => f.rule === 't4.group-total');
              assert.equal(error?.severity, 'error');
              assert.deepEqual([error?.expected, error?.actual], [11, 0]);
              break;
            }
            case 'md': {
              assert.ok(
                text.includes(`- 来源（PDF）: <${pdfUrl}>`),
                'the memo does not name the PDF',
              );
              assert.ok(
                text.includes(`- Source (PDF): <${pdfUrl}>`),
                'the English memo does not name the PDF',
              );
              assert.match(text, /位置: PDF 第 3 页/);
              assert.match(text, /Where: PDF page 3/);
              assert.ok(text.includes(planted.message), 'the memo lacks the planted error');
              assert.ok(
                text.includes(await sha256Hex(read.text)),
                'the memo hashes another text than the PDF’s',
              );
              break;
            }
            case 'xlsx': {
              const workbook = await readWorkbook(saved);
              const cells = workbook.sheets.flatMap((sheet) => sheet.cells);
              for (const cell of cells) {
                assert.doesNotMatch(
                  String(cell.value ?? ''),
                  EXTENSION_PAGE,
                  `${cell.address} names the extension page`,
                );
                assert.doesNotMatch(
                  cell.link?.target ?? '',
                  EXTENSION_PAGE,
                  `${cell.address} links the extension page`,
                );
              }
              assert.ok(
                cells.some((cell) => cell.value === pdfUrl || cell.link?.target === pdfUrl),
                'the workbook does not name the PDF',
              );
              assert.ok(
                cells.some((cell) => String(cell.value ?? '').includes('t4.group-total')) ||
                  cells.some((cell) => String(cell.value ?? '').includes(planted.message)),
                'the workbook lacks the planted error',
              );
              break;
            }
          }
        }
      });
    });

    test('a report in fonts it does not embed and a 5-page report: the page marks the cells the command line does', async () => {
      const { browser } = session();
      await clearHistory(browser);
      await setLanguage(browser, 'zh_CN');
      for (const fixture of [UNEMBEDDED, COUNTY]) {
        const bytes = new Uint8Array(readFileSync(fixture.htmlPath));
        const read = await extractPdfReport(bytes, fixture.pageUrl, { loadCMap });
        assert.equal(read.kind, 'report', `${fixture.name}: ${read.reason}`);
        assert.ok(read.report);
        const report = read.report;
        const want = expectedMarks(report);
        if (fixture === UNEMBEDDED) {
          assert.ok(
            want.some((mark) => mark.endsWith(' error')),
            'the planted 19 is not marked by the command line: the test would prove nothing',
          );
        }
        await withPage(browser, async (page) => {
          await page.openExtensionPage(pdfPageUrl(browser, fixture.pageUrl)).catch(() => {});
          const state = await waitFor<string>(page, PDF_STATE_SETTLED, 'the PDF page settling');
          assert.equal(state, 'report', `${fixture.name}: ${await page.evaluate(STATUS)}`);
          await waitFor(
            page,
            `document.documentElement.getAttribute('data-ogi-lens') === 'report' || null`,
            'the marker',
          );
          // The title and the section headings are in the GBK-EUC-H font, the rest in UniGB-UCS2-H.
          const text = await page.evaluate<string>('document.title + document.body.innerText');
          assert.ok(text.includes(report.identity.title), `${fixture.name}: title not shown`);
          assert.ok(
            text.includes('五、存在的主要问题及改进情况'),
            `${fixture.name}: text not shown`,
          );
          const marked = JSON.parse(await page.evaluate<string>(MARKED_CELLS)) as {
            t: number;
            c: number;
            severity: string;
          }[];
          const shown = marked.map((m) => `${m.t}:${m.c} ${m.severity}`).sort();
          assert.deepEqual(
            shown,
            want,
            `${fixture.name}: marked cells differ from the command line’s`,
          );
          const ms = await page.evaluate<string>(
            `JSON.stringify(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ogi-lens:pdf:')).map((m) => [m.name, Math.round(m.startTime)]))`,
          );
          console.log(`${browserName}: ${fixture.name} (${read.pages} pages) marks ${ms}`);
          await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-${fixture.name}.png`), {
            fullPage: true,
          });
        });
      }
    });

    test('a scanned PDF, a PDF in fonts it cannot decode and a PDF that is not a report say so', async () => {
      const { browser } = session();
      for (const [fixture, kind] of [
        [SCANNED, 'scanned'],
        [traditional, 'undecodable'],
        [NOT_REPORT, 'none'],
      ] as const) {
        await withPage(browser, async (page) => {
          await page.openExtensionPage(pdfPageUrl(browser, fixture.pageUrl)).catch(() => {});
          const state = await waitFor<string>(page, PDF_STATE_SETTLED, 'the PDF page settling');
          assert.equal(state, kind, `${fixture.name}: ${await page.evaluate(STATUS)}`);
          const status = await page.evaluate<string>(STATUS);
          assert.ok(status && status.length > 10, `${fixture.name}: no explanation shown`);
        });
      }
    });

    test('a PDF address the portal does not have says why', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await page
          .openExtensionPage(pdfPageUrl(browser, `${PORTAL}/attach/missing.pdf`))
          .catch(() => {});
        const state = await waitFor<string>(page, PDF_STATE_SETTLED, 'the PDF page settling');
        assert.equal(state, 'error');
        assert.match(String(await page.evaluate(STATUS)), /404/);
      });
    });
  });
}

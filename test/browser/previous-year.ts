/**
 * Last year's report found on the portal (issue 18, item 1), once per
 * browser, on the mock portal served at its own hosts: on a fresh profile,
 * 自然资源局's 2023 report on www.heming.gov.cn shows, without 2022 ever
 * visited, the year-over-year finding planted there — the findings the
 * command line gives with the 2022 page as its history — and the panel
 * names the 2022 report with its link; every request the server saw after
 * the page was a GET to a heming.gov.cn host. With the option off nothing
 * is requested; a real click on cancel during a slow search stops the
 * requests; 鹤鸣区's 2023 report, whose 2022 is posted twice, asks the
 * reader, and 「不是这份」 lists the other to choose, which re-checks.
 * Screenshots of each state in both languages go to artifacts/screenshots.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { findingMessage } from '../../components/PageFindingText';
import { runChecks } from '../../lib/checks/run';
import { extractReport } from '../../lib/extract';
import type { Finding, Report } from '../../lib/model/report';
import { detectPage } from '../../lib/page/detect';
import { loadPortalManifest, portalFile } from '../support/portal';
import { MARKS_EXPRESSION } from './annotate-probe';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
} from './driver';
import { type FixtureServer, type LoggedRequest, startFixtureServer } from './fixture-server';
import {
  clearHistory,
  clickOverlay,
  openPanel,
  openReport,
  setLanguage,
  setSwitch,
  waitFor,
  withPage,
} from './interact';
import { SCREENSHOT_DIR } from './suite';

const manifest = loadPortalManifest();
const NATURAL_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240114_4102161.html';
const NATURAL_2022 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202301/t20230114_4102154.html';
const DISTRICT_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240110_4100161.html';
const SEARCH_TIMEOUT_MS = 30_000;

function reportAt(url: string): Report {
  const page = manifest.pages.find((p) => p.url === url);
  if (!page) throw new Error(`${url} is not in the mock portal`);
  const doc = new JSDOM(portalFile(page), { url }).window.document;
  return extractReport(doc, url, detectPage(doc).title).report;
}

/** The panel's line about last year's report: its state, text, link and choices. */
const PREV_EXPRESSION = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  const line = root && root.querySelector('[data-ogi-prev]');
  if (!line) return null;
  const link = line.querySelector('[data-ogi-prev-link]');
  return JSON.stringify({
    state: line.getAttribute('data-ogi-prev'),
    reason: line.getAttribute('data-ogi-prev-reason'),
    text: line.textContent,
    href: link ? link.getAttribute('href') : null,
    target: link ? link.getAttribute('target') : null,
    choices: Array.from(line.querySelectorAll('[data-action="prev-choose"]')).map((b) => b.getAttribute('data-url')),
    none: !!line.querySelector('[data-ogi-prev-none]'),
  });
})()`;

interface PrevLine {
  state: string;
  reason: string | null;
  text: string;
  href: string | null;
  target: string | null;
  choices: string[];
  none: boolean;
}

/** The panel's findings, as its list prints them. */
const PANEL_FINDINGS = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  if (!root) return null;
  return JSON.stringify(Array.from(root.querySelectorAll('[data-finding-index]')).map((b) => ({
    severity: b.getAttribute('data-severity'),
    text: (b.querySelector('.msg') || b).textContent.replace(/^[^:：]*[:：]\\s*/, ''),
  })));
})()`;

async function prevLine(page: DriverPage, state: string): Promise<PrevLine> {
  return waitForLine(page, (line) => line.state === state, `said "${state}"`);
}

/**
 * Waits for the panel's line to satisfy `ok`; the overlay is re-exposed at
 * each look, since a re-annotated page mounts a new one.
 */
async function waitForLine(
  page: DriverPage,
  ok: (line: PrevLine) => boolean,
  what: string,
): Promise<PrevLine> {
  const deadline = Date.now() + SEARCH_TIMEOUT_MS;
  let last: string | null = null;
  while (Date.now() < deadline) {
    await page.exposeOverlayRoot().catch(() => false);
    last = await page.evaluate<string | null>(PREV_EXPRESSION);
    if (last && ok(JSON.parse(last) as PrevLine)) return JSON.parse(last) as PrevLine;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the panel's line never ${what}; last: ${last}`);
}

/** The requests the server saw from `from` on. */
const since = (server: FixtureServer, from: number): LoggedRequest[] => server.requests.slice(from);

/**
 * Not the browser's own traffic: the site's icon, which every tab asks for,
 * and Firefox's calls home (remote settings over an HTTPS tunnel, which the
 * proxy refuses); no extension sends either.
 */
const notFavicon = (request: LoggedRequest) =>
  request.path !== '/favicon.ico' &&
  !/(^|\.)(mozilla\.(com|net|org)|firefox\.com)$/.test(request.host);

const onHeming = (request: LoggedRequest) =>
  request.host === 'heming.gov.cn' || request.host.endsWith('.heming.gov.cn');

export function definePreviousYearSuite(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<DriverBrowser>,
): void {
  describe(`${browserName}: last year's report found on the portal`, { concurrency: 1 }, () => {
    let server: FixtureServer;
    let browser: DriverBrowser;
    const shot = (page: DriverPage, name: string) =>
      page.screenshot(join(SCREENSHOT_DIR, `previous-year-${browserName}-${name}.png`));

    before(async () => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      server = await startFixtureServer([], { portal: { manifest } });
      browser = await launch({ extensionDir, serverPort: server.port });
      // The browser's own language is English here; the panel speaks Chinese first.
      await setLanguage(browser, 'zh_CN');
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('with the option off, nothing is requested beyond the page', async () => {
      await setSwitch(browser, 'findPreviousYear', false);
      try {
        await withPage(browser, async (page) => {
          const from = server.requests.length;
          await openReport(page, NATURAL_2023);
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          const paths = since(server, from)
            .filter(notFavicon)
            .map((r) => `${r.host}${r.path}`);
          assert.deepEqual(
            paths.filter((p) => p !== NATURAL_2023.slice('http://'.length)),
            [],
            'requests beyond the page itself with the option off',
          );
          assert.equal(await page.evaluate(PREV_EXPRESSION), null, 'the panel has no search line');
        });
      } finally {
        await setSwitch(browser, 'findPreviousYear', true);
      }
    });

    test('a first visit of the 2023 report shows the year-over-year findings from the 2022 report it found', async () => {
      await clearHistory(browser);
      const report2023 = reportAt(NATURAL_2023);
      const expected = runChecks(report2023, reportAt(NATURAL_2022), { disabled: new Set() });
      const yoy = expected.filter((f: Finding) => f.rule.startsWith('yoy.'));
      assert.ok(yoy.length > 0, 'the planted year-over-year contradiction is in the command line');

      await withPage(browser, async (page) => {
        const from = server.requests.length;
        const started = Date.now();
        await openReport(page, NATURAL_2023);
        const marked = Date.now() - started;
        await openPanel(page);
        const line = await prevLine(page, 'found');
        const found = Date.now() - started;
        console.log(
          `[previous-year] ${browserName}: marker ${marked} ms after navigation, year-over-year marks ${found} ms; ` +
            `requests to the portal: ${since(server, from).filter(notFavicon).length - 1} (besides the page)`,
        );
        assert.equal(line.href, NATURAL_2022, 'the panel links the 2022 report');
        assert.equal(line.target, '_blank');
        assert.match(line.text, /已与上一年度报告比较：/);
        assert.match(line.text, /鹤鸣区自然资源局2022年政府信息公开工作年度报告/);

        // The same findings as the command line with the 2022 page as history, in the panel.
        const shown = JSON.parse(
          await waitFor<string>(
            page,
            `(() => { const s = ${PANEL_FINDINGS}; return s && JSON.parse(s).length === ${expected.length} ? s : null; })()`,
            'the panel listing the re-checked findings',
          ),
        ) as { severity: string; text: string }[];
        assert.deepEqual(
          shown.map((f) => f.severity),
          expected.map((f) => f.severity),
        );
        for (const finding of yoy) {
          const text = findingMessage(finding, 'zh_CN');
          assert.ok(
            shown.some((f) => f.text.includes(text.slice(0, 20))),
            `the panel shows ${finding.rule}: ${text}`,
          );
        }
        // Its cells are outlined, in the closed root: a year-over-year mark on the page's own
        // cells would tell the page that last year's report was read (lib/annotate/history-marks.ts).
        const outlines = await page.evaluate<number>(
          `window.${OVERLAY_ROOT_GLOBAL}.querySelectorAll('[data-ogi-history-mark]').length`,
        );
        assert.ok(outlines > 0, 'the year-over-year cells are outlined');
        const onPage = JSON.parse(await page.evaluate<string>(MARKS_EXPRESSION)) as unknown[];
        const ownFindings = expected.filter((f) => f.family !== 'yearOverYear').length;
        assert.equal(onPage.length > 0, ownFindings > 0, 'the page carries only its own marks');
        await shot(page, 'found-zh');

        // Only GETs, only to the portal's hosts.
        const requests = since(server, from).filter(notFavicon);
        const off = requests.filter((r) => r.method !== 'GET' || !onHeming(r));
        assert.deepEqual(off, [], 'a request that was not a GET to heming.gov.cn');
        assert.ok(
          requests.some((r) => `http://${r.host}${r.path}` === NATURAL_2022),
          'the 2022 report was fetched',
        );
        assert.ok(requests.length - 1 <= 40, `within the budget: ${requests.length - 1}`);

        // 「不是这份」: no other report of 2022 named 自然资源局 on the portal.
        await clickOverlay(page, '[data-action="prev-others"]');
        const others = await waitForLine(page, (l) => l.none, 'listed the others');
        assert.deepEqual(others.choices, []);
        await shot(page, 'no-others-zh');
      });

      // A second visit has 2022 in history: nothing is looked for.
      await withPage(browser, async (page) => {
        const from = server.requests.length;
        await openReport(page, NATURAL_2023);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        assert.equal(await page.evaluate(PREV_EXPRESSION), null);
        assert.equal(since(server, from).filter(notFavicon).length, 1, 'only the page itself');
      });
    });

    test('cancel during a slow search stops the requests', async () => {
      await clearHistory(browser);
      server.slowMirror({ chunkBytes: 1_500, everyMs: 150 }, new URL(NATURAL_2023).pathname);
      try {
        await withPage(browser, async (page) => {
          await openReport(page, NATURAL_2023);
          await openPanel(page);
          await prevLine(page, 'searching');
          await shot(page, 'searching-zh');
          await clickOverlay(page, '[data-action="prev-cancel"]');
          const line = await prevLine(page, 'cancelled');
          assert.match(line.text, /已取消/);
          await shot(page, 'cancelled-zh');
          // Let an abort reach the server, then nothing more comes.
          await new Promise((resolve) => setTimeout(resolve, 500));
          const count = server.requests.length;
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          assert.equal(server.requests.length, count, 'requests after the cancel');
          const open = server.trickles.filter((t) => t.closedEarly === null);
          assert.deepEqual(open, [], 'a trickled page still being sent after the cancel');
          assert.equal(
            (JSON.parse((await page.evaluate<string>(PREV_EXPRESSION)) ?? '{}') as PrevLine).state,
            'cancelled',
          );
        });
      } finally {
        server.slowMirror(null);
      }
    });

    test('two addresses for 2022: the reader chooses, and 「不是这份」 offers the other', async () => {
      await clearHistory(browser);
      const candidates = manifest.pages.find((p) => p.url === DISTRICT_2023)?.report
        ?.previousCandidates;
      assert.ok(candidates && candidates.length === 2);
      await withPage(browser, async (page) => {
        await openReport(page, DISTRICT_2023);
        await openPanel(page);
        const asked = await prevLine(page, 'notFound');
        assert.equal(asked.reason, 'ambiguous');
        assert.deepEqual([...asked.choices].sort(), [...candidates].sort());
        await shot(page, 'ambiguous-zh');

        const [first, second] = asked.choices as [string, string];
        await clickOverlay(page, `[data-action="prev-choose"][data-url="${first}"]`);
        const chosen = await prevLine(page, 'found');
        assert.equal(chosen.href, first);
        await clickOverlay(page, '[data-action="prev-others"]');
        const others = await waitForLine(page, (l) => l.choices.length > 0, 'offered the other');
        assert.deepEqual(others.choices, [second]);
        await shot(page, 'not-this-one-zh');
        await clickOverlay(page, `[data-action="prev-choose"][data-url="${second}"]`);
        const again = await waitForLine(
          page,
          (l) => l.state === 'found' && l.href === second,
          'compared with the other report',
        );
        assert.match(again.text, /鹤鸣区2022年/);
      });
    });

    test('the panel states in English', async () => {
      await setLanguage(browser, 'en');
      try {
        await clearHistory(browser);
        server.slowMirror({ chunkBytes: 4_000, everyMs: 100 }, new URL(NATURAL_2023).pathname);
        await withPage(browser, async (page) => {
          await openReport(page, NATURAL_2023);
          await openPanel(page);
          const searching = await prevLine(page, 'searching');
          assert.match(searching.text, /Looking for last year’s report/);
          await shot(page, 'searching-en');
          server.slowMirror(null);
          const found = await prevLine(page, 'found');
          assert.match(found.text, /Compared with last year’s report/);
          await shot(page, 'found-en');
        });
        await clearHistory(browser);
        await withPage(browser, async (page) => {
          await openReport(page, DISTRICT_2023);
          await openPanel(page);
          const asked = await prevLine(page, 'notFound');
          assert.match(asked.text, /several reports for last year/);
          await shot(page, 'ambiguous-en');
        });
      } finally {
        server.slowMirror(null);
        await setLanguage(browser, 'zh_CN');
      }
    });
  });
}

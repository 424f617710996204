/**
 * The in-page annotation, the popup's findings and the history, tested the
 * way a reader meets them, once per browser: every report fixture is opened
 * at its .gov.cn address and must show exactly the command line's findings
 * (marks, panel, popup); a tooltip appears on hover and on keyboard focus; a
 * panel entry scrolls to its cell; two consecutive years of one agency give
 * the year-over-year findings and deltas from the cache (across a restart of
 * the worker where the browser has one); the options page deletes history;
 * tables that arrive late are analysed when they arrive.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { recordId } from '../../lib/background/history-store';
import type { Finding } from '../../lib/model/report';
import { portalOfUrl } from '../../lib/page/portal';
import {
  CLEAN_MARKUP_EXPRESSION,
  focusElement,
  insideViewport,
  MARKER_MOMENT_EXPRESSION,
  MARKER_MOMENT_PROBE,
  MARKS_EXPRESSION,
  OVERLAY_EXPRESSION,
  type OverlaySnapshot,
  overlayElementRect,
  type PageMark,
  pageElementRect,
  type Rect,
  rectsOverlap,
} from './annotate-probe';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  POPUP_VIEWPORT,
  waitForValue,
} from './driver';
import {
  type ExpectedPage,
  expectedForFile,
  expectedForMarkup,
  mostSevere,
  normaliseText,
} from './expected-marks';
import type { FixtureServer } from './fixture-server';
import { type Fixture, fixtureNamed, loadFixtures } from './fixtures';
import {
  clearHistory,
  clickOverlay,
  clickPageElement,
  exposeOverlay,
  MARKER_TIMEOUT_MS,
  openOptions,
  openPanel,
  openReport,
  UI_TIMEOUT_MS,
  waitFor,
  waitForHistory,
  withPage,
} from './interact';
import {
  AFTER_PARSE_MUTATION_PROBE_SOURCE,
  type MutationLog,
  TAKE_MUTATIONS_EXPRESSION,
  unexplainedChanges,
} from './page-probe';
import { SCREENSHOT_DIR, useBrowserSession } from './suite';

/** Pages open at once within one group of the marks test. */
const CONCURRENCY = 3;

/** A fixture whose tables its own script inserts after load. */
const LATE_TABLES = 'dyn-late-tables';
const YOY_BASE = 'chk-yoy-base-2022';
const YOY_LATER = 'chk-yoy-broken-2023';
/** A page with an error on a cell far down the page, for the tooltip and the panel. */
const INTERACTION_PAGE = 'chk-identity-culprit';

export interface AnnotateHooks<B extends DriverBrowser> {
  /**
   * Stops the extension's background worker, so that the next visit has to
   * find the history in storage (MV3); absent where the background persists.
   */
  stopBackground?: (browser: B) => Promise<void>;
}

const readMarks = async (page: DriverPage) =>
  JSON.parse(await page.evaluate<string>(MARKS_EXPRESSION)) as PageMark[];
const readOverlay = async (page: DriverPage) =>
  JSON.parse(await page.evaluate<string>(OVERLAY_EXPRESSION)) as OverlaySnapshot;

/** Every way the page's marks differ from the command line's findings, one line each. */
function markMismatches(marks: PageMark[], expected: ExpectedPage): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const mark of marks) {
    seen.add(mark.name);
    if (mark.tabindex === null) problems.push(`${mark.name}: marked but not focusable (tabindex)`);
    const cellSeverity = expected.cells.get(mark.name);
    const sentences = expected.sentences.filter((s) => mark.text.includes(normaliseText(s.text)));
    if (cellSeverity === undefined && sentences.length === 0) {
      problems.push(
        `${mark.name} is marked ${mark.severity} but no finding marks it ("${mark.text.slice(0, 40)}")`,
      );
      continue;
    }
    const want = mostSevere([
      ...(cellSeverity ? [cellSeverity] : []),
      ...sentences.map((s) => s.severity),
    ]);
    if (mark.severity !== want) {
      problems.push(`${mark.name} is marked ${mark.severity}, its findings say ${want}`);
    }
  }
  for (const [name, severity] of expected.cells) {
    if (!seen.has(name)) problems.push(`${name} should be marked ${severity} but is not`);
  }
  for (const sentence of expected.sentences) {
    const text = normaliseText(sentence.text);
    if (!marks.some((mark) => mark.text.includes(text))) {
      problems.push(`no marked element holds the sentence "${sentence.text.slice(0, 50)}"`);
    }
  }
  const sentenceMarks = marks.filter((mark) => !expected.cells.has(mark.name)).length;
  const distinctSentences = new Set(expected.sentences.map((s) => s.text)).size;
  if (sentenceMarks > distinctSentences) {
    problems.push(`${sentenceMarks} text elements marked for ${distinctSentences} sentences`);
  }
  return problems;
}

/** Changes to the page's own DOM that the contract allows the extension to make. */
const ALLOWED_CHANGES: readonly RegExp[] = [
  /^attribute html @data-ogi-lens$/,
  /^attribute \S+ @data-ogi-lens-finding$/,
  /^attribute \S+ @tabindex$/,
  /^add html>head style[^ ]*\[[^\]]*data-ogi-lens-style[^\]]*\]$/,
  /^add html>head>style #text$/,
  /^add html div\[data-ogi-lens-root\]$/,
  /^document\.styleSheets\.length \d+$/,
];

function forbiddenChanges(withExtension: MutationLog, baseline: MutationLog): string[] {
  return unexplainedChanges(withExtension, baseline).filter(
    (change) => !ALLOWED_CHANGES.some((allowed) => allowed.test(change)),
  );
}

export interface PopupFindings {
  state: string;
  findings: { rule: string; severity: string; text: string }[];
  yoyRows: Record<string, string[]>;
  yoyNone: string | null;
}

const POPUP_FINDINGS_EXPRESSION = `(() => {
  const main = document.querySelector('main[data-state]');
  if (!main || main.dataset.state === 'loading' || main.dataset.state === 'pending') return null;
  const yoyRows = {};
  for (const row of main.querySelectorAll('table[data-yoy] tr[data-key]')) {
    yoyRows[row.dataset.key] = Array.from(row.querySelectorAll('td')).map((td) => td.textContent.trim());
  }
  const none = main.querySelector('[data-yoy-none]');
  return JSON.stringify({
    state: main.dataset.state,
    findings: Array.from(main.querySelectorAll('section[data-findings] [data-finding]')).map((el) => ({
      rule: el.getAttribute('data-rule'), severity: el.getAttribute('data-severity'), text: el.textContent,
    })),
    yoyRows,
    yoyNone: none ? none.textContent.trim() : null,
  });
})()`;

export async function readPopup(
  browser: DriverBrowser,
  pageUrl: string,
  screenshot?: string,
): Promise<PopupFindings> {
  return withPage(
    browser,
    async (popup) => {
      await popup.openExtensionPage(browser.popupUrl(`?url=${encodeURIComponent(pageUrl)}`));
      const json = await waitFor<string>(popup, POPUP_FINDINGS_EXPRESSION, 'the popup answering');
      if (screenshot) {
        // What the toolbar popup shows first, and the whole of it.
        await popup.screenshot(screenshot.replace(/\.png$/, '-top.png'));
        await popup.screenshot(screenshot, { fullPage: true });
      }
      return JSON.parse(json) as PopupFindings;
    },
    POPUP_VIEWPORT,
  );
}

export function popupMismatches(popup: PopupFindings, findings: readonly Finding[]): string[] {
  if (popup.state !== 'report') return [`the popup shows state ${popup.state}, not report`];
  const shown = popup.findings.map((f) => `${f.severity} ${f.rule}`);
  const want = findings.map((f) => `${f.severity} ${f.rule}`);
  if (shown.join('\n') === want.join('\n')) return [];
  return [`the popup lists [${shown.join(', ')}], the command line [${want.join(', ')}]`];
}

/** Checks one report page against the command line's findings for it. */
async function checkMarks(
  browser: DriverBrowser,
  server: FixtureServer,
  fixture: Fixture,
  expected: ExpectedPage,
): Promise<void> {
  const [page, baseline] = await Promise.all([browser.newPage(), browser.newPage()]);
  try {
    await Promise.all([
      page.addInitScript(AFTER_PARSE_MUTATION_PROBE_SOURCE),
      baseline.addInitScript(AFTER_PARSE_MUTATION_PROBE_SOURCE),
    ]);
    await Promise.all([
      openReport(page, fixture.pageUrl),
      baseline.goto(`${server.origin}/fixtures/${fixture.name}.html`),
    ]);
    const problems = markMismatches(await readMarks(page), expected);

    // The findings are listed in the open panel, which starts folded where the report leaves no side free.
    await openPanel(page);
    const overlay = await readOverlay(page);
    if (overlay.hosts !== 1 || !overlay.hostOnHtml || !overlay.closedShadow) {
      problems.push(
        `expected one <div data-ogi-lens-root> on <html> with a closed shadow root, found ${overlay.hosts}` +
          ` (on html: ${overlay.hostOnHtml}, closed: ${overlay.closedShadow})`,
      );
    }
    if (!overlay.panel) problems.push('no [data-ogi-panel] in the overlay');
    const indices = expected.findings.map((_, i) => String(i));
    if (overlay.findingButtons.join(',') !== indices.join(',')) {
      problems.push(
        `the panel lists findings [${overlay.findingButtons}], expected [${indices}] (${expected.findings.length} findings)`,
      );
    }
    if (overlay.deltas.length > 0)
      problems.push(`delta badges without history: ${overlay.deltas.map((d) => d.key)}`);
    if (overlay.legend.includes('delta'))
      problems.push("the panel's legend explains ▲/▼ badges the page does not show");

    const [withExtension, without] = await Promise.all(
      [page, baseline].map(
        async (p) => JSON.parse(await p.evaluate<string>(TAKE_MUTATIONS_EXPRESSION)) as MutationLog,
      ),
    );
    const changes = forbiddenChanges(withExtension as MutationLog, without as MutationLog);
    if (changes.length > 0)
      problems.push(`DOM changes outside the contract:\n    ${changes.join('\n    ')}`);

    problems.push(...popupMismatches(await readPopup(browser, fixture.pageUrl), expected.findings));
    if (problems.length > 0) assert.fail(`${fixture.name}:\n  ${problems.join('\n  ')}`);
  } finally {
    await Promise.all([page.close(), baseline.close()]).catch(() => {});
  }
}

/**
 * Report fixtures grouped by year, latest first. The history keeps every
 * visit, so a page must never be visited after its agency's previous year:
 * then each page has no predecessor, as when the command line runs it alone.
 */
async function fixturesByYearDescending(fixtures: readonly Fixture[]) {
  const analysed = await Promise.all(
    fixtures.map(async (fixture) => ({
      fixture,
      expected: await expectedForFile(fixture.htmlPath, fixture.pageUrl),
    })),
  );
  const years = [...new Set(analysed.map((a) => a.expected.report.identity.year ?? 0))].sort(
    (a, b) => b - a,
  );
  return years.map((year) =>
    analysed.filter((a) => (a.expected.report.identity.year ?? 0) === year),
  );
}

async function runPool<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
    }),
  );
}

export function defineAnnotateSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
  hooks: AnnotateHooks<B> = {},
): void {
  const fixtures = loadFixtures();
  const byName = (name: string): Fixture => fixtureNamed(fixtures, name);
  const shot = (what: string) => join(SCREENSHOT_DIR, `${browserName}-${what}.png`);

  describe(`${browserName}: the report annotated in place`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, fixtures);

    test('every report page shows exactly the findings of the command line', {
      concurrency: CONCURRENCY,
    }, async (t) => {
      const { browser, server } = session();
      const reports = fixtures.filter(
        (f) => f.expected.kind === 'report' && !f.name.startsWith('dyn-'),
      );
      assert.ok(reports.length > 0, 'no report fixtures');
      for (const group of await fixturesByYearDescending(reports)) {
        // Subtests report each page on its own; a group runs a few pages at once.
        await runPool(group, CONCURRENCY, (item) =>
          t
            .test(item.fixture.name, () => checkMarks(browser, server, item.fixture, item.expected))
            .then(() => {}),
        );
      }
    });

    test('a flagged cell shows its tooltip on hover and on keyboard focus', async () => {
      const { browser } = session();
      const fixture = byName(INTERACTION_PAGE);
      const expected = await expectedForFile(fixture.htmlPath, fixture.pageUrl);
      const first = expected.findingCells.findIndex((names) => names.length > 0);
      const cellName = expected.findingCells[first]?.[0];
      assert.ok(cellName, `${fixture.name} has no finding on a cell`);
      // Every finding marking this cell belongs in its tooltip.
      const cellFindings = expected.findings.filter((_, i) =>
        expected.findingCells[i]?.includes(cellName),
      );
      // Earlier visits of the same agency would add year-over-year findings.
      await clearHistory(browser);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);

        // Hover: the mouse over the cell, after scrolling it into view.
        const rect = JSON.parse(
          await waitFor<string>(page, pageElementRect(cellName, true), 'the cell'),
        ) as Rect;
        await page.mouseMove(rect.x + rect.width / 2, rect.y + rect.height / 2);
        const hovered = await waitFor<string>(
          page,
          `(() => { const s = ${OVERLAY_EXPRESSION}; return JSON.parse(s).tooltip ? s : null; })()`,
          'a tooltip on hover',
        );
        const tip = (JSON.parse(hovered) as OverlaySnapshot).tooltip;
        assert.ok(tip);
        const tipText = normaliseText(tip.text);
        assert.ok(
          // The browser's language here is English: the card's arithmetic is in English.
          cellFindings.some((f) => tipText.includes(normaliseText(f.arithmeticEn ?? f.arithmetic))),
          `the tooltip does not show the arithmetic: ${tip.text}`,
        );
        const ref = cellFindings[0]?.cells[0];
        assert.ok(
          ref && tipText.includes(normaliseText(ref.row)),
          `the tooltip lacks the row label ${ref?.row}`,
        );
        assert.ok(
          insideViewport(tip.rect, (JSON.parse(hovered) as OverlaySnapshot).viewport),
          'the tooltip is clipped by the viewport',
        );
        await page.screenshot(shot('overlay-tooltip'));

        // Leaving the cell hides it.
        await page.mouseMove(2, 2);
        await waitFor(
          page,
          `JSON.parse(${OVERLAY_EXPRESSION}).tooltip ? null : true`,
          'the tooltip hiding on mouse leave',
        );

        // Keyboard: focus lands on the cell (it is focusable), the tooltip shows; Escape hides it.
        assert.equal(
          await page.evaluate<boolean>(focusElement(cellName)),
          true,
          'the flagged cell cannot take focus',
        );
        await waitFor(
          page,
          `JSON.parse(${OVERLAY_EXPRESSION}).tooltip ? true : null`,
          'a tooltip on keyboard focus',
        );
        await page.press('Escape');
        await waitFor(
          page,
          `JSON.parse(${OVERLAY_EXPRESSION}).tooltip ? null : true`,
          'Escape hiding the tooltip',
        );

        // Tab from the page's first link reaches a flagged cell and shows its tooltip.
        await page.evaluate(
          `(window.scrollTo(0, 0), document.querySelector('a[href]') && document.querySelector('a[href]').focus(), true)`,
        );
        let reached = false;
        for (let presses = 0; presses < 200 && !reached; presses++) {
          await page.press('Tab');
          reached = await page.evaluate<boolean>(
            `!!(document.activeElement && document.activeElement.hasAttribute('data-ogi-lens-finding'))`,
          );
        }
        assert.ok(reached, 'Tab never reached a flagged cell');
        await waitFor(
          page,
          `JSON.parse(${OVERLAY_EXPRESSION}).tooltip ? true : null`,
          'a tooltip after Tab',
        );
      });
    });

    test('clicking a finding in the panel scrolls to its cell and flashes it', async () => {
      const { browser } = session();
      const fixture = byName(INTERACTION_PAGE);
      const expected = await expectedForFile(fixture.htmlPath, fixture.pageUrl);
      await clearHistory(browser);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await page.evaluate('(window.scrollTo(0, 0), true)');
        const viewport = (await readOverlay(page)).viewport;
        // The finding whose cell is furthest down, out of view at the top of the page.
        let target: { index: number; name: string; top: number } | undefined;
        for (const [index, names] of expected.findingCells.entries()) {
          const name = names[0];
          if (!name) continue;
          const rect = JSON.parse(
            await page.evaluate<string>(pageElementRect(name, false)),
          ) as Rect;
          if (!target || rect.y > target.top) target = { index, name, top: rect.y };
        }
        assert.ok(
          target && target.top > viewport.height,
          'no flagged cell lies below the first screen',
        );

        if (
          !JSON.parse(
            (await page.evaluate<string | null>(
              overlayElementRect(`[data-finding-index="${target.index}"]`),
            )) ?? 'null',
          )
        ) {
          // A collapsed panel opens first.
          await clickOverlay(page, '[data-action="collapse"]');
        }
        await clickOverlay(page, `[data-finding-index="${target.index}"]`);
        const flashed = await waitFor<string>(
          page,
          `(() => { const o = JSON.parse(${OVERLAY_EXPRESSION}); return o.flash ? JSON.stringify(o) : null; })()`,
          '[data-ogi-flash] after the click',
        );
        const flash = (JSON.parse(flashed) as OverlaySnapshot).flash;
        assert.ok(flash);
        const cell = JSON.parse(
          await page.evaluate<string>(pageElementRect(target.name, false)),
        ) as Rect;
        assert.ok(
          insideViewport(cell, viewport),
          `the finding's cell ${target.name} was not scrolled into view`,
        );
        assert.ok(rectsOverlap(cell, flash, 4), "the flash is not over the finding's cell");
        await page.screenshot(shot('overlay-flash'));
        await waitFor(
          page,
          `JSON.parse(${OVERLAY_EXPRESSION}).flash ? null : true`,
          'the flash ending',
        );
      });
    });

    test('the second year of an agency shows year-over-year findings and deltas from the history', async () => {
      const { browser } = session();
      const base = byName(YOY_BASE);
      const later = byName(YOY_LATER);
      const baseReport = (await expectedForFile(base.htmlPath, base.pageUrl)).report;
      const expected = await expectedForFile(later.htmlPath, later.pageUrl, [baseReport]);
      assert.ok(
        expected.findings.some((f) => f.family === 'yearOverYear'),
        'the command line finds no year-over-year finding for the pair',
      );

      await clearHistory(browser);
      await withPage(browser, (page) => openReport(page, base.pageUrl));
      await hooks.stopBackground?.(browser);

      await withPage(browser, async (page) => {
        await openReport(page, later.pageUrl);
        const problems = markMismatches(await readMarks(page), expected);
        if (problems.length > 0)
          assert.fail(`marks after last year's visit:\n  ${problems.join('\n  ')}`);

        await openPanel(page);
        const overlay = await readOverlay(page);
        assert.ok(overlay.deltas.length > 0, 'no [data-ogi-delta] badge on the page');
        assert.ok(overlay.legend.includes('delta'), "the panel's legend does not explain ▲/▼");
        for (const delta of overlay.deltas) {
          const now = expected.report.values[delta.key];
          const then = baseReport.values[delta.key];
          assert.ok(
            typeof now === 'number' && typeof then === 'number',
            `delta ${delta.key} has no two values`,
          );
          assert.notEqual(now, then, `delta badge ${delta.key} for an unchanged value`);
          assert.match(
            delta.text,
            now > then ? /^▲/ : /^▼/,
            `delta ${delta.key} reads ${delta.text}`,
          );
        }
        const swing = overlay.deltas.find((d) => d.key === 't3.new.total');
        assert.ok(swing, 'no delta on 本年新收 总计 (71 → 160)');
        assert.match(swing.text, /^▲(89|125(\.\d)?%)/);

        // The badge sits at its cell.
        const swingCell = expected.cellsByKey.get('t3.new.total');
        assert.ok(swingCell, 'the command line does not mark 本年新收 总计');
        await page.evaluate(pageElementRect(swingCell, true));
        // The badge follows the scroll on the next frames: poll until it sits at its cell.
        const badgeAtCell = await waitForValue<string>(
          page,
          `(() => {
            const d = JSON.parse(${OVERLAY_EXPRESSION}).deltas.find((d) => d.key === 't3.new.total');
            const cell = JSON.parse(${pageElementRect(swingCell, false)});
            if (!d) return null;
            const m = 16, b = d.rect;
            const overlap = b.x < cell.x + cell.width + m && cell.x < b.x + b.width + m &&
              b.y < cell.y + cell.height + m && cell.y < b.y + b.height + m;
            return overlap ? 'ok' : null;
          })()`,
          UI_TIMEOUT_MS,
        );
        assert.ok(badgeAtCell, 'the delta badge of 本年新收 总计 is not at its cell');

        // What the history marks is outlined in the closed root, each outline on its cell.
        const outlines = (await readOverlay(page)).historyMarks;
        assert.equal(
          outlines.length,
          expected.historyCells.size,
          `${outlines.length} history outlines for ${expected.historyCells.size} cells the history marks`,
        );
        for (const [name, severity] of expected.historyCells) {
          const cell = JSON.parse(await page.evaluate<string>(pageElementRect(name, false)));
          assert.ok(
            outlines.some((o) => o.severity === severity && rectsOverlap(o.rect, cell)),
            `no ${severity} outline over ${name}`,
          );
        }

        // Its finding, chosen in the panel, gives last year's figure (the cell is not focusable:
        // a tabindex would tell the page that the history holds last year's report).
        const swingFinding = expected.findingCells.findIndex((cells) => cells.includes(swingCell));
        assert.ok(swingFinding >= 0, 'no finding marks 本年新收 总计');
        await clickOverlay(page, `[data-finding-index="${swingFinding}"]`);
        const tip = await waitFor<string>(
          page,
          `(() => { const o = JSON.parse(${OVERLAY_EXPRESSION}); return o.tooltip ? o.tooltip.text : null; })()`,
          'the tooltip of 本年新收 总计',
        );
        assert.match(tip, /\b71\b/, `the tooltip does not give last year's 71: ${tip}`);
        await page.screenshot(shot('overlay-yoy'));
        await page.press('Escape');
        await waitFor(
          page,
          `JSON.parse(${OVERLAY_EXPRESSION}).tooltip ? null : true`,
          'Escape hiding the card of a finding chosen in the panel',
        );

        const popup = await readPopup(browser, later.pageUrl, shot('popup-yoy'));
        const popupProblems = popupMismatches(popup, expected.findings);
        if (popupProblems.length > 0) assert.fail(popupProblems.join('\n'));
        const carry = popup.findings.find((f) => f.rule === 'yoy.carry-over');
        assert.ok(carry, 'the popup lists no yoy.carry-over finding');
        assert.equal(popup.yoyNone, null, 'the popup says nothing is cached');
        assert.deepEqual(popup.yoyRows['t3.new.total']?.slice(0, 2), ['160', '71']);
        assert.match(popup.yoyRows['t3.new.total']?.[2] ?? '', /^▲89/);
      });
    });

    test('the options page lists the visits and deletes them', async () => {
      const { browser } = session();
      const later = byName(YOY_LATER);
      const expected = await expectedForFile(later.htmlPath, later.pageUrl);
      const { agency } = expected.report.identity;
      // Kept under the portal the page was read on (both years are on www.jiangzhou.gov.cn).
      const portal = portalOfUrl(later.pageUrl) ?? '';
      const id = (year: number) => recordId(portal, agency, year);
      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        await waitForHistory(options, [id(2022), id(2023)]);
        await clickPageElement(
          options,
          `[data-history-entry="${id(2022)}"] button[data-action="delete"]`,
        );
        await waitForHistory(options, [id(2023)]);
      });

      await withPage(browser, async (page) => {
        await openReport(page, later.pageUrl);
        const overlay = await readOverlay(page);
        assert.deepEqual(overlay.deltas, [], 'delta badges after last year was deleted');
        const problems = markMismatches(await readMarks(page), expected);
        if (problems.length > 0) assert.fail(`marks without history:\n  ${problems.join('\n  ')}`);
        const popup = await readPopup(browser, later.pageUrl);
        assert.ok(popup.yoyNone, 'the popup does not say that no earlier report is cached');
        assert.deepEqual(popup.yoyRows, {});
        assert.ok(
          !popup.findings.some((f) => f.rule.startsWith('yoy.')),
          'year-over-year findings without history',
        );
      });

      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        await waitForHistory(options, [id(2023)]);
        await clickPageElement(options, 'button[data-action="delete-all"]');
        await waitForHistory(options, []);
        await options.screenshot(shot('options'), { fullPage: true });
      });
    });

    test('tables that arrive after load are analysed when they arrive', async () => {
      const { browser } = session();
      const fixture = byName(LATE_TABLES);
      await withPage(browser, async (page) => {
        await page.addInitScript(MARKER_MOMENT_PROBE);
        await page.goto(fixture.pageUrl);
        assert.equal(
          await page.evaluate<number>(`document.getElementsByTagName('table').length`),
          0,
          'the page has its tables at load: it does not test late tables',
        );
        const moment = await waitForValue<string>(
          page,
          MARKER_MOMENT_EXPRESSION,
          MARKER_TIMEOUT_MS,
        );
        assert.ok(moment, 'the marker never appeared');
        await exposeOverlay(page);
        const atMarker = JSON.parse(moment) as { tables: number; marks: number };
        assert.ok(atMarker.tables > 0, 'the marker was set before the tables arrived');

        const markup = await page.evaluate<string>(CLEAN_MARKUP_EXPRESSION);
        const expected = expectedForMarkup(`\uFEFF${markup}`, fixture.pageUrl);
        assert.ok(expected.report.tables.length > 0, 'the arrived tables are not read as tables');
        const problems = markMismatches(await readMarks(page), expected);
        if (problems.length > 0)
          assert.fail(`marks on the late tables:\n  ${problems.join('\n  ')}`);
        await openPanel(page);
        const overlay = await readOverlay(page);
        assert.equal(overlay.hosts, 1, 'one overlay host');
        assert.equal(overlay.findingButtons.length, expected.findings.length, 'panel findings');
        const popup = await readPopup(browser, fixture.pageUrl);
        const popupProblems = popupMismatches(popup, expected.findings);
        if (popupProblems.length > 0) assert.fail(popupProblems.join('\n'));
      });
    });
  });
}

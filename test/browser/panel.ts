/**
 * The in-page panel as a reader meets it, once per browser: in its default
 * state it covers no table cell of the report at 1024 and 1280 px (docked
 * beside the report, or folded to a tab); dragged by its title bar it moves
 * and stays where it was left across a reload; J and K walk the findings
 * (the focused marked cell changes, the panel says which one); the markers
 * beside the scrollbar take the reader to a cell; hidden on one report it
 * is gone there only, not on another report of the same portal, and "show
 * again" in the popup brings it back on the open page; hidden for the
 * agency it is gone from the agency's other report too, and the options
 * page lists the hide and undoes it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type Rect, rectsOverlap } from './annotate-probe';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
  POPUP_VIEWPORT,
  type Viewport,
} from './driver';
import { type Fixture, fixtureNamed, loadFixtures } from './fixtures';
import { clickOverlay, clickPageElement, openReport, waitFor, withPage } from './interact';
import { SCREENSHOT_DIR, useBrowserSession } from './suite';

/** The issue's own example (table 三 under the panel at 1024 px), and a page of 1000 px wide tables. */
const LAYOUT_PAGES = ['seed-002-hailing-2017', 'fmt-2021-split'];
const WIDTHS = [1024, 1280];
const HEIGHT = 800;
const REPORT = 'seed-002-hailing-2017';

interface PanelState {
  rect: Rect;
  /** Folded to its tab. */
  folded: boolean;
  /** The finding the J/K keys last went to, as the panel announces it ('' for none). */
  current: string;
  ticks: number;
  /** Cells and sentences the page marked. */
  marks: number;
  viewport: Viewport;
}

const PANEL_STATE = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  const panel = root && root.querySelector('[data-ogi-panel]');
  if (!panel) return null;
  const r = panel.getBoundingClientRect();
  const toggle = root.querySelector('[data-action="collapse"]');
  const current = root.querySelector('[data-ogi-current]');
  return JSON.stringify({
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    folded: !!toggle && toggle.getAttribute('aria-expanded') === 'false',
    current: current ? current.getAttribute('data-ogi-current') : '',
    ticks: root.querySelectorAll('[data-ogi-marker]').length,
    marks: document.querySelectorAll('[data-ogi-lens-finding]').length,
    viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
  });
})()`;

const PANEL_ABSENT = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  return root && !root.querySelector('[data-ogi-panel]') ? true : null;
})()`;

/**
 * Every cell of the page's data tables that is on screen, with its box and a
 * name to report it by. A table that holds another table is the portal's
 * layout (its cells hold the whole article), not one of the report's.
 */
const CELLS_ON_SCREEN = `JSON.stringify(Array.from(document.querySelectorAll('table:not(:has(table)) :is(td,th)')).flatMap((cell, i) => {
  const r = cell.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > window.innerHeight) return [];
  return [{ name: cell.localName + '#' + i + ' ' + (cell.textContent || '').trim().slice(0, 12),
    rect: { x: r.x, y: r.y, width: r.width, height: r.height } }];
}))`;

/**
 * Scrolls the n-th data table to the middle of the viewport, then lets three
 * frames pass: the overlay places itself again on the frame after a scroll
 * (a tab with no margin to keep to slides clear of the tables). False when
 * there is no such table.
 */
const scrollToTable = (n: number) =>
  `(() => { const t = document.querySelectorAll('table:not(:has(table))')[${n}]; if (!t) return false;
    t.scrollIntoView({ block: 'center' });
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    return frame().then(frame).then(frame).then(() => true); })()`;

/** The marked cell that has the focus, by tag and ordinal, or null. */
const FOCUSED_MARK = `(() => {
  const el = document.activeElement;
  if (!el || !el.hasAttribute('data-ogi-lens-finding')) return null;
  const r = el.getBoundingClientRect();
  const inView = r.bottom > 0 && r.top < window.innerHeight;
  return JSON.stringify({
    name: el.localName + '#' + Array.prototype.indexOf.call(document.getElementsByTagName(el.localName), el),
    inView,
  });
})()`;

/** The open legend's lines: what each explains, its text, its swatch's line; and the line the page draws on a cell of each severity. */
const LEGEND = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  const legend = root && root.querySelector('[data-ogi-legend]');
  if (!legend || !legend.open) return null;
  const lines = Array.from(legend.querySelectorAll('[data-legend]')).map((li) => {
    const swatch = getComputedStyle(li.querySelector('.swatch'));
    const r = li.getBoundingClientRect();
    return { legend: li.getAttribute('data-legend'), text: li.textContent.trim(),
      line: swatch.borderTopStyle, colour: swatch.borderTopColor, shown: r.width > 0 && r.height > 0 };
  });
  const cellLines = {};
  for (const cell of document.querySelectorAll('[data-ogi-lens-finding]')) {
    cellLines[cell.getAttribute('data-ogi-lens-finding')] = getComputedStyle(cell).outlineStyle;
  }
  return JSON.stringify({ lines, cellLines });
})()`;

const readPanel = async (page: DriverPage): Promise<PanelState> =>
  JSON.parse(await waitFor<string>(page, PANEL_STATE, 'the panel')) as PanelState;

/** Opens the folded panel with a click on its tab, as a reader would. */
async function unfold(page: DriverPage): Promise<PanelState> {
  let state = await readPanel(page);
  if (state.folded) {
    await clickOverlay(page, '[data-action="collapse"]');
    await waitFor(
      page,
      `(() => { const s = ${PANEL_STATE}; return s && !JSON.parse(s).folded ? s : null; })()`,
      'the panel opening from its tab',
    );
    state = await readPanel(page);
  }
  return state;
}

/** Waits until the focused marked cell is another than `before`, and returns it. */
async function focusMovesFrom(page: DriverPage, before: string | null, what: string) {
  const json = await waitFor<string>(
    page,
    `(() => { const f = ${FOCUSED_MARK}; return f && JSON.parse(f).name !== ${JSON.stringify(before)} ? f : null; })()`,
    what,
  );
  return JSON.parse(json) as { name: string; inView: boolean };
}

/** The same page at another address of the same portal: another report, as far as a hide goes. */
function sameHtmlElsewhere(fixture: Fixture): Fixture {
  const url = new URL(fixture.pageUrl);
  url.pathname = url.pathname.replace(/[^/]*$/, 'another-report.html');
  return {
    ...fixture,
    name: `${fixture.name}-elsewhere`,
    pageUrl: url.href,
    expected: { ...fixture.expected, url: url.href },
  };
}

export function definePanelSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const byName = (name: string): Fixture => fixtureNamed(fixtures, name);
  const report = byName(REPORT);
  const elsewhere = sameHtmlElsewhere(report);

  describe(`${browserName}: the in-page panel`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, [...fixtures, elsewhere]);

    for (const name of LAYOUT_PAGES) {
      for (const width of WIDTHS) {
        test(`${name} at ${width} px: the panel covers no table cell as it starts`, async () => {
          const { browser } = session();
          await withPage(
            browser,
            async (page) => {
              await openReport(page, byName(name).pageUrl);
              await page.screenshot(
                join(SCREENSHOT_DIR, `panel-${browserName}-${name}-${width}.png`),
              );
              // As it starts, then with each table of the report under it as the reader scrolls.
              let checked = 0;
              for (let table = -1; table < 8; table++) {
                if (table >= 0 && !(await page.evaluate<boolean>(scrollToTable(table)))) break;
                const panel = await readPanel(page);
                const cells = JSON.parse(await page.evaluate<string>(CELLS_ON_SCREEN)) as {
                  name: string;
                  rect: Rect;
                }[];
                checked += cells.length;
                const covered = cells.filter((cell) => rectsOverlap(panel.rect, cell.rect));
                assert.deepEqual(
                  covered.map((cell) => cell.name),
                  [],
                  `the panel (${panel.folded ? 'tab' : 'open'}) at ${JSON.stringify(panel.rect)} covers cells${table >= 0 ? ` of table ${table + 1} scrolled to the middle` : ''}`,
                );
                assert.ok(
                  panel.rect.x >= 0 && panel.rect.x + panel.rect.width <= panel.viewport.width,
                  `the panel at ${JSON.stringify(panel.rect)} leaves the viewport`,
                );
              }
              assert.ok(checked > 0, 'no table cell came on screen to check against');
              const panel = await readPanel(page);
              assert.equal(panel.ticks, panel.marks, 'one marker beside the scrollbar per mark');
            },
            { width, height: HEIGHT },
          );
        });
      }
    }

    test('its legend tells the severities apart by their line as well as their colour', async () => {
      const { browser } = session();
      await withPage(
        browser,
        async (page) => {
          await openReport(page, report.pageUrl);
          await unfold(page);
          await clickOverlay(page, '[data-ogi-legend] summary');
          const { lines, cellLines } = JSON.parse(
            await waitFor<string>(page, LEGEND, 'the legend, opened'),
          ) as {
            lines: { legend: string; text: string; line: string; colour: string; shown: boolean }[];
            cellLines: Record<string, string>;
          };
          await page.screenshot(join(SCREENSHOT_DIR, `panel-${browserName}-legend.png`));
          // No report of last year in this browser's history: no ▲/▼ on the page, none explained.
          assert.deepEqual(
            lines.map((l) => l.legend),
            ['error', 'warning', 'info', 'terms', 'figure'],
          );
          for (const line of lines) {
            assert.ok(
              line.shown && line.text.length > 4,
              `legend line ${line.legend} is not shown`,
            );
          }
          const severities = lines.slice(0, 3);
          assert.deepEqual(
            severities.map((l) => l.line),
            ['solid', 'dashed', 'dotted'],
            'each severity its own line',
          );
          assert.equal(
            new Set(severities.map((l) => l.colour)).size,
            3,
            'each severity its colour',
          );
          // The swatch shows the line the page draws around a cell of that severity.
          assert.ok(Object.keys(cellLines).length > 0, 'no marked cell on the page');
          for (const [severity, line] of Object.entries(cellLines)) {
            assert.equal(
              line,
              severities.find((l) => l.legend === severity)?.line,
              `${severity} cells are outlined ${line}`,
            );
          }
        },
        { width: 1280, height: HEIGHT },
      );
    });

    test('dragged by its title bar, the panel moves and stays there after a reload', async () => {
      const { browser } = session();
      await withPage(
        browser,
        async (page) => {
          await openReport(page, report.pageUrl);
          const before = (await unfold(page)).rect;
          // The brand in the title bar: part of the bar, not one of its buttons.
          const grip = { x: before.x + 24, y: before.y + 14 };
          const target = { x: 200, y: 120 };
          await page.mouseDrag(grip, target);
          const moved = (await readPanel(page)).rect;
          assert.ok(
            Math.abs(moved.x - (before.x + target.x - grip.x)) <= 2 &&
              Math.abs(moved.y - (before.y + target.y - grip.y)) <= 2,
            `dragged by (${target.x - grip.x}, ${target.y - grip.y}) from ${JSON.stringify(before)}, the panel is at ${JSON.stringify(moved)}`,
          );
          await page.screenshot(join(SCREENSHOT_DIR, `panel-${browserName}-dragged.png`));

          await openReport(page, report.pageUrl);
          const again = await waitFor<string>(
            page,
            `(() => { const s = ${PANEL_STATE}; if (!s) return null; const p = JSON.parse(s);
              return Math.abs(p.rect.x - ${moved.x}) <= 1 && Math.abs(p.rect.y - ${moved.y}) <= 1 ? s : null; })()`,
            `the panel back at (${moved.x}, ${moved.y}) after the reload`,
          );
          assert.equal((JSON.parse(again) as PanelState).folded, false, 'it was left open');
        },
        { width: 1280, height: HEIGHT },
      );
    });

    test('J and K go to the next and previous finding; a marker takes the reader to its cell', async () => {
      const { browser } = session();
      await withPage(
        browser,
        async (page) => {
          await openReport(page, report.pageUrl);
          await page.press('j');
          const first = await focusMovesFrom(page, null, 'a marked cell focused after J');
          assert.ok(first.inView, `${first.name} was not scrolled into view`);
          const announced = (await readPanel(page)).current;
          assert.notEqual(announced, '', 'the panel does not say which finding is current');
          await page.press('j');
          const second = await focusMovesFrom(page, first.name, 'another marked cell after J');
          assert.notEqual(
            (await readPanel(page)).current,
            announced,
            'the panel still names the first',
          );
          await page.screenshot(join(SCREENSHOT_DIR, `panel-${browserName}-keys.png`));
          await page.press('k');
          const back = await focusMovesFrom(page, second.name, 'a marked cell after K');
          assert.equal(back.name, first.name, 'K did not go back to the first finding');
          assert.equal((await readPanel(page)).current, announced);

          // The last marker, at the bottom of the strip: its cell comes into view, focused.
          await page.evaluate('(window.scrollTo(0, 0), true)');
          const ticks = (await readPanel(page)).ticks;
          await clickOverlay(page, `[data-ogi-marker]:nth-child(${ticks})`);
          const reached = await focusMovesFrom(page, back.name, 'the cell of the clicked marker');
          assert.ok(reached.inView, `${reached.name} was not scrolled into view`);
        },
        { width: 1280, height: HEIGHT },
      );
    });

    test('hidden on one report, the panel is gone there only, and the popup shows it again', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await openReport(page, report.pageUrl);
        await unfold(page);
        await clickOverlay(page, '[data-action="hide-report"]');
        await waitFor(page, PANEL_ABSENT, 'the panel going');

        await openReport(page, report.pageUrl);
        await waitFor(page, PANEL_ABSENT, 'no panel after a reload of the hidden report');
        assert.ok(
          await page.evaluate<boolean>(`!!document.querySelector('[data-ogi-lens-finding]')`),
          'the marks went with the panel',
        );

        await withPage(browser, async (other) => {
          await openReport(other, elsewhere.pageUrl);
          await readPanel(other);
        });

        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(
              browser.popupUrl(`?url=${encodeURIComponent(report.pageUrl)}`),
            );
            await waitFor(
              popup,
              `document.querySelector('[data-panel-hide="report"]') ? true : null`,
              'the popup saying the panel is hidden on this report',
            );
            await popup.screenshot(join(SCREENSHOT_DIR, `panel-${browserName}-popup-hidden.png`));
            await clickPageElement(popup, 'button[data-action="show-panel"]');
            await waitFor(
              popup,
              `document.querySelector('[data-panel-hidden]') ? null : true`,
              'the popup no longer saying it is hidden',
            );
          },
          POPUP_VIEWPORT,
        );

        // Back on the open page at once, and on the next visit.
        await readPanel(page);
        await openReport(page, report.pageUrl);
        await readPanel(page);
      });
    });

    test('the options page lists a hidden agency and shows the panel again', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await openReport(page, elsewhere.pageUrl);
        await unfold(page);
        await clickOverlay(page, '[data-action="hide-agency"]');
        await waitFor(page, PANEL_ABSENT, 'the panel going');
        // The agency's other report on the portal: hidden too.
        await openReport(page, report.pageUrl);
        await waitFor(page, PANEL_ABSENT, "no panel on the agency's other report");

        await withPage(browser, async (options) => {
          await options.openExtensionPage(
            browser.popupUrl('').replace(/popup\.html$/, 'options.html'),
          );
          await waitFor(
            options,
            `document.querySelector('[data-hidden-panels] [data-panel-hide="agency"]') ? true : null`,
            'the options page listing the hidden agency',
          );
          await options.screenshot(join(SCREENSHOT_DIR, `panel-${browserName}-options.png`));
          await clickPageElement(options, '[data-hidden-panels] button[data-action="show-panel"]');
          await waitFor(
            options,
            `document.querySelector('[data-hidden-panels] [data-panel-hide]') ? null : true`,
            'the options page no longer listing it',
          );
        });

        await openReport(page, elsewhere.pageUrl);
        await readPanel(page);
      });
    });
  });
}

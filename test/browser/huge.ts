/**
 * Huge and restless pages, once per browser: a report with 50,000 cells is
 * read in slices (the page's own timer runs between the extraction's start
 * and end marks) and annotated; a table over the reading limit is not read
 * and the panel and popup say so; a page that rewrites its tables every
 * second is analysed once and keeps running. The pages are generated
 * (scripts/pages/huge-report.ts) into a temporary folder and served at
 * .gov.cn addresses like the fixtures.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EXTRACT_MARKS } from '../../lib/content/page-pass';
import { MAX_TABLE_CELLS } from '../../lib/tables/collect';
import { hugeReportPage } from '../../scripts/pages/huge-report';
import {
  type DriverBrowser,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
  POPUP_VIEWPORT,
} from './driver';
import type { Fixture } from './fixtures';
import { openPanel, openReport, waitFor, withPage } from './interact';
import { useBrowserSession } from './suite';

const HOST = 'http://www.jiangzhou.gov.cn';

/** Marks and ticks as the page's main world sees them. */
const TIMELINE_EXPRESSION = `JSON.stringify({
  starts: performance.getEntriesByName(${JSON.stringify(EXTRACT_MARKS.start)}).map((e) => e.startTime),
  ends: performance.getEntriesByName(${JSON.stringify(EXTRACT_MARKS.end)}).map((e) => e.startTime),
  ticks: window.__pageTicks || [],
})`;

/** The page's own timer: what a page script, a video or an input handler needs to keep running. */
const PAGE_TICKS_SOURCE = `window.__pageTicks = []; setInterval(() => window.__pageTicks.push(performance.now()), 5);`;

/** A page script that rewrites its tables' numbers every second, as some portals' counters do. */
const REWRITER = `<script>
var rounds = 0;
setInterval(function () {
  rounds++;
  document.body.setAttribute('data-rounds', String(rounds));
  var cells = document.querySelectorAll('table td');
  for (var i = 0; i < cells.length; i += 7) {
    if (/^\\d+$/.test(cells[i].textContent)) cells[i].textContent = String(Number(cells[i].textContent) + 1);
  }
}, 1000);
</script>`;

function generatedFixture(dir: string, name: string, html: string): Fixture {
  const htmlPath = join(dir, `${name}.html`);
  writeFileSync(htmlPath, html);
  const pageUrl = `${HOST}/generated/${name}.html`;
  return { name, htmlPath, pageUrl, expected: { url: pageUrl, kind: 'none' } };
}

interface Timeline {
  starts: number[];
  ends: number[];
  ticks: number[];
}

/** The panel's text, from the closed root openReport exposed to the page for the test. */
const panelText = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL};
  const panel = root && root.querySelector('[data-ogi-panel]');
  return panel ? panel.textContent : null;
})()`;

export function defineHugeSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lens-huge-'));
  const huge = generatedFixture(dir, 'huge-50000', hugeReportPage(50_000));
  const oversized = generatedFixture(
    dir,
    'huge-over-limit',
    hugeReportPage(MAX_TABLE_CELLS + 5_000),
  );
  const base = hugeReportPage(0);
  const restless = generatedFixture(
    dir,
    'restless-tables',
    base.replace('</body>', `${REWRITER}\n</body>`),
  );

  describe(`${browserName}: huge and restless pages`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, [huge, oversized, restless]);

    test('a report of 50,000 cells is read in slices: the page runs while it is read', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await page.addInitScript(PAGE_TICKS_SOURCE);
        await openReport(page, huge.pageUrl);
        const timeline = JSON.parse(await page.evaluate<string>(TIMELINE_EXPRESSION)) as Timeline;
        assert.equal(timeline.starts.length, 1, 'the page was not read exactly once');
        const [start = 0] = timeline.starts;
        const [end = 0] = timeline.ends;
        assert.ok(end > start, 'no end mark after the start mark');
        const during = timeline.ticks.filter((tick) => tick > start && tick < end);
        assert.ok(
          during.length > 0,
          `the page's timer never ran during the ${Math.round(end - start)} ms of reading`,
        );
        assert.ok(await waitFor(page, panelText, 'the panel'));
      });
    });

    test('a table over the limit is not read, and the panel and the popup say so', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await openReport(page, oversized.pageUrl);
        // Said in the open panel, which starts folded where the report leaves no side free.
        await openPanel(page);
        const text = await waitFor<string>(
          page,
          `(() => { const t = ${panelText}; return t && /too large|过大/.test(t) ? t : null; })()`,
          'the too-large note in the panel',
        );
        assert.match(text, /too large|过大/);
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(
              browser.popupUrl(`?url=${encodeURIComponent(oversized.pageUrl)}`),
            );
            await waitFor(
              popup,
              `(() => { const t = document.body.textContent; return /too large|过大/.test(t) ? true : null; })()`,
              'the too-large note in the popup',
            );
          },
          POPUP_VIEWPORT,
        );
      });
    });

    test('a page that rewrites its tables every second is read once and keeps running', async () => {
      const { browser } = session();
      await withPage(browser, async (page) => {
        await openReport(page, restless.pageUrl);
        const roundsAt = async () =>
          Number(await page.evaluate<string>(`document.body.getAttribute('data-rounds') || '0'`));
        const before = await roundsAt();
        await waitFor(
          page,
          `Number(document.body.getAttribute('data-rounds') || '0') >= ${before + 2} ? true : null`,
          "two more rounds of the page's own script",
        );
        const timeline = JSON.parse(await page.evaluate<string>(TIMELINE_EXPRESSION)) as Timeline;
        assert.equal(timeline.starts.length, 1, 'the page was read more than once');
        assert.ok(await waitFor(page, panelText, 'the panel'));
      });
    });
  });
}

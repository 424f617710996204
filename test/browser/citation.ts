/**
 * A finding's own buttons, tested as a journalist uses them, once per
 * browser, on seed 002 (real contradictions): "copy as citation" puts the
 * sentence lib/export/citation.ts builds on the clipboard (pasted back with
 * Ctrl+V), in the panel and in the popup; "save evidence image" downloads a
 * PNG of the finding's table as it shows on screen, whose size is the
 * table's visible box times the device pixel ratio. Capturing a tab needs
 * activeTab, granted by a click on the toolbar button: Chromium's driver
 * clicks it (Extensions.triggerAction); WebDriver BiDi cannot reach
 * Firefox's toolbar, so there the test checks that the panel says how to
 * allow the capture instead.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findPrevious, runChecks } from '../../lib/checks/run';
import { type CitationLanguage, findingCitation } from '../../lib/export/citation';
import { evidenceFileName } from '../../lib/export/filename';
import { extractReport } from '../../lib/extract';
import type { Finding, Report } from '../../lib/model/report';
import { parsePage } from '../../scripts/cli/analyse-file';
import { clearDownloads, waitForDownload } from './downloads';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
  POPUP_VIEWPORT,
} from './driver';
import { type Fixture, fixtureNamed, loadFixtures } from './fixtures';
import {
  clearHistory,
  clickOverlay,
  clickPageElement,
  openReport,
  waitFor,
  withPage,
} from './interact';
import { SCREENSHOT_DIR, useBrowserSession } from './suite';

const PAGE = 'seed-002-hailing-2017';
const OVERLAY_ROOT = `(window.${OVERLAY_ROOT_GLOBAL} || null)`;
/** The panel's first finding (the most severe first): seed 002's 「(三)申请答复数」 70 against 55. */
const FIRST_IN_PANEL = '[data-ogi-panel] .list li:first-child';

async function commandLineView(fixture: Fixture): Promise<{ report: Report; findings: Finding[] }> {
  const doc = parsePage(await readFile(fixture.htmlPath), fixture.pageUrl);
  const { report } = extractReport(doc, fixture.pageUrl);
  return { report, findings: runChecks(report, findPrevious(report, [])) };
}

/** The instant a citation names, back from its Beijing time (to the minute). */
function readAt(citation: string): Date {
  const match =
    /北京时间 (\d{4}-\d\d-\d\d) (\d\d:\d\d) 读取/.exec(citation) ??
    /read (\d{4}-\d\d-\d\d) (\d\d:\d\d) Beijing time/.exec(citation);
  assert.ok(match, `the citation names no Beijing time: ${citation}`);
  return new Date(`${match[1]}T${match[2]}:00+08:00`);
}

/**
 * The sentence the clipboard should hold: the pure builder's, for the time
 * the citation names, which must fall within the test's own minutes.
 */
function expectedCitation(
  pasted: string,
  report: Report,
  finding: Finding,
  started: number,
): string {
  const at = readAt(pasted);
  const minute = 60_000;
  assert.ok(
    at.getTime() >= Math.floor(started / minute) * minute && at.getTime() <= Date.now(),
    `the citation's time ${at.toISOString()} is not when the page was read`,
  );
  const language: CitationLanguage = pasted.startsWith('据') ? 'zh' : 'en';
  return findingCitation({
    report,
    finding,
    previous: null,
    retrievedAt: at.toISOString(),
    language,
  });
}

const statusIn = (root: string, attribute: string, scope: string) => `(() => {
  const root = ${root};
  const status = root && root.querySelector(${JSON.stringify(`${scope} [${attribute}]`)});
  const kind = status && status.getAttribute(${JSON.stringify(attribute)});
  return kind && kind !== 'busy' ? JSON.stringify({ kind, text: status.textContent }) : null;
})()`;

/**
 * What the clipboard holds, pasted with Ctrl+V into a text field of the
 * test's own, as a user pastes it into a story.
 */
async function pasteClipboard(page: DriverPage): Promise<string> {
  await page.evaluate(`(() => {
    const field = document.createElement('textarea');
    field.id = '__ogiPasteTarget';
    field.style.cssText = 'position:fixed;left:0;top:0;width:300px;height:60px;z-index:2147483647';
    document.body.append(field);
    field.focus();
    return true;
  })()`);
  await page.paste();
  return waitFor<string>(
    page,
    `(() => { const f = document.getElementById('__ogiPasteTarget'); return f && f.value ? f.value : null; })()`,
    'the pasted citation',
  );
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG file');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The first finding's table as the page shows it now, cut at the window's
 * edges, in device pixels: what the image should measure.
 */
const TABLE_BOX_IN_DEVICE_PIXELS = `(() => {
  const cell = Array.from(document.querySelectorAll('[data-ogi-lens-finding="error"]'))
    .find((el) => el.textContent.trim() === '70');
  const table = cell && cell.closest('table');
  if (!table) return null;
  const box = table.getBoundingClientRect();
  const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  const left = Math.max(0, Math.floor(box.left)), top = Math.max(0, Math.floor(box.top));
  const right = Math.min(width, Math.ceil(box.right)), bottom = Math.min(height, Math.ceil(box.bottom));
  const ratio = window.devicePixelRatio || 1;
  return JSON.stringify({ width: Math.round((right - left) * ratio), height: Math.round((bottom - top) * ratio), ratio });
})()`;

export function defineCitationSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const fixture = fixtureNamed(fixtures, PAGE);

  describe(`${browserName}: citation and evidence`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, fixtures);

    test('copy as citation in the panel puts the finding’s sentence on the clipboard', async () => {
      const { browser } = session();
      const { report, findings } = await commandLineView(fixture);
      const finding = findings[0];
      assert.ok(finding, 'seed 002 has no finding');
      await clearHistory(browser);
      const started = Date.now();
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await clickOverlay(page, `${FIRST_IN_PANEL} [data-action="copy-citation"]`);
        const status = JSON.parse(
          await waitFor<string>(
            page,
            statusIn(OVERLAY_ROOT, 'data-copy-status', FIRST_IN_PANEL),
            'the copy status',
          ),
        ) as { kind: string; text: string };
        assert.equal(status.kind, 'copied', status.text);
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot(join(SCREENSHOT_DIR, `${browserName}-citation-panel.png`));
        const pasted = await pasteClipboard(page);
        assert.equal(pasted, expectedCitation(pasted, report, finding, started));
        assert.match(pasted, /“\(三\)申请答复数”.+70.+55/);
      });
    });

    test('copy as citation in the popup puts the same sentence on the clipboard', async () => {
      const { browser } = session();
      const { report, findings } = await commandLineView(fixture);
      const finding = findings[0];
      assert.ok(finding, 'seed 002 has no finding');
      await clearHistory(browser);
      const started = Date.now();
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(
              browser.popupUrl(`?url=${encodeURIComponent(fixture.pageUrl)}`),
            );
            const first = '[data-finding]';
            await clickPageElement(popup, `${first} [data-action="copy-citation"]`);
            const status = JSON.parse(
              await waitFor<string>(
                popup,
                statusIn('document', 'data-copy-status', first),
                'the copy status',
              ),
            ) as { kind: string; text: string };
            assert.equal(status.kind, 'copied', status.text);
            await popup.screenshot(join(SCREENSHOT_DIR, `${browserName}-citation-popup.png`));
            const pasted = await pasteClipboard(popup);
            assert.equal(pasted, expectedCitation(pasted, report, finding, started));
          },
          POPUP_VIEWPORT,
        );
      });
    });

    test('save evidence image downloads the finding’s table as shown, at the device pixel ratio, once the toolbar button was clicked', async () => {
      const { browser } = session();
      const { report } = await commandLineView(fixture);
      await clearHistory(browser);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await clearDownloads(browser.downloadDir);
        // Both browsers let an extension capture a tab only after the user invoked it there (activeTab).
        const invoked = await page.clickToolbarButton();
        await clickOverlay(page, `${FIRST_IN_PANEL} [data-action="save-evidence"]`);
        const status = JSON.parse(
          await waitFor<string>(
            page,
            statusIn(OVERLAY_ROOT, 'data-evidence-status', FIRST_IN_PANEL),
            'the evidence status',
          ),
        ) as { kind: string; text: string };
        if (!invoked) {
          // Firefox: the driver cannot click the toolbar button, so no activeTab: the panel says what to do.
          assert.equal(status.kind, 'failed');
          assert.ok(
            status.text.includes('OGI Lens') && /toolbar|工具栏/.test(status.text),
            `the panel does not say how to allow the capture: ${status.text}`,
          );
          return;
        }
        assert.equal(status.kind, 'done', status.text);
        const filename = evidenceFileName(report, 1);
        assert.ok(status.text.includes(filename), `the panel does not name ${filename}`);
        const bytes = await waitForDownload(browser.downloadDir, filename);
        const expected = JSON.parse(
          await waitFor<string>(page, TABLE_BOX_IN_DEVICE_PIXELS, 'the table'),
        ) as { width: number; height: number };
        // Kept with the run's screenshots, to be looked at as a reader would.
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        await writeFile(join(SCREENSHOT_DIR, `${browserName}-evidence.png`), bytes);
        const size = pngSize(bytes);
        assert.deepEqual(size, { width: expected.width, height: expected.height });
      });
    });
  });
}

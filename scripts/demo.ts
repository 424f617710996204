/**
 * npm run demo
 * Builds the Chrome extension and opens a real report that contradicts
 * itself (seed 002, 海陵区 2017) in Chromium with it loaded, in Chinese, the
 * page served at its .gov.cn address by the test fixture server: a newcomer
 * sees at once what the extension is for. With a display: a visible window
 * to try it by hand, until Ctrl-C. Without one (a server, CI): headless,
 * waits for the analysis, opens the card of the first contradicted figure,
 * saves screenshots of the page (marks, card, the panel folded to its tab),
 * of the panel opened with its legend, and of the popup, and prints what was
 * recognised and found.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SETTINGS_KEY } from '../lib/messaging/protocol';
import {
  MARKS_EXPRESSION,
  OVERLAY_EXPRESSION,
  pageElementRect,
} from '../test/browser/annotate-probe';
import { type ChromiumSession, launchChromium } from '../test/browser/chromium';
import { POPUP_VIEWPORT, waitForValue } from '../test/browser/driver';
import { type FixtureServer, startFixtureServer } from '../test/browser/fixture-server';
import { type Fixture, loadFixtures, pickSampleReport } from '../test/browser/fixtures';
import { clickOverlay, openPanel } from '../test/browser/interact';
import {
  MARKER_EXPRESSION,
  type PopupSnapshot,
  popupSnapshotExpression,
} from '../test/browser/page-probe';
import { buildChromeExtension } from './build-chrome';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const OUTPUT_DIR = join(ROOT, 'artifacts/demo');
const ANALYSIS_TIMEOUT_MS = 15_000;
/** A real report with contradictions in its tables and its text: what the extension is for. */
const DEMO_REPORT = 'seed-002-hailing-2017';

/** The demo's report, or the usual sample where the fixtures lack it. */
function pickDemoReport(fixtures: readonly Fixture[]): Fixture | undefined {
  return fixtures.find((f) => f.name === DEMO_REPORT) ?? pickSampleReport(fixtures);
}

/** The extension in Chinese whatever the browser's language, as its settings page would set it. */
async function speakChinese(chromium: ChromiumSession): Promise<void> {
  const page = await chromium.newPage(POPUP_VIEWPORT);
  await page.openExtensionPage(chromium.popupUrl(''));
  await page.evaluate(
    `chrome.storage.local.set({ ${JSON.stringify(SETTINGS_KEY)}: { language: 'zh_CN' } }).then(() => true)`,
  );
  await page.close();
}

/** Hovers the first figure marked as an error, so that the screenshot shows its card. */
async function openFirstCard(
  page: Awaited<ReturnType<ChromiumSession['newPage']>>,
): Promise<boolean> {
  const marks = JSON.parse(await page.evaluate<string>(MARKS_EXPRESSION)) as {
    name: string;
    severity: string;
  }[];
  const first = marks.find((m) => m.severity === 'error') ?? marks[0];
  if (!first) return false;
  const rect = await waitForValue<string>(page, pageElementRect(first.name, true), 5_000);
  if (!rect) return false;
  const { x, y, width, height } = JSON.parse(rect) as Record<
    'x' | 'y' | 'width' | 'height',
    number
  >;
  await page.exposeOverlayRoot();
  await page.mouseMove(x + width / 2, y + height / 2);
  const shown = await waitForValue<string>(
    page,
    `(() => { const s = ${OVERLAY_EXPRESSION}; return JSON.parse(s).tooltip ? s : null; })()`,
    5_000,
  );
  return shown !== null;
}

function buildExtension(): void {
  console.log('Building the Chrome extension…');
  buildChromeExtension();
}

async function showHeadless(chromium: ChromiumSession, sample: Fixture): Promise<number> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const pageShot = join(OUTPUT_DIR, 'page.png');
  const popupShot = join(OUTPUT_DIR, 'popup.png');
  const panelShot = join(OUTPUT_DIR, 'panel.png');

  const page = await chromium.newPage();
  await page.goto(sample.pageUrl);
  const marker = await waitForValue<string>(
    page,
    `${MARKER_EXPRESSION} === 'report' ? 'report' : null`,
    ANALYSIS_TIMEOUT_MS,
  );
  if (marker !== null && !(await openFirstCard(page))) {
    console.warn('No card opened over a marked figure; the screenshot shows the marks alone.');
  }
  await page.screenshot(pageShot);
  if (marker === null) {
    console.error(
      `The extension did not mark the page as a report within ${ANALYSIS_TIMEOUT_MS / 1000} s ` +
        `(no <html data-ogi-lens="report">). Screenshot: ${relative(ROOT, pageShot)}`,
    );
    return 1;
  }
  // The panel as a reader opens it from its tab, with the legend of the marks unfolded.
  await openPanel(page);
  await clickOverlay(page, '[data-ogi-legend] summary');
  await page.screenshot(panelShot);

  const popup = await chromium.newPage(POPUP_VIEWPORT);
  await popup.openExtensionPage(chromium.popupUrl(`?url=${encodeURIComponent(sample.pageUrl)}`));
  const json = await waitForValue<string>(popup, popupSnapshotExpression([]), ANALYSIS_TIMEOUT_MS);
  await popup.screenshot(popupShot, { fullPage: true });
  if (json === null) {
    console.error(`The popup did not show the report. Screenshot: ${relative(ROOT, popupShot)}`);
    return 1;
  }
  const { state, fields, tableKinds } = JSON.parse(json) as PopupSnapshot;
  const findings = await popup.evaluate<number>(
    `document.querySelectorAll('section[data-findings] [data-finding]').length`,
  );
  console.log(`
Recognised (popup state: ${state})
  agency     ${fields.agency ?? '—'}
  year       ${fields.year ?? '—'}
  format     ${fields.templateName ?? fields.template ?? '—'}
  published  ${fields.publishedAt ?? '—'}
  tables     ${tableKinds.length}${tableKinds.length ? ` (${tableKinds.join(', ')})` : ''}
  findings   ${findings}

Screenshots
  ${relative(ROOT, pageShot)}
  ${relative(ROOT, panelShot)}
  ${relative(ROOT, popupShot)}`);
  return state === 'report' ? 0 : 1;
}

async function showInWindow(chromium: ChromiumSession, sample: Fixture): Promise<number> {
  const page = await chromium.newPage();
  await page.goto(sample.pageUrl);
  // Chromium opens with an empty tab of its own; leave only the report.
  for (const other of chromium.context.pages()) {
    if (other.url() === 'about:blank') await other.close();
  }
  console.log(`
Chromium is open on ${sample.pageUrl}
(served from test/fixtures/${sample.name}.html; every *.gov.cn address goes to the local server).
Click the OGI Lens toolbar button, or open the popup for this page in a tab:
  ${chromium.popupUrl(`?url=${encodeURIComponent(sample.pageUrl)}`)}
Press Ctrl-C to quit.`);
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
    chromium.context.once('close', () => resolveStop());
  });
  return 0;
}

async function main(): Promise<number> {
  const sample = pickDemoReport(loadFixtures());
  if (!sample) {
    console.error('No report fixture in test/fixtures to show.');
    return 1;
  }
  buildExtension();

  const headless = !process.env.DISPLAY;
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  try {
    server = await startFixtureServer([sample]);
    chromium = await launchChromium({
      extensionDir: EXTENSION_DIR,
      serverPort: server.port,
      headless,
      // In a window the demo waits for Ctrl-C itself, then cleans up.
      handleSignals: headless,
    });
    await speakChinese(chromium);
    console.log(`Sample report: test/fixtures/${sample.name}.html at ${sample.pageUrl}`);
    return headless ? await showHeadless(chromium, sample) : await showInWindow(chromium, sample);
  } finally {
    await chromium?.close();
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

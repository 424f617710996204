/**
 * The real-browser suite, run once per browser: every fixture page is opened
 * at its .gov.cn address with the built extension loaded, and checked the way
 * a user would see it — the marker on report pages, nothing at all on other
 * pages, and the popup showing what the fixture's author wrote down.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ANALYSER_MARKS, DETECT_MARKS } from '../../lib/content/marks';
import { showsExpectedValue } from './cell-text';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  POPUP_VIEWPORT,
  type Viewport,
  waitForValue,
} from './driver';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type ExpectedReport, type Fixture, loadFixtures, pickSampleReport } from './fixtures';
import {
  AFTER_PARSE_MUTATION_PROBE_SOURCE,
  MARKER_EXPRESSION,
  type MutationLog,
  type PopupSnapshot,
  popupSnapshotExpression,
  TAKE_MUTATIONS_EXPRESSION,
  unexplainedChanges,
} from './page-probe';

const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(ROOT, 'artifacts/screenshots');

/**
 * A report is analysed in well under a second; these only bound a hang, with
 * room for a loaded CI machine.
 */
const MARKER_TIMEOUT_MS = 20_000;
const POPUP_TIMEOUT_MS = 20_000;
/** How long a page that is not a report is left alone after load before it is inspected. */
const SETTLE_MS = 1_500;
/** Pages open at once: enough to overlap the waits, few enough for two cores. */
const CONCURRENCY = 3;

const sleep = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

/**
 * How often each of the content script's marks is in the page's timeline:
 * detection on every page; the request for the analyser and its injection
 * only where detection took the page for a report.
 */
const ANALYSER_TRAIL_EXPRESSION = `JSON.stringify(${JSON.stringify([
  DETECT_MARKS.end,
  ANALYSER_MARKS.requested,
  ANALYSER_MARKS.loaded,
])}.map((name) => performance.getEntriesByName(name).length))`;

async function analyserTrail(page: DriverPage): Promise<number[]> {
  return JSON.parse(await page.evaluate<string>(ANALYSER_TRAIL_EXPRESSION)) as number[];
}

/** Warns when the build is older than the code it is built from: a stale build tests old code. */
function warnIfBuildIsStale(extensionDir: string): void {
  const builtAt = statSync(join(extensionDir, 'manifest.json')).mtimeMs;
  const newestSource = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(path).map((entry) => newestSource(join(path, entry))));
  };
  const sources = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts'];
  if (Math.max(...sources.map((source) => newestSource(join(ROOT, source)))) > builtAt) {
    console.warn(`warning: ${extensionDir} is older than the sources; run \`npm run build\`.`);
  }
}

async function withPage<T>(
  browser: DriverBrowser,
  use: (page: DriverPage) => Promise<T>,
  viewport?: Viewport,
) {
  const page = await browser.newPage(viewport);
  try {
    return await use(page);
  } finally {
    await page.close().catch(() => {});
  }
}

async function openPopup(
  browser: DriverBrowser,
  page: DriverPage,
  pageUrl: string,
  keys: string[],
) {
  await page.openExtensionPage(browser.popupUrl(`?url=${encodeURIComponent(pageUrl)}`));
  const json = await waitForValue<string>(page, popupSnapshotExpression(keys), POPUP_TIMEOUT_MS);
  if (json === null) {
    const seen = await page.evaluate<string>('document.body ? document.body.innerText : ""');
    assert.fail(
      `the popup never left loading (no main[data-state] other than "loading") within ` +
        `${POPUP_TIMEOUT_MS} ms; it shows: ${JSON.stringify(seen.slice(0, 200))}`,
    );
  }
  return JSON.parse(json) as PopupSnapshot;
}

/** Every way the popup disagrees with the expected report, one line each. */
function popupMismatches(snapshot: PopupSnapshot, expected: ExpectedReport): string[] {
  const problems: string[] = [];
  const field = (name: string, want: string) => {
    const shown = snapshot.fields[name];
    if (shown !== want) problems.push(`${name}: shows ${JSON.stringify(shown)}, expected ${want}`);
  };
  field('agency', expected.agency);
  if (expected.year !== null) field('year', String(expected.year));
  field('template', expected.template);
  // Named in the UI's words (2019年版格式, 2019年以前的统计表), never by its id.
  const templateName = snapshot.fields.templateName;
  if (!templateName || templateName === expected.template) {
    problems.push(`template: shows ${JSON.stringify(templateName)}, not the format's name`);
  }
  if (expected.publishedAt !== null) field('publishedAt', expected.publishedAt);

  if (expected.tableKinds && snapshot.tableKinds.join(',') !== expected.tableKinds.join(',')) {
    problems.push(
      `tables: shows [${snapshot.tableKinds}], expected [${expected.tableKinds}] (data-table-kind in order)`,
    );
  }
  for (const [key, want] of Object.entries(expected.values)) {
    const cells = snapshot.cells[key] ?? [];
    if (cells.length === 0) problems.push(`${key}: no td[data-key] cell, expected ${want}`);
    for (const cell of cells) {
      if (!showsExpectedValue(cell.text, want)) {
        problems.push(
          `${key}: shows ${JSON.stringify(cell.text)}, expected ${want === null ? 'blank or dash' : want}`,
        );
      } else if (cell.unreadable) {
        problems.push(`${key}: marked unreadable but shows the expected ${want}`);
      }
    }
  }
  for (const key of expected.unreadable) {
    const cells = snapshot.cells[key] ?? [];
    if (cells.length === 0) problems.push(`${key}: no td[data-key] cell for an unreadable cell`);
    else if (!cells.every((cell) => cell.unreadable)) {
      problems.push(`${key}: not marked data-unreadable="true"`);
    }
  }
  return problems;
}

async function loadWatched(page: DriverPage, url: string): Promise<void> {
  await page.addInitScript(AFTER_PARSE_MUTATION_PROBE_SOURCE);
  await page.goto(url);
}

async function takeMutations(page: DriverPage): Promise<MutationLog> {
  const log = await page.evaluate<string | null>(TAKE_MUTATIONS_EXPRESSION);
  assert.ok(log, 'the mutation probe did not run in the page');
  return JSON.parse(log) as MutationLog;
}

async function checkReportPage(
  browser: DriverBrowser,
  fixture: Fixture,
  expected: ExpectedReport,
  takeScreenshots: boolean,
): Promise<void> {
  const screenshotPath = (what: string) => join(SCREENSHOT_DIR, `${browser.name}-${what}.png`);
  await withPage(browser, async (page) => {
    await page.goto(fixture.pageUrl);
    const marker = await waitForValue<string>(
      page,
      `${MARKER_EXPRESSION} === 'report' ? 'report' : null`,
      MARKER_TIMEOUT_MS,
    );
    if (takeScreenshots) await page.screenshot(screenshotPath('page'), { fullPage: true });
    assert.equal(
      marker,
      'report',
      `<html data-ogi-lens="report"> did not appear within ${MARKER_TIMEOUT_MS} ms`,
    );
    assert.deepEqual(
      await analyserTrail(page),
      [1, 1, 1],
      'detected once, the analyser asked for and injected once (detect:end, requested, loaded)',
    );

    // The report's tab stays open: the popup reports on a tab, not on a URL alone.
    await withPage(
      browser,
      async (popup) => {
        const keys = [...Object.keys(expected.values), ...expected.unreadable];
        const snapshot = await openPopup(browser, popup, fixture.pageUrl, keys);
        if (takeScreenshots) await popup.screenshot(screenshotPath('popup'), { fullPage: true });
        assert.equal(snapshot.state, 'report', 'popup state');
        const problems = popupMismatches(snapshot, expected);
        if (problems.length > 0) {
          assert.fail(
            `the popup differs from ${fixture.name}.expected.json:\n  ${problems.join('\n  ')}`,
          );
        }
      },
      POPUP_VIEWPORT,
    );
  });
}

async function checkUntouchedPage(
  browser: DriverBrowser,
  server: FixtureServer,
  fixture: Fixture,
  kind: 'listing' | 'none',
): Promise<void> {
  // The same bytes at an address outside *.gov.cn, where the content script
  // does not run, show what the page's own scripts change. Both copies load
  // and are read side by side, so timers in the page run equally long in each.
  const [page, baselinePage] = await Promise.all([browser.newPage(), browser.newPage()]);
  try {
    await Promise.all([
      loadWatched(page, fixture.pageUrl),
      loadWatched(baselinePage, `${server.origin}/fixtures/${fixture.name}.html`),
    ]);
    await sleep(SETTLE_MS);
    // The popup's answer also proves the content script has looked at the
    // page, so the DOM is read after the extension has certainly acted.
    const popupState = await withPage(
      browser,
      async (popup) => (await openPopup(browser, popup, fixture.pageUrl, [])).state,
      POPUP_VIEWPORT,
    ).catch((error: unknown) => error);
    const [withExtension, baseline] = await Promise.all([
      takeMutations(page),
      takeMutations(baselinePage),
    ]);

    assert.equal(await page.evaluate(MARKER_EXPRESSION), null, 'data-ogi-lens was set on <html>');
    // Detected, and no analyser asked for: the page paid for detection alone.
    assert.deepEqual(
      await analyserTrail(page),
      [1, 0, 0],
      'detect:end once, no analyser requested or injected',
    );
    const changes = unexplainedChanges(withExtension, baseline);
    if (changes.length > 0) {
      assert.fail(`DOM changes seen only with the extension:\n  ${changes.join('\n  ')}`);
    }
    if (popupState instanceof Error) throw popupState;
    assert.equal(popupState, kind, 'popup state');
  } finally {
    await Promise.all([page.close(), baselinePage.close()]).catch(() => {});
  }
}

/**
 * One browser with the extension and one fixture server for a describe block:
 * started before its tests, closed after them. `session()` hands them out.
 */
export function useBrowserSession<B extends DriverBrowser>(
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
  fixtures: readonly Fixture[],
): () => { browser: B; server: FixtureServer } {
  let server: FixtureServer | undefined;
  let browser: B | undefined;
  before(async () => {
    assert.ok(
      existsSync(join(extensionDir, 'manifest.json')),
      `no build in ${extensionDir}: run \`npm run build\` first`,
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startFixtureServer(fixtures);
    browser = await launch({ extensionDir, serverPort: server.port });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    assert.ok(browser && server, 'the browser did not start');
    return { browser, server };
  };
}

export function defineBrowserSuite(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<DriverBrowser>,
): void {
  const fixtures = loadFixtures();
  const sample = pickSampleReport(fixtures);

  describe(`${browserName} with the built extension`, { concurrency: CONCURRENCY }, () => {
    warnIfBuildIsStale(extensionDir);
    const session = useBrowserSession(extensionDir, launch, fixtures);

    test('there are fixtures to test', () => {
      assert.ok(fixtures.length > 0, 'test/fixtures holds no *.html fixture');
    });

    test('the popup page opens', async () => {
      const { browser } = session();
      await withPage(
        browser,
        async (page) => {
          await page.openExtensionPage(browser.popupUrl(''));
          const text = await waitForValue<string>(
            page,
            `document.body && document.body.innerText.trim() || null`,
            POPUP_TIMEOUT_MS,
          );
          assert.ok(text, 'the popup rendered nothing');
        },
        POPUP_VIEWPORT,
      );
    });

    test('the popup and options pages show their text at its designed size, in a CJK font (Chinese) or a Latin one falling back to it (English)', async () => {
      const { browser } = session();
      // The browser's own style for extension pages (Chromium: 75 % and its system font) must not win.
      const designed = [
        { url: browser.popupUrl(''), size: '13px' },
        { url: browser.popupUrl('').replace('popup.html', 'options.html'), size: '14px' },
      ];
      for (const { url, size } of designed) {
        await withPage(
          browser,
          async (page) => {
            await page.openExtensionPage(url);
            const json = await waitForValue<string>(
              page,
              `(() => {
                const text = document.querySelector('main p, main h2, main li');
                if (!text) return null;
                const root = document.documentElement;
                const shown = root.lang;
                // The page's stylesheet in each language the UI speaks, whichever it speaks now.
                const styles = ['zh-CN', 'en'].map((lang) => {
                  root.lang = lang;
                  const style = getComputedStyle(document.querySelector('main'));
                  return { lang, size: style.fontSize, family: style.fontFamily };
                });
                root.lang = shown;
                return JSON.stringify(styles);
              })()`,
              POPUP_TIMEOUT_MS,
            );
            assert.ok(json, `${url} rendered no text`);
            const styles = JSON.parse(json) as { lang: string; size: string; family: string }[];
            for (const { lang, size: actual, family } of styles) {
              assert.equal(actual, size, `${url} (${lang}): text at ${actual}, designed ${size}`);
              // In English a CJK face first would set ’ “ ” full-width; Chinese text still finds it.
              assert.match(
                family,
                lang === 'en' ? /^system-ui, .*"?Noto Sans CJK SC/ : /^"?Noto Sans CJK SC/,
                `${url} (${lang}): font ${family}`,
              );
            }
          },
          POPUP_VIEWPORT,
        );
      }
    });

    // Pages whose tables arrive after load (dyn-*) differ from their saved HTML by design;
    // the annotation suite checks them once the tables are there.
    for (const fixture of fixtures.filter((f) => !f.name.startsWith('dyn-'))) {
      const { expected } = fixture;
      if (expected.kind === 'report') {
        test(`${fixture.name}: report is marked and the popup shows it`, () =>
          checkReportPage(session().browser, fixture, expected.report, fixture === sample));
      } else {
        test(`${fixture.name}: ${expected.kind} page is left untouched`, () => {
          const { browser, server } = session();
          return checkUntouchedPage(browser, server, fixture, expected.kind);
        });
      }
    }
  });
}

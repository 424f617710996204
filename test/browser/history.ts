/**
 * The history as a reader depends on it, once per browser: a page on another
 * .gov.cn portal that names the same agency and year does not change the
 * year-over-year result of the genuine portal's next report; and a history
 * database left by a newer version of the extension leaves the pages
 * analysed, says so on the options page, and "delete all" brings the
 * history back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { recordId } from '../../lib/background/history-store';
import { runChecks } from '../../lib/checks/run';
import { portalOfUrl } from '../../lib/page/portal';
import { popupMismatches, readPopup } from './annotate';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
} from './driver';
import { expectedForFile } from './expected-marks';
import { type Fixture, fixtureNamed, loadFixtures } from './fixtures';
import {
  clearHistory,
  clickOverlay,
  clickPageElement,
  openOptions,
  openReport,
  waitFor,
  waitForHistory,
  withPage,
} from './interact';
import { useBrowserSession } from './suite';

const BASE = 'chk-yoy-base-2022';
/** The same agency's 2023 report whose carry-over matches BASE: no year-over-year error. */
const NEXT = 'chk-yoy-clean-2023';
/** Its tables, under a 2022 title: what another portal could publish in the agency's name. */
const IMPOSTOR_SOURCE = 'chk-yoy-broken-2023';
const IMPOSTOR_URL = 'http://www.elsewhere.gov.cn/art/2023/1/16/impostor-2022.html';

/**
 * The impostor page, written once for the suite: IMPOSTOR_SOURCE with its
 * year changed in the title and text (never in the tables), served by the
 * fixture server at another portal.
 */
function impostorFixture(fixtures: readonly Fixture[], dir: string): Fixture {
  const source = fixtures.find((f) => f.name === IMPOSTOR_SOURCE);
  assert.ok(source, `fixture ${IMPOSTOR_SOURCE} is missing`);
  const htmlPath = join(dir, 'impostor-2022.html');
  writeFileSync(htmlPath, readFileSync(source.htmlPath, 'utf8').replaceAll('2023年', '2022年'));
  const expected = source.expected;
  assert.equal(expected.kind, 'report');
  return {
    name: 'impostor-2022',
    htmlPath,
    expected: { ...expected, url: IMPOSTOR_URL },
    pageUrl: IMPOSTOR_URL,
  };
}

const yoyErrors = (findings: readonly { family: string; severity: string }[]) =>
  findings.filter((f) => f.family === 'yearOverYear' && f.severity === 'error');

const optionsUrl = (browser: DriverBrowser) =>
  browser.popupUrl('').replace(/popup\.html$/, 'options.html');

/**
 * Upgrades the history database past this version, as a newer version of
 * the extension would, from an extension page (same origin as the
 * background). The background's open connection closes itself on the
 * versionchange event, so the upgrade is not blocked.
 */
const UPGRADE_PAST_US = `new Promise((resolve) => {
  const request = indexedDB.open('ogi-lens', 1000);
  request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
  request.onsuccess = () => { request.result.close(); resolve('upgraded'); };
  request.onerror = () => resolve('failed: ' + request.error);
})`;

const UNAVAILABLE_NOTE = `(() => {
  const note = document.querySelector('[data-history-unavailable]');
  const all = document.querySelector('button[data-action="delete-all"]');
  return note ? JSON.stringify({ reason: note.getAttribute('data-history-unavailable'),
    text: note.textContent, deleteAllDisabled: !!(all && all.disabled) }) : null;
})()`;

/** Reads the closed root that openReport exposed to the test (page script has no way to it). */
const PANEL_SAYS_UNAVAILABLE = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  if (!root || !root.querySelector('[data-ogi-panel]')) return null;
  const note = root.querySelector('[data-ogi-history-unavailable]');
  if (note) return note.textContent;
  const toggle = root.querySelector('[data-action="collapse"]');
  return toggle && toggle.getAttribute('aria-expanded') === 'false' ? 'collapsed' : 'absent';
})()`;

async function panelNote(page: DriverPage): Promise<string> {
  let note = await waitFor<string>(page, PANEL_SAYS_UNAVAILABLE, 'the panel');
  if (note === 'collapsed') {
    await clickOverlay(page, '[data-action="collapse"]');
    note = await waitFor<string>(page, PANEL_SAYS_UNAVAILABLE, 'the panel opening');
  }
  return note;
}

export function defineHistorySuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const byName = (name: string): Fixture => fixtureNamed(fixtures, name);
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lens-history-'));
  const impostor = impostorFixture(fixtures, dir);

  describe(`${browserName}: the history`, { concurrency: false }, () => {
    after(() => rmSync(dir, { recursive: true, force: true }));
    const session = useBrowserSession(extensionDir, launch, [...fixtures, impostor]);

    test("a page on another portal naming the same agency and year does not change the genuine portal's next report", async () => {
      const { browser } = session();
      const base = byName(BASE);
      const next = byName(NEXT);
      const baseReport = (await expectedForFile(base.htmlPath, base.pageUrl)).report;
      const impostorReport = (await expectedForFile(impostor.htmlPath, impostor.pageUrl)).report;
      assert.equal(impostorReport.identity.agency, baseReport.identity.agency);
      assert.equal(impostorReport.identity.year, 2022);
      const expected = await expectedForFile(next.htmlPath, next.pageUrl, [baseReport]);
      assert.deepEqual(yoyErrors(expected.findings), [], `${NEXT} should agree with ${BASE}`);
      // What the reader would see had the impostor replaced the genuine record.
      const nextReport = expected.report;
      assert.ok(
        yoyErrors(runChecks(nextReport, impostorReport)).length > 0,
        'the impostor would not change the year-over-year result: the test would prove nothing',
      );

      await clearHistory(browser);
      await withPage(browser, (page) => openReport(page, base.pageUrl));
      await withPage(browser, (page) => openReport(page, impostor.pageUrl));
      await withPage(browser, async (page) => {
        await openReport(page, next.pageUrl);
        const popup = await readPopup(browser, next.pageUrl);
        const problems = popupMismatches(popup, expected.findings);
        if (problems.length > 0) assert.fail(problems.join('\n'));
        assert.deepEqual(
          popup.findings.filter((f) => f.rule.startsWith('yoy.') && f.severity === 'error'),
          [],
          'year-over-year errors against another portal’s report',
        );
        // Last year's column is the genuine report's.
        assert.equal(
          popup.yoyRows['t3.new.total']?.[1],
          String(baseReport.values['t3.new.total']),
          'the previous year is not the genuine portal’s report',
        );
      });

      // Each portal keeps its own record of the agency's 2022 report.
      const { agency } = baseReport.identity;
      const genuine = portalOfUrl(base.pageUrl) ?? '';
      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        await waitForHistory(options, [
          recordId(genuine, agency, 2022),
          recordId(genuine, agency, 2023),
          recordId('elsewhere.gov.cn', agency, 2022),
        ]);
      });
    });

    test('a database from a newer version: pages are still analysed, the options page says so, and "delete all" brings the history back', async () => {
      const { browser } = session();
      const base = byName(BASE);
      await clearHistory(browser);
      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        assert.equal(await options.evaluate<string>(UPGRADE_PAST_US), 'upgraded');
      });

      await withPage(browser, async (page) => {
        await openReport(page, base.pageUrl);
        const note = await panelNote(page);
        assert.notEqual(note, 'absent', 'the panel does not say the history is unavailable');
      });

      await withPage(browser, async (options) => {
        await options.openExtensionPage(optionsUrl(browser));
        const shown = JSON.parse(
          await waitFor<string>(options, UNAVAILABLE_NOTE, 'the unavailable history note'),
        ) as { reason: string; text: string; deleteAllDisabled: boolean };
        assert.equal(shown.reason, 'newerVersion');
        assert.ok(shown.text.trim().length > 0, 'the note is empty');
        assert.equal(shown.deleteAllDisabled, false, '"delete all" is disabled');
        await clickPageElement(options, 'button[data-action="delete-all"]');
        // An empty list (not merely no entries: the unavailable state lists none either).
        await waitFor(
          options,
          `document.querySelector('[data-history-unavailable]') === null && document.querySelector('[data-history-empty]') ? true : null`,
          'the history emptied, the note gone',
        );
      });

      // History works again.
      await withPage(browser, (page) => openReport(page, base.pageUrl));
      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        const { agency } = (await expectedForFile(base.htmlPath, base.pageUrl)).report.identity;
        await waitForHistory(options, [recordId(portalOfUrl(base.pageUrl) ?? '', agency, 2022)]);
      });
    });
  });
}

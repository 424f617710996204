/**
 * One-click export, tested the way a journalist uses it, once per browser:
 * from the in-page panel and from the popup, each format is saved through the
 * browser's downloads under its `{机构}-{年度}-年报核查` name, and what it holds
 * equals what the command line builds from the same page (the same report,
 * findings and text hash); the chosen format is remembered.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { findPrevious, runChecks } from '../../lib/checks/run';
import { reportCsv } from '../../lib/export/csv';
import { exportFileName } from '../../lib/export/filename';
import { ReportExportSchema, reportExportEntry } from '../../lib/export/json';
import { reportMemo } from '../../lib/export/memo';
import { reportText } from '../../lib/export/report-text';
import { sha256Hex } from '../../lib/export/sha256';
import type { ExportFormat } from '../../lib/export/types';
import { writeWorkbook } from '../../lib/export/xlsx/workbook';
import { extractReport } from '../../lib/extract';
import type { Finding, Report } from '../../lib/model/report';
import { parsePage } from '../../scripts/cli/analyse-file';
import { readWorkbook, type WorkbookDump } from '../support/xlsx-reader';
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
  openPanel,
  openReport,
  waitFor,
  withPage,
} from './interact';
import { useBrowserSession } from './suite';

/** A page with errors, warnings and marked cells in a 2021-format table. */
const EXPORT_PAGE = 'chk-identity-culprit';

export interface CommandLineView {
  report: Report;
  findings: Finding[];
  textSha256: string;
}

/** The same page read by the command line's code, without history (the tests clear it). */
async function commandLineView(fixture: Fixture): Promise<CommandLineView> {
  const doc = parsePage(await readFile(fixture.htmlPath), fixture.pageUrl);
  const { report } = extractReport(doc, fixture.pageUrl);
  const findings = runChecks(report, findPrevious(report, []));
  return { report, findings, textSha256: await sha256Hex(reportText(doc)) };
}

/**
 * Chooses a format in a menu with the keyboard, as a user does: the menu acts
 * only on trusted events, so a script's `change` would be ignored. The
 * <select> gets the focus, then the arrow keys step to the format (a closed
 * <select> changes, and fires `change`, on each step).
 */
export async function chooseFormat(
  page: DriverPage,
  rootExpression: string,
  format: ExportFormat,
): Promise<void> {
  const selectIn = `((root) => root && root.querySelector('select[data-export-format]'))(${rootExpression})`;
  const steps = await waitFor<number>(
    page,
    `(() => {
      const select = ${selectIn};
      if (!select) return null;
      select.focus();
      if (select.ownerDocument.activeElement === null) return null;
      return Array.from(select.options).findIndex((o) => o.value === ${JSON.stringify(format)}) - select.selectedIndex;
    })()`,
    'the export menu',
  );
  for (let i = 0; i < Math.abs(steps); i++) await page.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  await waitFor(
    page,
    `(() => { const select = ${selectIn}; return select && select.value === ${JSON.stringify(format)} ? true : null; })()`,
    `the export menu showing ${format}`,
  );
}

export const OVERLAY_ROOT = `(window.${OVERLAY_ROOT_GLOBAL} || null)`;
export const exportStatusIn = (rootExpression: string) => `(() => {
  const root = ${rootExpression};
  const status = root && root.querySelector('[data-export-status]');
  if (!status) return null;
  const kind = status.getAttribute('data-export-status');
  return kind === 'done' || kind === 'failed' ? JSON.stringify({ kind, text: status.textContent }) : null;
})()`;
const selectedFormatIn = (rootExpression: string) => `(() => {
  const root = ${rootExpression};
  const select = root && root.querySelector('select[data-export-format]');
  return select ? select.value : null;
})()`;

/** The retrieval time a memo states, in Beijing time to the minute, as an instant. */
function beijingTimeIn(text: string): string {
  const match = /获取时间: (\d{4}-\d\d-\d\d) (\d\d:\d\d) 北京时间/.exec(text);
  assert.ok(match, 'the memo names no retrieval time in Beijing time');
  return new Date(`${match[1]}T${match[2]}:00+08:00`).toISOString();
}

export async function assertSameAsCommandLine(
  format: ExportFormat,
  bytes: Buffer,
  view: CommandLineView,
): Promise<void> {
  const text = bytes.toString('utf8');
  switch (format) {
    case 'csv': {
      // Every row states when the page was read, in Beijing time with its offset.
      const stated = /,(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00),/.exec(text);
      assert.ok(stated?.[1], 'the CSV states no retrieval time');
      const retrievedAt = new Date(stated[1]).toISOString();
      assert.equal(text, reportCsv(view.report, view.findings, { retrievedAt }));
      return;
    }
    case 'json': {
      const exported = ReportExportSchema.parse(JSON.parse(text));
      const expected = reportExportEntry(view.report, view.findings, {
        retrievedAt: exported.retrievedAt,
      });
      assert.deepEqual(exported, expected);
      return;
    }
    case 'md': {
      const options = { retrievedAt: beijingTimeIn(text), textSha256: view.textSha256 };
      assert.equal(text, reportMemo(view.report, view.findings, options));
      return;
    }
    case 'xlsx': {
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'not a zip container');
      const saved = await readWorkbook(bytes);
      const retrievedAt = retrievedAtOf(saved);
      const expected = await readWorkbook(
        Buffer.from(
          writeWorkbook({
            report: view.report,
            findings: view.findings,
            previous: null,
            retrievedAt,
            textSha256: view.textSha256,
          }),
        ),
      );
      assert.deepEqual(saved, expected);
      return;
    }
  }
}

/** The summary sheet's retrieval time: the one figure a second export cannot share. */
function retrievedAtOf(workbook: WorkbookDump): string {
  const summary = workbook.sheets[0];
  assert.ok(summary, 'the workbook has no sheets');
  const cell = summary.cells.find(
    (candidate) => typeof candidate.value === 'string' && /^\d{4}-\d\d-\d\dT/.test(candidate.value),
  );
  assert.ok(cell && typeof cell.value === 'string', 'the summary sheet shows no retrieval time');
  return cell.value;
}

export async function exportFromPanel(page: DriverPage, format: ExportFormat): Promise<void> {
  // The menu is in the open panel, which starts folded where the report leaves no side free.
  await openPanel(page);
  await chooseFormat(page, OVERLAY_ROOT, format);
  await clickOverlay(page, '[data-action="export"]');
}

export function defineExportSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const fixture = fixtureNamed(fixtures, EXPORT_PAGE);

  describe(`${browserName}: export`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, fixtures);

    test('the panel saves each format, equal to what the command line builds, and remembers the choice', async () => {
      const { browser } = session();
      const view = await commandLineView(fixture);
      await clearHistory(browser);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        for (const format of ['csv', 'json', 'md', 'xlsx'] as const) {
          await clearDownloads(browser.downloadDir);
          await exportFromPanel(page, format);
          const filename = exportFileName(view.report, format);
          const bytes = await waitForDownload(browser.downloadDir, filename);
          const status = JSON.parse(
            await waitFor<string>(page, exportStatusIn(OVERLAY_ROOT), 'the export status'),
          ) as { kind: string; text: string };
          assert.equal(status.kind, 'done', status.text);
          assert.ok(status.text.includes(filename), `the panel does not name ${filename}`);
          await assertSameAsCommandLine(format, bytes, view);
        }
      });
      // The last choice (the workbook) is what the panel offers on the next visit.
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await openPanel(page);
        assert.equal(
          await waitFor<string>(page, selectedFormatIn(OVERLAY_ROOT), 'the export menu'),
          'xlsx',
        );
      });
    });

    test('a page under a strict CSP, and one with markup in its text, export as the command line builds them', async () => {
      const { browser } = session();
      for (const name of ['hostile-csp-2023', 'hostile-markup-2023']) {
        const hostile = fixtureNamed(fixtures, name);
        const view = await commandLineView(hostile);
        await clearHistory(browser);
        await withPage(browser, async (page) => {
          await openReport(page, hostile.pageUrl);
          for (const format of ['csv', 'xlsx'] as const) {
            await clearDownloads(browser.downloadDir);
            await exportFromPanel(page, format);
            const bytes = await waitForDownload(
              browser.downloadDir,
              exportFileName(view.report, format),
            );
            await assertSameAsCommandLine(format, bytes, view);
          }
          assert.equal(
            await page.evaluate<string>('String(window.__ogiPwned)'),
            'undefined',
            'a payload in the page text ran',
          );
        });
      }
    });

    test('the popup saves the tab’s report in the chosen format', async () => {
      const { browser } = session();
      const view = await commandLineView(fixture);
      await clearHistory(browser);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await withPage(
          browser,
          async (popup) => {
            await popup.openExtensionPage(
              browser.popupUrl(`?url=${encodeURIComponent(fixture.pageUrl)}`),
            );
            for (const format of ['json', 'xlsx'] as const) {
              await clearDownloads(browser.downloadDir);
              await chooseFormat(popup, 'document', format);
              await clickPageElement(popup, 'button[data-action="export"]');
              const filename = exportFileName(view.report, format);
              const bytes = await waitForDownload(browser.downloadDir, filename);
              const status = JSON.parse(
                await waitFor<string>(popup, exportStatusIn('document'), 'the export status'),
              ) as { kind: string; text: string };
              assert.equal(status.kind, 'done', status.text);
              await assertSameAsCommandLine(format, bytes, view);
            }
          },
          POPUP_VIEWPORT,
        );
      });
    });
  });
}

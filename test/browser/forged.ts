/**
 * Forged messages, once per browser: a page script tries every channel it
 * has to hand the extension a report (the runtime API, window messages, DOM
 * events) and an extension page sends one as if it were a content script;
 * none of them reaches the history, which still takes the real visit.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { recordId } from '../../lib/background/history-store';
import { extractReport } from '../../lib/extract';
import type { Report } from '../../lib/model/report';
import { portalOfUrl } from '../../lib/page/portal';
import { parsePage } from '../../scripts/cli/analyse-file';
import type { DriverBrowser, LaunchOptions } from './driver';
import { loadFixtures } from './fixtures';
import {
  clearHistory,
  HISTORY_IDS_EXPRESSION,
  openOptions,
  openReport,
  waitForHistory,
  withPage,
} from './interact';
import { useBrowserSession } from './suite';

const REAL_PAGE = 'chk-identity-culprit';
const FORGED_AGENCY = '伪造机构';
const FORGED_YEAR = 2099;

/** A report that is valid in every field: refused only for who sends it. */
async function forgedReport(htmlPath: string, url: string): Promise<Report> {
  const { report } = extractReport(parsePage(await readFile(htmlPath), url), url);
  return { ...report, identity: { ...report.identity, agency: FORGED_AGENCY, year: FORGED_YEAR } };
}

/** Everything a page's own script can try; resolves with what it could reach. */
function pageAttempts(message: unknown): string {
  return `(async () => {
    const message = ${JSON.stringify(message)};
    const tried = [];
    const runtime = (window.chrome && window.chrome.runtime) || (window.browser && window.browser.runtime);
    if (runtime && typeof runtime.sendMessage === 'function') {
      tried.push('runtime');
      try { await runtime.sendMessage(message); } catch (error) { tried.push('runtime refused'); }
    }
    window.postMessage(message, '*');
    window.postMessage(JSON.stringify(message), '*');
    document.dispatchEvent(new CustomEvent('ogi-lens', { detail: message }));
    tried.push('postMessage', 'event');
    await new Promise((resolve) => setTimeout(resolve, 500));
    return JSON.stringify(tried);
  })()`;
}

/** An extension page posing as a content script. */
function extensionPageAttempt(message: unknown): string {
  return `(async () => {
    const api = globalThis.browser || globalThis.chrome;
    try {
      const answer = await api.runtime.sendMessage(${JSON.stringify(message)});
      return JSON.stringify({ answer: answer === undefined ? null : answer });
    } catch (error) {
      return JSON.stringify({ refused: String(error && error.message) });
    }
  })()`;
}

export function defineForgedSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const fixture = fixtures.find((f) => f.name === REAL_PAGE);
  assert.ok(fixture, `fixture ${REAL_PAGE} is missing`);

  describe(`${browserName}: forged messages`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, fixtures);

    test('neither a page script nor an extension page can put a report into the history', async () => {
      const { browser } = session();
      const message = {
        type: 'analysed',
        report: await forgedReport(fixture.htmlPath, fixture.pageUrl),
      };
      await clearHistory(browser);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        await page.evaluate<string>(pageAttempts(message));
      });
      await withPage(browser, async (options) => {
        await openOptions(browser, options);
        const answer = JSON.parse(
          await options.evaluate<string>(extensionPageAttempt(message)),
        ) as {
          answer?: unknown;
          refused?: string;
        };
        assert.ok(
          answer.refused !== undefined || answer.answer === null,
          `the background answered a forged analysis: ${JSON.stringify(answer)}`,
        );
        // Reload the list: only the real visit is there.
        await options.openExtensionPage(
          browser.popupUrl('').replace(/popup\.html$/, 'options.html'),
        );
        const real = fixture.expected.kind === 'report' ? fixture.expected.report : null;
        assert.ok(real && real.year !== null);
        await waitForHistory(options, [
          recordId(portalOfUrl(fixture.pageUrl) ?? '', real.agency, real.year),
        ]);
        const ids = await options.evaluate<string>(HISTORY_IDS_EXPRESSION);
        assert.ok(!ids.includes(FORGED_AGENCY), `a forged report reached the history: ${ids}`);
      });
    });
  });
}

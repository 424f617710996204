/**
 * What the browser suites do the way a user does: open a report and wait for
 * the extension's marker, click in the overlay or on a page, open the options
 * page, empty the history.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overlayElementRect, type Rect } from './annotate-probe';
import {
  type DriverBrowser,
  type DriverPage,
  OVERLAY_HOST_EXPRESSION,
  OVERLAY_ROOT_GLOBAL,
  waitForValue,
} from './driver';
import { MARKER_EXPRESSION } from './page-probe';

/** Bounds on a hang, not expectations of speed: a loaded CI machine is slow. */
export const MARKER_TIMEOUT_MS = 20_000;
export const UI_TIMEOUT_MS = 10_000;

export async function withPage<T>(
  browser: DriverBrowser,
  use: (page: DriverPage) => Promise<T>,
  viewport?: { width: number; height: number },
): Promise<T> {
  const page = await browser.newPage(viewport);
  try {
    return await use(page);
  } finally {
    await page.close().catch(() => {});
  }
}

export async function waitFor<T>(page: DriverPage, expression: string, what: string): Promise<T> {
  const value = await waitForValue<T>(page, expression, UI_TIMEOUT_MS);
  if (value === null) assert.fail(`${what} did not happen within ${UI_TIMEOUT_MS} ms`);
  return value;
}

/**
 * Opens a report and waits for the marker; then, unless told not to, exposes
 * the overlay's closed root to the page's main world for the probes (see
 * DriverPage.exposeOverlayRoot). The overlay is mounted before the marker is set.
 */
export async function openReport(
  page: DriverPage,
  url: string,
  options: { expose?: boolean } = {},
): Promise<void> {
  await page.goto(url);
  const marker = await waitForValue<string>(
    page,
    `${MARKER_EXPRESSION} === 'report' ? 'report' : null`,
    MARKER_TIMEOUT_MS,
  );
  assert.equal(marker, 'report', `<html data-ogi-lens="report"> did not appear on ${url}`);
  if (options.expose ?? true) await exposeOverlay(page);
}

/** Exposes the overlay's closed root to the probes; fails when the page has no overlay. */
export async function exposeOverlay(page: DriverPage): Promise<void> {
  assert.equal(
    await page.exposeOverlayRoot(),
    true,
    'no <div data-ogi-lens-root> with a shadow root on <html>',
  );
}

/** True when the panel is folded to its tab and `selector` matches nothing in the overlay. */
const foldedWithout = (selector: string) => `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  const toggle = root && root.querySelector('[data-action="collapse"]');
  return !!toggle && toggle.getAttribute('aria-expanded') === 'false' &&
    !root.querySelector(${JSON.stringify(selector)});
})()`;

/** Opens the panel with a click on its tab when it starts folded (where the report leaves no side free). */
export async function openPanel(page: DriverPage): Promise<void> {
  const folded = `(() => { const root = window.${OVERLAY_ROOT_GLOBAL} || null;
    const toggle = root && root.querySelector('[data-action="collapse"]');
    return toggle ? toggle.getAttribute('aria-expanded') === 'false' : null; })()`;
  if (
    (await waitFor<boolean>(page, `${folded} === null ? null : true`, 'the panel')) &&
    (await page.evaluate<boolean>(folded))
  ) {
    await clickOverlay(page, '[data-action="collapse"]');
    await waitFor(page, `${folded} === false ? true : null`, 'the panel opening from its tab');
  }
}

/**
 * Clicks an element of the overlay's shadow root with the mouse (a trusted
 * click). A control of the panel while the panel is folded to its tab (its
 * default where the report leaves no side free) is reached as a reader
 * would: the tab is clicked first.
 */
export async function clickOverlay(page: DriverPage, selector: string): Promise<void> {
  if (await page.evaluate<boolean>(foldedWithout(selector))) {
    await clickOverlay(page, '[data-action="collapse"]');
  }
  const rect = JSON.parse(
    await waitFor<string>(page, overlayElementRect(selector), `${selector} in the overlay`),
  ) as Rect;
  await page.mouseClick(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/** Opens the options page with confirmations accepted (a test cannot answer a dialog). */
export async function openOptions(browser: DriverBrowser, page: DriverPage): Promise<void> {
  await page.openExtensionPage(browser.popupUrl('').replace(/popup\.html$/, 'options.html'));
  await waitFor(
    page,
    `document.querySelector('button[data-action="delete-all"]') ? true : null`,
    'the options page',
  );
  await page.evaluate('(window.confirm = () => true, true)');
}

export const HISTORY_IDS_EXPRESSION = `JSON.stringify(Array.from(document.querySelectorAll('[data-history-entry]')).map((el) => el.getAttribute('data-history-entry')))`;

/** Waits until the options page lists exactly `ids` (in any order). */
export async function waitForHistory(page: DriverPage, ids: string[]): Promise<void> {
  const want = JSON.stringify([...ids].sort());
  const seen = await waitForValue<string>(
    page,
    `(() => { const ids = JSON.parse(${HISTORY_IDS_EXPRESSION}).sort(); return JSON.stringify(ids) === ${JSON.stringify(want)} ? 'ok' : null; })()`,
    UI_TIMEOUT_MS,
  );
  if (seen === null) {
    const shown = await page.evaluate<string>(HISTORY_IDS_EXPRESSION).catch(() => '?');
    assert.fail(`the options page lists ${shown}, expected ${want}`);
  }
}

/** Empties the history through the options page, so a page is checked without a previous year. */
export async function clearHistory(browser: DriverBrowser): Promise<void> {
  await withPage(browser, async (options) => {
    await openOptions(browser, options);
    await clickPageElement(options, 'button[data-action="delete-all"]');
    // Seen twice on a loaded CI machine (Chromium once, Firefox once): a click landing while the
    // page's first history request is in flight left the list unchanged. The options page now
    // applies only the latest answer; until the cause is confirmed, the set-up clicks once more
    // rather than fail an unrelated test. The options test itself still clicks only once.
    await waitForHistory(options, []).catch(async () => {
      await clickPageElement(options, 'button[data-action="delete-all"]');
      await waitForHistory(options, []);
    });
  });
}

export async function clickPageElement(page: DriverPage, selector: string): Promise<void> {
  const json = await waitFor<string>(
    page,
    `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return null; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height }); })()`,
    selector,
  );
  const rect = JSON.parse(json) as Rect;
  await page.mouseClick(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/** An element of the exposed closed root (tests only), as JSON of its box and text; null while absent. */
export const inOverlay = (selector: string) => `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  const el = root && root.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent });
})()`;

export interface Shown {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** Exposes the closed root once its host is on the page (the bar comes once the page has settled). */
export async function exposeWhenThere(page: DriverPage): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await page.exposeOverlayRoot().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('no closed root on the page');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const overlaps = (a: Shown, b: Shown) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The box of `selector` in a page's bar (components/SideBar.tsx, `name` its
 * kind): opened first with the reader's click where it is folded to its tab.
 */
export async function barControl(
  page: DriverPage,
  name: 'pdf' | 'column',
  selector: string,
  what: string,
): Promise<Shown> {
  await waitFor(page, inOverlay(`[data-ogi-${name}-bar]`), `the ${name} bar`);
  const opener = `[data-action="open-${name}-bar"]`;
  if ((await page.evaluate<string | null>(inOverlay(opener))) !== null) {
    await clickOverlay(page, opener);
  }
  return JSON.parse(await waitFor<string>(page, inOverlay(selector), what)) as Shown;
}

/**
 * What a page script can do to a control of the closed root at `at`: click
 * whatever is at its place (the root's host), dispatch a click on the host
 * and call its `click()`; and, were it to reach the root, click the control
 * itself. None of it is a trusted event.
 */
export async function scriptClicks(page: DriverPage, at: Shown, selector: string): Promise<void> {
  const x = at.x + at.width / 2;
  const y = at.y + at.height / 2;
  const control = `window.${OVERLAY_ROOT_GLOBAL}.querySelector(${JSON.stringify(selector)})`;
  await page.evaluate(`(() => {
    const at = document.elementFromPoint(${x}, ${y});
    at && at.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: ${x}, clientY: ${y} }));
    const host = ${OVERLAY_HOST_EXPRESSION};
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: ${x}, clientY: ${y} }));
    host.click();
    ${control}.click();
    ${control}.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return true;
  })()`);
}

/** Turns one of the options page's switches on or off, and waits until a fresh options page reads it back. */
export async function setSwitch(
  browser: DriverBrowser,
  setting: 'findPreviousYear' | 'listingBar',
  on: boolean,
): Promise<void> {
  const box = `document.querySelector('input[data-setting="${setting}"]')`;
  await withPage(browser, async (options) => {
    await openOptions(browser, options);
    await options.evaluate(`(() => {
      const box = ${box};
      if (box.checked !== ${on}) box.click();
      return true;
    })()`);
  });
  await withPage(browser, async (options) => {
    await openOptions(browser, options);
    await waitFor(options, `${box}.checked === ${on} ? true : null`, 'the option stored');
  });
}

/** Sets the UI language in the options page; the next report opened speaks it. */
export async function setLanguage(browser: DriverBrowser, language: 'zh_CN' | 'en'): Promise<void> {
  await withPage(browser, async (options) => {
    await openOptions(browser, options);
    await options.evaluate(`(() => {
      const select = document.querySelector('select[data-setting="language"]');
      select.value = ${JSON.stringify(language)};
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    // The options page speaks the language once it is stored.
    const heading = (
      JSON.parse(
        readFileSync(join('public/_locales', language, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>
    ).opt_languageHeading?.message;
    await waitFor(
      options,
      `(document.getElementById('language-heading') || {}).textContent === ${JSON.stringify(heading)} ? true : null`,
      'the language setting',
    );
  });
}

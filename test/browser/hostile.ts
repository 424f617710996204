/**
 * Hostile pages, once per browser: page text that carries markup and script,
 * a page theme that resets and hides everything with `!important`, and a
 * strict Content-Security-Policy. On each, no payload runs, the marker and
 * the marks appear, the panel and a tooltip render on top of the page with
 * their own styles and the page's text as plain text, the popup shows that
 * text as text, and the page's own controls still work.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import type { Rect } from './annotate-probe';
import { clearDownloads } from './downloads';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_ROOT_GLOBAL,
  POPUP_VIEWPORT,
} from './driver';
import type { FixtureServer } from './fixture-server';
import { type Fixture, fixtureNamed, loadFixtures } from './fixtures';
import {
  clearHistory,
  clickOverlay,
  clickPageElement,
  exposeOverlay,
  openPanel,
  openReport,
  waitFor,
  withPage,
} from './interact';
import { useBrowserSession } from './suite';

const MARKUP_PAGE = 'hostile-markup-2023';
/** chk-yoy-broken-2023 with a page script that goes after the UI (see the fixture's comment). */
const UI_PAGE = 'hostile-ui-2023';
/** Last year's report of UI_PAGE's agency: with it cached, the UI holds history. */
const UI_PAGE_BASE = 'chk-yoy-base-2022';
const CSS_PAGE = 'hostile-css-2023';
const CSP_PAGE = 'hostile-csp-2023';

/**
 * The hostile theme's mark remover again, in cascade layers the page declares
 * in its <head> once parsed, as a page's own script may.
 */
const PAGE_LAYERS_SOURCE = `document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '@layer reset, theme; @layer theme { html body td[data-ogi-lens-finding], [data-ogi-lens-finding]:focus { outline: 0 none transparent !important; box-shadow: none !important } }';
  document.head.appendChild(style);
});`;

/** Where the highlight style is in <head>: first, last, elsewhere or missing. */
const HIGHLIGHT_STYLE_PLACE = `(() => {
  const style = document.querySelector('style[data-ogi-lens-style]');
  if (!style) return 'missing';
  if (style === document.head.firstChild) return 'first';
  return style === document.head.lastElementChild ? 'last' : 'elsewhere';
})()`;

/** The global every payload of the hostile fixtures would set, were it ever run. */
const PWNED_EXPRESSION = 'typeof window.__ogiPwned';

/** Elements that run or load something: none may come from page text. */
const ACTIVE_TAGS = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'link', 'video', 'audio'];

/** Bidirectional overrides and zero-width characters: they must never reach what a reader sees. */
const INVISIBLE_CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** What the markup fixture prints as text, as the reader must see it. */
const HOSTILE_AGENCY = '江州市<svg/onload=window.__ogiPwned=3>数据资源局';
const HOSTILE_LABEL = '1.本机关不掌握相关政府信息<img src=x onerror="window.__ogiPwned=1">';
const HOSTILE_CELL = '<script>window.__ogiPwned=2</script>';

interface Box extends Rect {
  /** Is the extension's host what the page hit-tests at the box's centre? */
  hostOnTop: boolean;
  visibility: string;
  opacity: string;
}

interface OverlayState {
  hosts: number;
  host: { display: string; visibility: string; opacity: string } | null;
  panel: (Box & { text: string }) | null;
  tooltip: (Box & { text: string }) | null;
  /** Tags of active elements and names of `on*` attributes found in the shadow root. */
  activeInShadow: string[];
  /** Every flagged element's outline style and box shadow. */
  marks: { tag: string; outline: string; shadow: string }[];
  viewport: { width: number; height: number };
}

/** The overlay and the marks as the page lays them out, read in one go. */
const OVERLAY_STATE = `(() => {
  const hosts = document.querySelectorAll('[data-ogi-lens-root]');
  const host = hosts[0] || null;
  // The closed root, exposed to the page by the test (openReport), never by the extension.
  const root = window.${OVERLAY_ROOT_GLOBAL} || null;
  const boxOf = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const hit = r.width > 0 && r.height > 0 ? document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) : null;
    return {
      x: r.x, y: r.y, width: r.width, height: r.height,
      hostOnTop: hit === host, visibility: style.visibility, opacity: style.opacity,
      text: el.textContent,
    };
  };
  const hostStyle = host && getComputedStyle(host);
  const active = [];
  if (root) {
    for (const el of root.querySelectorAll('*')) {
      if (${JSON.stringify(ACTIVE_TAGS)}.includes(el.localName)) active.push(el.localName);
      for (const attribute of el.attributes) {
        if (/^on/i.test(attribute.name)) active.push('@' + attribute.name);
      }
    }
  }
  return JSON.stringify({
    hosts: hosts.length,
    host: hostStyle && { display: hostStyle.display, visibility: hostStyle.visibility, opacity: hostStyle.opacity },
    panel: boxOf(root && root.querySelector('[data-ogi-panel]')),
    tooltip: boxOf(root && root.querySelector('[role="tooltip"]')),
    activeInShadow: active,
    marks: Array.from(document.querySelectorAll('[data-ogi-lens-finding]')).map((el) => {
      const style = getComputedStyle(el);
      return { tag: el.localName, outline: style.outlineStyle, shadow: style.boxShadow };
    }),
    viewport: { width: innerWidth, height: innerHeight },
  });
})()`;

const readOverlay = async (page: DriverPage): Promise<OverlayState> =>
  JSON.parse(await page.evaluate<string>(OVERLAY_STATE)) as OverlayState;

/** How many elements of each active tag the page's DOM holds outside the shadow root. */
const ACTIVE_COUNTS = `JSON.stringify(Object.fromEntries(${JSON.stringify(ACTIVE_TAGS)}.map((tag) => [tag, document.getElementsByTagName(tag).length])))`;

/** The same counts in the page as its HTML declares it, before any script. */
function declaredActiveCounts(fixture: Fixture): Record<string, number> {
  const { document } = new JSDOM(readFileSync(fixture.htmlPath)).window;
  return Object.fromEntries(
    ACTIVE_TAGS.map((tag) => [tag, document.getElementsByTagName(tag).length]),
  );
}

/**
 * `passesPointer`: the card lets the pointer through (pointer-events:none), so
 * the point under its centre is the page's by design; it shares the host whose
 * place on top the panel's check proves.
 */
function assertOnTop(
  box: Box | null,
  what: string,
  viewport: OverlayState['viewport'],
  passesPointer = false,
): void {
  assert.ok(box, `no ${what} in the shadow root`);
  assert.ok(box.width > 0 && box.height > 0, `the ${what} has no size: ${JSON.stringify(box)}`);
  assert.ok(
    box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= viewport.width + 0.5 &&
      box.y + box.height <= viewport.height + 0.5,
    `the ${what} is not inside the viewport: ${JSON.stringify(box)}`,
  );
  assert.equal(box.visibility, 'visible', `the ${what} is not visible`);
  assert.equal(box.opacity, '1', `the ${what} is transparent`);
  if (!passesPointer) {
    assert.ok(box.hostOnTop, `something of the page covers the centre of the ${what}`);
  }
}

function assertPlainText(text: string, what: string): void {
  assert.doesNotMatch(
    text,
    INVISIBLE_CONTROLS,
    `the ${what} shows a bidi override or zero-width character`,
  );
}

/**
 * What every hostile page must show: the overlay on top with a tooltip on a
 * hovered flagged cell, every mark outlined, nothing active in the shadow
 * root, and a panel whose finding takes the reader to the cell.
 */
async function checkOverlay(page: DriverPage): Promise<{ panel: string; tooltip: string }> {
  await waitFor(page, `(${OVERLAY_STATE}).includes('"panel":{') || null`, 'the panel');
  // Folded to its tab where the report leaves no side free: opened as a reader would.
  await openPanel(page);
  const cell = JSON.parse(
    await waitFor<string>(
      page,
      `(() => { const el = document.querySelector('td[data-ogi-lens-finding]'); if (!el) return null; el.scrollIntoView({ block: 'center', inline: 'center' }); const r = el.getBoundingClientRect(); return JSON.stringify({ x: r.x, y: r.y, width: r.width, height: r.height }); })()`,
      'a flagged cell',
    ),
  ) as Rect;
  await page.mouseMove(cell.x + cell.width / 2, cell.y + cell.height / 2);
  await waitFor(page, `JSON.parse(${OVERLAY_STATE}).tooltip ? true : null`, 'a tooltip on hover');
  const hovered = await readOverlay(page);

  assert.equal(hovered.hosts, 1, 'expected exactly one <div data-ogi-lens-root>');
  assert.deepEqual(
    hovered.host,
    { display: 'block', visibility: 'visible', opacity: '1' },
    'the page restyled the overlay’s host',
  );
  assertOnTop(hovered.panel, 'panel', hovered.viewport);
  assertOnTop(hovered.tooltip, 'tooltip', hovered.viewport, true);
  assert.deepEqual(hovered.activeInShadow, [], 'active elements or handlers in the shadow root');
  assert.ok(hovered.marks.length > 0, 'no flagged element');
  for (const mark of hovered.marks) {
    assert.ok(
      mark.outline !== 'none' && mark.shadow !== 'none',
      `a flagged ${mark.tag} is not highlighted (outline ${mark.outline}, box-shadow ${mark.shadow})`,
    );
  }
  const panel = hovered.panel?.text ?? '';
  const tooltip = hovered.tooltip?.text ?? '';
  assertPlainText(panel, 'panel');
  assertPlainText(tooltip, 'tooltip');

  // The panel takes clicks: its first finding brings the focus to its flagged cell.
  await page.mouseMove(2, 2);
  await clickOverlay(page, '[data-finding-index="0"]');
  await waitFor(
    page,
    `document.activeElement && document.activeElement.hasAttribute('data-ogi-lens-finding') ? true : null`,
    'the focus on the flagged cell after a click in the panel',
  );
  return { panel, tooltip };
}

/** The popup's text for the report in the page's tab, and any active element in it. */
async function readPopup(
  browser: DriverBrowser,
  pageUrl: string,
): Promise<{ text: string; active: string[] }> {
  return withPage(
    browser,
    async (popup) => {
      await popup.openExtensionPage(browser.popupUrl(`?url=${encodeURIComponent(pageUrl)}`));
      const json = await waitFor<string>(
        popup,
        `(() => {
          const main = document.querySelector('main[data-state="report"]');
          if (!main) return null;
          const active = [];
          for (const el of main.querySelectorAll('*')) {
            if (${JSON.stringify(ACTIVE_TAGS)}.includes(el.localName)) active.push(el.localName);
            for (const attribute of el.attributes) if (/^on/i.test(attribute.name)) active.push('@' + attribute.name);
          }
          return JSON.stringify({ text: main.textContent, active });
        })()`,
        'the popup showing the report',
      );
      return JSON.parse(json) as { text: string; active: string[] };
    },
    POPUP_VIEWPORT,
  );
}

async function assertNothingRan(page: DriverPage, fixture: Fixture): Promise<void> {
  assert.equal(
    await page.evaluate<string>(PWNED_EXPRESSION),
    'undefined',
    'a payload of the page’s text ran',
  );
  assert.deepEqual(
    JSON.parse(await page.evaluate<string>(ACTIVE_COUNTS)),
    declaredActiveCounts(fixture),
    'the page gained elements that run or load something',
  );
}

/** The page's own font-size buttons, run by the page's own script. */
async function assertPageWorks(page: DriverPage): Promise<void> {
  assert.equal(await page.evaluate('window.webid'), '001', 'the page’s own script did not run');
  await clickPageElement(page, 'button.zoom[data-size="20"]');
  await waitFor(
    page,
    `(() => { const zoom = document.getElementById('zoom'); return zoom.getAttribute('data-zoom') === '20' && zoom.style.fontSize === '20px' ? true : null; })()`,
    'the page’s own 字号 button changing the text size',
  );
}

/** The response headers the fixture server sends for a page, as a browser requests it. */
function headersOf(server: FixtureServer, pageUrl: string): Promise<Record<string, unknown>> {
  return new Promise((resolveHeaders, rejectHeaders) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: pageUrl }, (res) => {
      res.resume();
      res.on('end', () => resolveHeaders(res.headers));
    });
    req.on('error', rejectHeaders);
    req.end();
  });
}

/** What the hostile UI page's own script got: its log, and what the page's DOM holds. */
interface PageReach {
  constructed: number;
  attached: number;
  reached: string[];
  attacks: number;
  hosts: number;
  squatters: number;
  hostShadowRoot: boolean;
  /** Overlay content or a ▲/▼ delta anywhere in the page's own DOM. */
  overlayInPage: string[];
}

const PAGE_REACH = `(() => {
  const log = window.__ogiHostileUi;
  const host = document.querySelector('[data-ogi-lens-root]');
  const markup = document.documentElement.outerHTML;
  const overlayInPage = [];
  if (/[▲▼]/.test(markup)) overlayInPage.push('a ▲/▼ delta');
  for (const selector of ['[data-ogi-delta]', '[role="tooltip"]', '[data-ogi-panel]', '[data-export]']) {
    if (document.querySelector(selector)) overlayInPage.push(selector);
  }
  return JSON.stringify({
    constructed: log.constructed, attached: log.attached, reached: log.reached, attacks: log.attacks,
    hosts: document.querySelectorAll('[data-ogi-lens-root]').length,
    squatters: document.querySelectorAll('ogi-lens-root').length,
    hostShadowRoot: !!host && host.shadowRoot !== null,
    overlayInPage,
  });
})()`;

/** The overlay's state, read from the closed root the test exposed. */
const UI_STATE = `(() => {
  const root = window.${OVERLAY_ROOT_GLOBAL};
  if (!root) return null;
  const q = (selector) => root.querySelector(selector);
  const select = q('select[data-export-format]');
  const collapse = q('[data-action="collapse"]');
  return JSON.stringify({
    panel: !!q('[data-ogi-panel]'),
    deltas: root.querySelectorAll('[data-ogi-delta]').length,
    tooltip: !!q('[role="tooltip"]'),
    flash: !!q('[data-ogi-flash]'),
    expanded: collapse ? collapse.getAttribute('aria-expanded') : null,
    format: select ? select.value : null,
    exportStatus: q('[data-export-status]') ? q('[data-export-status]').getAttribute('data-export-status') : null,
  });
})()`;

interface UiState {
  panel: boolean;
  deltas: number;
  tooltip: boolean;
  flash: boolean;
  expanded: string | null;
  format: string | null;
  exportStatus: string | null;
}

const readUi = async (page: DriverPage): Promise<UiState> =>
  JSON.parse(await waitFor<string>(page, UI_STATE, 'the exposed overlay')) as UiState;

export function defineHostileSuite<B extends DriverBrowser>(
  browserName: DriverBrowser['name'],
  extensionDir: string,
  launch: (options: LaunchOptions) => Promise<B>,
): void {
  const fixtures = loadFixtures();
  const byName = (name: string): Fixture => fixtureNamed(fixtures, name);

  describe(`${browserName}: hostile pages`, { concurrency: false }, () => {
    const session = useBrowserSession(extensionDir, launch, fixtures);

    test('page text with markup, script, bidi overrides and zero-width characters is shown only as text', async () => {
      const { browser } = session();
      const fixture = byName(MARKUP_PAGE);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        const { panel, tooltip } = await checkOverlay(page);
        assert.ok(panel.includes(HOSTILE_AGENCY), `the panel does not name ${HOSTILE_AGENCY}`);
        assert.ok(panel.includes(HOSTILE_LABEL), `the panel's finding lacks ${HOSTILE_LABEL}`);
        assert.ok(tooltip.includes(HOSTILE_LABEL), `the tooltip lacks ${HOSTILE_LABEL}`);

        const popup = await readPopup(browser, fixture.pageUrl);
        assert.deepEqual(popup.active, [], 'active elements or handlers in the popup');
        for (const text of [HOSTILE_AGENCY, HOSTILE_LABEL, HOSTILE_CELL]) {
          assert.ok(popup.text.includes(text), `the popup does not show ${text} as text`);
        }
        assertPlainText(popup.text, 'popup');

        await assertNothingRan(page, fixture);
        await assertPageWorks(page);
        // The probe is not blind: a payload run in the page sets the global it reads.
        await page.evaluate(
          `(document.createElement('div').innerHTML = '<img src="data:," onerror="window.__ogiPwned=1">', true)`,
        );
        await waitFor(
          page,
          `${PWNED_EXPRESSION} === 'number' ? true : null`,
          'the control payload running',
        );
      });
    });

    test('a page theme with !important resets, hidden hosts and giant z-indexes hides neither the overlay nor the marks', async () => {
      const { browser } = session();
      const fixture = byName(CSS_PAGE);
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        // The theme is in force: the portal's red banner is reset, every box stacked at the top.
        assert.deepEqual(
          JSON.parse(
            await page.evaluate<string>(
              `JSON.stringify((() => { const s = getComputedStyle(document.querySelector('.top')); return { background: s.backgroundColor, z: s.zIndex }; })())`,
            ),
          ),
          { background: 'rgba(0, 0, 0, 0)', z: '2147483647' },
          'the hostile theme did not apply',
        );
        // The theme declares no cascade layer: the highlight style goes last, where inserting it
        // costs no relayout of the whole page (lib/annotate/marks.ts), and must still win.
        assert.equal(
          await page.evaluate<string>(HIGHLIGHT_STYLE_PLACE),
          'last',
          'the highlight style is not last in <head>',
        );
        await checkOverlay(page);
        const popup = await readPopup(browser, fixture.pageUrl);
        assert.ok(
          popup.text.includes('江州市市场监督管理局'),
          'the popup does not show the report',
        );
        await assertNothingRan(page, fixture);
        await assertPageWorks(page);
      });
    });

    test('a page theme in cascade layers of its own does not take the marks off either', async () => {
      const { browser } = session();
      const fixture = byName(CSS_PAGE);
      await withPage(browser, async (page) => {
        // Important declarations of an earlier layer win: the highlight style must then come
        // before the page's sheets, where it otherwise goes last (lib/annotate/marks.ts).
        await page.addInitScript(PAGE_LAYERS_SOURCE);
        await openReport(page, fixture.pageUrl);
        assert.equal(
          await page.evaluate<string>(HIGHLIGHT_STYLE_PLACE),
          'first',
          'the highlight style is not first in <head> on a page that declares layers',
        );
        await checkOverlay(page);
      });
    });

    test('under a strict Content-Security-Policy the marks and the overlay keep their styles', async () => {
      const { browser, server } = session();
      const fixture = byName(CSP_PAGE);
      const headers = await headersOf(server, fixture.pageUrl);
      assert.match(
        String(headers['content-security-policy']),
        /style-src 'none'/,
        'the server did not send the page’s policy as a header',
      );
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        // The policy is in force: the page's own script and styles are blocked.
        assert.deepEqual(
          JSON.parse(
            await page.evaluate<string>(
              `JSON.stringify({ script: typeof window.webid, background: getComputedStyle(document.querySelector('.top')).backgroundColor })`,
            ),
          ),
          { script: 'undefined', background: 'rgba(0, 0, 0, 0)' },
          'the page’s policy did not apply',
        );
        await checkOverlay(page);
        const popup = await readPopup(browser, fixture.pageUrl);
        assert.ok(popup.text.includes('江州市生态环境局'), 'the popup does not show the report');
        await assertNothingRan(page, fixture);
      });
    });

    test('a page script neither reads the UI nor drives it, even with its own ogi-lens-root and attachShadow', async () => {
      const { browser } = session();
      const fixture = byName(UI_PAGE);
      // With last year cached the UI holds history: deltas and last year's figures.
      await clearHistory(browser);
      await withPage(browser, (page) => openReport(page, byName(UI_PAGE_BASE).pageUrl));
      await clearDownloads(browser.downloadDir);
      let format: string | null = null;
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl, { expose: false });
        await waitFor(
          page,
          'window.__ogiHostileUi && window.__ogiHostileUi.firstAttackDone ? true : null',
          'the page script going after the UI',
        );
        const reach = JSON.parse(await page.evaluate<string>(PAGE_REACH)) as PageReach;
        assert.deepEqual(
          reach,
          {
            constructed: 0,
            attached: 0,
            reached: [],
            attacks: 1,
            hosts: 1,
            squatters: 0,
            hostShadowRoot: false,
            overlayInPage: [],
          },
          'the page reached the UI, or ran code when it was created',
        );

        // The UI is there, with history, and the page's clicks and events did nothing.
        await exposeOverlay(page);
        const before = await readUi(page);
        assert.equal(before.panel, true, 'no panel');
        assert.ok(before.deltas > 0, 'no delta in the overlay: the page had no history to read');
        assert.equal(before.tooltip, false, 'the page script opened a tooltip');
        // No export status while the panel is folded to its tab; idle when it is open.
        assert.ok(
          before.exportStatus === 'idle' ||
            (before.exportStatus === null && before.expanded === 'false'),
          `the page script drove the export (${before.exportStatus})`,
        );
        // Open, or folded to its tab where the report leaves no side free (issue 15): either way
        // the page's clicks on it below must leave it as it is.
        assert.ok(before.expanded === 'true' || before.expanded === 'false', 'no panel toggle');
        format = before.format;

        // Page script given the root itself (which only a test can do) still drives nothing:
        // every control acts on trusted events only.
        await page.evaluate(`(window.__ogiHostileUi.attack(window.${OVERLAY_ROOT_GLOBAL}), true)`);
        const after = await readUi(page);
        assert.deepEqual(
          after,
          { ...before, format },
          'synthetic clicks, changes or hovers acted on the UI',
        );
        // The user's own click works (and has had its turn after the page's).
        await clickOverlay(page, '[data-finding-index="0"]');
        await waitFor(
          page,
          `(() => { const s = ${UI_STATE}; return s && JSON.parse(s).flash ? true : null; })()`,
          'a flash after a real click in the panel',
        );
        const settled = await readUi(page);
        // The select is in the open panel: read once the reader's click has opened it.
        format = settled.format;
        assert.equal(settled.exportStatus, 'idle', 'an export started without the user');
        assert.deepEqual(await readdir(browser.downloadDir), [], 'a file was saved');
      });

      // Nothing was remembered: the next visit has the panel and the same export format.
      await withPage(browser, async (page) => {
        await openReport(page, fixture.pageUrl);
        const next = await readUi(page);
        assert.equal(next.panel, true, 'the page hid the panel on its site');
        assert.equal(next.format, format, 'the page changed the remembered export format');
      });
    });
  });
}

/**
 * Debian's Firefox ESR with the MV2 build installed as a temporary add-on,
 * driven by puppeteer-core over WebDriver BiDi. Firefox has no wildcard host
 * map, so the fixture server is its proxy for every scheme: HTTP requests get
 * fixtures, HTTPS tunnels are refused, nothing leaves the machine.
 */
import { rm } from 'node:fs/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_HOST_EXPRESSION,
  PAGE_VIEWPORT,
  prepareWorkDir,
  STORE_OVERLAY_ROOT,
} from './driver';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Must match `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'ogi-lens@ogi-lens.org';
/** Pinned so the popup's moz-extension:// address is known before install. */
export const FIREFOX_EXTENSION_UUID = '3c0a7f52-4d1e-4b8a-9f61-0e2b5d7c9a14';

/**
 * Runs tab openings and closings one at a time. Firefox's remote agent can
 * fail to create a tab while another one is being discarded ("BrowsingContext
 * does no longer exist"), which concurrent tests otherwise hit now and then.
 */
function serialiser() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(operation: () => Promise<T>): Promise<T> => {
    const next = last.then(operation, operation);
    last = next.catch(() => {});
    return next;
  };
}

/** The raw WebDriver BiDi channel of puppeteer-core 24 (pinned), which its public API does not expose. */
interface BidiChannel {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult =
  | { type: 'success'; result: BidiValue }
  | { type: 'exception'; exceptionDetails: { text: string } };
interface BidiValue {
  type: string;
  value?: unknown;
}

/**
 * The closed shadow root through WebDriver BiDi: the host serialised with
 * `includeShadowTree: 'all'` names its closed root by a shared id, which a
 * second call in the page's main world receives as the node itself and stores.
 */
async function exposeOverlayRoot(browser: Browser, page: Page): Promise<boolean> {
  const channel = (browser as unknown as { connection: BidiChannel }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const value = (answer: { result: BidiResult }): BidiValue => {
    if (answer.result.type === 'exception') throw new Error(answer.result.exceptionDetails.text);
    return answer.result.result;
  };
  const host = value(
    await channel.send('script.evaluate', {
      expression: OVERLAY_HOST_EXPRESSION,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    }),
  );
  const shadow = (host.value as { shadowRoot?: { sharedId?: string } | null } | undefined)
    ?.shadowRoot;
  if (host.type !== 'node' || !shadow?.sharedId) return false;
  const stored = value(
    await channel.send('script.callFunction', {
      functionDeclaration: STORE_OVERLAY_ROOT,
      arguments: [{ sharedId: shadow.sharedId }],
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
    }),
  );
  return stored.value === true;
}

function wrapPage(
  browser: Browser,
  page: Page,
  tabOperation: ReturnType<typeof serialiser>,
): DriverPage {
  return {
    addInitScript: async (source) => {
      await page.evaluateOnNewDocument(source);
    },
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    openExtensionPage: async (url) => {
      // The BiDi navigation to a moz-extension:// page never reports
      // completion; callers wait for the popup's DOM instead.
      page.goto(url).catch(() => {});
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    // WebDriver BiDi reaches pages only, not the browser's toolbar.
    clickToolbarButton: async () => false,
    paste: async () => {
      await page.keyboard.down('Control');
      await page.keyboard.press('v');
      await page.keyboard.up('Control');
    },
    mouseDrag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    },
    exposeOverlayRoot: () => exposeOverlayRoot(browser, page),
    screenshot: async (path, options) => {
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
    },
    close: () => tabOperation(() => page.close()),
  };
}

export interface FirefoxSession extends DriverBrowser {
  browser: Browser;
}

export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const { workDir, profileDir, extensionDir, downloadDir } = await prepareWorkDir(
    'firefox',
    options,
  );
  const proxy = { host: '127.0.0.1', port: options.serverPort };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      userDataDir: profileDir,
      defaultViewport: PAGE_VIEWPORT,
      // Without it the driver may not open moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': proxy.host,
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': proxy.host,
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // Downloads go straight to a known folder, without a dialog or the downloads panel.
        'browser.download.dir': downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.panel.shown': true,
        'browser.download.start_downloads_in_tmp_dir': false,
      },
    });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }

  const tabOperation = serialiser();
  const close = async () => {
    await browser.close().catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  };

  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw new Error(`Firefox refused the extension in ${options.extensionDir}: ${error}`);
  }
  return {
    name: 'firefox',
    browser,
    popupUrl: (query) => `moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html${query}`,
    downloadDir,
    newPage: async (viewport) => {
      const page = await tabOperation(() => browser.newPage());
      if (viewport) await page.setViewport(viewport);
      return wrapPage(browser, page, tabOperation);
    },
    close,
  };
}

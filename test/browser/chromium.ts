/**
 * Debian's Chromium with the unpacked MV3 build loaded, driven by playwright-core.
 * Every *.gov.cn host resolves to the fixture server and every other host
 * fails to resolve, so nothing leaves the machine.
 */
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  type DriverBrowser,
  type DriverPage,
  type LaunchOptions,
  OVERLAY_HOST_EXPRESSION,
  PAGE_VIEWPORT,
  prepareWorkDir,
  STORE_OVERLAY_ROOT,
} from './driver';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The closed shadow root through the DevTools protocol: the host as a main-world
 * object, its description with shadow roots (DOM.describeNode pierces closed
 * ones), the root resolved to an object in the same world, then stored there.
 */
async function exposeOverlayRoot(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result: host } = await cdp.send('Runtime.evaluate', {
      expression: OVERLAY_HOST_EXPRESSION,
    });
    if (!host.objectId) return false;
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: host.objectId,
      depth: 0,
      pierce: true,
    });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return false;
    const { object } = await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    });
    if (!object.objectId) return false;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${STORE_OVERLAY_ROOT})(this); }`,
      returnByValue: true,
    });
    return result.value === true;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * The toolbar button clicked for the page's tab (the DevTools protocol's
 * Extensions.triggerAction, over the pipe with --enable-unsafe-extension-debugging):
 * Chromium runs the action as for a user's click, activeTab included.
 */
async function clickToolbarButton(page: Page, extensionId: string): Promise<boolean> {
  // The Extensions domain answers on the browser's own session, and acts on a tab target (the
  // tab that holds the page, listed with the page's address), not on the page's own target.
  const browser = page.context().browser();
  if (!browser) return false;
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    });
    const tabs = targetInfos.filter((target) => target.url === page.url());
    if (tabs.length !== 1 || !tabs[0]) throw new Error(`no single tab shows ${page.url()}`);
    await session.send('Extensions.triggerAction', {
      id: extensionId,
      targetId: tabs[0].targetId,
    });
    return true;
  } finally {
    await session.detach().catch(() => {});
  }
}

function wrapPage(page: Page, downloadDir: string, extensionId: string): DriverPage {
  // Playwright keeps downloads under generated names; the tests look for the name the page chose.
  page.on('download', (download) => {
    download
      .saveAs(join(downloadDir, basename(download.suggestedFilename())))
      .catch((error: unknown) => console.warn('download not saved:', error));
  });
  return {
    addInitScript: async (source) => {
      await page.addInitScript({ content: source });
    },
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    openExtensionPage: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: <T>(expression: string) => page.evaluate<T>(expression),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    paste: () => page.keyboard.press('Control+V'),
    clickToolbarButton: () => clickToolbarButton(page, extensionId),
    mouseDrag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    },
    exposeOverlayRoot: () => exposeOverlayRoot(page),
    screenshot: async (path, options) => {
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
    },
    close: () => page.close(),
  };
}

export interface ChromiumSession extends DriverBrowser {
  context: BrowserContext;
  extensionId: string;
}

export async function launchChromium(options: LaunchOptions): Promise<ChromiumSession> {
  const { workDir, profileDir, extensionDir, downloadDir } = await prepareWorkDir(
    'chromium',
    options,
  );
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      viewport: PAGE_VIEWPORT,
      acceptDownloads: true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=MAP *.gov.cn 127.0.0.1:${options.serverPort}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Lets a test click the extension's toolbar button (Extensions.triggerAction) over the pipe.
        '--enable-unsafe-extension-debugging',
      ],
    });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }

  const close = async () => {
    await context.close().catch(() => {});
    await rm(workDir, { recursive: true, force: true });
  };

  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      name: 'chromium',
      context,
      extensionId,
      popupUrl: (query) => `chrome-extension://${extensionId}/popup.html${query}`,
      downloadDir,
      newPage: async (viewport) => {
        const page = await context.newPage();
        if (viewport) await page.setViewportSize(viewport);
        return wrapPage(page, downloadDir, extensionId);
      },
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`the extension's service worker did not start: ${error}`);
  }
}

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
  PAGE_VIEWPORT,
  prepareWorkDir,
} from './driver';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function wrapPage(page: Page, downloadDir: string): DriverPage {
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
        return wrapPage(page, downloadDir);
      },
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`the extension's service worker did not start: ${error}`);
  }
}

/**
 * The little the suite needs from a browser, so that one suite runs unchanged
 * on Chromium (Playwright over CDP) and Firefox (Puppeteer over WebDriver BiDi).
 *
 * Code sent into a page is passed as source text, not as a function: tsx
 * compiles the tests with esbuild's keepNames, which wraps functions in a
 * `__name` helper that does not exist inside the page.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DriverPage {
  /** Runs `source` in every document this page loads, before the page's own scripts. */
  addInitScript(source: string): Promise<void>;
  /** Navigates and resolves once the load event has fired. */
  goto(url: string): Promise<void>;
  /**
   * Opens an extension page. Firefox never reports the navigation to a
   * moz-extension:// page as finished, so callers poll the DOM instead of
   * relying on this promise.
   */
  openExtensionPage(url: string): Promise<void>;
  /** Evaluates an expression (source text) in the page's main world. */
  evaluate<T>(expression: string): Promise<T>;
  /** Moves the mouse to a point of the viewport (CSS pixels): hovers what is there. */
  mouseMove(x: number, y: number): Promise<void>;
  /** Clicks at a point of the viewport (CSS pixels), as a user's mouse does. */
  mouseClick(x: number, y: number): Promise<void>;
  /** Presses a key (`Tab`, `Escape`, a letter) where the focus is. */
  press(key: 'Tab' | 'Escape' | 'Enter' | 'ArrowUp' | 'ArrowDown' | 'j' | 'k'): Promise<void>;
  /** Presses the primary button at one point, moves in steps to another and releases it there. */
  mouseDrag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  /**
   * Clicks the extension's toolbar button for this tab, as a user does (it
   * grants activeTab). False where the driver cannot reach the browser's
   * toolbar (Firefox over WebDriver BiDi).
   */
  clickToolbarButton(): Promise<boolean>;
  /** Ctrl+V where the focus is: what the browser's clipboard holds, pasted as a user pastes it. */
  paste(): Promise<void>;
  /**
   * Test-only: puts the extension's closed shadow root (of the page's
   * `[data-ogi-lens-root]` on `<html>`) in the main-world global named by
   * OVERLAY_ROOT_GLOBAL, through the browser's debugging protocol, which
   * sees closed roots; the probes then read the overlay from there. Resolves
   * false while there is no such host. A page cannot do this itself.
   */
  exposeOverlayRoot(): Promise<boolean>;
  /** A full-page screenshot grows past the viewport to the whole document. */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** The main-world global where exposeOverlayRoot() puts the closed root (tests only). */
export const OVERLAY_ROOT_GLOBAL = '__ogiLensTestOverlayRoot';

/** The host the overlay root is read from, as page script finds it. */
export const OVERLAY_HOST_EXPRESSION = `document.querySelector(':root > [data-ogi-lens-root]')`;

/** Source of a function that stores its argument (the root) in OVERLAY_ROOT_GLOBAL. */
export const STORE_OVERLAY_ROOT = `function (root) {
  Object.defineProperty(window, '${OVERLAY_ROOT_GLOBAL}', { value: root, configurable: true, writable: true });
  return !!root;
}`;

export interface Viewport {
  width: number;
  height: number;
}

/** Wide enough for a portal's fixed-width layout. */
export const PAGE_VIEWPORT: Viewport = { width: 1280, height: 900 };
/** The largest popup a browser shows from the toolbar. */
export const POPUP_VIEWPORT: Viewport = { width: 800, height: 600 };

export interface DriverBrowser {
  name: 'chromium' | 'firefox';
  /** Address of the extension's popup page with the given query string. */
  popupUrl(query: string): string;
  /** Where files the pages download are saved, under the name the page gave them. */
  downloadDir: string;
  newPage(viewport?: Viewport): Promise<DriverPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Directory of the built, unpacked extension. */
  extensionDir: string;
  /** Port of the fixture server that stands in for every *.gov.cn host. */
  serverPort: number;
  headless?: boolean;
  /**
   * Let the driver close the browser and exit on Ctrl-C (the default). Off
   * when the caller handles Ctrl-C itself, so that its own clean-up runs.
   */
  handleSignals?: boolean;
}

/**
 * A temporary directory holding a fresh browser profile and a copy of the
 * built extension. The copy pins the build under test: a rebuild while the
 * suite runs (wxt empties its output first) would otherwise pull files away
 * from under a browser that reads them lazily.
 */
export async function prepareWorkDir(
  browserName: DriverBrowser['name'],
  options: LaunchOptions,
): Promise<{ workDir: string; profileDir: string; extensionDir: string; downloadDir: string }> {
  const workDir = await mkdtemp(join(tmpdir(), `ogi-lens-${browserName}-`));
  const profileDir = join(workDir, 'profile');
  const extensionDir = join(workDir, 'extension');
  const downloadDir = join(workDir, 'downloads');
  try {
    await mkdir(profileDir);
    await mkdir(downloadDir);
    await cp(options.extensionDir, extensionDir, { recursive: true });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  return { workDir, profileDir, extensionDir, downloadDir };
}

/** Polls an expression in the page until it yields a non-null value or time runs out. */
export async function waitForValue<T>(
  page: DriverPage,
  expression: string,
  timeoutMs: number,
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A page in the middle of navigating may refuse to evaluate; that is a
    // reason to try again, not a result.
    const value = await page.evaluate<T | null>(expression).catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) return null;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

/** The built extension of one target: `.output/<target>`, or under $OGI_LENS_OUTPUT_DIR. */
export function builtExtensionDir(target: 'chrome-mv3' | 'firefox-mv2'): string {
  return join(outputRoot(), target);
}

/** Where `npm run build` writes (`OGI_LENS_OUTPUT_DIR` points the suites at another build). */
export function outputRoot(): string {
  return process.env.OGI_LENS_OUTPUT_DIR ?? resolve(import.meta.dirname, '../../.output');
}

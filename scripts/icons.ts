/**
 * npm run icons
 * Renders the toolbar icon (scripts/icons/icon.svg) into the PNG sizes the
 * manifests list (public/icon/{16,32,48,128}.png, which WXT finds and
 * declares for Chrome and Firefox), with Debian's Chromium, the browser the
 * tests already use: no image library to add for four files. The PNGs are
 * committed; run this after changing the SVG.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../test/browser/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'scripts/icons/icon.svg');
const OUT_DIR = join(ROOT, 'public/icon');
/** What Chrome and Firefox ask for: toolbar (16, 32 on high-density screens), extensions page (48), store (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

async function main(): Promise<void> {
  const svg = readFileSync(SOURCE, 'utf8');
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.waitForFunction(() => document.images[0]?.complete === true);
      const path = join(OUT_DIR, `${size}.png`);
      await page.screenshot({ path, omitBackground: true });
      await page.close();
      process.stdout.write(`wrote ${relative(ROOT, path)}\n`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});

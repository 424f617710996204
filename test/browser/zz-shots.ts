import { join } from 'node:path';
import { launchChromium } from './chromium';
import { builtExtensionDir } from './driver';
import { launchFirefox } from './firefox';
import { startFixtureServer } from './fixture-server';
import { loadFixtures } from './fixtures';
import { clickOverlay, clickPageElement, openOptions, openReport } from './interact';

const out = '/tmp/wtb/shots';
const fixtures = loadFixtures();
const server = await startFixtureServer(fixtures);
const which = process.argv[2];
const lang = process.argv[3] ?? 'zh_CN';
const browser =
  which === 'firefox'
    ? await launchFirefox({
        extensionDir: builtExtensionDir('firefox-mv2'),
        serverPort: server.port,
      })
    : await launchChromium({
        extensionDir: builtExtensionDir('chrome-mv3'),
        serverPort: server.port,
      });
const opt = await browser.newPage();
await openOptions(browser, opt);
await opt.evaluate(
  `(() => { const s = document.querySelector('select[data-setting=language]'); s.value = '${lang}'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
);
await new Promise((r) => setTimeout(r, 800));
await opt.screenshot(join(out, `${which}-${lang}-options.png`), { fullPage: true });
const f = (n: string) => fixtures.find((x) => x.name === n)!;
for (const [name, width] of [
  ['seed-002-hailing-2017', 1920],
  ['fmt-2021-trs-word', 1024],
  ['chk-identity-culprit', 1024],
] as const) {
  const page = await browser.newPage({ width, height: 800 });
  await openReport(page, f(name).pageUrl);
  await page.screenshot(join(out, `${which}-${lang}-${name}-${width}.png`));
  const folded = await page.evaluate<boolean>(
    `window.__ogiLensTestOverlayRoot.querySelector('[data-action=collapse]').getAttribute('aria-expanded') === 'false'`,
  );
  if (folded) {
    await clickOverlay(page, '[data-action="collapse"]');
    await new Promise((r) => setTimeout(r, 300));
  }
  await page.press('j');
  await page.press('j');
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot(join(out, `${which}-${lang}-${name}-${width}-open.png`));
  await page.close();
}
await browser.close();
await server.close();

/**
 * The built extension asks for no more than its features use (issue 6,
 * least privilege), runs no code it did not ship (no eval, no remote code),
 * and keeps the workbook writer out of the content script, which runs on
 * every .gov.cn page. Reads `.output/`; runs after `npm run build`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { outputRoot } from './driver';

const OUTPUT = outputRoot();
const GOV_CN = '*://*.gov.cn/*';
const CONTENT_SCRIPT = 'detector.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(OUTPUT, dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

for (const [dir, version] of [
  ['chrome-mv3', 3],
  ['firefox-mv2', 2],
] as const) {
  describe(`the ${dir} build`, () => {
    const manifest = manifestOf(dir);

    test('asks for storage, scripting, activeTab and .gov.cn hosts only (and offscreen in Chrome)', () => {
      assert.equal(manifest.manifest_version, version);
      const permissions = manifest.permissions as string[];
      if (version === 3) {
        // offscreen: the worker has no DOMParser to read the portal's pages for last year's report.
        assert.deepEqual(permissions, ['storage', 'scripting', 'activeTab', 'offscreen']);
        assert.deepEqual(manifest.host_permissions, [GOV_CN]);
      } else {
        assert.deepEqual(permissions, ['storage', 'scripting', 'activeTab', GOV_CN]);
      }
      assert.equal(manifest.optional_permissions, undefined);
      const scripts = manifest.content_scripts as { matches: string[]; js: string[] }[];
      assert.deepEqual(
        scripts.map((script) => script.matches),
        [[GOV_CN]],
      );
      // The detection script alone runs on every .gov.cn page; the analyser is injected.
      assert.deepEqual(
        scripts.map((script) => script.js),
        [[CONTENT_SCRIPT]],
      );
    });

    test('shows its own icon in the toolbar and on the extensions page, at every size', () => {
      const sizes = ['16', '32', '48', '128'];
      const action = (manifest.action ?? manifest.browser_action) as { default_icon?: unknown };
      for (const icons of [manifest.icons, action.default_icon] as Record<string, string>[]) {
        assert.deepEqual(Object.keys(icons ?? {}).sort(), [...sizes].sort());
        for (const size of sizes) {
          const png = readFileSync(join(OUTPUT, dir, icons[size] as string));
          // A PNG of that size: the signature, then IHDR's width and height.
          assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
          assert.equal(png.readUInt32BE(16), Number(size));
          assert.equal(png.readUInt32BE(20), Number(size));
        }
      }
    });

    test('exposes nothing to pages and keeps the default content security policy', () => {
      assert.equal(manifest.web_accessible_resources, undefined);
      assert.equal(manifest.externally_connectable, undefined);
      assert.equal(manifest.content_security_policy, undefined);
    });

    test('ships no eval and no code built from strings', () => {
      const scripts = filesUnder(join(OUTPUT, dir)).filter((path) => path.endsWith('.js'));
      assert.ok(scripts.length > 0);
      for (const path of scripts) {
        const code = readFileSync(path, 'utf8');
        assert.doesNotMatch(code, /\beval\s*\(/, `${path} calls eval`);
        assert.doesNotMatch(code, /new\s+Function\s*\(/, `${path} builds a function from a string`);
      }
      for (const path of filesUnder(join(OUTPUT, dir)).filter((p) => p.endsWith('.html'))) {
        assert.doesNotMatch(
          readFileSync(path, 'utf8'),
          /<script[^>]+src=["']https?:/i,
          `${path} loads a remote script`,
        );
      }
    });

    test('keeps the analyser, zod, Preact and the polyfill out of the content script', () => {
      const content = readFileSync(join(OUTPUT, dir, CONTENT_SCRIPT), 'utf8');
      const analyser = readFileSync(join(OUTPUT, dir, 'analyser.js'), 'utf8');
      // Strings only each of them carries: the UI's host, zod's issue code, Preact's
      // element factory, the polyfill's wrapper, WXT's content-script context.
      for (const marker of [
        'data-ogi-lens-root',
        'invalid_type',
        'createElement',
        'Expected at least',
      ]) {
        assert.ok(analyser.includes(marker), `the analyser bundle lacks ${marker}`);
        assert.ok(!content.includes(marker), `the content script carries ${marker}`);
      }
      assert.ok(
        !content.includes('wxt:content-script-started'),
        'WXT context in the content script',
      );
      // Small enough for every page (issue 19: at most 8 KB gzipped).
      assert.ok(gzipSync(content).length <= 8 * 1024, 'the content script is over 8 KB gzipped');
    });

    test('keeps the workbook writer out of the content script', () => {
      const content = readFileSync(join(OUTPUT, dir, CONTENT_SCRIPT), 'utf8');
      const writer = readFileSync(join(OUTPUT, dir, 'workbook-writer.js'), 'utf8');
      const marker = 'schemas.openxmlformats.org/spreadsheetml';
      assert.ok(writer.includes(marker), 'the writer bundle is not the workbook writer');
      assert.ok(!content.includes(marker), 'the content script carries the workbook writer');
    });
  });
}

/**
 * `npm run check` starts the command line's bundle with V8's code cache
 * (scripts/cli/run-bundle.cjs). The cache may only ever make a run faster:
 * the first run writes it, a later run reads it and answers the same, and a
 * damaged or foreign cache is replaced, never trusted and never fatal.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGES = ['seed-002-hailing-2017', 'listing-hanweb-column'].map((name) =>
  join(ROOT, 'test/fixtures', `${name}.html`),
);

const run = async (argv: string[]) =>
  (
    await promisify(execFile)(process.execPath, argv, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    })
  ).stdout;

let bundleDir = '';
let cacheFile = '';
/** Runs a private copy of the bundle, so that no other test's run touches its cache. */
const runCopy = () =>
  run([
    '-e',
    `require(${JSON.stringify(join(bundleDir, 'run-bundle.cjs'))}).runBundle(${JSON.stringify(join(bundleDir, 'check.cjs'))})`,
    'check',
    '--json',
    ...PAGES,
  ]);

let expected = '';
beforeAll(async () => {
  // Builds the bundle when it is not fresh, and gives the answer to compare with.
  expected = await run(['scripts/cli/launch.mjs', '--json', ...PAGES]);
  bundleDir = mkdtempSync(join(tmpdir(), 'ogi-lens-bundle-'));
  cpSync(join(ROOT, 'node_modules/.cache/ogi-lens-cli'), bundleDir, { recursive: true });
  cacheFile = join(bundleDir, 'check.cjs.v8-cache');
  rmSync(cacheFile, { force: true });
}, 120_000);

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

describe('the command line with a code cache', () => {
  it('writes the cache on its first run and answers the same from it', async () => {
    expect(await runCopy()).toBe(expected);
    expect(existsSync(cacheFile)).toBe(true);
    const written = readFileSync(cacheFile);
    expect(written.length).toBeGreaterThan(0);
    expect(await runCopy()).toBe(expected);
    // Accepted: a run from a good cache leaves it as it was.
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
  }, 60_000);

  it('replaces a damaged cache instead of trusting it', async () => {
    writeFileSync(cacheFile, 'not a code cache');
    expect(await runCopy()).toBe(expected);
    expect(readFileSync(cacheFile, 'latin1')).not.toBe('not a code cache');
    expect(await runCopy()).toBe(expected);
  }, 60_000);
});

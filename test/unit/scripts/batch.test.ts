/**
 * A batch across worker threads (scripts/cli/batch.ts) answers exactly what
 * one thread answers: the entries in the order of the files given, and each
 * report checked against the reports before it in that order — a 2023 report
 * listed before its 2022 report has no year-over-year findings, the same one
 * listed after it has them, whichever threads read the pages.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractEntry } from '../../../lib/model/contract';
import { parseCliArgs } from '../../../scripts/cli/args';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => join(ROOT, 'test/fixtures', `${name}.html`);
const FILES = [
  fixture('chk-yoy-broken-2023'),
  fixture('chk-yoy-base-2022'),
  join(ROOT, 'test/fixtures/README.md'),
  fixture('chk-yoy-broken-2023'),
  join(ROOT, 'no-such-file.html'),
  fixture('fmt-2021-gbk'),
  fixture('listing-hanweb-column'),
  fixture('chk-yoy-clean-2023'),
];

async function run(argv: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, argv, {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

const fromSources = (jobs: number) =>
  run(['--import', 'tsx', 'scripts/check.ts', '--json', '--jobs', String(jobs), ...FILES]);

let oneThread = '';
beforeAll(async () => {
  oneThread = await fromSources(1);
}, 120_000);

describe('a batch across threads', () => {
  it('answers one entry per file, in the order given, with the pairing of that order', () => {
    const entries = JSON.parse(oneThread) as ContractEntry[];
    expect(entries.map((e) => e.file)).toEqual(FILES);
    const yoy = (e: ContractEntry | undefined) =>
      (e?.findings ?? []).filter((f) => f.rule.startsWith('yoy.')).map((f) => f.rule);
    // Before its previous year is read: nothing to compare with.
    expect(yoy(entries[0])).toEqual([]);
    // After it: compared with 2022 (the fixture's expected findings).
    expect(yoy(entries[3])).toEqual(expect.arrayContaining(['yoy.carry-over']));
    expect(entries[4]?.error).toMatch(/no such file/i);
    expect(entries[6]?.kind).toBe('listing');
  });

  it('gives the same output, byte for byte, with three threads', async () => {
    expect(await fromSources(3)).toBe(oneThread);
  }, 120_000);

  it('gives the same output from the bundle npm run check runs, with two threads', async () => {
    expect(await run(['scripts/cli/launch.mjs', '--json', '--jobs', '2', ...FILES])).toBe(
      oneThread,
    );
  }, 120_000);
});

describe('--jobs', () => {
  it('takes a whole number of threads, by default none given', () => {
    const parsed = parseCliArgs(['--jobs', '3', 'a.html']);
    expect(parsed.ok && parsed.options.jobs).toBe(3);
    const inline = parseCliArgs(['--jobs=1', 'a.html']);
    expect(inline.ok && inline.options.jobs).toBe(1);
    const none = parseCliArgs(['a.html']);
    expect(none.ok && none.options.jobs).toBeNull();
  });

  it('refuses a count that is not a whole number of at least one', () => {
    for (const value of ['0', '-2', '1.5', 'many']) {
      const parsed = parseCliArgs(['--jobs', value, 'a.html']);
      expect(parsed.ok).toBe(false);
    }
  });
});

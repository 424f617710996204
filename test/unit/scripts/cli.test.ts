/**
 * The command line as a user runs it: every fixture in one run, in name
 * order (so each agency's earlier year comes first and serves as history),
 * with --json. Each entry must carry the expected kind, identity and the
 * exact errors and warnings of its fixture.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type ContractEntry, ContractEntrySchema } from '../../../lib/model/contract';
import { findingSummary, loadFixtures, seriousFindingIds } from '../../support/fixtures';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const fixtures = loadFixtures();
let entries: ContractEntry[] = [];

beforeAll(async () => {
  const files = [...fixtures.map((f) => f.htmlPath), join(ROOT, 'test/fixtures/README.md')];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/check.ts', '--json', ...files],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
  );
  entries = JSON.parse(stdout);
}, 120_000);

describe('npm run check -- --json', () => {
  it('answers one entry per file, in order', () => {
    expect(entries.map((e) => e.file)).toEqual([
      ...fixtures.map((f) => f.htmlPath),
      join(ROOT, 'test/fixtures/README.md'),
    ]);
  });

  it('writes every entry as the contract schema declares it, nothing more and nothing less', () => {
    const parsed = z.array(ContractEntrySchema).safeParse(entries);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Objects drop keys they do not declare: an entry equal to its parse has none the schema lacks.
    expect(parsed.data).toEqual(entries);
    expect(entries.filter((entry) => entry.report !== undefined)).toHaveLength(
      fixtures.filter((fixture) => fixture.kind === 'report').length,
    );
  });

  it('reads a file that is not a report page as not a report, without failing the run', () => {
    expect(entries.at(-1)).toMatchObject({ isReport: false, kind: 'none' });
  });

  it('gives an entry with an error for a file it cannot read', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/check.ts', '--json', 'no-such-file.html'],
      { cwd: ROOT },
    );
    const [entry] = JSON.parse(stdout) as ContractEntry[];
    expect(entry?.error).toMatch(/no such file/i);
    expect(entry?.isReport).toBe(false);
    expect(ContractEntrySchema.safeParse(entry).success).toBe(true);
  });

  for (const [i, fixture] of fixtures.entries()) {
    it(`${fixture.name}: kind, identity and findings as expected`, () => {
      const entry = entries[i];
      expect(entry?.kind).toBe(fixture.kind);
      if (!fixture.report) return;
      expect(entry?.report).toMatchObject({
        agency: fixture.report.agency,
        year: fixture.report.year,
        template: fixture.report.template,
        values: fixture.report.values,
      });
      expect(seriousFindingIds((entry?.findings ?? []).map(findingSummary))).toEqual(
        seriousFindingIds(fixture.report.findings ?? []),
      );
    });
  }
});

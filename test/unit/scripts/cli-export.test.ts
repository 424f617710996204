/**
 * `npm run check -- --export FORMAT --out DIR` as a user runs it: the real
 * command line on saved pages, writing into a temporary directory. The files
 * must say what the --json entries say, the memo must carry the hash of the
 * page's own text, the combined CSV must hold every report's values and
 * nothing of the pages that are not reports, and nothing may be overwritten.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingTimeLabel } from '../../../lib/export/beijing-time';
import { ReportExportSchema } from '../../../lib/export/json';
import { reportText } from '../../../lib/export/report-text';
import type { ContractEntry } from '../../../lib/model/contract';
import { parseCsv } from '../../support/csv';
import { FIXTURE_DIR } from '../../support/fixtures';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => join(FIXTURE_DIR, `${name}.html`);
const BASE = fixture('chk-yoy-base-2022');
const BROKEN = fixture('chk-yoy-broken-2023');
const CLEAN = fixture('chk-yoy-clean-2023');
const SEED = fixture('seed-002-hailing-2017');
const IMAGE_ONLY = fixture('fmt-image-only');
const NON_REPORT = fixture('nonreport-news-article');
const MISSING = join(FIXTURE_DIR, 'no-such-file.html');

const JIANGZHOU = '江州市自然资源和规划局';
const HAILING = '海陵区';
const BOM = '\uFEFF';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/check.ts', ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const retrievedAtOf = (file: string) => statSync(file).mtime.toISOString();

let tmp = '';
const out = (name: string) => join(tmp, name);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ogi-lens-cli-export-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('--export json --json', () => {
  const inputs = [BASE, BROKEN, SEED, NON_REPORT, MISSING];
  let run: Run;
  let entries: ContractEntry[];

  beforeAll(async () => {
    run = await runCli(['--json', '--export', 'json', '--out', out('json'), ...inputs]);
    entries = JSON.parse(run.stdout);
  }, 120_000);

  it('keeps stdout the JSON array, one entry per input, and exits 0 despite the non-reports', () => {
    expect(run.code).toBe(0);
    expect(entries.map((e) => e.file)).toEqual(inputs);
  });

  it('names the non-report and the unreadable file on stderr, and writes nothing for them', async () => {
    expect(run.stderr).toContain(`not a report (none): ${NON_REPORT}`);
    expect(run.stderr).toMatch(new RegExp(`unreadable: .*no such file.*: ${MISSING}`, 'i'));
    expect((await readdir(out('json'))).sort()).toEqual(
      [
        `${JIANGZHOU}-2022-年报核查.json`,
        `${JIANGZHOU}-2023-年报核查.json`,
        `${HAILING}-2017-年报核查.json`,
        'ogi-lens-reports.csv',
      ].sort(),
    );
  });

  it('writes for each report its --json entry plus schema version and retrieval time', async () => {
    for (const [input, name] of [
      [BASE, `${JIANGZHOU}-2022-年报核查.json`],
      [BROKEN, `${JIANGZHOU}-2023-年报核查.json`],
      [SEED, `${HAILING}-2017-年报核查.json`],
    ] as const) {
      const written = JSON.parse(await readFile(out(`json/${name}`), 'utf8'));
      expect(ReportExportSchema.safeParse(written).success).toBe(true);
      const entry = entries.find((e) => e.file === input);
      // The export names its input by address, as the browser does: here the saved file's URL.
      expect(written).toEqual({
        ...entry,
        file: pathToFileURL(input).href,
        schemaVersion: 1,
        retrievedAt: retrievedAtOf(input),
      });
    }
  });

  it('checks the later year against the earlier file of the same run', async () => {
    const written = JSON.parse(
      await readFile(out(`json/${JIANGZHOU}-2023-年报核查.json`), 'utf8'),
    ) as ContractEntry;
    expect(written.findings.filter((f) => f.rule === 'yoy.carry-over')).toHaveLength(2);
  });

  it('lists the written files on stderr, not stdout', () => {
    expect(run.stderr).toContain(`wrote ${out(`json/${HAILING}-2017-年报核查.json`)}`);
    expect(run.stderr).toContain(`wrote ${out('json/ogi-lens-reports.csv')}`);
  });
});

describe('--export csv', () => {
  const inputs = [BASE, BROKEN, SEED, IMAGE_ONLY, NON_REPORT];
  let run: Run;
  let entries: ContractEntry[];

  beforeAll(async () => {
    run = await runCli(['--export', 'csv', '--out', out('csv/nested'), ...inputs]);
    // The same inputs with --json, for the values and findings to compare with.
    entries = JSON.parse((await runCli(['--json', ...inputs])).stdout);
  }, 120_000);

  const entryOf = (file: string) => {
    const entry = entries.find((e) => e.file === file);
    if (!entry?.report) throw new Error(`${file} was not read as a report`);
    return { ...entry, report: entry.report };
  };

  it('prints one line per written file after the readable summaries, creating DIR', () => {
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('wrote '));
    expect(lines).toEqual([
      `wrote ${out(`csv/nested/${JIANGZHOU}-2022-年报核查.csv`)}`,
      `wrote ${out(`csv/nested/${JIANGZHOU}-2023-年报核查.csv`)}`,
      `wrote ${out(`csv/nested/${HAILING}-2017-年报核查.csv`)}`,
      `wrote ${out(`csv/nested/北山县-2020-年报核查.csv`)}`,
      `wrote ${out('csv/nested/ogi-lens-reports.csv')}`,
    ]);
    expect(run.stdout).toContain('错误 errors');
  });

  it("writes a report's CSV that reads back with the report's values", async () => {
    const text = await readFile(out(`csv/nested/${HAILING}-2017-年报核查.csv`), 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text.slice(BOM.length));
    expect(rows[0]).toEqual([
      'agency',
      'year',
      'url',
      'retrievedAt',
      'key',
      'table',
      'parent',
      'row',
      'col',
      'value',
      'raw',
    ]);
    const values = rows.slice(
      1,
      rows.findIndex((r) => r.length === 1 && r[0] === ''),
    );
    const expected = entryOf(SEED).report.values;
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    const keyed = values.filter((r) => r[4] !== '');
    expect(new Set(keyed.map((r) => r[4]))).toEqual(new Set(Object.keys(expected)));
    for (const [, , , , key = '', , , , , value] of keyed) {
      const want = expected[key];
      expect(value, key).toBe(want === null || want === undefined ? '' : String(want));
    }
    for (const row of values)
      expect(row.slice(0, 3)).toEqual(['海陵区', '2017', pathToFileURL(SEED).href]);
  });

  it('writes one combined CSV with a row per report and figure, and none for the non-report', async () => {
    const text = await readFile(out('csv/nested/ogi-lens-reports.csv'), 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(BOM.length));
    expect(header).toEqual([
      'file',
      'url',
      'agency',
      'year',
      'template',
      'publishedAt',
      'retrievedAt',
      'key',
      'row',
      'value',
      'errors',
      'warnings',
    ]);
    expect(rows.some((r) => r[0] === NON_REPORT)).toBe(false);
    for (const file of [BASE, BROKEN, SEED]) {
      const { report, findings } = entryOf(file);
      const mine = rows.filter((r) => r[0] === file);
      const keyed = mine.filter((r) => r[7] !== '');
      expect(keyed.map((r) => r[7]).sort()).toEqual(Object.keys(report.values).sort());
      const count = (severity: string) =>
        String(findings.filter((f) => f.severity === severity).length);
      for (const row of mine) {
        expect(row.slice(0, 6)).toEqual([
          file,
          pathToFileURL(file).href,
          report.agency,
          String(report.year),
          report.template,
          report.publishedAt ?? '',
        ]);
        // The saved file's time, in Beijing time with its offset.
        expect(new Date(row[6] ?? '').getTime()).toBe(
          Math.floor(statSync(file).mtimeMs / 1000) * 1000,
        );
        expect(row[6]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
        expect(row.slice(10)).toEqual([count('error'), count('warning')]);
      }
      for (const row of keyed) {
        const want = report.values[row[7] ?? ''];
        expect(row[9]).toBe(want === null || want === undefined ? '' : String(want));
      }
    }
    // The 2021-format reports: one row per key. The legacy seed: every row of its table, by label.
    expect(rows.filter((r) => r[0] === BASE)).toHaveLength(
      Object.keys(entryOf(BASE).report.values).length,
    );
    const seed = rows.filter((r) => r[0] === SEED);
    expect(seed.length).toBeGreaterThan(Object.keys(entryOf(SEED).report.values).length + 40);
    expect(seed.find((r) => r[8] === '1﹒属于已主动公开范围数')?.slice(7, 10)).toEqual([
      '',
      '1﹒属于已主动公开范围数',
      '2',
    ]);
    // A report with no readable values (tables as images) keeps one row, for its identity and counts.
    const imageOnly = rows.filter((r) => r[0] === IMAGE_ONLY);
    expect(imageOnly).toHaveLength(1);
    expect(imageOnly[0]?.slice(0, 6)).toEqual([
      IMAGE_ONLY,
      pathToFileURL(IMAGE_ONLY).href,
      '北山县',
      '2020',
      '2019',
      '2021-03-26',
    ]);
    expect(imageOnly[0]?.slice(7)).toEqual(['', '', '', '0', '1']);
    // The pair's later year carries the year-over-year errors found against the earlier one.
    expect(rows.find((r) => r[0] === BROKEN)?.[10]).toBe('2');
    expect(rows.find((r) => r[0] === SEED)?.[10]).toBe('3');
  });
});

describe('--export md', () => {
  let run: Run;

  beforeAll(async () => {
    // Two saved copies of one agency's 2023 report: the same export file name; its 2022 report first.
    run = await runCli(['--export', 'md', '--out', out('md'), BASE, BROKEN, CLEAN]);
  }, 120_000);

  async function independentHash(file: string): Promise<string> {
    const doc = new JSDOM(await readFile(file), {
      url: pathToFileURL(file).href,
      contentType: 'text/html',
    }).window.document;
    return createHash('sha256').update(reportText(doc), 'utf8').digest('hex');
  }

  it('gives the second file of the same name a -2 suffix instead of overwriting the first', async () => {
    expect(run.code).toBe(0);
    expect((await readdir(out('md'))).sort()).toEqual(
      [
        `${JIANGZHOU}-2022-年报核查.md`,
        `${JIANGZHOU}-2023-年报核查.md`,
        `${JIANGZHOU}-2023-年报核查-2.md`,
        'ogi-lens-reports.csv',
      ].sort(),
    );
  });

  it("states in each memo the SHA-256 of its own page's text and when the file was saved", async () => {
    const first = await readFile(out(`md/${JIANGZHOU}-2023-年报核查.md`), 'utf8');
    const second = await readFile(out(`md/${JIANGZHOU}-2023-年报核查-2.md`), 'utf8');
    const [brokenHash, cleanHash] = [await independentHash(BROKEN), await independentHash(CLEAN)];
    expect(brokenHash).not.toBe(cleanHash);
    expect(first).toContain(brokenHash);
    expect(first).not.toContain(cleanHash);
    expect(second).toContain(cleanHash);
    // In Beijing time, as the portals date their pages.
    expect(first).toContain(`- 获取时间: ${beijingTimeLabel(retrievedAtOf(BROKEN), 'zh')}`);
    expect(second).toContain(`- Retrieved: ${beijingTimeLabel(retrievedAtOf(CLEAN), 'en')}`);
  });

  it('cites the earlier file as the previous report where the memo has year-over-year findings', async () => {
    const memo = await readFile(out(`md/${JIANGZHOU}-2023-年报核查.md`), 'utf8');
    expect(memo).toContain('(与上年报告)');
    expect(memo).toContain(
      `- 上一年度报告（同比核查所据）: ${JIANGZHOU}《${JIANGZHOU}2022年政府信息公开工作年度报告》（2022年度），<${pathToFileURL(BASE).href}>，读取于 ${beijingTimeLabel(retrievedAtOf(BASE), 'zh')}`,
    );
    expect(memo).not.toMatch(/\((yoy|t3|t4|legacy|narrative|form|timeliness)\./);
    const earliest = await readFile(out(`md/${JIANGZHOU}-2022-年报核查.md`), 'utf8');
    expect(earliest).not.toContain('上一年度报告');
  });
});

describe('bad arguments', () => {
  const cases: [string, string[]][] = [
    ['an unknown format', ['--export', 'pdf', '--out', out('bad'), BASE]],
    ['--export without --out', ['--export', 'csv', BASE]],
    ['--out without --export', ['--out', out('bad'), BASE]],
    ['--export without a value', ['--out', out('bad'), BASE, '--export']],
    ['no files', ['--export', 'csv', '--out', out('bad')]],
  ];
  for (const [what, args] of cases) {
    it(`${what}: usage, exit 2, nothing written`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: npm run check --');
      expect(run.stdout).toBe('');
      expect(existsSync(out('bad'))).toBe(false);
    });
  }
});

describe('--export xlsx', () => {
  it('writes a workbook named after the report', async () => {
    const run = await runCli(['--export', 'xlsx', '--out', out('xlsx'), BASE]);
    expect(run.code).toBe(0);
    const path = out(`xlsx/${JIANGZHOU}-2022-年报核查.xlsx`);
    expect(run.stdout).toContain(`wrote ${path}`);
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);
});

/**
 * `npm run check -- --portal DIR` as a journalist runs it, on a saved portal
 * built here from the fixtures: each page copied to DIR/<host>/<path> as
 * `wget --mirror` would have saved it (its address from the fixture's
 * expected JSON), last year's report saved by a browser elsewhere in the
 * folder (its `saved from url` comment names its address), a government's
 * report of the same year as three of its departments', and a scanned PDF.
 * What must show: the league table in its order, `previous` naming the file
 * that served as last year — wherever it sorts — the year-over-year errors
 * that only that pairing finds, "ambiguous" where two reports claim last
 * year, the hierarchy info, and the audit workbook's sheets.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractEntry, ContractEntrySchema } from '../../../lib/model/contract';
import { FIXTURE_DIR } from '../../support/fixtures';
import { readWorkbook } from '../../support/xlsx-reader';

const ROOT = join(import.meta.dirname, '..', '..', '..');

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

async function urlOf(name: string): Promise<string> {
  const path = join(
    FIXTURE_DIR,
    name.endsWith('.pdf') ? 'pdf' : '',
    `${name.replace(/\.pdf$/, '')}.expected.json`,
  );
  return JSON.parse(await readFile(path, 'utf8')).url;
}

/** Where wget --mirror saves an address: DIR/<host>/<path>. */
const mirrorPath = (url: string) => {
  const u = new URL(url);
  return `${u.host}${decodeURI(u.pathname)}`;
};

let dir = '';
let out = '';
const at = (rel: string) => join(dir, rel);

async function place(rel: string, text: string | Buffer): Promise<void> {
  await mkdir(dirname(at(rel)), { recursive: true });
  await writeFile(at(rel), text);
}

const BROKEN = 'www.jiangzhou.gov.cn/art/2024/1/19/art_1229_3581655.html';
/** Last year's report, saved by a browser into a folder that sorts after every host. */
const BASE_SAVED = 'zz-saved/江州市自然资源和规划局2022年报告.html';
const GOVERNMENT = 'www.jiangzhou.gov.cn/art/2024/3/28/art_1229_3600001.html';
const XILING_2021 =
  'www.xiling.gov.cn/xlqzf/zwgk/004002/004002003/20220210/6c2d9e1a-4f3b-4b7e-8a2d-1e9c5f3b7a62.html';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ogi-lens-portal-'));
  out = await mkdtemp(join(tmpdir(), 'ogi-lens-portal-out-'));
  for (const name of [
    'chk-yoy-broken-2023',
    'broken-markup-2023',
    'hostile-css-2023',
    'chk-yoy-format-2020',
    'chk-yoy-format-2021',
    'fmt-2019-epoint',
    'listing-hanweb-column',
  ]) {
    await mkdir(dirname(at(mirrorPath(await urlOf(name)))), { recursive: true });
    await copyFile(join(FIXTURE_DIR, `${name}.html`), at(mirrorPath(await urlOf(name))));
  }
  const baseUrl = await urlOf('chk-yoy-base-2022');
  const base = await readFile(join(FIXTURE_DIR, 'chk-yoy-base-2022.html'), 'utf8');
  const comment = `<!-- saved from url=(${String(baseUrl.length).padStart(4, '0')})${baseUrl} -->`;
  await place(BASE_SAVED, `${comment}\n${base}`);
  // The city government's report of the same year: a department's page as the government published it.
  const hanweb = await readFile(join(FIXTURE_DIR, 'fmt-2021-hanweb.html'), 'utf8');
  await place(GOVERNMENT, hanweb.replaceAll('江州市自然资源和规划局', '江州市人民政府'));
  await place(
    'www.jiangzhou.gov.cn/attach/scan.pdf',
    await readFile(join(FIXTURE_DIR, 'pdf', 'pdf-scanned.pdf')),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('--portal DIR --json', () => {
  let entries: ContractEntry[];
  const entry = (file: string) => entries.find((e) => e.file === file);

  beforeAll(async () => {
    const run = await runCli(['--portal', dir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    entries = JSON.parse(run.stdout);
  }, 120_000);

  it('writes one contract entry per page, with its address', () => {
    expect(entries).toHaveLength(10);
    for (const e of entries) expect(ContractEntrySchema.parse(e)).toEqual(e);
    expect(entry(BROKEN)?.url).toBe(`http://${BROKEN}`);
    expect(entry(BASE_SAVED)?.url).toBe(
      'http://www.jiangzhou.gov.cn/art/2023/1/16/art_1229_3362157.html',
    );
  });

  it('pairs a report with last year’s file wherever it sorts, and finds the carry-over errors that pairing shows', async () => {
    const broken = entry(BROKEN);
    expect(broken?.previous).toBe(BASE_SAVED);
    const yoy = broken?.findings.filter((f) => f.rule === 'yoy.carry-over') ?? [];
    expect(yoy.map((f) => f.severity)).toEqual(['error', 'error']);
    // Checked alone, or before its previous year as a plain batch would, the same page has none.
    const alone = await runCli(['--json', at(BROKEN), at(BASE_SAVED)]);
    const [plain] = JSON.parse(alone.stdout) as ContractEntry[];
    expect(plain?.findings.some((f) => f.rule.startsWith('yoy.'))).toBe(false);
  }, 60_000);

  it('uses no previous year when two reports claim it, and names both', () => {
    const xiling = entry(XILING_2021);
    expect(xiling?.previous).toBeNull();
    expect(xiling?.previousCandidates).toHaveLength(2);
    expect(xiling?.findings.some((f) => f.rule.startsWith('yoy.'))).toBe(false);
  });

  it('sets the government’s table 三 beside its three departments’, as info only', () => {
    const hierarchy =
      entry(GOVERNMENT)?.findings.filter((f) => f.rule === 'hierarchy.t3-sum') ?? [];
    expect(hierarchy).toHaveLength(4);
    for (const f of hierarchy) expect(f.severity).toBe('info');
    expect(hierarchy[0]?.message).toContain(
      '3 个部门报告（江州市住房和城乡建设局、江州市市场监督管理局、江州市自然资源和规划局）',
    );
    expect(entry(BROKEN)?.findings.some((f) => f.rule === 'hierarchy.t3-sum')).toBe(false);
  });
});

describe('--portal DIR at a terminal', () => {
  let run: Run;
  beforeAll(async () => {
    run = await runCli(['--portal', dir]);
  }, 120_000);

  it('prints the league table, most errors first, unreadable pages last', () => {
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const header = lines.findIndex((l) => l.trimStart().startsWith('#  机构 agency'));
    const rows = lines.slice(header + 1, lines.indexOf('', header + 1));
    const agencies = rows.map((l) => l.trim().split(/\s{2,}/)[1]);
    expect(agencies.slice(0, 2)).toEqual(['江州市自然资源和规划局', '江州市市场监督管理局']);
    expect(agencies.at(-1)).toMatch(/^无法读取 unreadable/);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toContain('按时');
    expect(rows[0]).toContain(BASE_SAVED);
    expect(rows.find((l) => l.includes('西岭区') && l.includes('2021'))).toContain(
      '不确定 ambiguous (2)',
    );
    // Columns line up: every row's year starts where the header's does (Chinese characters are two cells wide).
    const width = (s: string) =>
      [...s].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const yearAt = (line: string, year: string) => width(line.slice(0, line.indexOf(year)));
    expect(yearAt(rows[0] ?? '', '2023')).toBe(yearAt(rows[1] ?? '', '2023'));
  });

  it('prints the hierarchy info line with its arithmetic', () => {
    expect(run.stdout).toContain('提示 info: 江州市人民政府 2023 表三 与 3 个部门之和');
    expect(run.stdout).toMatch(
      /部门之和 江州市住房和城乡建设局 \d+ \+ 江州市市场监督管理局 \d+ \+ 江州市自然资源和规划局 \d+ = \d+/,
    );
  });
});

describe('--portal DIR --export', () => {
  it('writes the audit workbook: the league, then one sheet of findings per report', async () => {
    const run = await runCli(['--portal', dir, '--export', 'xlsx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const dump = await readWorkbook(await readFile(join(out, 'ogi-lens-audit.xlsx')));
    expect(dump.sheets[0]?.name).toBe('总表 League table');
    expect(dump.sheets).toHaveLength(1 + 8);
    expect(dump.sheets.map((s) => s.name)).toContain('2023 江州市人民政府');
  }, 120_000);

  it('writes the league as CSV', async () => {
    const run = await runCli(['--portal', dir, '--export', 'csv', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(join(out, 'ogi-lens-audit.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 9);
  }, 120_000);
});

describe('--portal mistakes', () => {
  it('refuses files beside --portal, and an export the audit does not write', async () => {
    const both = await runCli(['--portal', dir, 'a.html']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --portal DIR or files, not both');
    const md = await runCli(['--portal', dir, '--export', 'md', '--out', out]);
    expect(md.code).toBe(2);
    expect(md.stderr).toContain('with --portal, --export writes the audit as xlsx or csv');
  }, 60_000);

  it('says so when the folder holds no pages', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ogi-lens-portal-empty-'));
    const run = await runCli(['--portal', empty]);
    await rm(empty, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no pages (.html .htm .shtml .pdf) under');
  }, 60_000);
});

/**
 * Report pages of a chosen size, for the huge-page browser tests and the
 * benchmark: a real 2021-format report page (test/fixtures/chk-yoy-clean-2023,
 * whole portal chrome, tables 二 三 四) with, after its tables, an appended
 * catalogue table of the kind portals attach (主动公开信息目录) holding the rest
 * of the cells. The report's own tables and findings stay those of the fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_FIXTURE = 'chk-yoy-clean-2023';
const FIXTURE_DIR = join(import.meta.dirname, '../../test/fixtures');
const COLUMNS = [
  '序号',
  '信息名称',
  '文号',
  '发布日期',
  '公开方式',
  '页数',
  '浏览次数',
  '下载次数',
  '栏目',
  '备注',
];

/** Cells of the base page's own tables (二 三 四 with their headers). */
export const BASE_CELLS = 279;

function catalogueRow(n: number): string {
  const cells = [
    String(n),
    `关于第${n}批建设用地征收的公告`,
    `江自然资〔2023〕${n}号`,
    `2023-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    n % 3 === 0 ? '网站、政务新媒体' : '网站',
    String((n % 9) + 1),
    String((n * 37) % 5000),
    String(n % 50),
    '征地信息',
    '',
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

/** The catalogue table with about `cells` cells (whole rows of ten). */
export function catalogueTable(cells: number): string {
  const rows = Math.max(1, Math.round(cells / COLUMNS.length) - 1);
  const head = `<tr>${COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr>`;
  const body = Array.from({ length: rows }, (_, i) => catalogueRow(i + 1)).join('\n');
  return `<p>附表：2023年度主动公开政府信息目录</p>\n<table border="1" cellspacing="0" cellpadding="4" width="100%">\n${head}\n${body}\n</table>`;
}

/**
 * A report page with about `totalCells` table cells in all (never fewer than
 * the base page's). Another 2021-format fixture of BASE_CELLS cells may serve
 * as the base.
 */
export function hugeReportPage(totalCells: number, baseFixture: string = BASE_FIXTURE): string {
  const base = readFileSync(join(FIXTURE_DIR, `${baseFixture}.html`), 'utf8');
  const extra = totalCells - BASE_CELLS;
  if (extra <= 0) return base;
  const end = base.lastIndexOf('</table>') + '</table>'.length;
  return `${base.slice(0, end)}\n${catalogueTable(extra)}\n${base.slice(end)}`;
}

/**
 * The hostile-css fixture (test/browser/hostile.ts): the culprit report, whose
 * one flagged cell is marked, under a page theme against extensions
 * (`*{all:unset !important}`, every box positioned and stacked at the top, the
 * overlay and the marks' outline hidden with `!important`).
 */
export const HOSTILE_CSS_FIXTURE = 'hostile-css-2023';

/**
 * That page with the catalogue appended: every one of its elements restyled
 * by the theme, so whatever makes the browser recompute style or lay the page
 * out again costs for all of them.
 */
export function hostileCssReportPage(totalCells: number): string {
  return hugeReportPage(totalCells, HOSTILE_CSS_FIXTURE);
}

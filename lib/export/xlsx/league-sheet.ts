/**
 * The audit workbook's first sheet: the league table, one row per page, in
 * the order given (the caller sorts it). Each report's agency links to the
 * sheet of its findings; addresses link to the page.
 */
import {
  BODY_KIND_TEXT,
  type LeagueRow,
  missingTablesText,
  timelinessText,
} from '../../audit/league';
import { sheetLocation } from './findings-sheet';
import { SEVERITY_LABEL } from './labels';
import { type CellContent, type Link, linkableUrl, type SheetCell, type SheetSpec } from './sheet';
import { columnWidths } from './text-width';

export const LEAGUE_SHEET_NAME = '总表 League table';

export const LEAGUE_HEADERS = [
  '机构 Agency',
  '年度 Year',
  '机构类别 Body',
  '发布日期 Published',
  '期限 Deadline',
  '时效 Timeliness',
  '错误 Errors',
  '警告 Warnings',
  '提示 Info',
  '最严重问题 Most serious',
  '规则 Rule',
  '问题 Message (中文)',
  '问题 Message (English)',
  '缺少的表 Tables missing',
  '图片表格 Tables as images',
  '来源 Source',
  '上年报告 Previous year',
  '地址 URL',
  '无法读取 Unreadable',
] as const;

const MAX_WIDTH = [30, 8, 14, 12, 12, 18, 8, 8, 8, 14, 24, 50, 50, 16, 10, 8, 40, 40, 40] as const;
const AGENCY_COL = 0;
const URL_COL = LEAGUE_HEADERS.indexOf('地址 URL');
const PREVIOUS_COL = LEAGUE_HEADERS.indexOf('上年报告 Previous year');

function previousText(row: LeagueRow): string {
  switch (row.previous.state) {
    case 'found':
      return row.previous.url;
    case 'none':
      return row.status === 'report' ? '无 none' : '';
    case 'ambiguous':
      return `不确定：${row.previous.candidates} 份候选 ambiguous: ${row.previous.candidates} candidates`;
  }
}

function rowCells(row: LeagueRow): CellContent[] {
  const read = row.status === 'report';
  const timeliness = timelinessText(row);
  const missing = missingTablesText(row);
  const body = BODY_KIND_TEXT[row.bodyKind];
  return [
    row.agency || null,
    row.year,
    read ? `${body.zh} ${body.en}` : null,
    row.publishedAt,
    row.deadline,
    read ? `${timeliness.zh} ${timeliness.en}` : null,
    row.errors,
    row.warnings,
    row.infos,
    row.worst ? SEVERITY_LABEL[row.worst.severity] : read ? '无 none' : null,
    row.worst?.rule ?? null,
    row.worst?.message ?? null,
    row.worst?.messageEn ?? null,
    missing ? (missing.zh ? `${missing.zh} ${missing.en}` : '无 none') : null,
    row.imageTables,
    row.source.toUpperCase(),
    previousText(row) || null,
    row.url,
    row.problem ? `${row.problem} ${row.problemEn ?? ''}`.trim() : null,
  ];
}

/** `sheetOf(i)`: the name of the sheet listing row i's findings, or null when it has none. */
export function leagueSheet(
  rows: readonly LeagueRow[],
  sheetOf: (index: number) => string | null,
): SheetSpec {
  const links: Link[] = [];
  const cells: SheetCell[] = LEAGUE_HEADERS.map((value, col) => ({
    row: 0,
    col,
    value,
    style: { bold: true, wrap: true },
  }));
  rows.forEach((row, i) => {
    const r = i + 1;
    const sheet = sheetOf(i);
    if (sheet)
      links.push({ row: r, col: AGENCY_COL, target: { location: sheetLocation(sheet, 0, 0) } });
    if (linkableUrl(row.url)) links.push({ row: r, col: URL_COL, target: { url: row.url } });
    if (row.previous.state === 'found' && linkableUrl(row.previous.url)) {
      links.push({ row: r, col: PREVIOUS_COL, target: { url: row.previous.url } });
    }
    const linked = new Set(links.filter((l) => l.row === r).map((l) => l.col));
    rowCells(row).forEach((value, col) => {
      const fill = col === 9 && row.worst ? row.worst.severity : undefined;
      cells.push({
        row: r,
        col,
        value,
        style: {
          wrap: typeof value === 'string',
          ...(fill ? { fill } : {}),
          ...(linked.has(col) ? { link: true } : {}),
        },
      });
    });
  });
  return {
    name: LEAGUE_SHEET_NAME,
    cells,
    links,
    merges: [],
    widths: columnWidths(cells, LEAGUE_HEADERS.length, (col) => ({
      min: 8,
      max: MAX_WIDTH[col] ?? 40,
    })),
    notes: [],
    freezeRows: 1,
  };
}

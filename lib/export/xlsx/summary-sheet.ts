/** The first sheet: which report this is, where and when it was read, and what was found. */
import type { Severity } from '../../model/report';
import { beijingIso } from '../beijing-time';
import type { ExportInput } from '../types';
import { SHEET_NAMES } from './labels';
import { type CellContent, type Link, linkableUrl, type SheetCell, type SheetSpec } from './sheet';
import { columnWidths } from './text-width';

function count(input: ExportInput, severity: Severity): number {
  return input.findings.filter((f) => f.severity === severity).length;
}

export function summarySheet(input: ExportInput): SheetSpec {
  const { report, previous } = input;
  const { identity } = report;
  const rows: [string, CellContent][] = [
    ['报告 Report', identity.title],
    ['机构 Agency', identity.agency],
    ['年度 Year', identity.year],
    ['格式 Format', identity.template],
    ['来源 Source URL', report.url],
    ['发布日期 Published', identity.publishedAt],
    ['获取时间（北京时间） Retrieved (Beijing time)', beijingIso(input.retrievedAt)],
    ['错误 Errors', count(input, 'error')],
    ['警告 Warnings', count(input, 'warning')],
    ['提示 Info', count(input, 'info')],
    ['正文 SHA-256 SHA-256 of the text', input.textSha256],
  ];
  if (report.imageTables > 0) rows.push(['图片表格 Tables as images', report.imageTables]);
  if (previous) {
    rows.push(['对比年度 Compared with year', previous.year]);
    rows.push(['上年报告 Previous report URL', previous.url]);
  }
  // The addresses are links (web pages only: sheet.ts drops any other scheme).
  const linked = new Set([report.url, previous?.url].filter((url) => url && linkableUrl(url)));
  const links: Link[] = [];
  const cells: SheetCell[] = rows.flatMap(([label, value], row) => {
    const link = typeof value === 'string' && linked.has(value) && label.includes('URL');
    if (link) links.push({ row, col: 1, target: { url: value } });
    return [
      { row, col: 0, value: label, style: { bold: true } },
      { row, col: 1, value, style: { wrap: typeof value === 'string', ...(link ? { link } : {}) } },
    ];
  });
  return {
    name: SHEET_NAMES.summary,
    cells,
    links,
    merges: [],
    widths: columnWidths(cells, 2, (col) =>
      col === 0 ? { min: 12, max: 36 } : { min: 12, max: 80 },
    ),
    notes: [],
  };
}

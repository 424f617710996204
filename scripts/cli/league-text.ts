/**
 * The league table and the hierarchy notes for a person at a terminal:
 * columns aligned by display width (a Chinese character takes two cells,
 * as lib/export/xlsx/text-width.ts measures it).
 */

import type { HierarchyResult } from '../../lib/audit/hierarchy';
import {
  BODY_KIND_TEXT,
  type LeagueRow,
  missingTablesText,
  timelinessText,
} from '../../lib/audit/league';
import { displayWidth } from '../../lib/export/xlsx/text-width';

const HEADERS = [
  '#',
  '机构 agency',
  '年度',
  '类别',
  '发布 published',
  '时效 timeliness',
  '错',
  '警',
  '提',
  '最严重 worst',
  '缺表/图片 missing/images',
  '来源',
  '上年 previous',
  '文件 file',
] as const;

/** Columns of numbers line up on the right. */
const RIGHT = new Set([0, 2, 6, 7, 8]);

/** Page text reaches a terminal: a control character (an escape sequence) is shown, never obeyed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const printable = (text: string): string => text.replace(CONTROL, '\uFFFD');

const cut = (raw: string, max: number): string => {
  const text = printable(raw);
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
};

const pad = (text: string, width: number, right: boolean): string => {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
};

function cellsOf(row: LeagueRow, i: number, fileOf: (url: string) => string): string[] {
  const n = (v: number | null) => (v === null ? '?' : String(v));
  const read = row.status === 'report';
  const missing = missingTablesText(row);
  const forms = [
    missing?.zh ? `缺${missing.zh}` : '',
    row.imageTables ? `图片${row.imageTables}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const previous =
    row.previous.state === 'found'
      ? fileOf(row.previous.url)
      : row.previous.state === 'ambiguous'
        ? `不确定 ambiguous (${row.previous.candidates})`
        : read
          ? '无 none'
          : '';
  return [
    String(i + 1),
    cut(read ? row.agency || '?' : `无法读取 unreadable: ${row.problemEn ?? ''}`, 40),
    row.year === null ? '?' : String(row.year),
    read ? BODY_KIND_TEXT[row.bodyKind].zh : '',
    row.publishedAt ?? (read ? '?' : ''),
    read ? timelinessText(row).zh : '',
    n(row.errors),
    n(row.warnings),
    n(row.infos),
    row.worst ? cut(row.worst.rule, 28) : read ? '—' : '',
    read ? forms || '—' : '',
    row.source,
    cut(previous, 48),
    printable(fileOf(row.url)),
  ];
}

/** The table, one line per row, in the rows' order. `fileOf` names the file of an address. */
export function formatLeague(
  rows: readonly LeagueRow[],
  fileOf: (url: string) => string,
): string[] {
  const table = [[...HEADERS], ...rows.map((row, i) => cellsOf(row, i, fileOf))];
  const widths = HEADERS.map((_, col) =>
    Math.max(...table.map((line) => displayWidth(line[col] ?? ''))),
  );
  return table.map((line) =>
    line
      .map((text, col) => pad(text, widths[col] ?? 0, RIGHT.has(col)))
      .join('  ')
      .trimEnd(),
  );
}

/** Each government's comparison with its departments, as info lines with their arithmetic. */
export function formatHierarchy(results: readonly HierarchyResult[]): string[] {
  const lines: string[] = [];
  for (const { government, departments, findings } of results) {
    lines.push(
      `提示 info: ${government.identity.agency} ${government.identity.year ?? ''} 表三 与 ${departments.length} 个部门之和 / table III against the sum of ${departments.length} departments (${departments.join('、')})`,
    );
    for (const f of findings) {
      lines.push(`  [${f.rule}] ${f.message}`);
      lines.push(`    ${f.messageEn}`);
      lines.push(`    ${f.arithmetic}`);
    }
  }
  return lines.map(printable);
}

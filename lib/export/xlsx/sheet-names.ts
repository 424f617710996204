/**
 * Sheet names. Excel refuses a workbook whose sheet names are longer than 31
 * characters, contain [ ] : * ? / \, begin or end with an apostrophe, or
 * repeat one another (ignoring case).
 */
import type { ExtractedTable, TableKind } from '../../model/report';
import { stripForbidden } from './xml';

export const MAX_SHEET_NAME = 31;

const KIND_NAME: Record<TableKind, string> = {
  t2: '二 主动公开',
  t3: '三 依申请公开',
  t4: '四 复议诉讼',
  legacy: '统计表',
  other: '其他表格',
};

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A name Excel accepts, at most `max` characters. */
export function cleanSheetName(text: string, max = MAX_SHEET_NAME): string {
  const clean = stripForbidden(text)
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cut(clean, max)
    .replace(/^'+|'+$/g, '')
    .trim();
}

/**
 * `表2 三 依申请公开`: the position among the report's tables, then what the
 * table is. A table of no known format is named by its caption when it has one.
 */
export function tableSheetName(table: ExtractedTable, position: number): string {
  const caption = table.kind === 'other' || table.kind === 'legacy' ? table.title : '';
  const what = cleanSheetName(caption) || KIND_NAME[table.kind];
  return cleanSheetName(`表${position + 1} ${what}`);
}

/** The names made unique by a ` (2)`, ` (3)`… suffix, in order; empty names get one. */
export function uniqueSheetNames(names: readonly string[]): string[] {
  // Excel reserves "History" for its change tracking.
  const taken = new Set<string>(['history']);
  return names.map((name, i) => {
    let candidate = cleanSheetName(name) || `Sheet${i + 1}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${cleanSheetName(name, MAX_SHEET_NAME - suffix.length) || 'Sheet'}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

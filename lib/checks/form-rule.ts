/**
 * The form of the report, apart from its arithmetic: tables missing or
 * published as pictures, a format table with rows or columns missing, the
 * 2019 layout in a report of the 2021 era, and counts printed negative or
 * with a fraction. Blank totals are the identity rule's (form.blank-total*).
 */

import {
  COLUMN_LABELS,
  COUNT_UNITS,
  FORMAT_2021_FROM_YEAR,
  isCountKey,
  NON_COUNT_UNITS,
  ONLY_2019_KEYS,
  ROW_LABELS,
  TABLE_NAMES,
} from '../formats/form-labels';
import { FORMAT_TABLES } from '../formats/format-tables';
import type { FormatId, FormatTableTemplate } from '../formats/types';
import type { CellRef, ExtractedTable, LegacyRow, Report, TableCell } from '../model/report';
import { MAX_TABLE_CELLS } from '../tables/collect';
import { MAX_SLOTS } from '../tables/grid';
import { defineRule } from './define-rule';
import { cellRef } from './report-index';
import { formatNumber } from './shared/arithmetic';
import type { Rule, RuleFinding } from './types';

type FormatKind = 't2' | 't3' | 't4';
const FORMAT_KINDS: FormatKind[] = ['t2', 't3', 't4'];
const isFormatKind = (kind: string): kind is FormatKind =>
  (FORMAT_KINDS as string[]).includes(kind);

const formatOfReport = (report: Report): FormatId | null => {
  const t = report.identity.template;
  return t === '2019' || t === '2021' ? t : null;
};

// ---------------------------------------------------------------- tables missing or as images

function tablesFindings(report: Report, format: FormatId | null): RuleFinding[] {
  const images = report.imageTables;
  if (images > 0) {
    return [
      {
        rule: 'form.image-tables',
        severity: 'warning',
        message: `报告的统计表格以图片形式发布（${images} 张图片）：表中数字无法复制、检索和核对`,
        messageEn: `The report's tables are published as pictures (${images} image${images === 1 ? '' : 's'}): their figures cannot be copied, searched or checked`,
        cells: [],
        terms: [],
        expected: null,
        actual: images,
        arithmetic: `以图片代替的表格：${images} 张`,
      },
    ];
  }
  const kinds = new Set(report.tables.map((t) => t.kind));
  if (format) {
    const missing = FORMAT_KINDS.filter((k) => !kinds.has(k));
    if (missing.length === 0) return [];
    const names = missing.map((k) => TABLE_NAMES[k][0]);
    const namesEn = missing.map((k) => TABLE_NAMES[k][1]);
    const found = FORMAT_KINDS.length - missing.length;
    return [
      {
        rule: 'form.tables-missing',
        severity: 'warning',
        message: `${format}年格式的报告应有表二、表三、表四，页面上找不到可读的${names.join('、')}`,
        messageEn: `A report in the ${format} format has tables II, III and IV; the page has no readable ${namesEn.join(', ')}`,
        cells: [],
        terms: [],
        expected: FORMAT_KINDS.length,
        actual: found,
        arithmetic: `应有 ${FORMAT_KINDS.length} 张表，可读 ${found} 张；缺 ${missing.length} 张`,
      },
    ];
  }
  if (report.identity.template === 'legacy' && !kinds.has('legacy')) {
    return [
      {
        rule: 'form.no-table',
        severity: 'info',
        message: '报告没有统计表格，只有文字叙述：数字只能从正文核对',
        messageEn:
          'The report has no statistics table, only narrative: its figures can be checked only against the text',
        cells: [],
        terms: [],
        expected: null,
        actual: 0,
        arithmetic: '统计表格：0 张',
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------- layout: rows, columns, era

const templateOf = (kind: FormatKind): FormatTableTemplate | undefined =>
  FORMAT_TABLES.find((t) => t.kind === kind);

/** `t3.deny.secret.natural` → ['deny.secret', 'natural']; table 二/四 keys have one row segment too. */
function splitKey(key: string): [string, string] {
  const parts = key.split('.');
  return [parts.slice(1, -1).join('.'), parts[parts.length - 1] ?? ''];
}

/** The format whose declaration the table's own keys fit best; the era's format on a tie. */
function layoutOf(
  template: FormatTableTemplate,
  present: Set<string>,
  era: FormatId,
): { format: FormatId; missing: string[] } {
  const missingIn = (f: FormatId) => template.keysByFormat[f].filter((k) => !present.has(k));
  const other: FormatId = era === '2021' ? '2019' : '2021';
  const eraMissing = missingIn(era);
  const otherMissing = missingIn(other);
  return otherMissing.length < eraMissing.length
    ? { format: other, missing: otherMissing }
    : { format: era, missing: eraMissing };
}

function describeMissing(kind: FormatKind, all: string[], missing: string[]): string[] {
  const gone = new Set(missing);
  const byRow = new Map<string, string[]>();
  const byCol = new Map<string, string[]>();
  for (const key of all) {
    const [row, col] = splitKey(key);
    byRow.set(row, [...(byRow.get(row) ?? []), key]);
    byCol.set(col, [...(byCol.get(col) ?? []), key]);
  }
  const rows = [...byRow].filter(([, keys]) => keys.every((k) => gone.has(k))).map(([r]) => r);
  const cols = [...byCol].filter(([, keys]) => keys.every((k) => gone.has(k))).map(([c]) => c);
  const explained = (key: string) => {
    const [row, col] = splitKey(key);
    return rows.includes(row) || cols.includes(col);
  };
  const rowName = (r: string) => ROW_LABELS[kind][r] ?? r;
  const colName = (c: string) => COLUMN_LABELS[kind][c] ?? c;
  const parts: string[] = [];
  if (rows.length > 0) parts.push(`行${rows.map((r) => `「${rowName(r)}」`).join('')}`);
  if (cols.length > 0) parts.push(`列${cols.map((c) => `「${colName(c)}」`).join('')}`);
  const cells = missing.filter((k) => !explained(k));
  if (cells.length > 0) {
    parts.push(
      `单元格${cells
        .map((k) => {
          const [r, c] = splitKey(k);
          return `「${rowName(r)} / ${colName(c)}」`;
        })
        .join('')}`,
    );
  }
  return parts;
}

/** Printed names of the old layout's own rows (a row 2021 dropped) or columns. */
function oldLayoutLabels(
  kind: FormatKind,
  template: FormatTableTemplate,
  oldKeys: string[],
): string[] {
  const rows2021 = new Set(template.keysByFormat['2021'].map((k) => splitKey(k)[0]));
  const labels = oldKeys.map((key) => {
    const [row, col] = splitKey(key);
    return rows2021.has(row) ? (COLUMN_LABELS[kind][col] ?? col) : (ROW_LABELS[kind][row] ?? row);
  });
  return [...new Set(labels)];
}

function layoutFindings(report: Report, era: FormatId): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const year = report.identity.year;
  for (const table of report.tables) {
    if (!isFormatKind(table.kind)) continue;
    const template = templateOf(table.kind);
    if (!template) continue;
    const present = new Set(table.cells.flatMap((c) => (c.key ? [c.key] : [])));
    const layout = layoutOf(template, present, era);
    const [name, nameEn] = TABLE_NAMES[table.kind];
    const oldKeys = [...present].filter((k) => ONLY_2019_KEYS.has(k));
    if (year !== null && year >= FORMAT_2021_FROM_YEAR && oldKeys.length > 0) {
      const labels = oldLayoutLabels(table.kind, template, oldKeys);
      findings.push({
        rule: 'form.old-layout',
        severity: 'warning',
        message: `${year}年度报告的${name}仍用2019年格式（有2021年格式已取消的栏目${labels.map((l) => `「${l}」`).join('')}）：${FORMAT_2021_FROM_YEAR}年起的报告应使用2021年格式`,
        messageEn: `The ${year} report's ${nameEn} still uses the 2019 layout (it prints ${oldKeys.length} cells the 2021 format dropped); reports for ${FORMAT_2021_FROM_YEAR} onwards use the 2021 format`,
        cells: [],
        terms: [],
        expected: '2021',
        actual: '2019',
        arithmetic: `2019年格式专有的数据格：${oldKeys.length} 个`,
      });
    }
    if (layout.missing.length === 0) continue;
    const all = template.keysByFormat[layout.format];
    const parts = describeMissing(table.kind, all, layout.missing);
    const found = all.length - layout.missing.length;
    findings.push({
      rule: 'form.missing-rows',
      severity: 'warning',
      message: `${name}缺少${parts.join('；')}：表格与${layout.format}年格式不符，相关合计无法完整核对`,
      messageEn: `${nameEn} lacks ${layout.missing.length} of the ${all.length} cells of the ${layout.format} format (rows or columns left out), so its totals cannot be fully checked`,
      cells: [],
      terms: [],
      expected: all.length,
      actual: found,
      arithmetic: `${layout.format}年格式应有 ${all.length} 个数据格，本表有 ${found} 个；缺 ${layout.missing.length} 个`,
    });
  }
  return findings;
}

// ---------------------------------------------------------------- counts: negative, fractional

interface CountCell {
  ref: CellRef;
  value: number;
}

function headerAbove(table: ExtractedTable, cell: TableCell): string {
  const header = table.cells.find(
    (c) =>
      c.header &&
      c.row === table.headerRows - 1 &&
      c.col <= cell.col &&
      cell.col < c.col + c.colSpan,
  );
  return header?.text ?? '';
}

function legacyCountCells(table: ExtractedTable, tableIndex: number): CountCell[] {
  const out: CountCell[] = [];
  for (const lr of table.legacyRows ?? []) {
    if (lr.value.kind !== 'number' || !isLegacyCount(lr)) continue;
    const cell = table.cells.find((c) => c.row === lr.row && !c.header);
    if (cell?.value.kind !== 'number') continue;
    const ref = cellRef(tableIndex, cell);
    out.push({
      ref: {
        ...ref,
        row: cell.rowLabel ?? lr.label,
        col: cell.colLabel ?? headerAbove(table, cell),
      },
      value: cell.value.value,
    });
  }
  return out;
}

function isLegacyCount(lr: LegacyRow): boolean {
  if (lr.value.kind === 'number' && NON_COUNT_UNITS.test(lr.value.unit)) return false;
  if (COUNT_UNITS.test(lr.unit)) return true;
  return !NON_COUNT_UNITS.test(lr.unit) && lr.key !== undefined && isCountKey(lr.key);
}

function countCells(report: Report): CountCell[] {
  const out: CountCell[] = [];
  report.tables.forEach((table, t) => {
    if (table.kind === 'legacy') {
      out.push(...legacyCountCells(table, t));
      return;
    }
    if (!isFormatKind(table.kind)) return;
    for (const cell of table.cells) {
      if (!cell.key || cell.unreadable || cell.value.kind !== 'number') continue;
      if (!isCountKey(cell.key) || NON_COUNT_UNITS.test(cell.value.unit)) continue;
      out.push({ ref: cellRef(t, cell), value: cell.value.value });
    }
  });
  return out;
}

function countFindings(report: Report): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { ref, value } of countCells(report)) {
    const where = `「${ref.row}」「${ref.col}」`;
    const whereEn = `“${ref.row} / ${ref.col}”`;
    if (value < 0) {
      findings.push({
        rule: 'form.negative',
        severity: 'warning',
        message: `${where}为负数 ${formatNumber(value)}：件数不可能为负`,
        messageEn: `${whereEn} is negative, ${formatNumber(value)}: a count cannot be negative`,
        cells: [ref],
        terms: [],
        expected: null,
        actual: value,
        arithmetic: `${formatNumber(value)} < 0`,
      });
    } else if (!Number.isInteger(value)) {
      findings.push({
        rule: 'form.fraction',
        severity: 'warning',
        message: `${where}为小数 ${formatNumber(value)}：件数应为整数`,
        messageEn: `${whereEn} is a fraction, ${formatNumber(value)}: a count is a whole number`,
        cells: [ref],
        terms: [],
        expected: null,
        actual: value,
        arithmetic: `${formatNumber(value)} 不是整数`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------- tables too large to read

/**
 * A table the extension did not read because of its size: said, so that a
 * reader knows its figures were not checked (and never taken for clean).
 */
function oversizedFindings(report: Report): RuleFinding[] {
  return (report.oversizedTables ?? []).map((cells) => ({
    rule: 'form.table-too-large',
    severity: 'info',
    message: `有一个表格过大（${cells} 个单元格），OGI Lens 未读取，其中数字未经核对`,
    messageEn: `A table is too large to read (${cells} cells): OGI Lens did not read it, and its figures were not checked`,
    cells: [],
    terms: [],
    expected: null,
    actual: cells,
    arithmetic: `单元格 ${cells} 个；可读取的表格至多 ${MAX_TABLE_CELLS} 个单元格、${MAX_SLOTS} 个网格位置`,
  }));
}

export const formRule = defineRule({
  id: 'form',
  family: 'form',
  run({ report }) {
    const format = formatOfReport(report);
    return [
      ...oversizedFindings(report),
      ...tablesFindings(report, format),
      ...(format ? layoutFindings(report, format) : []),
      ...countFindings(report),
    ];
  },
});

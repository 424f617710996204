/**
 * The form of the report, apart from its arithmetic: tables missing or
 * published as pictures, a format table with rows or columns missing, an
 * older format's layout in a report of a later era (a note only where the
 * older layout is a row the later format split, ./form-data.ts), and counts
 * printed negative or with a fraction. Blank totals are the identity
 * evaluation's (form.blank-total*, ./blank-total-rule.ts).
 */

import { columnLabel, keysOf, rowLabel, splitKey, tableOf } from '../formats/format-table';
import { COUNT_UNITS, NON_COUNT_UNITS } from '../formats/legacy';
import {
  fixedFormatById,
  fixedFormats,
  formatOfYear,
  isCountKey,
  newestOf,
} from '../formats/registry';
import type { FormatDeclaration, FormatTable, FormatTableKind } from '../formats/types';
import type { CellRef, ExtractedTable, LegacyRow, Report, TableCell } from '../model/report';
import { MAX_TABLE_CELLS } from '../tables/collect';
import { MAX_SLOTS } from '../tables/grid';
import { defineRule } from './define-rule';
import { SPLIT_ROWS, type SplitRow } from './form-data';
import { cellRef } from './report-index';
import { formatNumber } from './shared/arithmetic';
import type { RuleFinding } from './types';

const isFormatKind = (kind: string): kind is FormatTableKind =>
  fixedFormats().some((f) => tableOf(f, kind));

/** The report's format, when it has fixed tables. */
const formatOfReport = (report: Report): FormatDeclaration | null =>
  fixedFormatById(report.identity.template) ?? null;

/** 表二、表三、表四 / II, III and IV */
const listZh = (names: string[]) => names.join('、');
const listEn = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

// ---------------------------------------------------------------- tables missing or as images

function tablesFindings(report: Report, format: FormatDeclaration | null): RuleFinding[] {
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
        arithmeticEn: `tables published as images: ${images}`,
      },
    ];
  }
  const kinds = new Set(report.tables.map((t) => t.kind));
  if (format) {
    const tables = format.tables;
    const missing = tables.filter((t) => !kinds.has(t.kind));
    if (missing.length === 0) return [];
    const names = missing.map((t) => t.title.zh);
    const namesEn = missing.map((t) => t.title.en);
    const found = tables.length - missing.length;
    return [
      {
        rule: 'form.tables-missing',
        severity: 'warning',
        message: `${format.id}年格式的报告应有${listZh(tables.map((t) => t.title.numberZh))}，页面上找不到可读的${names.join('、')}`,
        messageEn: `A report in the ${format.id} format has tables ${listEn(tables.map((t) => t.title.numberEn))}; the page has no readable ${namesEn.join(', ')}`,
        cells: [],
        terms: [],
        expected: tables.length,
        actual: found,
        arithmetic: `应有 ${tables.length} 张表，可读 ${found} 张；缺 ${missing.length} 张`,
        arithmeticEn: `${tables.length} tables expected, ${found} readable; ${missing.length} missing`,
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
        arithmeticEn: 'statistics tables: 0',
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------- layout: rows, columns, era

/**
 * The format whose declaration the table's own keys fit best (fewest of its
 * cells missing); the era's format on a tie.
 */
function layoutOf(
  kind: FormatTableKind,
  present: Set<string>,
  era: FormatDeclaration,
): { format: FormatDeclaration; table: FormatTable; missing: string[] } | null {
  let best: { format: FormatDeclaration; table: FormatTable; missing: string[] } | null = null;
  for (const format of [era, ...fixedFormats().filter((f) => f !== era)]) {
    const table = tableOf(format, kind);
    if (!table) continue;
    const missing = keysOf(format, kind).filter((k) => !present.has(k));
    if (!best || missing.length < best.missing.length) best = { format, table, missing };
  }
  return best;
}

function describeMissing(table: FormatTable, all: readonly string[], missing: string[]): string[] {
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
  const rowName = (r: string) => rowLabel(table, r);
  const colName = (c: string) => columnLabel(table, c);
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

/**
 * Cells of an older format's layout in a report of a later era: keys the
 * era's format no longer prints and an older one does, with that older
 * format (the newest of those that print them).
 */
function oldLayoutOf(
  kind: FormatTableKind,
  present: Set<string>,
  era: FormatDeclaration,
): { format: FormatDeclaration; keys: string[] } | null {
  const current = new Set(keysOf(era, kind));
  const older = fixedFormats()
    .filter((f) => f.fromYear < era.fromYear)
    .map((format) => ({ format, keys: new Set(keysOf(format, kind)) }));
  const keys = [...present].filter((k) => !current.has(k) && older.some((o) => o.keys.has(k)));
  const format = newestOf(
    older.filter((o) => keys.some((k) => o.keys.has(k))).map((o) => o.format),
  );
  return format && keys.length > 0 ? { format, keys } : null;
}

/** Printed names of the old layout's own rows (a row the era's format dropped) or columns. */
function oldLayoutLabels(
  kind: FormatTableKind,
  old: FormatDeclaration,
  era: FormatDeclaration,
  oldKeys: string[],
): string[] {
  const table = tableOf(old, kind);
  if (!table) return [];
  const eraRows = new Set(keysOf(era, kind).map((k) => splitKey(k)[0]));
  const labels = oldKeys.map((key) => {
    const [row, col] = splitKey(key);
    return eraRows.has(row) ? columnLabel(table, col) : rowLabel(table, row);
  });
  return [...new Set(labels)];
}

/** The split row an old layout's cells all belong to, if that is all that is old about the table. */
function splitRowOf(
  kind: FormatTableKind,
  old: FormatDeclaration,
  keys: readonly string[],
): SplitRow | null {
  return (
    SPLIT_ROWS.find(
      (r) => r.kind === kind && r.was === old.id && keys.every((k) => splitKey(k)[0] === r.row),
    ) ?? null
  );
}

/** An older format's single row in a later era: the figures still check, only the detail is lost. */
function splitRowFinding(year: number, name: string, nameEn: string, split: SplitRow): RuleFinding {
  return {
    rule: 'form.single-other',
    severity: 'info',
    message: `${year}年度报告的${name}仍将「${split.label}」印为一行（${split.was}年格式）；${split.now}年起的格式将其分为${split.partsZh}。表中数字仍按一行核对，但看不出其他处理的具体情形`,
    messageEn: `The ${year} report's ${nameEn} still prints “${split.label}” as one row, as the ${split.was} format did; from ${split.now} the format splits it into ${split.partsEn}. Its figures are checked with the one row`,
    cells: [],
    terms: [],
    expected: split.now,
    actual: split.was,
    arithmetic: `「${split.label}」：${split.was}年格式 1 行，${split.now}年格式 ${split.parts} 行`,
    arithmeticEn: `“${split.label}”: the ${split.was} format 1 row, the ${split.now} format ${split.parts} rows`,
  };
}

function layoutFindings(report: Report, era: FormatDeclaration): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const year = report.identity.year;
  // The format the report's year calls for, which the old-layout warning speaks of.
  const yearEra = year !== null ? formatOfYear(year) : undefined;
  for (const table of report.tables) {
    if (!isFormatKind(table.kind)) continue;
    const present = new Set(table.cells.flatMap((c) => (c.key ? [c.key] : [])));
    const layout = layoutOf(table.kind, present, era);
    const title = layout?.table.title;
    if (!layout || !title) continue;
    const { zh: name, en: nameEn } = title;
    const old = yearEra ? oldLayoutOf(table.kind, present, yearEra) : null;
    const split = old ? splitRowOf(table.kind, old.format, old.keys) : null;
    if (year !== null && split) {
      findings.push(splitRowFinding(year, name, nameEn, split));
    } else if (year !== null && yearEra && old) {
      const labels = oldLayoutLabels(table.kind, old.format, yearEra, old.keys);
      const [was, now] = [old.format.id, yearEra.id];
      findings.push({
        rule: 'form.old-layout',
        severity: 'warning',
        message: `${year}年度报告的${name}仍用${was}年格式（有${now}年格式已取消的栏目${labels.map((l) => `「${l}」`).join('')}）：${yearEra.fromYear}年起的报告应使用${now}年格式`,
        messageEn: `The ${year} report's ${nameEn} still uses the ${was} layout (it prints ${old.keys.length} cells the ${now} format dropped); reports for ${yearEra.fromYear} onwards use the ${now} format`,
        cells: [],
        terms: [],
        expected: now,
        actual: was,
        arithmetic: `${was}年格式专有的数据格：${old.keys.length} 个`,
        arithmeticEn: `cells only the ${was} format has: ${old.keys.length}`,
      });
    }
    if (layout.missing.length === 0) continue;
    const all = keysOf(layout.format, table.kind);
    const parts = describeMissing(layout.table, all, layout.missing);
    const found = all.length - layout.missing.length;
    const format = layout.format.id;
    findings.push({
      rule: 'form.missing-rows',
      severity: 'warning',
      message: `${name}缺少${parts.join('；')}：表格与${format}年格式不符，相关合计无法完整核对`,
      messageEn: `${nameEn} lacks ${layout.missing.length} of the ${all.length} cells of the ${format} format (rows or columns left out), so its totals cannot be fully checked`,
      cells: [],
      terms: [],
      expected: all.length,
      actual: found,
      arithmetic: `${format}年格式应有 ${all.length} 个数据格，本表有 ${found} 个；缺 ${layout.missing.length} 个`,
      arithmeticEn: `the ${format} format has ${all.length} cells, this table ${found}; ${layout.missing.length} missing`,
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
        arithmeticEn: `${formatNumber(value)} < 0`,
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
        arithmeticEn: `${formatNumber(value)} is not a whole number`,
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
    arithmeticEn: `${cells} cells; a readable table has at most ${MAX_TABLE_CELLS} cells and ${MAX_SLOTS} grid slots`,
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

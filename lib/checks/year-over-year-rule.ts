/**
 * This year's report against the same agency's report for the year before
 * (lib/checks/year-over-year-data.ts): carry-over column by column (error), the
 * stock of valid rules and normative documents and, in the 2019 table 二, the
 * count of items each year starts from (warning), and large swings
 * (info: a lead, not an accusation). Only printed figures are compared: a
 * blank, dash or unreadable cell on either side is no evidence.
 *
 * Last year's cells belong to another page, so they appear in `terms`
 * without a table position or key, labelled 上年报告, and are never marked.
 */
import type { CellRef, Report } from '../model/report';
import { defineRule } from './define-rule';
import type { IndexedCell, ReportIndex } from './report-index';
import { formatNumber, sumOf } from './shared/arithmetic';
import type { CheckContext, RuleFinding } from './types';
import {
  CARRY_OVER,
  COMPARED_KEY,
  DOCUMENT_STOCKS,
  ITEM_COUNTS,
  lastYearRow,
  SWING_METRICS,
  SWING_THRESHOLDS,
  T3_COLUMNS,
} from './year-over-year-data';

const printed = (index: ReportIndex, key: string): IndexedCell | null => {
  const cell = index.get(key);
  return cell && cell.state === 'number' && cell.ref.value !== null ? cell : null;
};

/** A cell of last year's report, as a term of this year's arithmetic. */
function lastYearRef(ref: CellRef, previous: Report): CellRef {
  return {
    row: lastYearRow(previous.identity.year, ref.row),
    col: ref.col,
    value: ref.value,
  };
}

function carryOverFindings(
  ctx: CheckContext,
  prevIndex: ReportIndex,
  previous: Report,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const col of T3_COLUMNS) {
    const now = printed(ctx.index, CARRY_OVER.thisYear(col));
    const before = printed(prevIndex, CARRY_OVER.lastYear(col));
    if (!now || !before) continue;
    const actual = now.ref.value as number;
    const expected = before.ref.value as number;
    if (actual === expected) continue;
    const diff = formatNumber(Math.abs(actual - expected));
    const column = now.ref.col || col;
    findings.push({
      rule: 'yoy.carry-over',
      severity: 'error',
      message: `上年报告“结转下年度继续办理”（${column}）为 ${formatNumber(expected)}，本年“上年结转”为 ${formatNumber(actual)}；差 ${diff}`,
      messageEn: `Last year's report carried ${formatNumber(expected)} requests forward (${col}); this year's report says ${formatNumber(actual)} were carried over; a difference of ${diff}`,
      cells: [now.ref],
      terms: [lastYearRef(before.ref, previous)],
      expected,
      actual,
      arithmetic: `上年“${CARRY_OVER.lastLabel}”（${column}）= ${formatNumber(expected)}；本年“${CARRY_OVER.thisLabel}”（${column}）= ${formatNumber(actual)}；差 ${diff}`,
      arithmeticEn: `last year's “${CARRY_OVER.lastLabel}” (${column}) = ${formatNumber(expected)}; this year's “${CARRY_OVER.thisLabel}” (${column}) = ${formatNumber(actual)}; difference ${diff}`,
    });
  }
  return findings;
}

/**
 * A change column of a row whose figure is printed: its number, or 0 when
 * it is left empty (the row shows that blank means none, and the arithmetic
 * says so); null when it is missing, unreadable or a dash (not applicable:
 * no guess).
 */
function changeOf(
  index: ReportIndex,
  key: string,
): { ref: CellRef; value: number; blank: boolean } | null {
  const cell = index.get(key);
  if (cell?.cell.value.kind === 'blank') return { ref: cell.ref, value: 0, blank: true };
  return cell?.state === 'number' && cell.ref.value !== null
    ? { ref: cell.ref, value: cell.ref.value, blank: false }
    : null;
}

const BLANK_NOTE = '（空白按0计：同行其余数字已填写）';
const BLANK_NOTE_EN = ' (blanks counted as 0: the rest of the row is filled)';

function documentStockFindings(
  ctx: CheckContext,
  prevIndex: ReportIndex,
  previous: Report,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const stock of DOCUMENT_STOCKS) {
    const valid = printed(ctx.index, stock.valid);
    const made = changeOf(ctx.index, stock.made);
    const repealed = changeOf(ctx.index, stock.repealed);
    const before = printed(prevIndex, stock.valid);
    if (!valid || !made || !repealed || !before) continue;
    const v = valid.ref.value as number;
    const b = before.ref.value as number;
    const [m, r] = [made.value, repealed.value];
    const expected = sumOf([b, m, -r]);
    if (expected === v) continue;
    const diff = formatNumber(Math.abs(v - expected));
    const blanks = made.blank || repealed.blank;
    findings.push({
      rule: 'yoy.valid-documents',
      severity: 'warning',
      message: `${stock.name}现行有效件数：上年报告 ${formatNumber(b)} 件，本年制发 ${formatNumber(m)} 件、废止 ${formatNumber(r)} 件，应为 ${formatNumber(expected)} 件，本年报告为 ${formatNumber(v)} 件；差 ${diff}（如有文件到期自动失效，应在报告中说明）`,
      messageEn: `Valid ${stock.nameEn}: last year's report had ${formatNumber(b)}; with ${formatNumber(m)} made and ${formatNumber(r)} repealed this year there should be ${formatNumber(expected)}, but this year's report says ${formatNumber(v)}; a difference of ${diff} (documents that expired should be explained)`,
      cells: [valid.ref],
      terms: [lastYearRef(before.ref, previous), made.ref, repealed.ref],
      expected,
      actual: v,
      arithmetic: `上年现行有效 ${formatNumber(b)} + 本年制发 ${formatNumber(m)} − 本年废止 ${formatNumber(r)} = ${formatNumber(expected)}，但本年现行有效为 ${formatNumber(v)}；差 ${diff}${blanks ? BLANK_NOTE : ''}`,
      arithmeticEn: `valid last year ${formatNumber(b)} + made ${formatNumber(m)} − repealed ${formatNumber(r)} = ${formatNumber(expected)}, but valid this year is ${formatNumber(v)}; difference ${diff}${blanks ? BLANK_NOTE_EN : ''}`,
    });
  }
  return findings;
}

/** 2019 table 二: each item's 上一年项目数量 against last year's count plus its 本年增/减. */
function itemCountFindings(
  ctx: CheckContext,
  prevIndex: ReportIndex,
  previous: Report,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const item of ITEM_COUNTS) {
    const now = printed(ctx.index, item.prevCount);
    const base = printed(prevIndex, item.prevCount);
    const delta = base ? changeOf(prevIndex, item.delta) : null;
    if (!now || !base || !delta) continue;
    const actual = now.ref.value as number;
    const [b, d] = [base.ref.value as number, delta.value];
    const expected = sumOf([b, d]);
    if (expected === actual) continue;
    const diff = formatNumber(Math.abs(actual - expected));
    const signedDelta = `${d < 0 ? '−' : '+'} ${formatNumber(Math.abs(d))}`;
    findings.push({
      rule: 'yoy.item-count',
      severity: 'warning',
      message: `${item.name}“上一年项目数量”为 ${formatNumber(actual)}，但上年报告的项目数量 ${formatNumber(b)} 加本年增/减 ${formatNumber(d)} 为 ${formatNumber(expected)}；差 ${diff}`,
      messageEn: `${capitalised(item.nameEn)}: this year's “previous year's count” is ${formatNumber(actual)}, but last year's report had ${formatNumber(b)} items changed by ${formatNumber(d)}, i.e. ${formatNumber(expected)}; a difference of ${diff}`,
      cells: [now.ref],
      terms: [lastYearRef(base.ref, previous), lastYearRef(delta.ref, previous)],
      expected,
      actual,
      arithmetic: `上年项目数量 ${formatNumber(b)} ${signedDelta}（上年增/减）= ${formatNumber(expected)}，但本年“上一年项目数量”为 ${formatNumber(actual)}；差 ${diff}${delta.blank ? BLANK_NOTE : ''}`,
      arithmeticEn: `last year's count ${formatNumber(b)} ${signedDelta} (last year's change) = ${formatNumber(expected)}, but this year's “previous year's count” is ${formatNumber(actual)}; difference ${diff}${delta.blank ? BLANK_NOTE_EN : ''}`,
    });
  }
  return findings;
}

const firstPrinted = (index: ReportIndex, keys: string[]): IndexedCell | null => {
  for (const key of keys) {
    const cell = printed(index, key);
    if (cell) return cell;
  }
  return null;
};

function percentText(change: number, before: number): string {
  if (before === 0) return '上年为 0';
  const pct = Math.round((change / before) * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${formatNumber(pct)}%`;
}

/** The info card of one swing, or null when the change is below the thresholds. */
function swingFinding(
  now: IndexedCell,
  before: IndexedCell,
  previous: Report,
  name: { zh: string; en: string },
): RuleFinding | null {
  const actual = now.ref.value as number;
  const expected = before.ref.value as number;
  const change = sumOf([actual, -expected]);
  const relative = expected === 0 ? Number.POSITIVE_INFINITY : Math.abs(change) / expected;
  if (Math.abs(change) < SWING_THRESHOLDS.minAbsolute) return null;
  if (relative < SWING_THRESHOLDS.minRelative) return null;
  const signed = `${change > 0 ? '+' : ''}${formatNumber(change)}`;
  const pct = percentText(change, expected);
  const pctEn = expected === 0 ? 'from 0' : pct;
  return {
    rule: 'yoy.swing',
    severity: 'info',
    message: `${name.zh}由上年的 ${formatNumber(expected)} 变为 ${formatNumber(actual)}（${signed}，${pct}），变化较大，可关注原因`,
    messageEn: `${capitalised(name.en)} went from ${formatNumber(expected)} last year to ${formatNumber(actual)} (${signed}, ${pctEn}): a large change worth asking about`,
    cells: [now.ref],
    terms: [lastYearRef(before.ref, previous)],
    expected,
    actual,
    arithmetic: `${formatNumber(actual)} − ${formatNumber(expected)} = ${signed}（${pct}）`,
    arithmeticEn: `${formatNumber(actual)} − ${formatNumber(expected)} = ${signed} (${pctEn})`,
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A figure named by its printed row and column: 「三、本年度办理结果（总计）」. */
function printedName(ref: CellRef): { zh: string; en: string } {
  return {
    zh: ref.col ? `「${ref.row}」（${ref.col}）` : `「${ref.row}」`,
    en: ref.col ? `"${ref.row}" (${ref.col})` : `"${ref.row}"`,
  };
}

function swingFindings(ctx: CheckContext, prevIndex: ReportIndex, previous: Report): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const metric of SWING_METRICS) {
    const now = firstPrinted(ctx.index, metric.keys);
    const before = firstPrinted(prevIndex, metric.keys);
    if (!now || !before) continue;
    for (const key of metric.keys) seen.add(key);
    const finding = swingFinding(now, before, previous, { zh: metric.name, en: metric.nameEn });
    if (finding) findings.push(finding);
  }
  // Every other figure a reader compares: the largest change of a report is seldom a named metric.
  for (const key of ctx.index.keys()) {
    if (seen.has(key) || !COMPARED_KEY.test(key)) continue;
    const now = printed(ctx.index, key);
    const before = printed(prevIndex, key);
    if (!now || !before) continue;
    const finding = swingFinding(now, before, previous, printedName(now.ref));
    if (finding) findings.push(finding);
  }
  return findings;
}

export const yearOverYearRule = defineRule({
  id: 'year-over-year',
  family: 'yearOverYear',
  run(ctx) {
    const { previous, previousIndex } = ctx;
    if (!previous || !previousIndex) return [];
    const { year } = ctx.report.identity;
    // The history lookup promises year − 1; a rule comparing other years would assert nonsense.
    if (year === null || previous.identity.year !== year - 1) return [];
    return [
      ...carryOverFindings(ctx, previousIndex, previous),
      ...documentStockFindings(ctx, previousIndex, previous),
      ...itemCountFindings(ctx, previousIndex, previous),
      ...swingFindings(ctx, previousIndex, previous),
    ];
  },
});

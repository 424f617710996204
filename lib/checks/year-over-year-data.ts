/**
 * What one year's report says about the next, as data: the carry-over that
 * must match column by column, the stock of documents that must follow from
 * last year's plus this year's changes, and the swings worth a journalist's
 * look.
 */

export { T3_COLUMNS } from '../formats/table-3';

/**
 * How a term from last year's report names its row: its label as printed
 * there, after 上年（2022年度）报告：, so that every list of terms (card,
 * popup, exports) tells it from this page's cells. The UI reads it back
 * (splitLastYearRow) to say it in its own language.
 */
export const lastYearRow = (year: number | null, row: string): string =>
  `上年（${year ?? ''}年度）报告：${row}`;

const LAST_YEAR_ROW = /^上年（(\d*)年度）报告：/;

/** The year and printed label of a last-year term's row; null for a cell of this page. */
export function splitLastYearRow(row: string): { year: number | null; row: string } | null {
  const match = LAST_YEAR_ROW.exec(row);
  if (!match) return null;
  return { year: match[1] ? Number(match[1]) : null, row: row.slice(match[0].length) };
}

/** This year's 上年结转 is last year's 结转下年度继续办理 (error when both are printed). */
export const CARRY_OVER = {
  thisYear: (col: string) => `t3.carryIn.${col}`,
  lastYear: (col: string) => `t3.carryOut.${col}`,
  thisLabel: '二、上年结转政府信息公开申请数量',
  lastLabel: '四、结转下年度继续办理',
};

/** 现行有效件数 this year = last year's + 本年制发 − 本年废止 (2021 table 二, both years). */
export const DOCUMENT_STOCKS = [
  { row: 'rules', name: '规章', nameEn: 'rules' },
  { row: 'normative', name: '行政规范性文件', nameEn: 'normative documents' },
].map((s) => ({
  ...s,
  valid: `t2.${s.row}.valid`,
  made: `t2.${s.row}.made`,
  repealed: `t2.${s.row}.repealed`,
}));

/**
 * 2019 table 二: this year's 上一年项目数量 is the number of items at the end
 * of last year, which last year's report gives as its 上一年项目数量 plus its
 * 本年增/减 (warning: the columns' meaning is plain, but portals fill them loosely).
 */
export const ITEM_COUNTS = [
  { row: 'license', name: '行政许可', nameEn: 'administrative licences' },
  { row: 'otherServices', name: '其他对外管理服务事项', nameEn: 'other administrative services' },
  { row: 'penalty', name: '行政处罚', nameEn: 'administrative penalties' },
  { row: 'coercion', name: '行政强制', nameEn: 'administrative coercion' },
  { row: 'fees', name: '行政事业性收费', nameEn: 'administrative fees' },
].map((s) => ({ ...s, prevCount: `t2.${s.row}.prevCount`, delta: `t2.${s.row}.delta` }));

export interface SwingMetric {
  name: string;
  nameEn: string;
  /** Keys that carry the figure, first printed wins (a 2018 legacy report against a 2019 one). */
  keys: string[];
}

/**
 * The figures a reader compares with last year's, beyond the metrics named
 * below: every row's 总计 in tables 三 and 四, every figure of table 二 and
 * of a legacy table. Their changes get a ▲/▼ badge on the page
 * (lib/compare/deltas.ts), and a swing among them an info card.
 */
export const COMPARED_KEY = /^(?:t[34]\..+\.total|t2\..+|legacy\..+)$/;

/** A change is a swing when it reaches both thresholds. */
export const SWING_THRESHOLDS = { minRelative: 0.5, minAbsolute: 20 };

export const SWING_METRICS: SwingMetric[] = [
  {
    name: '本年新收政府信息公开申请数量',
    nameEn: 'new disclosure requests',
    keys: ['t3.new.total', 'legacy.apply.received'],
  },
  {
    name: '予以公开',
    nameEn: 'requests granted in full',
    keys: ['t3.open.total'],
  },
  {
    name: '行政复议',
    nameEn: 'administrative reviews',
    keys: ['t4.review.total', 'legacy.review.total'],
  },
  {
    name: '行政诉讼（未经复议直接起诉）',
    nameEn: 'lawsuits filed directly',
    keys: ['t4.direct.total'],
  },
  {
    name: '行政诉讼（复议后起诉）',
    nameEn: 'lawsuits filed after review',
    keys: ['t4.afterReview.total'],
  },
];

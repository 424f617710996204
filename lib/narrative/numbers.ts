/**
 * The countable numbers of a sentence: a numeral with its unit (128件, 一百二十八件,
 * 1万余条, 20%), its approximation marks, and no sign of being an ordinal, a
 * code, a date, money or a duration. A number without a unit counts nothing
 * the tables hold, so it is no token.
 */

import { parseChineseNumber } from '../text/chinese-number';

/**
 * A number with its approximation marks and unit. Arabic numbers may carry
 * 万/亿 (1.2万); Chinese numerals are whole runs (一百二十八).
 */
const NUMBER_TOKEN = new RegExp(
  [
    '(约|大约|近|将近|接近|超过|超|逾|多于|不少于|不低于|上)?',
    '((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?[万亿千百]?|[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)',
    '(余|多|来)?',
    '(件次|件|条次|条|起|宗|份|例|次|个|项|篇|%)?',
    '(以上|左右|上下|有余|之多)?',
  ].join(''),
  'g',
);
const ARABIC_START = /^\d/;
/** Before a number: ordinals (第二十条), vague counts (数十, 几百), codes (G526, 〔2023〕5号). */
const ORDINAL_OR_CODE_BEFORE = /[第几A-Za-z0-9.#\-[〔]$/;
const VAGUE_BEFORE = /(?:数|若干)$/;
/** After the unit: durations, 条例, 项目, idioms (一件事, 一次性). */
const NOT_A_COUNT_AFTER: Readonly<Record<string, RegExp>> = {
  件: /^事/,
  条: /^[例款]/,
  项: /^目/,
  次: /^性/,
  个: /^(?:工作日|月|小时|自然日|百分点|人)/,
};

export interface NumberToken {
  /** From the approximation prefix to the end of the unit and suffix. */
  start: number;
  end: number;
  value: number;
  /** The numeral as printed (with % for percentages). */
  raw: string;
  unit: string;
  approximate: boolean;
  chinese: boolean;
}

/** The tokens of a sentence in order; `scan` is its half-width form (lib/narrative/clauses.ts). */
export function findNumbers(original: string, scan: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of scan.matchAll(NUMBER_TOKEN)) {
    const start = m.index;
    let prefix = m[1] ?? '';
    const numeral = m[2] ?? '';
    const inner = m[3] ?? '';
    const unit = m[4] ?? '';
    const outer = m[5] ?? '';
    if (unit === '') continue;
    const chinese = !ARABIC_START.test(numeral);
    // 上 is an approximation only in 上百/上千/上万 (over a hundred…).
    if (prefix === '上' && !/^[百千万]/.test(numeral)) prefix = '';
    const numStart = start + (m[1] ?? '').length;
    const before = scan.slice(Math.max(0, numStart - 2), numStart);
    if (prefix === '' && ORDINAL_OR_CODE_BEFORE.test(before)) continue;
    if (prefix === '' && chinese && VAGUE_BEFORE.test(before)) continue;
    const after = scan.slice(start + m[0].length, start + m[0].length + 4);
    const notCount = NOT_A_COUNT_AFTER[unit];
    if (outer === '' && notCount?.test(after)) continue;
    // 一起 is usually "together", not "one case".
    if (
      chinese &&
      numeral === '一' &&
      unit === '起' &&
      !/^(?:案|行政|复议|诉讼|申请|政府)/.test(after)
    ) {
      continue;
    }
    if (unit !== '%' && /^(?:万?元|人)/.test(after)) continue;
    const value = parseChineseNumber(numeral);
    if (value === null) continue;
    tokens.push({
      start: prefix === '' ? numStart : start,
      end: start + m[0].length,
      value,
      raw: original.slice(numStart, numStart + numeral.length) + (unit === '%' ? '%' : ''),
      unit,
      approximate: prefix !== '' || inner !== '' || outer !== '',
      chinese,
    });
  }
  return tokens;
}

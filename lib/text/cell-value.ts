/**
 * What a printed table cell says: a number (with sign, decimals, unit and
 * whether it is approximate), blank, a dash / "not applicable" mark, or text.
 * Blank is kept apart from zero and from dashes: the checks decide what a
 * blank means from the rest of the table.
 */
import type { CellValue } from '../model/report';
import { cleanText, toHalfWidth } from './normalise';

/** Longer than any figure a report prints; anything longer is read as text without parsing. */
const MAX_FIGURE_LENGTH = 48;
/** Above this, a cell is only scanned for a visible character, never normalised. */
const MAX_SCANNED_LENGTH = 2048;

const VISIBLE_CHAR = /[^\s\u00a0\u2000-\u200f\u202a-\u202e\u2060-\u2064\u3000\ufeff\u00ad]/;

const DASH_MARKS = /^[-—–―‐‑‒−﹣~〜～/\\|]+$/;
const DASH_WORDS = new Set(['无', '不适用', 'n/a', 'na']);

/** Printed units and counters, longest first so that `人次` wins over `人`. */
const UNITS = [
  '个工作日',
  '人次',
  '件次',
  '万元',
  '亿元',
  '千元',
  '元',
  '件',
  '条',
  '次',
  '个',
  '人',
  '名',
  '项',
  '篇',
  '期',
  '份',
  '家',
  '户',
  '天',
  '万',
  '亿',
  '%',
  '‰',
];

// Anchored, no nested quantifiers, applied to at most MAX_FIGURE_LENGTH characters.
const FIGURE = new RegExp(
  '^(约|近|大约|将近)?' + // 1: approximation before
    ' ?(增加|减少|[-+−﹣–减增负])?' + // 2: sign
    ' ?(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+)' + // 3: integer part, one kind of separator
    '(?:\\.(\\d+))?' + // 4: decimals
    ' ?(余|多)?' + // 5: approximation before the unit (100余件)
    ` ?(${UNITS.join('|')})?` + // 6: unit
    ' ?(左右|以上|余|多)?$', // 7: approximation after the unit
);

const NEGATIVE_SIGNS = new Set(['-', '−', '﹣', '–', '减', '负', '减少']);

/** Reads one cell's text. Never throws; work is bounded whatever the input. */
export function parseCellValue(text: string): CellValue {
  if (isPlainCount(text)) return plainCount(text);
  if (text.length > MAX_SCANNED_LENGTH) {
    return VISIBLE_CHAR.test(text) ? { kind: 'text' } : { kind: 'blank' };
  }
  const s = cleanText(toHalfWidth(text));
  if (s === '') return { kind: 'blank' };
  if (s.length > MAX_FIGURE_LENGTH) return { kind: 'text' };

  const compact = s.replaceAll(' ', '');
  if (DASH_MARKS.test(compact) || DASH_WORDS.has(compact.toLowerCase())) return { kind: 'dash' };

  const m = FIGURE.exec(s);
  if (m === null) return { kind: 'text' };
  const [, approxBefore, sign, integer = '', decimals = '', approxMid, unit = '', approxAfter] = m;
  const magnitude = Number(`${integer.replace(/[, ]/g, '')}.${decimals || '0'}`);
  const negative = sign !== undefined && NEGATIVE_SIGNS.has(sign);
  return {
    kind: 'number',
    // No -0: a printed `-0` is a zero, and -0 misbehaves in JSON and Object.is comparisons.
    value: negative && magnitude !== 0 ? -magnitude : magnitude,
    decimals: decimals.length,
    unit,
    approximate: approxBefore !== undefined || approxMid !== undefined || approxAfter !== undefined,
  };
}

/** Most cells of a report are bare half-width digits: read those without normalising. */
function isPlainCount(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function plainCount(text: string): CellValue {
  return { kind: 'number', value: Number(text), decimals: 0, unit: '', approximate: false };
}

/**
 * Numbers as report narratives write them: Arabic digits (full- or half-width,
 * with thousands separators), Chinese numerals in everyday (一百二十八, 两千零三)
 * and financial (壹佰贰拾捌) forms, and the mixed form (1.2万). Approximation
 * marks (余, 多, 近…) are the caller's business; a string carrying one is not a
 * number here.
 */
import { toHalfWidth } from './normalise';

const DIGIT_VALUES: ReadonlyMap<string, number> = new Map([
  ['零', 0],
  ['〇', 0],
  ['○', 0],
  ['一', 1],
  ['壹', 1],
  ['二', 2],
  ['贰', 2],
  ['貳', 2],
  ['两', 2],
  ['兩', 2],
  ['三', 3],
  ['叁', 3],
  ['參', 3],
  ['四', 4],
  ['肆', 4],
  ['五', 5],
  ['伍', 5],
  ['六', 6],
  ['陆', 6],
  ['陸', 6],
  ['七', 7],
  ['柒', 7],
  ['八', 8],
  ['捌', 8],
  ['九', 9],
  ['玖', 9],
]);

/** Units that multiply the digit before them within a four-digit section. */
const SECTION_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['拾', 10],
  ['百', 100],
  ['佰', 100],
  ['千', 1000],
  ['仟', 1000],
]);

/** Units that close a section: everything before them is multiplied. */
const SECTION_CLOSERS: ReadonlyMap<string, number> = new Map([
  ['万', 1e4],
  ['萬', 1e4],
  ['亿', 1e8],
  ['億', 1e8],
]);

const PLAIN_ARABIC = /^\d+(?:\.\d+)?$/;
const GROUPED_ARABIC = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ARABIC_RUN = /^\d+(?:\.\d+)?/;
/**
 * 二〇二三: a digit-by-digit reading, used for years and codes. Short runs
 * without a zero (三五, 一二) are ranges — "three to five" — not numbers.
 */
const POSITIONAL = /^(?=.*[零〇○])[零〇○一二三四五六七八九]{2,}$|^[零〇○一二三四五六七八九]{4,}$/;

/**
 * The value of a number as printed, or null when the string is not exactly one
 * number (stray characters, misordered units, empty).
 */
export function parseChineseNumber(s: string): number | null {
  const t = toHalfWidth(s).replace(/\s+/g, '');
  if (t === '') return null;
  if (PLAIN_ARABIC.test(t)) return Number(t);
  if (GROUPED_ARABIC.test(t)) return Number(t.replace(/,/g, ''));
  if (POSITIONAL.test(t)) {
    let digits = '';
    for (const ch of t) digits += String(DIGIT_VALUES.get(ch) ?? 0);
    return Number(digits);
  }
  return parseWithUnits(t);
}

/**
 * Section-by-section reading: digits accumulate into a section through
 * 十/百/千, and 万/亿 close the section. Units must descend inside a section,
 * otherwise the string is not a well-formed number (十百, 万万).
 */
function parseWithUnits(t: string): number | null {
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let lastSectionUnit = Number.POSITIVE_INFINITY;
  let lastCloser = Number.POSITIVE_INFINITY;
  let lastUnit = 0;
  let zeroSinceUnit = false;
  let sawAnything = false;
  let i = 0;
  while (i < t.length) {
    const rest = t.slice(i);
    const arabic = rest.match(ARABIC_RUN);
    if (arabic) {
      if (pending !== null) return null;
      pending = Number(arabic[0]);
      i += arabic[0].length;
      sawAnything = true;
      continue;
    }
    const ch = t[i] ?? '';
    i += 1;
    const digit = DIGIT_VALUES.get(ch);
    if (digit !== undefined) {
      sawAnything = true;
      if (digit === 0) {
        // 一百零五: the zero only marks a skipped place.
        if (pending !== null) return null;
        zeroSinceUnit = true;
        continue;
      }
      if (pending !== null) return null;
      pending = digit;
      continue;
    }
    const unit = SECTION_UNITS.get(ch);
    if (unit !== undefined) {
      if (unit >= lastSectionUnit) return null;
      // 十五: a bare 十 means one ten.
      section += (pending ?? 1) * unit;
      pending = null;
      lastSectionUnit = unit;
      lastUnit = unit;
      zeroSinceUnit = false;
      sawAnything = true;
      continue;
    }
    const closer = SECTION_CLOSERS.get(ch);
    if (closer !== undefined) {
      if (closer >= lastCloser) return null;
      section += pending ?? 0;
      // 近万条: a bare 万 means one ten-thousand.
      if (section === 0 && total === 0) section = 1;
      total = closer === 1e8 ? (total + section) * closer : total + section * closer;
      section = 0;
      pending = null;
      lastSectionUnit = Number.POSITIVE_INFINITY;
      lastCloser = closer;
      lastUnit = closer;
      zeroSinceUnit = false;
      sawAnything = true;
      continue;
    }
    return null;
  }
  if (!sawAnything) return null;
  if (pending !== null) {
    // 一万五 is 15000 and 一百二 is 120: a trailing digit right after a unit of
    // a hundred or more counts in the next lower place, unless a 零 intervened.
    const colloquial = lastUnit >= 100 && !zeroSinceUnit && pending < 10;
    section += colloquial ? (pending * lastUnit) / 10 : pending;
  }
  // 1.1万 is 11000, not 11000.000000000002.
  return Math.round((total + section) * 1e6) / 1e6;
}

/**
 * Text normalisation shared by every reader of the page. Reports are typed in
 * Word or WPS and pasted into portal editors, so the same label or figure comes
 * with full-width digits and punctuation, odd spaces, zero-width characters and
 * line breaks in the middle.
 */

// Zero-width characters and bidi controls (embeddings, overrides, isolates): invisible, and a
// page could use them to make a figure read differently from what it is.
const ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u3000]+/g;

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/**
 * Full-width ASCII (！to ～) to half-width; ideographic space to space. A
 * replacement rather than a loop over characters: most text has none, and
 * the engine tells so natively.
 */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Collapse runs of whitespace (including `&nbsp;`) and drop zero-width characters. */
export function cleanText(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/** Drops a UTF-16 unit from a label. */
const DROP = -1;
/** Marks a dash: a run of them becomes one `-`. */
const DASH = -2;

/**
 * What a label keeps of each unit that is not kept as it is: spaces (every
 * `\s` of JavaScript, no-break and ideographic ones), zero-width and bidi
 * controls and quotes are dropped; brackets, list commas, dots and colons
 * are unified; dashes are collapsed. Full-width ASCII is mapped before the
 * lookup.
 */
const LABEL_UNITS: ReadonlyMap<number, number> = (() => {
  const units = new Map<number, number>();
  const set = (chars: string, to: number) => {
    for (const ch of chars) units.set(ch.charCodeAt(0), to);
  };
  const range = (from: number, to: number, value: number) => {
    for (let c = from; c <= to; c++) units.set(c, value);
  };
  range(0x09, 0x0d, DROP);
  set('\u0020\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff\u00ad', DROP);
  range(0x2000, 0x200f, DROP);
  range(0x202a, 0x202e, DROP);
  range(0x2060, 0x2069, DROP);
  set('“”„‟"\'‘’「」『』', DROP);
  set('〔【[', 0x5b);
  set('〕】]', 0x5d);
  set('、,﹐', 0x3001);
  set('﹒·•。', 0x2e);
  set(':', 0x3a);
  set('—–‐-', DASH);
  return units;
})();

/**
 * Canonical form of a table label for matching: half-width, no spaces or line
 * breaks, unified brackets, quotes, commas and list marks. Both the page's
 * label and a template's alias go through this before comparing.
 *
 * One pass over the text instead of a chain of replacements: detection runs
 * it on every .gov.cn page, where the chain's ten patterns were compiled
 * before the first title was judged.
 */
export function normalizeLabel(s: string): string {
  let out = '';
  let afterDash = false;
  for (let i = 0; i < s.length; i++) {
    let unit = s.charCodeAt(i);
    if (unit >= 0xff01 && unit <= 0xff5e) unit -= 0xfee0;
    const mapped = LABEL_UNITS.get(unit) ?? unit;
    if (mapped === DROP) continue;
    if (mapped === DASH) {
      if (!afterDash) out += '-';
      afterDash = true;
      continue;
    }
    out += String.fromCharCode(mapped);
    afterDash = false;
  }
  return out.toLowerCase();
}

const CN_ORDINALS = '一二三四五六七八九十';

/**
 * The numbering prefix of a row label and the rest of it: `一、`, `（一）`,
 * `(一)`, `1.`, `1﹒`, `1、`, `（1）`, `其中：`. Level 1 is `一、`, 2 `（一）`,
 * 3 `1.` or `（1）`, 4 `其中`.
 */
export function splitNumbering(label: string): { level: number; marker: string; rest: string } {
  const s = toHalfWidth(cleanText(label));
  let m = s.match(new RegExp(`^([${CN_ORDINALS}]+)\\s*[、.,]\\s*`));
  if (m) return { level: 1, marker: m[1] ?? '', rest: s.slice(m[0].length) };
  m = s.match(new RegExp(`^\\(\\s*([${CN_ORDINALS}]+)\\s*\\)\\s*[、.]?\\s*`));
  if (m) return { level: 2, marker: m[1] ?? '', rest: s.slice(m[0].length) };
  m = s.match(/^(\d{1,2})\s*[.、﹒．,](?!\d)\s*/);
  if (m) return { level: 3, marker: m[1] ?? '', rest: s.slice(m[0].length) };
  m = s.match(/^\(\s*(\d{1,2})\s*\)\s*[、.]?\s*/);
  if (m) return { level: 3, marker: m[1] ?? '', rest: s.slice(m[0].length) };
  m = s.match(/^其中\s*[:,、]?\s*/);
  if (m) return { level: 4, marker: '其中', rest: s.slice(m[0].length) };
  return { level: 0, marker: '', rest: s };
}

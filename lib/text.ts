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

/** Full-width ASCII (！to ～) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Collapse runs of whitespace (including `&nbsp;`) and drop zero-width characters. */
export function cleanText(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/**
 * Canonical form of a table label for matching: half-width, no spaces or line
 * breaks, unified brackets, quotes, commas and list marks. Both the page's
 * label and a template's alias go through this before comparing.
 */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s)
    .replace(ZERO_WIDTH, '')
    .replace(SPACES, '')
    .replace(/[“”„‟"'‘’「」『』]/g, '')
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[、，,﹐]/g, '、')
    .replace(/[．﹒·•。]/g, '.')
    .replace(/[：:]/g, ':')
    .replace(/[—–－‐-]+/g, '-')
    .toLowerCase();
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

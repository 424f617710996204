/**
 * Text for SpreadsheetML parts. Page text is hostile: a title or a cell may
 * hold anything, and one character XML 1.0 forbids makes the whole workbook
 * unreadable ("Excel found unreadable content"), so such characters are
 * dropped rather than escaped (XML has no escape for them).
 */

/**
 * Everything outside XML 1.0's Char production: C0 controls other than tab,
 * line feed and carriage return, lone surrogates (the `u` flag sees them as
 * code points of their own), U+FFFE and U+FFFF.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Excel's limit for the text of one cell (in UTF-16 units); longer text makes Excel repair the file. */
export const MAX_CELL_TEXT = 32_767;

/** The text with the characters XML cannot carry removed. */
export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * SpreadsheetML reads `_xHHHH_` inside text as an escaped character, so a
 * page that prints `_x0041_` would show `A`; escaping the underscore keeps
 * the text as printed.
 */
function escapeOoxmlUnderscore(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

/** Cell or comment text: cleaned, cut to Excel's limit, escaped for element content. */
export function xmlText(text: string): string {
  return escapeMarkup(escapeOoxmlUnderscore(truncate(stripForbidden(text), MAX_CELL_TEXT)));
}

/** An attribute value (sheet names, references, document title). */
export function xmlAttr(text: string): string {
  return escapeMarkup(stripForbidden(text));
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

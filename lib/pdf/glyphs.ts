/**
 * pdf.js gives text as runs (a word, a line, sometimes a whole table row with
 * spaces between cells). Tables are rebuilt from where each character sits,
 * so every run is cut into glyphs, each with its own box.
 */
import type { PdfTextItem } from './pdfjs';

/** One printed character, in page coordinates with y growing downwards (points). */
export interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph's em box. */
  top: number;
  bottom: number;
  size: number;
}

/**
 * CJK Radicals Supplement code points that fonts (Noto CJK through Skia,
 * among others) map to instead of the ideograph they draw: 长 extracts as
 * ⻓. NFKC maps the Kangxi radicals (U+2F00–U+2FD5) back, not these.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民',
  '⺟': '母',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻖': '阝',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

/** The ideograph a radical code point stands for; other characters unchanged. */
export function unifyIdeograph(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2f00 && code <= 0x2fdf) return ch.normalize('NFKC');
  if (code >= 0x2e80 && code <= 0x2eff) return RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC');
  return ch;
}

/** Full-width characters take a whole em, others about half of one. */
function widthWeight(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0x3000 && code <= 0x303f) ? 1 : 0.5;
}

/**
 * The glyphs of one text run of a page `pageHeight` high. Each character
 * gets its share of the run's width (by full or half width), which places
 * it within a fraction of a character: enough to tell which cell it is in.
 * Spaces give no glyph, only the gap they leave.
 */
export function glyphsOfItem(item: PdfTextItem, pageHeight: number): Glyph[] {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const chars = Array.from(item.str);
  if (chars.length === 0) return [];
  // Horizontal runs only: a rotated run (a stamp, a watermark) belongs to no table.
  if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) return [];
  const size = Math.abs(d) || item.height || a;
  const total = chars.reduce((sum, ch) => sum + widthWeight(ch), 0);
  const width = item.width > 0 ? item.width : total * size;
  const baseline = pageHeight - f;
  const out: Glyph[] = [];
  let x = e;
  for (const ch of chars) {
    const advance = (width * widthWeight(ch)) / total;
    if (ch.trim() !== '') {
      out.push({
        ch: unifyIdeograph(ch),
        x0: x,
        x1: x + advance,
        top: baseline - size * 0.88,
        bottom: baseline + size * 0.12,
        size,
      });
    }
    x += advance;
  }
  return out;
}

export const centreX = (g: Glyph): number => (g.x0 + g.x1) / 2;
export const centreY = (g: Glyph): number => (g.top + g.bottom) / 2;

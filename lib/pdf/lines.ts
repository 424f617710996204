/** Glyphs grouped into printed lines, and lines read as text. */
import { centreY, type Glyph } from './glyphs';

export interface TextLine {
  glyphs: Glyph[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** The line's most common glyph size (points). */
  size: number;
  text: string;
}

const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z]/.test(ch);

/**
 * The text of glyphs on one line, left to right. A visible gap (half an em
 * or more) between two Latin letters or digits is a space (「1 234」 stays
 * two figures); next to a Chinese character it is the spacing LibreOffice
 * and Word put between Chinese and Latin (「信息 1.6 万条」), which no one
 * types, so it is not copied.
 */
function lineText(glyphs: Glyph[]): string {
  let out = '';
  let previous: Glyph | null = null;
  for (const g of glyphs) {
    const gap = previous ? g.x0 - previous.x1 : 0;
    const words = isAsciiWord(previous?.ch) && isAsciiWord(g.ch);
    if (previous && words && gap > Math.min(g.size, previous.size) * 0.5) out += ' ';
    out += g.ch;
    previous = g;
  }
  return out;
}

function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const key = Math.round(v * 2) / 2;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > (counts.get(best) ?? 0)) best = key;
  }
  return best;
}

/**
 * Glyphs into lines, top to bottom: a glyph joins the line whose vertical
 * centre is within half a glyph of its own (a figure printed a point lower
 * than its label stays on the label's line).
 */
export function groupLines(glyphs: Glyph[]): TextLine[] {
  const sorted = [...glyphs].sort((a, b) => centreY(a) - centreY(b) || a.x0 - b.x0);
  const groups: { centre: number; glyphs: Glyph[] }[] = [];
  for (const g of sorted) {
    const y = centreY(g);
    const line = groups.find((l) => Math.abs(l.centre - y) <= g.size * 0.5);
    if (line) line.glyphs.push(g);
    else groups.push({ centre: y, glyphs: [g] });
  }
  return groups
    .map(({ glyphs: members }) => {
      const inOrder = members.sort((a, b) => a.x0 - b.x0);
      return {
        glyphs: inOrder,
        x0: Math.min(...inOrder.map((g) => g.x0)),
        x1: Math.max(...inOrder.map((g) => g.x1)),
        top: Math.min(...inOrder.map((g) => g.top)),
        bottom: Math.max(...inOrder.map((g) => g.bottom)),
        size: modeOf(inOrder.map((g) => g.size)),
        text: lineText(inOrder),
      };
    })
    .sort((a, b) => a.top - b.top);
}

/**
 * A cell's text: its lines joined as the words run on. Chinese wraps
 * anywhere, so lines join with nothing between them; only two Latin or
 * digit runs meeting at a line break keep a space (a figure never wraps).
 */
export function cellText(glyphs: Glyph[]): string {
  let out = '';
  for (const line of groupLines(glyphs)) {
    if (isAsciiWord(out[out.length - 1]) && isAsciiWord(line.text[0])) out += ' ';
    out += line.text;
  }
  return out;
}

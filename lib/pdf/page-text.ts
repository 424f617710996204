/**
 * The text of a PDF outside its tables, as the narrative reader takes a
 * page's article: paragraphs rebuilt across line breaks, and the page's
 * furniture left out — page numbers (「-3-」, 「第 3 页」, 「3/12」) and the
 * running header or footer a document repeats on every page.
 */
import { cleanText, splitNumbering } from '../text/normalise';
import type { TextLine } from './lines';

export interface PageLines {
  page: number;
  height: number;
  lines: TextLine[];
}

const PAGE_NUMBER =
  /^(?:[-—–－·]\s*\d{1,4}\s*[-—–－·]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})$/;

/** The top and bottom of a page where running headers and footers print (share of its height). */
const MARGIN_BAND = 0.1;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(cleanText(text));
}

/** Digits stood in for, so 「第1页」 and 「第2页」 repeat as the same furniture. */
const furnitureKey = (text: string): string => cleanText(text).replace(/\d+/g, '#');

/** Lines of each page's margin bands that recur on more than one page. */
function runningLines(pages: PageLines[]): Set<string> {
  const seen = new Map<string, Set<number>>();
  for (const { page, height, lines } of pages) {
    for (const line of lines) {
      if (line.top > height * MARGIN_BAND && line.bottom < height * (1 - MARGIN_BAND)) continue;
      const key = furnitureKey(line.text);
      const on = seen.get(key) ?? new Set<number>();
      on.add(page);
      seen.set(key, on);
    }
  }
  return new Set([...seen].filter(([, on]) => on.size > 1).map(([key]) => key));
}

/** The lines a reader reads: every page's lines without its furniture, in page order. */
export function contentLines(pages: PageLines[]): { page: number; line: TextLine }[] {
  const running = pages.length > 1 ? runningLines(pages) : new Set<string>();
  return pages.flatMap(({ page, height, lines }) =>
    lines
      .filter((line) => {
        const inMargin =
          line.top < height * MARGIN_BAND || line.bottom > height * (1 - MARGIN_BAND);
        if (isPageNumber(line.text) && (inMargin || line.text.length <= 5)) return false;
        return !(inMargin && running.has(furnitureKey(line.text)));
      })
      .map((line) => ({ page, line })),
  );
}

/**
 * Paragraphs from lines. A line starts a paragraph when it is indented (a
 * Chinese paragraph opens two characters in), when the line before stopped
 * well short of the right margin, or when the type size changes (a
 * heading). Otherwise it runs on with nothing between: Chinese wraps
 * anywhere, even inside a figure's phrase (「共收到申请 / 92件」).
 */
export function paragraphs(lines: TextLine[]): string[] {
  return paragraphStarts(lines).map((p) => p.text);
}

/**
 * `paragraphs`, each with the index in `lines` of the line it starts on: where
 * it is printed (page and height), so that the PDF page can show the text and
 * the tables in the order the document prints them.
 */
export function paragraphStarts(lines: TextLine[]): { text: string; first: number }[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const out: { text: string; first: number }[] = [];
  let current = '';
  let first = 0;
  let previous: TextLine | null = null;
  for (const [i, line] of lines.entries()) {
    const indented = line.x0 - left > line.size * 1.5;
    const gap = previous === null ? 0 : (right - previous.x1) / previous.size;
    // Short of the margin ends a paragraph, unless the line stopped only because what follows
    // may not be split (「知》」 kept with its closing mark, 「《青」 with its opening one, a
    // telephone number): a few characters short, and no sentence ended there.
    const previousShort = gap > 2 && (gap > 5 || /[。！？；：]$/.test(current));
    const resized = previous !== null && Math.abs(previous.size - line.size) > 1;
    // A heading (「二、…」「（一）…」) after a sentence that filled its line to the margin.
    const heading = /[。！？：；]$/.test(current) && splitNumbering(cleanText(line.text)).level > 0;
    if (previous === null || indented || previousShort || resized || heading) {
      if (current !== '') out.push({ text: current, first });
      current = line.text;
      first = i;
    } else {
      const joinsWords = /[0-9A-Za-z]$/.test(current) && /^[0-9A-Za-z]/.test(line.text);
      current += (joinsWords ? ' ' : '') + line.text;
    }
    previous = line;
  }
  if (current !== '') out.push({ text: current, first });
  return out;
}

/**
 * The first stage: a paragraph's text into the units read one at a time —
 * its sentences, and a sentence too long to be one cut into windows.
 */

import { HARD_BREAK, halfWidth, SOFT_BREAK } from './clauses';

/**
 * One sentence from where the last one ended: anything up to 。；！？ or a line
 * break, then the ending marks with the closing marks that belong to it
 * (…。” stays together). A pattern rather than a loop over characters: the
 * narrative is the longest text of the page, read once per page, and the
 * engine scans it natively where a loop would run in the interpreter.
 */
const SENTENCE = /[^\n\r。；！？;!?]*(?:[。；！？;!?][。；！？;!?”’」』）)]*)?/y;

/** Sentences at 。；！？ and line breaks, each as printed (ending mark kept, outer spaces trimmed). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    SENTENCE.lastIndex = at;
    const sentence = SENTENCE.exec(text)?.[0] ?? '';
    const trimmed = sentence.trim();
    if (trimmed !== '') out.push(trimmed);
    at += sentence.length;
    // A line break ends the sentence before it and starts none.
    const next = text.charAt(at);
    if (next === '\n' || next === '\r') at += 1;
  }
  return out;
}

/**
 * The longest sentence read as one. The longest of the fixture reports has
 * 248 characters and real ones stay under 600; a longer "sentence" is a
 * paragraph without 。；, a 、-list or a runaway text, and is read in windows
 * of at most this many characters, each as a sentence of its own (vetoes
 * such as 其中 or a year named earlier in it do not reach past its window).
 * This bounds what one number reads around it, and what one step reads.
 */
export const MAX_SENTENCE_CHARS = 1_000;

/**
 * Characters that may belong to a number's phrase (ordinal, approximation,
 * numeral, unit, suffix): a window cut between two of them could turn 第12件
 * into 12件, 1234 into 34, 2292条次 into 2292条.
 */
const NUMBER_PHRASE_CHAR =
  /[\d.％%第几数约近超逾多少于低上零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟余来件条起宗份例次个项篇以左右下有之]/;

/** After the last break of the kind in scan[from, to), or -1. */
function afterLastBreak(scan: string, from: number, to: number, soft: boolean): number {
  const pattern = soft ? SOFT_BREAK : HARD_BREAK;
  for (let i = to - 1; i > from; i--) if (pattern.test(scan.charAt(i))) return i + 1;
  return -1;
}

/**
 * Where the window starting at `from` ends: after its last clause break,
 * else after its last 、, else between two characters that cannot both
 * belong to a number's phrase (cut anyway in a run of such characters).
 */
function windowEnd(scan: string, from: number): number {
  const to = from + MAX_SENTENCE_CHARS;
  const hard = afterLastBreak(scan, from, to, false);
  if (hard > 0) return hard;
  const soft = afterLastBreak(scan, from, to, true);
  if (soft > 0) return soft;
  const lowest = from + MAX_SENTENCE_CHARS / 2;
  for (let cut = to; cut > lowest; cut--) {
    const inside =
      NUMBER_PHRASE_CHAR.test(scan.charAt(cut - 1)) && NUMBER_PHRASE_CHAR.test(scan.charAt(cut));
    if (!inside) return cut;
  }
  return to;
}

/** The sentences of the text, a long one cut into windows of at most MAX_SENTENCE_CHARS. */
export function* readingUnits(text: string): Generator<string> {
  for (const sentence of splitSentences(text)) {
    if (sentence.length <= MAX_SENTENCE_CHARS) {
      yield sentence;
      continue;
    }
    const scan = halfWidth(sentence);
    let from = 0;
    while (from < sentence.length) {
      const to =
        sentence.length - from > MAX_SENTENCE_CHARS ? windowEnd(scan, from) : sentence.length;
      const window = sentence.slice(from, to).trim();
      if (window !== '') yield window;
      from = to;
    }
  }
}

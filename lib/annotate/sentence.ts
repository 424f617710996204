/**
 * Finds the paragraph that holds a sentence of the narrative, so that a
 * narrative finding can be marked where the reader reads it.
 */

const IGNORED = /[\s\u00a0\u2000-\u200f\u3000\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]+/g;
/** Elements a reader sees as a block of text; inline runs (span, font) are too small to mark. */
const TEXT_BLOCKS =
  'p, div, td, th, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, section, article';
/** Shorter sentences match too many places to single one out. */
const MIN_SENTENCE = 6;

/** Text compared without any whitespace: the extraction collapsed it, the page did not. */
const squash = (s: string): string => s.replace(IGNORED, '');

export interface SentenceFinder {
  find(sentence: string): Element | null;
}

/**
 * Reads the blocks under `root` once; each sentence is then the smallest
 * block whose text contains it (the innermost when a wrapper holds the same text).
 */
export function sentenceFinder(root: Element): SentenceFinder {
  let blocks: { element: Element; text: string }[] | null = null;
  const read = () => {
    blocks = Array.from(root.querySelectorAll(TEXT_BLOCKS), (element) => ({
      element,
      text: squash(element.textContent ?? ''),
    }));
    return blocks;
  };
  return {
    find(sentence) {
      const needle = squash(sentence);
      if (needle.length < MIN_SENTENCE) return null;
      let best: { element: Element; text: string } | null = null;
      for (const block of blocks ?? read()) {
        if (block.text.length < needle.length || !block.text.includes(needle)) continue;
        const smaller =
          !best ||
          block.text.length < best.text.length ||
          // A wrapper and its only child read the same: the child is the paragraph.
          (block.text.length === best.text.length && best.element.contains(block.element));
        if (smaller) best = block;
      }
      return best?.element ?? null;
    },
  };
}

/**
 * The figure a narrative finding is about, found exactly in the page's text:
 * the claim carries where its number (with its unit as printed) sits in its
 * sentence, and the sentence's block is the one the mark was put on. A
 * range over the page's own text nodes is returned, never a changed node:
 * the overlay draws the underline from its client rects. Anything that does
 * not match one place exactly gives null, and the sentence keeps its mark.
 */
import type { Claim, Finding } from '../model/report';

/** The figure in its sentence, as the claim read it. */
export interface SentenceFigure {
  sentence: string;
  start: number;
  end: number;
}

/**
 * The one figure the finding's sentence states with the finding's value.
 * None when the sentence holds several such claims at different places:
 * which one the finding means is then not known.
 */
export function figureOf(finding: Finding, claims: readonly Claim[]): SentenceFigure | null {
  if (finding.family !== 'narrative' || !finding.text || typeof finding.expected !== 'number') {
    return null;
  }
  const places = new Map<string, SentenceFigure>();
  for (const claim of claims) {
    if (claim.sentence !== finding.text || claim.value !== finding.expected || claim.assertion) {
      continue;
    }
    const [start, end] = claim.at ?? [0, 0];
    if (end <= start || end > claim.sentence.length) continue;
    places.set(`${start}:${end}`, { sentence: claim.sentence, start, end });
  }
  return places.size === 1 ? ([...places.values()][0] ?? null) : null;
}

/** Characters the sentence finder also ignores: the extraction collapsed them, the page did not. */
const IGNORED = /[\s\u00a0\u2000-\u200f\u3000\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/;

const IGNORED_ALL = new RegExp(IGNORED.source, 'g');
const squash = (s: string): string => s.replace(IGNORED_ALL, '');

/** Where each kept character of the block's text is: its text node and offset. */
interface TextMap {
  text: string;
  nodes: Text[];
  offsets: number[];
}

function mapText(block: Element): TextMap {
  const doc = block.ownerDocument;
  const walker = doc.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  const map: TextMap = { text: '', nodes: [], offsets: [] };
  const parts: string[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i] as string;
      if (IGNORED.test(ch)) continue;
      parts.push(ch);
      map.nodes.push(node);
      map.offsets.push(i);
    }
  }
  map.text = parts.join('');
  return map;
}

/**
 * The figure's text in the block, as a range; null unless the sentence
 * occurs exactly once in the block and the range reads the figure.
 */
export function figureRange(block: Element, figure: SentenceFigure): Range | null {
  const map = mapText(block);
  const sentence = squash(figure.sentence);
  const at = map.text.indexOf(sentence);
  if (sentence.length === 0 || at < 0 || map.text.indexOf(sentence, at + 1) >= 0) return null;
  const wanted = squash(figure.sentence.slice(figure.start, figure.end));
  if (wanted.length === 0) return null;
  const first = at + squash(figure.sentence.slice(0, figure.start)).length;
  const last = first + wanted.length - 1;
  const startNode = map.nodes[first];
  const endNode = map.nodes[last];
  if (!startNode || !endNode) return null;
  const range = block.ownerDocument.createRange();
  range.setStart(startNode, map.offsets[first] ?? 0);
  range.setEnd(endNode, (map.offsets[last] ?? 0) + 1);
  return squash(range.toString()) === wanted ? range : null;
}

/**
 * Visible text of a DOM subtree, the same in a browser and in Node (jsdom).
 * `innerText` would need layout (jsdom has none, and in a browser it forces a
 * reflow per call), so line structure is rebuilt from the markup: block
 * boundaries and `<br>` break lines, and elements that are not shown
 * (scripts, Word's hidden spans, `hidden`) contribute nothing.
 */
import { cleanText } from './normalise';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Table cells are separated, not broken: a row reads as one line. */
const CELL_ELEMENTS = new Set(['td', 'th']);

/** Never rendered as text. */
const SKIPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
]);

/** Word pastes hidden runs as `display:none;mso-hide:all`; the declaration may sit anywhere in the list. */
const HIDDEN_STYLE = /(?:^|[;\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)(?![\w-])/i;
/**
 * Most styled nodes (Word's borders, fonts) mention neither keyword: one scan
 * settles them, without lowercasing a copy of every style attribute.
 */
const MAY_HIDE = /none|hidden/i;

export function isBlockElement(el: Element): boolean {
  return BLOCK_ELEMENTS.has(el.localName);
}

/** True for an element whose subtree is never shown as text (by tag, `hidden`, or inline style). */
export function isHiddenElement(el: Element): boolean {
  if (SKIPPED_ELEMENTS.has(el.localName) || el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && MAY_HIDE.test(style) && HIDDEN_STYLE.test(style);
}

/**
 * Visible text of `el`: `<br>` and block boundaries become '\n', table cells
 * are separated by a space, each line is cleaned (lib/text/normalise.ts cleanText), and
 * empty lines are dropped. Hidden descendants are skipped; `el` itself is read
 * whatever its own style, since the caller chose it.
 */
export interface TextOptions {
  /** Elements read as a line break instead of their text (the tables already read). */
  skip?: ReadonlySet<Element>;
  /** Stop once this many characters have been collected (the text may be cut mid-line). */
  maxChars?: number;
}

export function elementText(el: Element, options: TextOptions = {}): string {
  const { skip, maxChars = Number.POSITIVE_INFINITY } = options;
  const out: LineCollector = { lines: [], line: '', length: 0 };
  // Most table cells hold text alone: their textContent is what the walk
  // would collect (text and CDATA, not comments), read in one call instead of
  // a wrapper per node.
  if (el.childElementCount === 0 && maxChars === Number.POSITIVE_INFINITY) {
    out.line = el.textContent ?? '';
    breakLine(out);
    return out.lines.join('\n');
  }
  let preDepth = 0;
  // Iterative pre-order walk with the open elements on a stack: deep Word markup costs no call
  // depth, and leaving an element needs no parentNode lookup (DOM access dominates the cost).
  const open: Element[] = [];
  let node: Node | null = el.firstChild;
  while (node !== null) {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const data = (node as CharacterData).data;
      if (preDepth === 0 || !data.includes('\n')) out.line += data;
      else {
        const [first = '', ...rest] = data.split('\n');
        out.line += first;
        for (const part of rest) {
          breakLine(out);
          out.line = part;
        }
      }
    } else if (type === ELEMENT_NODE) {
      const child = node as Element;
      const name = child.localName;
      if (name === 'br') breakLine(out);
      // As whitespace, the way the narrative has always read around a table it skips.
      else if (skip?.has(child)) out.line += '\n';
      else if (!isHiddenElement(child)) {
        const first = child.firstChild;
        elementBoundary(out, name);
        if (first !== null) {
          if (name === 'pre') preDepth++;
          open.push(child);
          node = first;
          continue;
        }
        elementBoundary(out, name);
      }
    }
    if (out.length + out.line.length >= maxChars) break;
    let next: Node | null = node.nextSibling;
    while (next === null && open.length > 0) {
      const closed = open.pop() as Element;
      const name = closed.localName;
      elementBoundary(out, name);
      if (name === 'pre') preDepth--;
      next = closed.nextSibling;
    }
    node = next;
  }
  breakLine(out);
  const text = out.lines.join('\n');
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

interface LineCollector {
  lines: string[];
  /** The line being collected, raw. */
  line: string;
  /** Characters in `lines` so far. */
  length: number;
}

function breakLine(out: LineCollector): void {
  if (out.line === '') return;
  const cleaned = cleanText(out.line);
  if (cleaned !== '') {
    out.lines.push(cleaned);
    out.length += cleaned.length + 1;
  }
  out.line = '';
}

/** Where an element opens or closes: blocks break the line, cells are kept apart by a space. */
function elementBoundary(out: LineCollector, name: string): void {
  if (BLOCK_ELEMENTS.has(name)) breakLine(out);
  else if (CELL_ELEMENTS.has(name)) out.line += ' ';
}

/**
 * What `textContent` gives for a small element, or null when it holds more
 * than `maxChars` characters of text or more than `maxNodes` nodes. Reading
 * textContent for every element of a page reads a deep nest again for each
 * of its levels (10,000 <span>s one inside the other: 10,000 reads of the
 * nest); this read stops early, so a walk over the page stays linear.
 */
export function shortTextContent(el: Element, maxChars: number, maxNodes: number): string | null {
  let text = '';
  let nodes = 0;
  let node: Node | null = el.firstChild;
  while (node !== null) {
    nodes += 1;
    if (nodes > maxNodes) return null;
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      text += (node as CharacterData).data;
      if (text.length > maxChars) return null;
    }
    const first: Node | null = type === ELEMENT_NODE ? node.firstChild : null;
    if (first !== null) {
      node = first;
      continue;
    }
    // Up to the nearest ancestor with a next sibling, never above `el`.
    while (node !== el && node.parentNode !== null && node.nextSibling === null) {
      node = node.parentNode;
    }
    node = node === el ? null : node.nextSibling;
  }
  return text;
}

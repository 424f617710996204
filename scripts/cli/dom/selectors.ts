/**
 * The CSS selectors lib/ passes to querySelector(All) and closest(): type,
 * `*`, `#id`, `.class`, `[attr]`, `[attr=value]`, descendant and child
 * combinators, and lists. Anything else is refused with a SyntaxError (as the
 * DOM refuses an invalid selector), so a selector lib/ adds one day that this
 * engine does not know fails loudly in the tests instead of matching wrongly.
 *
 * Ids and classes compare case-sensitively, also in quirks mode: jsdom's
 * selector engine does, and the command line's output must not change with
 * its DOM (browsers fold case in quirks mode; no selector of lib/ depends on it).
 */
import type { LeanElement } from './lean-dom';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

interface Compound {
  /** Lowercased type, or null for any element. */
  type: string | null;
  /** The type as written, for elements outside the HTML namespace. */
  typeAsWritten: string | null;
  ids: string[];
  classes: string[];
  attributes: { name: string; value: string | null }[];
}

/** Compounds right to left, each with the combinator that joins it to the next one leftwards. */
interface Complex {
  compounds: Compound[];
  /** combinators[i] joins compounds[i] to compounds[i + 1]: ' ' descendant, '>' child. */
  combinators: (' ' | '>')[];
}

export type SelectorList = readonly Complex[];

const cache = new Map<string, SelectorList>();

const IDENT = /^-?(?:[A-Za-z_\u0080-\uffff]|-)[A-Za-z0-9_\-\u0080-\uffff]*/;

function syntaxError(source: string): SyntaxError {
  return new SyntaxError(`'${source}' is not a selector the command line's DOM supports`);
}

function parseComplex(text: string, source: string): Complex {
  const compounds: Compound[] = [];
  const combinators: (' ' | '>')[] = [];
  let rest = text.trim();
  if (rest === '') throw syntaxError(source);
  let pending: ' ' | '>' | null = null;
  while (rest !== '') {
    const compound: Compound = {
      type: null,
      typeAsWritten: null,
      ids: [],
      classes: [],
      attributes: [],
    };
    let consumed = false;
    const type = /^(\*|-?[A-Za-z_][A-Za-z0-9_-]*)/.exec(rest);
    if (type) {
      const name = type[1] as string;
      if (name !== '*') {
        compound.type = name.toLowerCase();
        compound.typeAsWritten = name;
      }
      rest = rest.slice(name.length);
      consumed = true;
    }
    while (rest !== '') {
      const head = rest[0];
      if (head === '#' || head === '.') {
        const ident = IDENT.exec(rest.slice(1));
        if (!ident) throw syntaxError(source);
        (head === '#' ? compound.ids : compound.classes).push(ident[0]);
        rest = rest.slice(1 + ident[0].length);
      } else if (head === '[') {
        const attr =
          /^\[\s*([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:"([^"\\]*)"|'([^'\\]*)'|(-?[A-Za-z_\u0080-\uffff][A-Za-z0-9_\-\u0080-\uffff]*))\s*)?\]/.exec(
            rest,
          );
        if (!attr) throw syntaxError(source);
        const value = attr[2] ?? attr[3] ?? attr[4] ?? null;
        compound.attributes.push({ name: (attr[1] as string).toLowerCase(), value });
        rest = rest.slice(attr[0].length);
      } else break;
      consumed = true;
    }
    if (!consumed) throw syntaxError(source);
    if (pending !== null) combinators.push(pending);
    compounds.push(compound);
    const combinator = /^\s*(>)?\s*/.exec(rest) as RegExpExecArray;
    if (combinator[0] === '' && rest !== '') throw syntaxError(source);
    rest = rest.slice(combinator[0].length);
    pending = combinator[1] === '>' ? '>' : ' ';
    if (rest === '' && combinator[1] === '>') throw syntaxError(source);
  }
  // Matching goes from the subject (the rightmost compound) leftwards.
  return { compounds: compounds.reverse(), combinators: combinators.reverse() };
}

export function parseSelector(source: string): SelectorList {
  const cached = cache.get(source);
  if (cached) return cached;
  const list = source.split(',').map((part) => parseComplex(part, source));
  cache.set(source, list);
  return list;
}

function hasClass(el: LeanElement, name: string): boolean {
  const value = el.getAttribute('class');
  // Most elements tested lack the class altogether: no split for them.
  if (value === null || !value.includes(name)) return false;
  // DOMTokenList: split on ASCII whitespace.
  return value.split(/[\t\n\f\r ]+/).includes(name);
}

function matchesCompound(el: LeanElement, compound: Compound): boolean {
  if (compound.type !== null) {
    const name = el.namespaceURI === HTML_NS ? compound.type : compound.typeAsWritten;
    if (el.localName !== name) return false;
  }
  for (const id of compound.ids) if (el.getAttribute('id') !== id) return false;
  for (const name of compound.classes) if (!hasClass(el, name)) return false;
  for (const { name, value } of compound.attributes) {
    const actual = el.getAttribute(name);
    if (actual === null || (value !== null && actual !== value)) return false;
  }
  return true;
}

function parentElementOf(el: LeanElement): LeanElement | null {
  const parent = el.parentNode;
  return parent !== null && parent.nodeType === 1 ? (parent as LeanElement) : null;
}

/** Whether `el` matches compounds[index..] leftwards (backtracking over descendant combinators). */
function matchesFrom(el: LeanElement, complex: Complex, index: number): boolean {
  if (!matchesCompound(el, complex.compounds[index] as Compound)) return false;
  if (index === complex.compounds.length - 1) return true;
  const combinator = complex.combinators[index];
  let ancestor = parentElementOf(el);
  if (combinator === '>') return ancestor !== null && matchesFrom(ancestor, complex, index + 1);
  while (ancestor !== null) {
    if (matchesFrom(ancestor, complex, index + 1)) return true;
    ancestor = parentElementOf(ancestor);
  }
  return false;
}

/**
 * What an element must have to be the subject of some selector of a list:
 * one of these names, ids or classes. A walk over the whole page tests every
 * element against lists of a dozen selectors (lib/extract.ts's article
 * containers); most elements are settled by one look at their name, id and
 * class instead of a dozen compound matches. Null where some subject asks
 * for none of the three (`*`, `[attr]`), and every element is a candidate.
 */
interface SubjectFilter {
  names: ReadonlySet<string>;
  ids: ReadonlySet<string>;
  classes: ReadonlySet<string>;
}

const subjectFilters = new WeakMap<SelectorList, SubjectFilter | null>();

function subjectFilterOf(list: SelectorList): SubjectFilter | null {
  if (subjectFilters.has(list)) return subjectFilters.get(list) ?? null;
  const names = new Set<string>();
  const ids = new Set<string>();
  const classes = new Set<string>();
  let filter: SubjectFilter | null = { names, ids, classes };
  for (const { compounds } of list) {
    const subject = compounds[0] as Compound;
    // One requirement of the subject is enough to rule an element out.
    if (subject.type !== null) {
      names.add(subject.type);
      names.add(subject.typeAsWritten as string);
    } else if (subject.ids.length > 0) ids.add(subject.ids[0] as string);
    else if (subject.classes.length > 0) classes.add(subject.classes[0] as string);
    else filter = null;
  }
  subjectFilters.set(list, filter);
  return filter;
}

/** Whether `el` has a name, id or class of the filter: a necessary condition, not a match. */
function mayMatch(el: LeanElement, filter: SubjectFilter): boolean {
  if (filter.names.has(el.localName)) return true;
  if (filter.ids.size > 0) {
    const id = el.getAttribute('id');
    if (id !== null && filter.ids.has(id)) return true;
  }
  if (filter.classes.size > 0) {
    const value = el.getAttribute('class');
    if (value !== null) {
      for (const name of value.split(/[\t\n\f\r ]+/)) if (filter.classes.has(name)) return true;
    }
  }
  return false;
}

export function matchesSelector(el: LeanElement, list: SelectorList): boolean {
  const filter = subjectFilterOf(list);
  if (filter !== null && !mayMatch(el, filter)) return false;
  for (const complex of list) if (matchesFrom(el, complex, 0)) return true;
  return false;
}

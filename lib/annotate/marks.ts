/**
 * The marks on the page's own nodes: the observable contract allows exactly
 * `data-ogi-lens-finding` (and `tabindex="0"` so that a marked cell can be
 * focused) on flagged elements, and one `<style data-ogi-lens-style>` in
 * `<head>` whose rules change no layout (outline and inset shadow only).
 */
import type { CellRef, Finding, Severity } from '../model/report';
import type { CellLocator } from './locate';
import { claimNode } from './own-nodes';
import type { SentenceFinder } from './sentence';

export const FINDING_ATTRIBUTE = 'data-ogi-lens-finding';
export const STYLE_ATTRIBUTE = 'data-ogi-lens-style';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const moreSevere = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/** One finding as it concerns one marked element. */
export interface MarkedFinding {
  index: number;
  finding: Finding;
  /** The reference that located this element (absent for a sentence). */
  ref?: CellRef;
}

export interface Mark {
  element: Element;
  severity: Severity;
  kind: 'cell' | 'sentence';
  findings: MarkedFinding[];
}

/**
 * Which element gets which findings: each finding's `cells` (never its
 * `terms`: a broken sum must not light up a whole column) and, for a
 * narrative finding, the paragraph of its sentence.
 */
export function planMarks(
  findings: readonly Finding[],
  locate: CellLocator,
  sentences: SentenceFinder | null,
): Map<Element, Mark> {
  const marks = new Map<Element, Mark>();
  const add = (element: Element, kind: Mark['kind'], entry: MarkedFinding) => {
    const mark = marks.get(element);
    if (!mark) {
      marks.set(element, { element, kind, severity: entry.finding.severity, findings: [entry] });
      return;
    }
    if (mark.findings.some((f) => f.index === entry.index)) return;
    mark.findings.push(entry);
    mark.severity = moreSevere(mark.severity, entry.finding.severity);
  };
  findings.forEach((finding, index) => {
    for (const ref of finding.cells) {
      const element = locate(ref);
      if (element) add(element, 'cell', { index, finding, ref });
    }
    if (finding.text && sentences) {
      const element = sentences.find(finding.text);
      if (element && !marks.get(element)?.findings.some((f) => f.index === index)) {
        add(element, 'sentence', { index, finding });
      }
    }
  });
  return marks;
}

/**
 * Each severity has its own line style besides its colour, so that a reader
 * who cannot tell red from orange still tells an error (solid) from a
 * warning (dashed) and a note (dotted).
 */
const COLOURS: Record<Severity, { line: string; style: string; tint: string }> = {
  error: { line: '#d93025', style: 'solid', tint: 'rgba(217, 48, 37, 0.12)' },
  warning: { line: '#e37400', style: 'dashed', tint: 'rgba(249, 171, 0, 0.16)' },
  info: { line: '#1a73e8', style: 'dotted', tint: 'rgba(26, 115, 232, 0.10)' },
};

/** A mark's line style, for the overlay's outlines of the same severities. */
export const markLineStyle = (severity: Severity): string => COLOURS[severity].style;

/** The cascade layer of the highlight rules (see highlightCss). */
const HIGHLIGHT_LAYER = 'ogi-lens';

/**
 * An outline drawn inside the element and an inset shadow as a tint: both
 * are painted over the box without taking space, so the table keeps its
 * layout. `!important` because portals style their cells with it too, and
 * inside a cascade layer because important declarations in a layer outrank
 * unlayered important ones whatever their specificity: a page rule such as
 * `html body td[data-ogi-lens-finding]{outline:none !important}` or
 * `*{all:unset !important}` cannot take the marks off.
 */
export function highlightCss(): string {
  const rules = (Object.keys(COLOURS) as Severity[]).map((severity) => {
    const { line, style, tint } = COLOURS[severity];
    return (
      `[${FINDING_ATTRIBUTE}="${severity}"]{outline:2px ${style} ${line} !important;` +
      `outline-offset:-2px !important;box-shadow:inset 0 0 0 100vmax ${tint} !important}` +
      `[${FINDING_ATTRIBUTE}="${severity}"]:focus{outline:3px ${style} ${line} !important}`
    );
  });
  return `@layer ${HIGHLIGHT_LAYER}{\n${rules.join('\n')}\n}`;
}

/** The highlight style this script added to each document. */
const highlightStyles = new WeakMap<Document, HTMLStyleElement>();

/** CSSRule.STYLE_RULE: the command line and the tests run this code in Node, where CSSRule is no global. */
const STYLE_RULE = 1;

/** A rule of the cascade-layer kind, or one that holds or imports such a rule. */
function declaresLayer(rule: CSSRule): boolean {
  // Style rules, nearly all of a sheet, are never layer rules: their text is not serialised.
  if (rule.type !== STYLE_RULE && rule.cssText.startsWith('@layer')) return true;
  const imported = rule as Partial<CSSImportRule>;
  // `@import url(…) layer(…)`: a layer name, possibly empty; null when the import is unlayered.
  if (typeof imported.layerName === 'string') return true;
  if (imported.styleSheet && sheetMayDeclareLayers(imported.styleSheet)) return true;
  const nested = (rule as Partial<CSSGroupingRule>).cssRules;
  return nested ? Array.from(nested).some(declaresLayer) : false;
}

/** Whether a sheet declares a cascade layer; a sheet the page does not let us read may. */
function sheetMayDeclareLayers(sheet: CSSStyleSheet): boolean {
  try {
    return Array.from(sheet.cssRules).some(declaresLayer);
  } catch {
    // A cross-origin sheet without CORS: its rules are unreadable, so assume the worst.
    return true;
  }
}

/** Does any of the page's style sheets declare, or may it declare, a cascade layer? */
export function pageMayDeclareLayers(doc: Document): boolean {
  return Array.from(doc.styleSheets).some(sheetMayDeclareLayers);
}

/** Writes the marks; the returned function takes exactly them back off. */
export function applyMarks(doc: Document, marks: Iterable<Mark>): () => void {
  const undo: (() => void)[] = [];
  let any = false;
  for (const { element, severity } of marks) {
    any = true;
    element.setAttribute(FINDING_ATTRIBUTE, severity);
    const addedTabIndex = !element.hasAttribute('tabindex');
    if (addedTabIndex) element.setAttribute('tabindex', '0');
    undo.push(() => {
      element.removeAttribute(FINDING_ATTRIBUTE);
      if (addedTabIndex) element.removeAttribute('tabindex');
    });
  }
  // Our own style is known by identity: a page that forges a `<style data-ogi-lens-style>`
  // must not stop the highlight rules from being added.
  const existing = highlightStyles.get(doc);
  if (any && !existing?.isConnected) {
    const style = doc.createElement('style');
    claimNode(style);
    highlightStyles.set(doc, style);
    style.setAttribute(STYLE_ATTRIBUTE, '');
    style.textContent = highlightCss();
    // Its layer must be declared before any of the page's: among important declarations the
    // earliest layer wins, so the page's own layers cannot outrank the marks. Last in <head> is
    // as good when no sheet before it declares a layer, and cheap: a layer declared anywhere but
    // in the last sheet makes Chromium invalidate the fonts and lay the whole page out again
    // (over a second on a page of 50,000 cells); first in <head> only when it must be.
    const parent = doc.head ?? doc.documentElement;
    parent.insertBefore(style, pageMayDeclareLayers(doc) ? parent.firstChild : null);
    undo.push(() => style.remove());
  }
  return () => {
    for (const step of undo) step();
  };
}

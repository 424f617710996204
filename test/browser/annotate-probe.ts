/**
 * What the annotation tests read inside pages, as source text (see driver.ts
 * for why not functions): the marks on page elements, the overlay in the
 * closed shadow root of `<div data-ogi-lens-root>` (which the test exposed
 * to the page with DriverPage.exposeOverlayRoot: page script cannot reach
 * it), and rectangles to point the mouse at.
 */
import { OVERLAY_ROOT_GLOBAL } from './driver';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageMark {
  /** `tag#ordinal` among the elements of that tag, as expected-marks.ts names them. */
  name: string;
  severity: string | null;
  tabindex: string | null;
  /** Text content without whitespace, to find the sentence a mark is for. */
  text: string;
}

export interface OverlaySnapshot {
  hosts: number;
  hostOnHtml: boolean;
  /** The host's root is closed (`host.shadowRoot` is null) and is the one the test exposed. */
  closedShadow: boolean;
  panel: boolean;
  findingButtons: string[];
  deltas: { key: string; text: string; rect: Rect }[];
  /** What the panel's legend explains, by its lines' data-legend ([] with the panel folded). */
  legend: string[];
  /** Outlines the history draws in the closed root (the page's cells carry none of it). */
  historyMarks: { severity: string; rect: Rect }[];
  tooltip: { text: string; rect: Rect } | null;
  flash: Rect | null;
  viewport: { width: number; height: number };
}

/** Shared page-side helpers, spliced into the expressions below. */
const HELPERS = `
  const rectOf = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
  const byName = (name) => {
    const [tag, ordinal] = name.split('#');
    return document.getElementsByTagName(tag)[Number(ordinal)] || null;
  };
  const shadow = () => window.${OVERLAY_ROOT_GLOBAL} || null;
`;

export const MARKS_EXPRESSION = `(() => {
  const marks = [];
  for (const el of document.querySelectorAll('[data-ogi-lens-finding]')) {
    const tag = el.localName;
    marks.push({
      name: tag + '#' + Array.prototype.indexOf.call(document.getElementsByTagName(tag), el),
      severity: el.getAttribute('data-ogi-lens-finding'),
      tabindex: el.getAttribute('tabindex'),
      text: (el.textContent || '').replace(/\\s+/g, ''),
    });
  }
  return JSON.stringify(marks);
})()`;

export const OVERLAY_EXPRESSION = `(() => {
  ${HELPERS}
  const hosts = document.querySelectorAll('[data-ogi-lens-root]');
  const host = hosts[0];
  const root = shadow();
  const all = (selector) => (root ? Array.from(root.querySelectorAll(selector)) : []);
  const tip = root && root.querySelector('[role="tooltip"]');
  const flash = root && root.querySelector('[data-ogi-flash]');
  return JSON.stringify({
    hosts: hosts.length,
    hostOnHtml: !!host && host.parentNode === document.documentElement,
    closedShadow: !!host && host.shadowRoot === null && !!root && root.mode === 'closed' && root.host === host,
    panel: !!(root && root.querySelector('[data-ogi-panel]')),
    findingButtons: all('[data-finding-index]').map((b) => b.getAttribute('data-finding-index')),
    deltas: all('[data-ogi-delta]').map((d) => ({
      key: d.getAttribute('data-ogi-delta'), text: d.textContent.trim(), rect: rectOf(d),
    })),
    legend: all('[data-legend]').map((l) => l.getAttribute('data-legend')),
    historyMarks: all('[data-ogi-history-mark]').map((m) => ({
      severity: m.getAttribute('data-ogi-history-mark'), rect: rectOf(m),
    })),
    tooltip: tip ? { text: tip.textContent, rect: rectOf(tip) } : null,
    flash: flash ? rectOf(flash) : null,
    viewport: { width: innerWidth, height: innerHeight },
  });
})()`;

/** The element's viewport rectangle as JSON, after scrolling it to the middle when asked. */
export function pageElementRect(name: string, scroll: boolean): string {
  return `(() => {
  ${HELPERS}
  const el = byName(${JSON.stringify(name)});
  if (!el) return null;
  if (${scroll}) el.scrollIntoView({ block: 'center', inline: 'center' });
  return JSON.stringify(rectOf(el));
})()`;
}

/** A control of the overlay's shadow root, scrolled into view, as JSON rectangle (null while absent). */
export function overlayElementRect(selector: string): string {
  return `(() => {
  ${HELPERS}
  const root = shadow();
  const el = root && root.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  // A finding far down the panel's list is scrolled into its view, as a reader would.
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = rectOf(el);
  return rect.width > 0 && rect.height > 0 ? JSON.stringify(rect) : null;
})()`;
}

/** Focuses a page element from script, as a keyboard user's Tab would land on it. */
export function focusElement(name: string): string {
  return `(() => {
  ${HELPERS}
  const el = byName(${JSON.stringify(name)});
  if (!el) return false;
  el.focus();
  return document.activeElement === el;
})()`;
}

/**
 * Recorded from before the page's own scripts: what the page held when the
 * extension set its marker (tables, marks), so a late-table page can be
 * shown to have been analysed after its tables arrived.
 */
export const MARKER_MOMENT_PROBE = `(() => {
  if (window.__ogiLensMarkerMoment !== undefined) return;
  window.__ogiLensMarkerMoment = null;
  const observer = new MutationObserver(() => {
    if (document.documentElement.getAttribute('data-ogi-lens') !== 'report') return;
    window.__ogiLensMarkerMoment = JSON.stringify({
      at: performance.now(),
      tables: document.getElementsByTagName('table').length,
      marks: document.querySelectorAll('[data-ogi-lens-finding]').length,
    });
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ogi-lens'] });
})();`;

export const MARKER_MOMENT_EXPRESSION = `window.__ogiLensMarkerMoment || null`;

/**
 * The page's DOM as markup without the extension's additions, for the
 * command line to analyse as a saved page.
 */
export const CLEAN_MARKUP_EXPRESSION = `(() => {
  const copy = document.documentElement.cloneNode(true);
  copy.removeAttribute('data-ogi-lens');
  for (const el of copy.querySelectorAll('[data-ogi-lens-root], style[data-ogi-lens-style]')) el.remove();
  for (const el of copy.querySelectorAll('[data-ogi-lens-finding]')) el.removeAttribute('data-ogi-lens-finding');
  return '<!doctype html>' + copy.outerHTML;
})()`;

export const rectsOverlap = (a: Rect, b: Rect, margin = 0): boolean =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

export const insideViewport = (rect: Rect, viewport: { width: number; height: number }) =>
  rect.x >= 0 &&
  rect.y >= 0 &&
  rect.x + rect.width <= viewport.width + 0.5 &&
  rect.y + rect.height <= viewport.height + 0.5;

/**
 * The one element the extension adds for its UI: a plain `<div
 * data-ogi-lens-root>` on `<html>` (outside `<body>`, so the page's own body
 * scripts and styles do not walk into it), with a closed shadow root that
 * carries its own styles.
 *
 * A `<div>`, not a custom element name: a page may define a custom element
 * of any name before the extension creates it, and its constructor, run in
 * the page, could attach a shadow root first (so ours throws) or remove the
 * element. A built-in element runs no page code, and the content script's
 * own `attachShadow` is not the page's (isolated world in Chromium, Xray in
 * Firefox), so a page that patches its prototype changes nothing either.
 *
 * Closed, because what the UI shows is the user's: the ▲/▼ deltas and the
 * tooltips carry last year's figures from the history, and the panel's
 * controls must not be reachable by page script. Only the content script
 * holds the shadow root (returned here).
 */
import { claimNode } from './own-nodes';

/** The observable contract: the attribute of the UI's host element. */
export const HOST_ATTRIBUTE = 'data-ogi-lens-root';

/**
 * The host takes no room and sits above everything: its children are
 * position:fixed, so nothing of it ever enters the page's flow or scroll size.
 */
const HOST_CSS = `:host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;overflow:visible !important;z-index:2147483647 !important;display:block !important}`;

export interface OverlayHost {
  host: HTMLElement;
  /** The closed shadow root: the page cannot reach it, so this reference is the only way in. */
  shadow: ShadowRoot;
  /** Where the overlay renders, inside the shadow root. */
  container: HTMLElement;
  remove(): void;
}

export function createOverlayHost(doc: Document, css: string): OverlayHost {
  // A host left by an earlier instance of the content script (the extension
  // was updated or reloaded) would show a dead panel. A page forging the
  // attribute only gets its own element removed; nothing trusts the attribute.
  for (const stale of Array.from(doc.documentElement.children)) {
    if (stale.hasAttribute(HOST_ATTRIBUTE)) stale.remove();
  }
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  // Attached before the host is in the document: the page never sees it without its root.
  const shadow = host.attachShadow({ mode: 'closed' });
  claimNode(host);
  claimNode(shadow);
  const style = doc.createElement('style');
  style.textContent = `${HOST_CSS}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.appendChild(host);
  return { host, shadow, container, remove: () => host.remove() };
}

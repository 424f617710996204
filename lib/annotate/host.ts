/**
 * The one element the extension adds for its UI: `<ogi-lens-root>` on
 * `<html>` (outside `<body>`, so the page's own body scripts and styles do
 * not walk into it), with an open shadow root that carries its own styles.
 */

export const HOST_TAG = 'ogi-lens-root';

/**
 * The host takes no room and sits above everything: its children are
 * position:fixed, so nothing of it ever enters the page's flow or scroll size.
 */
const HOST_CSS = `:host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;overflow:visible !important;z-index:2147483647 !important;display:block !important}`;

export interface OverlayHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the overlay renders, inside the shadow root. */
  container: HTMLElement;
  remove(): void;
}

export function createOverlayHost(doc: Document, css: string): OverlayHost {
  doc.querySelector(HOST_TAG)?.remove();
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `${HOST_CSS}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.appendChild(host);
  return { host, shadow, container, remove: () => host.remove() };
}

/** Is this node the extension's own (its host, anything in its shadow root, its style)? */
export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return false;
  if (element.localName === HOST_TAG || element.hasAttribute('data-ogi-lens-style')) return true;
  // Duck-typed: `instanceof ShadowRoot` fails across Firefox's content-script wrappers.
  const host = (element.getRootNode() as Partial<ShadowRoot>).host;
  return host?.localName === HOST_TAG;
}

/**
 * The nodes the extension itself put on a page, known by identity. A name or
 * an attribute would not do: the page can create an element of any name or
 * with any attribute, and must not be able to pass its nodes off as ours (to
 * hide late tables from the analysis, or to stop our styles from being added).
 */

const own = new WeakSet<object>();

/** Records a node (an element, or a shadow root and so everything in it) as the extension's. */
export function claimNode(node: Node): void {
  own.add(node);
}

/**
 * Is this node the extension's own: one it claimed, a child of one (the text
 * of its style), or anything inside a shadow root it claimed?
 */
export function isOwnNode(node: Node): boolean {
  if (own.has(node)) return true;
  const parent = node.parentNode;
  if (parent && own.has(parent)) return true;
  return own.has(node.getRootNode());
}

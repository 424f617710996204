/**
 * The bar of a column of reports, minus its wiring (issue 18): the
 * background injects entrypoints/listing-bar.ts into the content script's
 * isolated world of a page the content script took for a column (a listing,
 * or a column of a few reports) when the reader turned the bar on
 * (lib/background/listing-bar.ts). Here: how many reports the page lists,
 * the element that lists them (which the bar keeps clear of), and the
 * press on 「核查本栏目全部年报」, which the background turns into the
 * audit page beside the tab (message `openColumnAudit`, for the tab's own
 * address as the browser names it).
 */
import { reportLinks } from '../page/detect';

/** The links read to count the page's reports: a count past it is said as "at least". */
export const MAX_COUNTED_LINKS = 200;

const SLOT = '__ogiLensColumnBar';

/** What the page lists, as the bar says it. */
export interface ListedReports {
  /** Distinct report addresses among the page's links (MAX_COUNTED_LINKS read at most). */
  count: number;
  /** The element holding them all: the bar keeps clear of its text. */
  list: Element;
}

/** The deepest element holding both `a` and `b`. */
function commonAncestor(a: Element, b: Element): Element {
  const above = new Set<Node>();
  for (let node: Node | null = a; node; node = node.parentNode) above.add(node);
  for (let node: Element | null = b; node; node = node.parentElement) {
    if (above.has(node)) return node;
  }
  return b.ownerDocument.documentElement;
}

/** The page's report links, counted by address, and the element that lists them; null when it lists none. */
export function listedReports(doc: Document): ListedReports | null {
  const links = reportLinks(doc, MAX_COUNTED_LINKS);
  const [first] = links;
  if (!first) return null;
  const addresses = new Set(links.map((link) => link.href || link.getAttribute('href') || ''));
  let list: Element = first;
  for (const link of links) list = commonAncestor(list, link);
  // A lone link is its own list: the bar keeps clear of the block around it.
  if (list === first) list = first.parentElement ?? first;
  return { count: addresses.size, list };
}

export interface ColumnBarDeps {
  doc: Document;
  /** The frame's address as the browser has it: the column the audit reads. */
  url: string;
  /** Asks the background to open the audit page on `url`; rejects with the refusal. */
  openAudit(url: string): Promise<void>;
  /** Mounts the bar (components/ListingBar.tsx) once its strings are loaded. */
  mount(listed: ListedReports, open: () => Promise<void>): Promise<void>;
}

/**
 * Shows the bar once per frame: a second injection into the same isolated
 * world (a second 'complete' of the same load) finds the slot taken.
 * Resolves whether it was shown.
 */
export async function startColumnBar(
  deps: ColumnBarDeps,
  global: object = globalThis,
): Promise<boolean> {
  const slots = global as Record<string, unknown>;
  if (slots[SLOT]) return false;
  slots[SLOT] = true;
  const listed = listedReports(deps.doc);
  if (!listed) return false;
  await deps.mount(listed, () => deps.openAudit(deps.url));
  return true;
}

/**
 * The command line's DOM: the few node types and members that lib/ reads
 * (lib/page, lib/extract.ts, lib/tables, lib/text), built by parse5 — the
 * HTML standard's tree builder, the one jsdom uses — through a tree adapter
 * (parse.ts). No events, no live collections, no layout, no mutation API:
 * a saved page is read once, never changed. jsdom spent most of the command
 * line's time building and walking its full DOM; see README "Design notes".
 *
 * The parsed document is handed to lib/ as a `Document` (asDocument). A
 * member lib/ starts to read that is missing here shows as an error entry in
 * the command line's output and fails the fixtures' corpus test, which
 * compares every fixture's output with jsdom's (test/unit/scripts).
 */
import { matchesSelector, parseSelector, type SelectorList } from './selectors';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_TYPE_NODE = 10;
export const DOCUMENT_FRAGMENT_NODE = 11;

export const HTML_NS = 'http://www.w3.org/1999/xhtml';

export interface LeanAttribute {
  name: string;
  value: string;
}

/** The next node in document order within `root`'s subtree (after `node`'s own subtree when `skipChildren`). */
function following(node: LeanNode, root: LeanNode, skipChildren = false): LeanNode | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let current: LeanNode | null = node;
  while (current !== null && current !== root) {
    if (current.nextSibling) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}

/*
 * Fields are declared and assigned in the constructors, not initialised as
 * class fields: a class field is defined (Object.defineProperty semantics) on
 * each of the page's hundreds of thousands of nodes, and that alone cost
 * about a sixth of the command line's time.
 */
export abstract class LeanNode {
  declare readonly nodeType: number;
  declare readonly ownerDocument: LeanDocument | null;
  declare parentNode: LeanNode | null;
  declare firstChild: LeanNode | null;
  declare lastChild: LeanNode | null;
  declare nextSibling: LeanNode | null;
  declare previousSibling: LeanNode | null;

  constructor(nodeType: number, ownerDocument: LeanDocument | null) {
    (this as { nodeType: number }).nodeType = nodeType;
    (this as { ownerDocument: LeanDocument | null }).ownerDocument = ownerDocument;
    this.parentNode = null;
    this.firstChild = null;
    this.lastChild = null;
    this.nextSibling = null;
    this.previousSibling = null;
  }

  get parentElement(): LeanElement | null {
    const parent = this.parentNode;
    return parent instanceof LeanElement ? parent : null;
  }

  get childNodes(): LeanNode[] {
    const nodes: LeanNode[] = [];
    for (let n = this.firstChild; n !== null; n = n.nextSibling) nodes.push(n);
    return nodes;
  }

  get nodeValue(): string | null {
    return null;
  }

  get isConnected(): boolean {
    let node: LeanNode = this;
    while (node.parentNode !== null) node = node.parentNode;
    return node.nodeType === DOCUMENT_NODE;
  }

  /** Text of every Text descendant, in order (DOM `textContent` of an element or fragment). */
  get textContent(): string | null {
    // Concatenated as it goes: V8 joins strings lazily, cheaper than an array of parts.
    let text = '';
    for (let n = following(this, this); n !== null; n = following(n, this)) {
      if (n.nodeType === TEXT_NODE) text += (n as LeanCharacterData).data;
    }
    return text;
  }

  contains(other: LeanNode | null): boolean {
    for (let n = other; n !== null; n = n.parentNode) if (n === this) return true;
    return false;
  }

  get firstElementChild(): LeanElement | null {
    let n = this.firstChild;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.nextSibling;
    return n as LeanElement | null;
  }

  get lastElementChild(): LeanElement | null {
    let n = this.lastChild;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.previousSibling;
    return n as LeanElement | null;
  }

  get children(): LeanElement[] {
    const elements: LeanElement[] = [];
    for (let n = this.firstElementChild; n !== null; n = n.nextElementSibling) elements.push(n);
    return elements;
  }

  get childElementCount(): number {
    let count = 0;
    for (let n = this.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) count++;
    }
    return count;
  }

  get nextElementSibling(): LeanElement | null {
    let n = this.nextSibling;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.nextSibling;
    return n as LeanElement | null;
  }

  get previousElementSibling(): LeanElement | null {
    let n = this.previousSibling;
    while (n !== null && n.nodeType !== ELEMENT_NODE) n = n.previousSibling;
    return n as LeanElement | null;
  }

  /** Appends `child`, or inserts it before `before`; the parser's only way to build the tree. */
  insert(child: LeanNode, before: LeanNode | null = null): void {
    if (child.parentNode) child.remove();
    child.parentNode = this;
    child.nextSibling = before;
    const previous = before ? before.previousSibling : this.lastChild;
    child.previousSibling = previous;
    if (previous) previous.nextSibling = child;
    else this.firstChild = child;
    if (before) before.previousSibling = child;
    else this.lastChild = child;
  }

  remove(): void {
    const parent = this.parentNode;
    if (!parent) return;
    if (this.previousSibling) this.previousSibling.nextSibling = this.nextSibling;
    else parent.firstChild = this.nextSibling;
    if (this.nextSibling) this.nextSibling.previousSibling = this.previousSibling;
    else parent.lastChild = this.previousSibling;
    this.parentNode = null;
    this.nextSibling = null;
    this.previousSibling = null;
  }

  /** Descendant elements in document order (static: the page is never changed). */
  protected descendants(accept: (el: LeanElement) => boolean, first = false): LeanElement[] {
    const found: LeanElement[] = [];
    for (let n = following(this, this); n !== null; n = following(n, this)) {
      if (n.nodeType === ELEMENT_NODE && accept(n as LeanElement)) {
        found.push(n as LeanElement);
        if (first) break;
      }
    }
    return found;
  }

  getElementsByTagName(name: string): LeanElement[] {
    if (name === '*') return this.descendants(() => true);
    const lower = name.toLowerCase();
    // HTML elements compare lowercased in an HTML document; others exactly (DOM "qualified name").
    return this.descendants((el) =>
      el.namespaceURI === HTML_NS ? el.localName === lower : el.localName === name,
    );
  }

  querySelectorAll(selectors: string): LeanElement[] {
    const list = parseSelector(selectors);
    return this.descendants((el) => matchesSelector(el, list));
  }

  querySelector(selectors: string): LeanElement | null {
    const list = parseSelector(selectors);
    return this.descendants((el) => matchesSelector(el, list), true)[0] ?? null;
  }
}

export abstract class LeanCharacterData extends LeanNode {
  declare data: string;

  constructor(nodeType: number, ownerDocument: LeanDocument | null, data: string) {
    super(nodeType, ownerDocument);
    this.data = data;
  }

  override get nodeValue(): string {
    return this.data;
  }

  override get textContent(): string {
    return this.data;
  }

  get length(): number {
    return this.data.length;
  }
}

export class LeanText extends LeanCharacterData {
  constructor(ownerDocument: LeanDocument | null, data: string) {
    super(TEXT_NODE, ownerDocument, data);
  }

  get nodeName(): string {
    return '#text';
  }
}

export class LeanComment extends LeanCharacterData {
  constructor(ownerDocument: LeanDocument | null, data: string) {
    super(COMMENT_NODE, ownerDocument, data);
  }

  get nodeName(): string {
    return '#comment';
  }
}

export class LeanDocumentType extends LeanNode {
  constructor(
    ownerDocument: LeanDocument,
    readonly name: string,
    readonly publicId: string,
    readonly systemId: string,
  ) {
    super(DOCUMENT_TYPE_NODE, ownerDocument);
  }

  get nodeName(): string {
    return this.name;
  }

  override get textContent(): null {
    return null;
  }
}

export class LeanDocumentFragment extends LeanNode {
  constructor(ownerDocument: LeanDocument | null) {
    super(DOCUMENT_FRAGMENT_NODE, ownerDocument);
  }

  get nodeName(): string {
    return '#document-fragment';
  }
}

export class LeanElement extends LeanNode {
  declare readonly localName: string;
  declare readonly namespaceURI: string;
  declare readonly attrs: LeanAttribute[];
  /** A <template>'s contents: a fragment apart from its children, as in the DOM. */
  declare content: LeanDocumentFragment | null;

  constructor(
    ownerDocument: LeanDocument,
    localName: string,
    namespaceURI: string,
    attrs: LeanAttribute[],
  ) {
    super(ELEMENT_NODE, ownerDocument);
    (this as { localName: string }).localName = localName;
    (this as { namespaceURI: string }).namespaceURI = namespaceURI;
    (this as { attrs: LeanAttribute[] }).attrs = attrs;
    this.content = null;
  }

  get tagName(): string {
    return this.namespaceURI === HTML_NS ? this.localName.toUpperCase() : this.localName;
  }

  get nodeName(): string {
    return this.tagName;
  }

  private attribute(name: string): LeanAttribute | undefined {
    // In an HTML document an HTML element's attribute names are matched lowercased.
    const wanted = this.namespaceURI === HTML_NS ? name.toLowerCase() : name;
    const { attrs } = this;
    for (let i = 0; i < attrs.length; i++) if (attrs[i]?.name === wanted) return attrs[i];
    return undefined;
  }

  getAttribute(name: string): string | null {
    return this.attribute(name)?.value ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attribute(name) !== undefined;
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }

  matches(selectors: string): boolean {
    return matchesSelector(this, parseSelector(selectors));
  }

  closest(selectors: string): LeanElement | null {
    const list: SelectorList = parseSelector(selectors);
    for (let n: LeanNode | null = this; n !== null; n = n.parentNode) {
      if (n instanceof LeanElement && matchesSelector(n, list)) return n;
    }
    return null;
  }
}

/** NodeFilter's whatToShow bits for the node types this DOM has. */
function shownBit(node: LeanNode): number {
  return 1 << (node.nodeType - 1);
}

/**
 * DOM TreeWalker with a whatToShow mask and no filter function: a node not
 * shown is skipped (FILTER_SKIP), its children still visited.
 */
export class LeanTreeWalker {
  currentNode: LeanNode;

  constructor(
    readonly root: LeanNode,
    readonly whatToShow: number,
  ) {
    this.currentNode = root;
  }

  private shows(node: LeanNode): boolean {
    return (this.whatToShow & shownBit(node)) !== 0;
  }

  parentNode(): LeanNode | null {
    let node: LeanNode | null = this.currentNode;
    while (node !== null && node !== this.root) {
      node = node.parentNode;
      if (node !== null && this.shows(node)) {
        this.currentNode = node;
        return node;
      }
    }
    return null;
  }

  nextNode(): LeanNode | null {
    let node: LeanNode | null = this.currentNode;
    while (node !== null) {
      node = following(node, this.root);
      if (node !== null && this.shows(node)) {
        this.currentNode = node;
        return node;
      }
    }
    return null;
  }

  firstChild(): LeanNode | null {
    return this.traverseChildren(true);
  }

  lastChild(): LeanNode | null {
    return this.traverseChildren(false);
  }

  nextSibling(): LeanNode | null {
    return this.traverseSiblings(true);
  }

  previousSibling(): LeanNode | null {
    return this.traverseSiblings(false);
  }

  // DOM "traverse children", without a filter that could reject.
  private traverseChildren(first: boolean): LeanNode | null {
    let node: LeanNode | null = first ? this.currentNode.firstChild : this.currentNode.lastChild;
    while (node !== null) {
      if (this.shows(node)) {
        this.currentNode = node;
        return node;
      }
      const child: LeanNode | null = first ? node.firstChild : node.lastChild;
      if (child !== null) {
        node = child;
        continue;
      }
      while (node !== null) {
        const sibling: LeanNode | null = first ? node.nextSibling : node.previousSibling;
        if (sibling !== null) {
          node = sibling;
          break;
        }
        const parent: LeanNode | null = node.parentNode;
        if (parent === null || parent === this.root || parent === this.currentNode) return null;
        node = parent;
      }
    }
    return null;
  }

  // DOM "traverse siblings", without a filter that could reject.
  private traverseSiblings(next: boolean): LeanNode | null {
    let node: LeanNode | null = this.currentNode;
    if (node === this.root) return null;
    while (true) {
      let sibling: LeanNode | null = next ? node.nextSibling : node.previousSibling;
      while (sibling !== null) {
        node = sibling;
        if (this.shows(node)) {
          this.currentNode = node;
          return node;
        }
        sibling = next ? node.firstChild : node.lastChild;
        if (sibling === null) sibling = next ? node.nextSibling : node.previousSibling;
      }
      node = node.parentNode;
      if (node === null || node === this.root) return null;
      if (this.shows(node)) return null;
    }
  }
}

/** What lib/ reads of `document.defaultView` and `document.location`: nothing more than a URL. */
export interface LeanLocation {
  href: string;
}

export class LeanDocument extends LeanNode {
  readonly nodeName = '#document';
  readonly contentType = 'text/html';
  /** parse5's document mode: 'no-quirks', 'quirks' or 'limited-quirks'. */
  mode = 'no-quirks';
  /** The decoder's name of the encoding the page was read with. */
  characterSet = 'utf-8';
  readonly location: LeanLocation;

  constructor(readonly URL: string) {
    super(DOCUMENT_NODE, null);
    this.location = { href: URL };
  }

  override get textContent(): null {
    return null;
  }

  get compatMode(): string {
    return this.mode === 'quirks' ? 'BackCompat' : 'CSS1Compat';
  }

  /** No window: the command line runs no page script (jsdom's window exists but is unused). */
  get defaultView(): null {
    return null;
  }

  get documentElement(): LeanElement | null {
    return this.firstElementChild;
  }

  private htmlChild(names: readonly string[]): LeanElement | null {
    const root = this.documentElement;
    if (root === null || root.localName !== 'html' || root.namespaceURI !== HTML_NS) return null;
    for (let n = root.firstElementChild; n !== null; n = n.nextElementSibling) {
      if (n.namespaceURI === HTML_NS && names.includes(n.localName)) return n;
    }
    return null;
  }

  get head(): LeanElement | null {
    return this.htmlChild(['head']);
  }

  get body(): LeanElement | null {
    return this.htmlChild(['body', 'frameset']);
  }

  /** HTML's document.title: the first <title>'s own text, ASCII whitespace stripped and collapsed. */
  get title(): string {
    const el = this.descendants(
      (e) => e.localName === 'title' && e.namespaceURI === HTML_NS,
      true,
    )[0];
    if (!el) return '';
    let text = '';
    for (let n = el.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE) text += (n as LeanText).data;
    }
    return text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
  }

  createTreeWalker(root: LeanNode, whatToShow = 0xffffffff): LeanTreeWalker {
    return new LeanTreeWalker(root, whatToShow >>> 0);
  }

  getElementById(id: string): LeanElement | null {
    return this.descendants((el) => el.getAttribute('id') === id, true)[0] ?? null;
  }
}

/** The lean document as the `Document` lib/ is typed against (see the module comment). */
export function asDocument(doc: LeanDocument): Document {
  return doc as unknown as Document;
}

/**
 * parse5 — the HTML standard's tokenizer and tree builder, the one jsdom uses
 * — building the lean DOM of lean-dom.ts through a tree adapter, so that
 * implied <tbody>, unclosed cells, Word's misnested markup and stray text in
 * tables (foster parenting) come out as in a browser.
 */
import type { DefaultTreeAdapterMap, TreeAdapter, TreeAdapterTypeMap } from 'parse5';
import { decodePage } from '../../../lib/text/html-encoding';
import { parseDocument } from './bulk-tokenizer';
import {
  LeanComment,
  LeanDocument,
  LeanDocumentFragment,
  LeanDocumentType,
  LeanElement,
  type LeanNode,
  LeanText,
  TEXT_NODE,
} from './lean-dom';

type LeanMap = TreeAdapterTypeMap<
  LeanNode,
  LeanNode,
  LeanNode,
  LeanDocument,
  LeanDocumentFragment,
  LeanElement,
  LeanComment,
  LeanText,
  LeanElement,
  LeanDocumentType
>;

type Mode = ReturnType<TreeAdapter<DefaultTreeAdapterMap>['getDocumentMode']>;
type Namespace = ReturnType<TreeAdapter<DefaultTreeAdapterMap>['getNamespaceURI']>;

function leanAdapter(doc: LeanDocument): TreeAdapter<LeanMap> {
  return {
    // parse5 asks for the document once; the nodes it creates belong to it.
    createDocument: () => doc,
    createDocumentFragment: () => new LeanDocumentFragment(doc),
    createElement: (tagName, namespaceURI, attrs) =>
      new LeanElement(
        doc,
        tagName,
        namespaceURI,
        attrs.map((a) => ({ name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value })),
      ),
    createCommentNode: (data) => new LeanComment(doc, data),
    createTextNode: (value) => new LeanText(doc, value),
    appendChild: (parent, child) => parent.insert(child),
    insertBefore: (parent, child, reference) => parent.insert(child, reference),
    setTemplateContent: (template, content) => {
      template.content = content;
    },
    getTemplateContent: (template) => template.content as LeanDocumentFragment,
    setDocumentType: (document, name, publicId, systemId) => {
      document.insert(new LeanDocumentType(doc, name, publicId, systemId));
    },
    setDocumentMode: (document, mode) => {
      document.mode = mode;
    },
    getDocumentMode: (document) => document.mode as Mode,
    detachNode: (node) => node.remove(),
    insertText: (parent, text) => {
      const last = parent.lastChild;
      if (last !== null && last.nodeType === TEXT_NODE) (last as LeanText).data += text;
      else parent.insert(new LeanText(doc, text));
    },
    insertTextBefore: (parent, text, reference) => {
      const previous = reference.previousSibling;
      if (previous !== null && previous.nodeType === TEXT_NODE) (previous as LeanText).data += text;
      else parent.insert(new LeanText(doc, text), reference);
    },
    // A second <html> or <body> tag adds the attributes the element lacks, keeping its own.
    adoptAttributes: (recipient, attrs) => {
      for (const attr of attrs) {
        if (!recipient.attrs.some((a) => a.name === attr.name)) {
          recipient.attrs.push({ name: attr.name, value: attr.value });
        }
      }
    },
    getFirstChild: (node) => node.firstChild,
    getChildNodes: (node) => node.childNodes,
    getParentNode: (node) => node.parentNode,
    getAttrList: (element) => element.attrs.map((a) => ({ name: a.name, value: a.value })),
    getTagName: (element) => element.localName,
    getNamespaceURI: (element) => element.namespaceURI as Namespace,
    getTextNodeContent: (node) => node.data,
    getCommentNodeContent: (node) => node.data,
    getDocumentTypeNodeName: (node) => node.name,
    getDocumentTypeNodePublicId: (node) => node.publicId,
    getDocumentTypeNodeSystemId: (node) => node.systemId,
    isTextNode: (node): node is LeanText => node instanceof LeanText,
    isCommentNode: (node): node is LeanComment => node instanceof LeanComment,
    isDocumentTypeNode: (node): node is LeanDocumentType => node instanceof LeanDocumentType,
    isElementNode: (node): node is LeanElement => node instanceof LeanElement,
    // Source locations are not asked for.
    setNodeSourceCodeLocation: () => {},
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => {},
  };
}

/** Parses HTML text into a lean document whose URL is `url`. */
export function parseHtml(html: string, url: string): LeanDocument {
  const doc = new LeanDocument(url);
  // Scripting off, as in jsdom without runScripts: <noscript> holds markup, as a page saved without scripts shows it.
  return parseDocument(html, { treeAdapter: leanAdapter(doc), scriptingEnabled: false });
}

/** Decodes a saved page's bytes as a browser would (encoding.ts) and parses them. */
export function parseHtmlBytes(bytes: Uint8Array, url: string): LeanDocument {
  const { text, encoding } = decodePage(bytes);
  const doc = parseHtml(text, url);
  doc.characterSet = new TextDecoder(encoding).encoding;
  return doc;
}

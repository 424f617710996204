/**
 * The mock portal's pages parsed by each DOM lib/portal must run on: jsdom
 * (as the browser's stand-in) and the command line's lean DOM.
 */
import { JSDOM } from 'jsdom';
import { asDocument } from '../../../scripts/cli/dom/lean-dom';
import { parseHtmlBytes } from '../../../scripts/cli/dom/parse';
import { loadPortalManifest, type PortalPage, portalFile } from '../../support/portal';

export const manifest = loadPortalManifest();

export const PARSERS: [string, (bytes: Buffer, url: string) => Document][] = [
  ['jsdom', (bytes, url) => new JSDOM(bytes, { url }).window.document],
  ['lean DOM', (bytes, url) => asDocument(parseHtmlBytes(bytes, url))],
];

export function pageAt(url: string): PortalPage {
  const page = manifest.pages.find((p) => p.url === url);
  if (!page) throw new Error(`${url} is not in the mock portal's manifest`);
  return page;
}

const cache = new Map<string, Document>();

/** A page of the mirror parsed by one DOM, once per test file. */
export function parsed(parser: string, page: PortalPage): Document {
  const key = `${parser}|${page.url}`;
  let doc = cache.get(key);
  if (!doc) {
    const parse = PARSERS.find(([name]) => name === parser)?.[1];
    if (!parse) throw new Error(parser);
    doc = parse(portalFile(page), page.url);
    cache.set(key, doc);
  }
  return doc;
}

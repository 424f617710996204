/**
 * The search for last year's report as it runs in the extension's DOM
 * context (issue 18, item 1): Chrome's offscreen document
 * (entrypoints/offscreen/) or Firefox's background page, which have a
 * `DOMParser` the MV3 worker lacks. It binds the parts of this folder
 * together — the portal-bound fetch (./fetch-page.ts, GET only, no redirect
 * followed off the portal), the queue (two at a time, a budget, one
 * cancel), the reader (the tab's own detection and extraction; pdf.js only
 * when a PDF is met) and the search (./previous-year.ts) — and hands back
 * what the background stores and re-checks with.
 *
 * The browser's pieces come in (fetch, the parser, the PDF reader), so the
 * whole of it runs in Node's tests on the mock portal with jsdom.
 */
import type { Report } from '../model/report';
import { reportPdfLinks } from '../page/pdf-links';
import { portalOfUrl } from '../page/portal';
import type { PdfExtraction } from '../pdf/extract-pdf';
import { fetchPortalPage } from './fetch-page';
import { readPageLinks } from './links';
import { createPortalQueue } from './portal-queue';
import { type CurrentReport, findPreviousYear } from './previous-year';
import { readPortalPage } from './read-page';
import { choosePreviousYear } from './title-match';
import type { PageLinks, PortalLink, PortalProgress } from './types';

/** The most requests one search sends: a column's year tabs and pages, a few articles, the report. */
export const MAX_SEARCH_REQUESTS = 40;

export type PortalSearchRequest =
  /** Look for last year's report from the page's own links. */
  | { kind: 'find'; current: CurrentReport; links: PageLinks }
  /** The reader chose one of the candidates ("not this one"): read it and confirm its year. */
  | { kind: 'open'; current: CurrentReport; url: string; candidates: PortalLink[] };

export type PortalSearchResult =
  | {
      found: true;
      url: string;
      title: string;
      source: 'html' | 'pdf';
      report: Report;
      candidates: PortalLink[];
      requests: number;
    }
  | {
      found: false;
      reason: 'not-listed' | 'ambiguous' | 'mismatch' | 'unreadable' | 'cancelled' | 'limit';
      candidates: PortalLink[];
      requests: number;
    };

export interface PortalSearchDeps {
  fetch: typeof fetch;
  /** A fresh `DOMParser` (the browser's, or jsdom's in tests). */
  parser(): DOMParser;
  /** lib/pdf `extractPdfReport`, imported only when a PDF is met. */
  readPdf(bytes: Uint8Array, url: string): Promise<PdfExtraction>;
  signal: AbortSignal;
  onProgress?(progress: PortalProgress): void;
  maxRequests?: number;
}

/**
 * The markup as a Document whose relative links resolve against the address
 * it was fetched from. A parsed document's own address is the extension's
 * page, so a `<base href>` goes first in its head: the fetched address, or
 * the page's own `<base>` resolved against it when that stays on the same
 * portal (the first `<base>` is the one a document heeds). `a.href`
 * (lib/page/pdf-links.ts) and ./links.ts then read the portal's addresses.
 */
export function parseFetchedPage(parser: DOMParser, html: string, url: string): Document {
  const doc = parser.parseFromString(html, 'text/html');
  let base = url;
  const own = doc.querySelector('base[href]');
  if (own) {
    try {
      base = new URL(own.getAttribute('href') ?? '', url).href;
    } catch {
      // A base that is no address leaves the page's own address in force.
    }
  }
  // Only an address on the page's own portal may stand for it.
  if (portalOfUrl(base) !== portalOfUrl(url)) base = url;
  const element = doc.createElement('base');
  element.setAttribute('href', base);
  doc.head.insertBefore(element, doc.head.firstChild);
  return doc;
}

/** Runs one search, or reads the one chosen report; never throws. */
export async function runPortalSearch(
  request: PortalSearchRequest,
  deps: PortalSearchDeps,
): Promise<PortalSearchResult> {
  const portal = portalOfUrl(request.current.url);
  const queue = createPortalQueue({
    fetchPage: (url, signal) =>
      portal === null
        ? Promise.resolve({ ok: false, url, failure: 'off-portal' })
        : fetchPortalPage(url, { fetch: deps.fetch, portal, signal }),
    maxRequests: deps.maxRequests ?? MAX_SEARCH_REQUESTS,
    signal: deps.signal,
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  });
  const read = (fetched: Parameters<typeof readPortalPage>[0]) =>
    readPortalPage(fetched, {
      parse: (html, url) => parseFetchedPage(deps.parser(), html, url),
      readPdf: deps.readPdf,
    });
  const requests = () => queue.progress().requests;

  if (request.kind === 'open') {
    const link = request.candidates.find((candidate) => candidate.url === request.url);
    // Only a link the search itself offered, on the page's portal, is opened.
    if (!link || portal === null || portalOfUrl(link.url) !== portal) {
      return { found: false, reason: 'mismatch', candidates: request.candidates, requests: 0 };
    }
    const result = await findPreviousYear(
      request.current,
      { reports: [link], listingPages: [], column: null, previousArticle: null, nextArticle: null },
      {
        queue,
        read,
        readLinks: readPageLinks,
        // The reader chose it: it is opened whatever the other candidates.
        choose: () => ({ chosen: link, candidates: request.candidates }),
        attachedPdfs: (doc) => reportPdfLinks(doc, true),
        signal: deps.signal,
      },
    );
    return { ...result, candidates: request.candidates, requests: requests() };
  }

  const result = await findPreviousYear(request.current, request.links, {
    queue,
    read,
    readLinks: readPageLinks,
    choose: choosePreviousYear,
    attachedPdfs: (doc) => reportPdfLinks(doc, true),
    signal: deps.signal,
  });
  return { ...result, requests: requests() };
}

/** One search as the background asks for it: the request, its cancel and where its progress goes. */
export type SearchRunner = (
  request: PortalSearchRequest,
  control: { signal: AbortSignal; onProgress(progress: PortalProgress): void },
) => Promise<PortalSearchResult>;

export interface DomContext {
  fetch: typeof fetch;
  DOMParser: new () => DOMParser;
  /**
   * lib/pdf `extractPdfReport` (with the CMaps the extension packages),
   * loaded by the context only when a PDF is met: imported by the offscreen
   * document, a script in Firefox's background page.
   */
  readPdf(bytes: Uint8Array, url: string): Promise<PdfExtraction>;
}

/**
 * The search bound to an extension context that has a DOM (Chrome's
 * offscreen document, Firefox's background page): its fetch, which carries
 * the extension's host permission, its DOMParser and its PDF reader.
 */
export function createSearchRunner(context: DomContext): SearchRunner {
  return (request, control) =>
    runPortalSearch(request, {
      fetch: (input, init) => context.fetch(input, init),
      parser: () => new context.DOMParser(),
      readPdf: (bytes, url) => context.readPdf(bytes, url),
      signal: control.signal,
      onProgress: control.onProgress,
    });
}

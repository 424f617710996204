/**
 * One GET of a page on the portal the reader is on, for finding last year's
 * report and auditing a column (issue 18). The extension may contact
 * nothing but that portal, so:
 * - the address must be http(s) on the same portal (lib/page/portal.ts: the
 *   registrable domain, so www. and xxgk. of one government are one portal);
 * - redirects are not followed blindly: a browser hides where a redirect
 *   leads from an extension's fetch (`redirect: 'manual'` yields an opaque
 *   answer), and following it would let a hostile portal send the request
 *   anywhere. Where the runtime shows the Location (Node), a redirect on
 *   the portal is followed, at most MAX_REDIRECTS times and never in a loop;
 *   in a browser, only the common http → https upgrade of the same address
 *   is tried;
 * - the body is bounded (HTML and PDF apiece) and the request times out;
 * - the caller's signal cancels it, and a cancel is told apart from a timeout.
 * The fetch function comes in, so all of it runs in Node's tests.
 */
import { portalOfUrl } from '../page/portal';
import { hasPdfSignature } from '../pdf/signature';
import { MAX_PDF_BYTES } from '../pdf-page/fetch-pdf';
import { decodeFetchedPage } from '../text/html-encoding';
import { readBoundedBody } from './read-body';
import type { PageFetch, PageFetchFailure } from './types';

/** A report page with Word's markup runs to a few hundred KB; 4 MB is no report page. */
export const MAX_HTML_BYTES = 4 * 1024 * 1024;
/** A portal that has not answered in this long is not going to, for a reader waiting on it. */
export const PAGE_TIMEOUT_MS = 20_000;
/** Portals redirect once (a moved column, http → https); more is a loop or a trap. */
export const MAX_REDIRECTS = 3;

export interface FetchPageOptions {
  fetch: typeof fetch;
  /** The portal every address must be on (`portalOfUrl` of the reader's page). */
  portal: string;
  signal: AbortSignal;
  timeoutMs?: number;
  maxHtmlBytes?: number;
  maxPdfBytes?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function onPortal(url: string, portal: string): boolean {
  return portalOfUrl(url) === portal;
}

function failed(url: string, failure: PageFetchFailure, status?: number): PageFetch {
  return status === undefined ? { ok: false, url, failure } : { ok: false, url, failure, status };
}

/** The body, or null once it passed `max` bytes, declared or received (the rest is not read). */
async function readBounded(response: Response, max: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  const read = await readBoundedBody(response, max);
  return 'bytes' in read ? read.bytes : null;
}

type BodyKind = 'html' | 'pdf' | 'other';

function bodyKindOf(contentType: string | null): BodyKind | null {
  if (!contentType) return null;
  if (/application\/pdf/i.test(contentType)) return 'pdf';
  if (/text\/html|application\/xhtml\+xml/i.test(contentType)) return 'html';
  // A download script serves its PDF as octet-stream: the bytes decide.
  if (/application\/(octet-stream|x-download|force-download)/i.test(contentType)) return null;
  return 'other';
}

/** Where the answer's redirect leads, when the runtime shows it; null for the browser's opaque answer. */
function redirectTarget(response: Response, from: string): string | null {
  if (!REDIRECT_STATUSES.has(response.status)) return null;
  const location = response.headers.get('location');
  if (!location) return null;
  try {
    return new URL(location, from).href;
  } catch {
    return null;
  }
}

/** The page at `url` on `options.portal`, or why it could not be had. Never throws. */
export async function fetchPortalPage(url: string, options: FetchPageOptions): Promise<PageFetch> {
  let current: string;
  try {
    current = new URL(url).href;
  } catch {
    return failed(url, 'off-portal');
  }
  if (!onPortal(current, options.portal)) return failed(url, 'off-portal');
  if (options.signal.aborted) return failed(url, 'cancelled');

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? PAGE_TIMEOUT_MS);
  const signal = AbortSignal.any([options.signal, timeout.signal]);
  const interrupted = (): PageFetch | null => {
    if (options.signal.aborted) return failed(url, 'cancelled');
    if (timeout.signal.aborted) return failed(url, 'timeout');
    return null;
  };

  const seen = new Set<string>();
  let triedHttps = false;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(current);
      let response: Response;
      try {
        // The portal's own cookies go with it, as they would when the reader opens the page.
        response = await options.fetch(current, {
          method: 'GET',
          redirect: 'manual',
          credentials: 'include',
          signal,
        });
      } catch {
        return interrupted() ?? failed(url, 'network');
      }

      if (response.type === 'opaqueredirect') {
        // Where it leads is hidden; only the same address over https is safe to try.
        if (current.startsWith('http:') && !triedHttps) {
          triedHttps = true;
          current = `https:${current.slice('http:'.length)}`;
          continue;
        }
        return failed(url, 'redirect');
      }
      const target = redirectTarget(response, current);
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        if (target === null) return failed(url, 'redirect', response.status);
        if (!onPortal(target, options.portal)) return failed(url, 'off-portal', response.status);
        if (seen.has(target) || hop >= MAX_REDIRECTS) {
          return failed(url, 'redirect', response.status);
        }
        current = target;
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        return failed(url, 'http', response.status);
      }

      const contentType = response.headers.get('content-type');
      const declared = bodyKindOf(contentType);
      if (declared === 'other') {
        await response.body?.cancel().catch(() => undefined);
        return failed(url, 'not-html');
      }
      const max =
        declared === 'html'
          ? (options.maxHtmlBytes ?? MAX_HTML_BYTES)
          : (options.maxPdfBytes ?? MAX_PDF_BYTES);
      let bytes: Uint8Array | null;
      try {
        bytes = await readBounded(response, max);
      } catch {
        return interrupted() ?? failed(url, 'network');
      }
      if (bytes === null) return failed(url, 'too-large');
      if (hasPdfSignature(bytes)) return { ok: true, url: current, kind: 'pdf', bytes };
      if (declared === 'pdf') return failed(url, 'not-html');
      if (declared === null && bytes.length > (options.maxHtmlBytes ?? MAX_HTML_BYTES)) {
        return failed(url, 'too-large');
      }
      return {
        ok: true,
        url: current,
        kind: 'html',
        html: decodeFetchedPage(bytes, contentType).text,
      };
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What lib/portal reads from a portal's pages and hands between its parts:
 * the links a listing or an article offers (./links.ts reads them from a
 * Document), and what a fetch of one portal page came to (./fetch-page.ts).
 * Every address here is absolute, normalised by `URL`, and on the portal of
 * the page it was read from (lib/page/portal.ts `portalOfUrl`): links
 * elsewhere are dropped when read, never carried.
 */

/** A link as the page prints it. */
export interface PortalLink {
  url: string;
  /** The link's text, or its `title` when that is longer (listings cut titles with …). */
  text: string;
  /** The date printed beside it in a listing (YYYY-MM-DD), when there is one. */
  date: string | null;
}

/** The links of one portal page that lead to other reports. */
export interface PageLinks {
  /** Links whose text, title or file name is a report title, in page order, each address once. */
  reports: PortalLink[];
  /** The column's further listing pages (pagination, year tabs), in order, each once, this page excluded. */
  listingPages: string[];
  /** The breadcrumb's link to the column the page belongs to (年报/年度报告), when it has one. */
  column: PortalLink | null;
  /** 上一篇 and 下一篇 of an article. */
  previousArticle: PortalLink | null;
  nextArticle: PortalLink | null;
}

/** Why a portal page could not be had; each is said to the user as it is. */
export type PageFetchFailure =
  | 'off-portal' // the address (or a redirect) leaves the page's portal
  | 'redirect' // the portal answered with a redirect, which is not followed
  | 'http' // a status other than 200
  | 'not-html' // neither HTML nor PDF
  | 'too-large'
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'limit'; // the action's page budget was spent

export type PageFetch =
  | { ok: true; url: string; kind: 'html'; html: string }
  | { ok: true; url: string; kind: 'pdf'; bytes: Uint8Array }
  | { ok: false; url: string; failure: PageFetchFailure; status?: number };

/** Progress of one action over the portal (finding last year's report, auditing a column). */
export interface PortalProgress {
  /** Pages fetched or read from history so far. */
  done: number;
  /** Pages known to be wanted so far; grows while listing pages are read. */
  planned: number;
  /** Requests sent to the portal so far (history hits send none). */
  requests: number;
}

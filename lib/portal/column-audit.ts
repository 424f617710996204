/**
 * Every report of a 年报 column, for the column audit (issue 18, item 2):
 * the column's pages are followed (pagination, year tabs) and each report
 * they list is read — from the history when it is there, else fetched. A
 * report published only as an attached PDF is read from its PDF. Bounded
 * (listing pages and reports both), paced and cancellable by the queue; a
 * page that cannot be had is an entry saying why, never left out.
 */
import { reportPdfLinks } from '../page/pdf-links';
import type { PortalQueue } from './portal-queue';
import type { PortalPage } from './read-page';
import type { PageFetch, PageLinks, PortalLink } from './types';

/** A column's pages read at most: a county's column runs to a few pages a year. */
export const MAX_COLUMN_PAGES = 30;
/** Reports audited at most in one action: "never more than a few hundred pages". */
export const MAX_COLUMN_REPORTS = 200;

/** A report the history already holds, by its address. */
export interface KnownReport {
  url: string;
}

export type AuditEntry =
  /** Read from the portal now. `pdfUrl` when the article only attached its report as PDF. */
  | { link: PortalLink; from: 'portal'; page: PortalPage; pdfUrl?: string }
  /**
   * The history has it: not fetched again. `url` is the address it is kept
   * under when that is not the link's: the PDF a PDF-only article attaches
   * (the article is read for the PDF's address; the PDF is not fetched).
   */
  | { link: PortalLink; from: 'history'; url?: string };

export interface ColumnAuditDeps {
  queue: PortalQueue;
  read(fetched: PageFetch): Promise<PortalPage>;
  readLinks(doc: Document, url: string): PageLinks;
  /** Whether the history holds the report at this address. */
  inHistory(url: string): Promise<boolean>;
  signal: AbortSignal;
  /** Each entry as soon as it is known, for the table to grow while the audit runs. */
  onEntry?(entry: AuditEntry): void;
}

export interface ColumnAudit {
  entries: AuditEntry[];
  /** The column's pages read, this one included. */
  listingPages: string[];
  /** Why it stopped before the end, if it did. */
  stopped: 'cancelled' | 'limit' | null;
}

/** The column's report links over all its pages, in order, each once. */
async function collectReportLinks(
  listingUrl: string,
  listingDoc: Document,
  deps: ColumnAuditDeps,
): Promise<{ links: PortalLink[]; pages: string[]; stopped: ColumnAudit['stopped'] }> {
  const links = new Map<string, PortalLink>();
  const pages = [listingUrl];
  const toRead: string[] = [];
  const seen = new Set<string>([listingUrl]);
  const take = (found: PageLinks) => {
    for (const link of found.reports) if (!links.has(link.url)) links.set(link.url, link);
    for (const next of found.listingPages) {
      if (!seen.has(next)) {
        seen.add(next);
        toRead.push(next);
      }
    }
  };
  take(deps.readLinks(listingDoc, listingUrl));
  let stopped: ColumnAudit['stopped'] = null;
  while (toRead.length > 0) {
    if (deps.signal.aborted) return { links: [...links.values()], pages, stopped: 'cancelled' };
    if (pages.length >= MAX_COLUMN_PAGES || links.size >= MAX_COLUMN_REPORTS) {
      stopped = 'limit';
      break;
    }
    const url = toRead.shift() as string;
    deps.queue.plan(1);
    const fetched = await deps.queue.get(url);
    if (!fetched.ok && fetched.failure === 'cancelled') {
      return { links: [...links.values()], pages, stopped: 'cancelled' };
    }
    const page = await deps.read(fetched);
    pages.push(url);
    if ((page.kind === 'listing' || page.kind === 'none') && page.doc) {
      take(deps.readLinks(page.doc, page.url));
    }
  }
  const all = [...links.values()];
  if (all.length > MAX_COLUMN_REPORTS) stopped = 'limit';
  return { links: all.slice(0, MAX_COLUMN_REPORTS), pages, stopped };
}

/** A report article's page; when it only attaches its report as PDF, the PDF read instead. */
async function readReport(link: PortalLink, deps: ColumnAuditDeps): Promise<AuditEntry> {
  const page = await deps.read(await deps.queue.get(link.url));
  if (page.kind === 'none' && page.title !== null) {
    const [pdfUrl] = reportPdfLinks(page.doc, true);
    if (pdfUrl) {
      if (await deps.inHistory(pdfUrl)) return { link, from: 'history', url: pdfUrl };
      deps.queue.plan(1);
      return { link, from: 'portal', page: await deps.read(await deps.queue.get(pdfUrl)), pdfUrl };
    }
  }
  return { link, from: 'portal', page };
}

export async function auditColumn(
  listingUrl: string,
  listingDoc: Document,
  deps: ColumnAuditDeps,
): Promise<ColumnAudit> {
  const collected = await collectReportLinks(listingUrl, listingDoc, deps);
  const entries: AuditEntry[] = [];
  if (collected.stopped === 'cancelled') {
    return { entries, listingPages: collected.pages, stopped: 'cancelled' };
  }
  deps.queue.plan(collected.links.length);
  // Two at a time is the queue's to keep; the entries keep the column's order.
  const reading = collected.links.map(async (link): Promise<AuditEntry> => {
    if (await deps.inHistory(link.url)) {
      deps.queue.settled();
      return { link, from: 'history' };
    }
    return readReport(link, deps);
  });
  for (const pending of reading) {
    const entry = await pending;
    entries.push(entry);
    deps.onEntry?.(entry);
  }
  const cancelled = deps.signal.aborted;
  return {
    entries,
    listingPages: collected.pages,
    stopped: cancelled ? 'cancelled' : collected.stopped,
  };
}

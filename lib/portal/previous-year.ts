/**
 * Finding the same agency's report of the year before on the portal, for a
 * report whose previous year the history does not have (issue 18, item 1).
 * Where a journalist would look, in the order she would: the links of the
 * page itself (上一篇/下一篇, other years linked in the text), then the
 * page's column (the breadcrumb's 年报 link) and its further pages and year
 * tabs, then a few steps back along 上一篇. A link is taken by its title
 * (./title-match.ts); the report it leads to must then name the same agency
 * and the year before, or it is not the one. Two links that qualify alike
 * are not guessed between: the reader chooses.
 *
 * Everything it touches comes in (the queue that fetches, the reader of a
 * fetched page, the link reader and the chooser), so it runs in Node's tests
 * as it runs in the extension's DOM context.
 */
import type { Report } from '../model/report';
import { reportPdfLinks } from '../page/pdf-links';
import { agencyKey } from '../text/agency-name';
import type { PortalQueue } from './portal-queue';
import type { PortalPage } from './read-page';
import type { PageFetch, PageLinks, PortalLink } from './types';

/** The listing pages read at most: a column's year tabs and a few pages of each. */
export const MAX_LISTING_PAGES = 12;
/** Steps back along 上一篇 when the column did not name the report. */
export const MAX_ARTICLE_STEPS = 6;

export interface CurrentReport {
  url: string;
  agency: string;
  year: number;
}

export interface PreviousYearDeps {
  queue: PortalQueue;
  /**
   * The report PDFs an article attaches (lib/page/pdf-links.ts
   * `reportPdfLinks`): a year published only as a PDF is a detail page
   * whose title names the report and whose figures are in the attachment.
   * By default `reportPdfLinks` of the page as a report's article.
   */
  attachedPdfs?(doc: Document): string[];
  read(fetched: PageFetch): Promise<PortalPage>;
  readLinks(doc: Document, url: string): PageLinks;
  choose(
    current: { agency: string; year: number },
    links: readonly PortalLink[],
  ): { chosen: PortalLink | null; candidates: PortalLink[] };
  signal: AbortSignal;
}

export type PreviousYearResult =
  | {
      found: true;
      url: string;
      title: string;
      source: 'html' | 'pdf';
      /** The attached PDF the report was read from, when its article only attaches it. */
      pdfUrl?: string;
      report: Report;
      /** Every link that named the year before, the found one included: "not this one" offers the others. */
      candidates: PortalLink[];
    }
  | {
      found: false;
      /**
       * not-listed: no link names it; ambiguous: several do alike (in
       * `candidates`); mismatch: the named report is another agency's or
       * year's; unreadable: it could not be fetched or read; cancelled; limit.
       */
      reason: 'not-listed' | 'ambiguous' | 'mismatch' | 'unreadable' | 'cancelled' | 'limit';
      candidates: PortalLink[];
    };

/**
 * Whether a report is the one sought: the same agency (a government's
 * 「鹤鸣区」 and 「鹤鸣区人民政府」 are one, ./title-match.ts), the year before.
 */
export function isPreviousOf(report: Report, current: CurrentReport): boolean {
  return (
    agencyKey(report.identity.agency) === agencyKey(current.agency) &&
    report.identity.year === current.year - 1
  );
}

/** A column's address and its index.html name one page: read once. */
const sameListing = (url: string): string => url.replace(/\/index\.s?html?$/i, '/');

/** The links of a page a search reads for candidates, page order, each address once. */
function linksOf(links: PageLinks): PortalLink[] {
  const all = [links.previousArticle, links.nextArticle, ...links.reports].filter(
    (link): link is PortalLink => link !== null,
  );
  const seen = new Set<string>();
  return all.filter((link) => !seen.has(link.url) && seen.add(link.url));
}

export async function findPreviousYear(
  current: CurrentReport,
  pageLinks: PageLinks,
  deps: PreviousYearDeps,
): Promise<PreviousYearResult> {
  const wanted = { agency: current.agency, year: current.year };
  const candidates = new Map<string, PortalLink>();
  const tried = new Set<string>();
  let lastFailure: 'mismatch' | 'unreadable' | 'limit' | null = null;

  const cancelled = (): PreviousYearResult => ({
    found: false,
    reason: 'cancelled',
    candidates: [...candidates.values()],
  });

  /**
   * What opening a link came to: the answer when it leads to the report
   * sought (or the search was cancelled); else why not; and the page it
   * read (the article, also when the figures were in its PDF), from which
   * 上一篇 goes on.
   */
  interface Visit {
    outcome: PreviousYearResult | null;
    failure: 'mismatch' | 'unreadable' | 'limit' | null;
    article: PortalPage | null;
  }

  const visit = async (link: PortalLink): Promise<Visit> => {
    tried.add(link.url);
    deps.queue.plan(1);
    const fetched = await deps.queue.get(link.url);
    if (!fetched.ok && fetched.failure === 'cancelled') {
      return { outcome: cancelled(), failure: null, article: null };
    }
    if (!fetched.ok && fetched.failure === 'limit') {
      return { outcome: null, failure: 'limit', article: null };
    }
    const article = await deps.read(fetched);
    let page = article;
    // The article of a report published as an attachment: its PDF holds the figures.
    if ((page.kind === 'none' || page.kind === 'listing') && page.title !== null) {
      const attachedPdfs = deps.attachedPdfs ?? ((doc: Document) => reportPdfLinks(doc, true));
      const attached = attachedPdfs(page.doc).find((url) => !tried.has(url));
      if (attached) {
        tried.add(attached);
        deps.queue.plan(1);
        const pdf = await deps.queue.get(attached);
        if (!pdf.ok && pdf.failure === 'cancelled') {
          return { outcome: cancelled(), failure: null, article };
        }
        page = await deps.read(pdf);
      }
    }
    if (page.kind !== 'report') return { outcome: null, failure: 'unreadable', article };
    if (!isPreviousOf(page.report, current)) return { outcome: null, failure: 'mismatch', article };
    const outcome: PreviousYearResult = {
      found: true,
      // The address a reader opens: the article, also when its figures came from its PDF.
      url: article.url,
      title: page.report.identity.title || link.text,
      source: page.source,
      ...(page.url !== article.url ? { pdfUrl: page.url } : {}),
      report: page.report,
      candidates: [...candidates.values()],
    };
    return { outcome, failure: null, article };
  };

  /** Opens a link chosen by its title: a failure is the search's answer unless another link finds it. */
  const open = async (link: PortalLink): Promise<PreviousYearResult | null> => {
    const { outcome, failure } = await visit(link);
    if (failure) lastFailure = failure;
    return outcome;
  };

  /** Weighs new links; opens the one chosen, unless several qualify alike. */
  const consider = async (
    links: readonly PortalLink[],
  ): Promise<PreviousYearResult | 'ambiguous' | null> => {
    const { chosen, candidates: named } = deps.choose(wanted, links);
    for (const link of named) if (!candidates.has(link.url)) candidates.set(link.url, link);
    if (chosen && !tried.has(chosen.url)) return open(chosen);
    return named.filter((link) => !tried.has(link.url)).length > 1 ? 'ambiguous' : null;
  };

  const settle = async (
    outcome: PreviousYearResult | 'ambiguous' | null,
  ): Promise<PreviousYearResult | null> => {
    if (outcome === 'ambiguous') {
      return { found: false, reason: 'ambiguous', candidates: [...candidates.values()] };
    }
    return outcome;
  };

  // 1. The page's own links.
  const fromPage = await settle(await consider(linksOf(pageLinks)));
  if (fromPage) return fromPage;

  // 2. The column, its further pages and year tabs. A report found there is
  // not taken at once: the column's other pages are read to the end (within
  // the bound), since a report reposted under a second address (a year tab,
  // a later page) is the reader's choice, not a pick.
  const listingQueue: string[] = pageLinks.column ? [pageLinks.column.url] : [];
  const listingsSeen = new Set<string>(listingQueue.map(sameListing));
  let listingsRead = 0;
  let foundInColumn: Extract<PreviousYearResult, { found: true }> | null = null;
  while (listingQueue.length > 0 && listingsRead < MAX_LISTING_PAGES) {
    if (deps.signal.aborted) return cancelled();
    const url = listingQueue.shift() as string;
    listingsRead++;
    deps.queue.plan(1);
    const fetched = await deps.queue.get(url);
    if (!fetched.ok && fetched.failure === 'cancelled') return cancelled();
    const page = await deps.read(fetched);
    if (page.kind !== 'listing' && page.kind !== 'none' && page.kind !== 'report') continue;
    if (page.doc === null) continue;
    const links = deps.readLinks(page.doc, page.url);
    if (foundInColumn) {
      const { candidates: named } = deps.choose(wanted, linksOf(links));
      for (const link of named) if (!candidates.has(link.url)) candidates.set(link.url, link);
    } else {
      const outcome = await settle(await consider(linksOf(links)));
      if (outcome && !outcome.found) return outcome;
      if (outcome?.found) foundInColumn = outcome;
    }
    for (const next of links.listingPages) {
      if (!listingsSeen.has(sameListing(next))) {
        listingsSeen.add(sameListing(next));
        listingQueue.push(next);
      }
    }
  }
  if (foundInColumn) {
    return candidates.size > 1
      ? { found: false, reason: 'ambiguous', candidates: [...candidates.values()] }
      : { ...foundInColumn, candidates: [...candidates.values()] };
  }

  // 3. A few steps back along 上一篇 (a column whose listing is a script the
  // reader cannot follow). The articles passed on the way are not candidates:
  // none of them failing makes the search's answer "mismatch".
  let step = pageLinks.previousArticle;
  for (let i = 0; step && i < MAX_ARTICLE_STEPS; i++) {
    if (deps.signal.aborted) return cancelled();
    if (tried.has(step.url)) break;
    const { outcome, article } = await visit(step);
    if (outcome) return outcome;
    const doc = article && 'doc' in article ? article.doc : null;
    if (article === null || doc === null) break;
    step = deps.readLinks(doc, article.url).previousArticle;
  }

  return {
    found: false,
    reason: lastFailure ?? 'not-listed',
    candidates: [...candidates.values()],
  };
}

/**
 * The background's part in finding last year's report (issue 18, item 1):
 * deciding whether to look at all, keeping the page's links to its own
 * portal, running the search in the DOM context (passed in: Chrome's
 * offscreen document or Firefox's background page), storing what it found
 * as if the reader had visited it, and re-checking the page's report with
 * it. A search runs per frame; a new one or a cancel aborts its requests.
 *
 * Everything is passed in, as in ./handler.ts, so it runs in Node's tests.
 */
import { runChecks } from '../checks/run';
import { LIMITS, type PreviousSearch, type Settings } from '../messaging/protocol';
import type { HistoryRecord, PreviousSummary } from '../model/history';
import type { Finding, Report } from '../model/report';
import { portalOfUrl } from '../page/portal';
import type { SearchRunner } from '../portal/portal-search';
import type { PageLinks, PortalLink, PortalProgress } from '../portal/types';
import { recordId } from './history-store';
import type { SenderInfo } from './sender-policy';

export interface PreviousSearchDeps {
  /** Runs one search in the DOM context. */
  search: SearchRunner;
  /** Tells the frame that asked how far the search has got (`previousYearProgress`). */
  sendProgress(tabId: number, frameId: number, progress: PortalProgress): void;
  /** Last year's record in history, when there is one. */
  readPrevious(portal: string, agency: string, year: number): Promise<HistoryRecord | null>;
  /** Stores a record (the report found, the page's re-checked visit); resolves when written or failed. */
  storeVisit(record: HistoryRecord): Promise<unknown>;
  readSettings(): Promise<Settings>;
  /**
   * The findings the history adds to a report beyond its own checks (a
   * government's table 三 beside its departments', ./government-comparison.ts),
   * kept in the re-checked answer as in the first; none when absent.
   */
  besideDepartments?(
    report: Report,
    key: { portal: string; agency: string; year: number; url: string },
  ): Promise<Finding[]>;
  /** The toolbar badge of the tab, after the re-check. */
  onFindings(tabId: number | undefined, findings: HistoryRecord['findings']): void;
  now(): Date;
}

export interface SearchAsked {
  report: Report;
  links: PageLinks;
  choose?: { url: string; candidates: PortalLink[] } | undefined;
}

/** A link kept only when it is on `portal`: the page may name anything. */
function onPortal<T extends { url: string }>(link: T | null, portal: string): T | null {
  return link && portalOfUrl(link.url) === portal ? link : null;
}

/** The page's links, every one off the sender's portal dropped before anything is fetched. */
export function linksOnPortal(links: PageLinks, portal: string): PageLinks {
  return {
    reports: links.reports.filter((link) => onPortal(link, portal)),
    listingPages: links.listingPages.filter((url) => portalOfUrl(url) === portal),
    column: onPortal(links.column, portal),
    previousArticle: onPortal(links.previousArticle, portal),
    nextArticle: onPortal(links.nextArticle, portal),
  };
}

export const summaryOf = (record: HistoryRecord): PreviousSummary => ({
  year: record.year,
  url: record.url,
  title: record.report.identity.title,
  seenAt: record.seenAt,
  agency: record.agency,
  values: record.report.values,
});

export function createPreviousSearch(deps: PreviousSearchDeps) {
  /** The search running for each frame, to cancel. */
  const running = new Map<string, AbortController>();
  const frameOf = (sender: SenderInfo) => `${sender.tab?.id}/${sender.frameId ?? 0}`;

  async function find(asked: SearchAsked, sender: SenderInfo): Promise<PreviousSearch> {
    const { agency, year } = asked.report.identity;
    // The portal is the frame's, as the browser names it, and the tab's must agree.
    const portal = portalOfUrl(sender.url);
    if (
      portal === null ||
      sender.url === undefined ||
      (sender.tab?.url !== undefined && portalOfUrl(sender.tab.url) !== portal) ||
      agency === '' ||
      year === null
    ) {
      return { outcome: 'skipped', why: 'noIdentity' };
    }
    const settings = await deps.readSettings();
    if (!settings.findPreviousYear) return { outcome: 'skipped', why: 'off' };
    if (!asked.choose && (await deps.readPrevious(portal, agency, year - 1).catch(() => null))) {
      return { outcome: 'skipped', why: 'hasPrevious' };
    }

    const frame = frameOf(sender);
    running.get(frame)?.abort();
    const controller = new AbortController();
    running.set(frame, controller);
    const current = { url: sender.url, agency, year };
    const tabId = sender.tab?.id;
    const frameId = sender.frameId ?? 0;
    const onProgress = (progress: PortalProgress) => {
      if (tabId !== undefined) deps.sendProgress(tabId, frameId, progress);
    };
    const candidates = (asked.choose?.candidates ?? []).filter((link) => onPortal(link, portal));
    let result: Awaited<ReturnType<SearchRunner>>;
    try {
      result = await deps.search(
        asked.choose
          ? { kind: 'open', current, url: asked.choose.url, candidates }
          : { kind: 'find', current, links: linksOnPortal(asked.links, portal) },
        { signal: controller.signal, onProgress },
      );
    } finally {
      if (running.get(frame) === controller) running.delete(frame);
    }
    if (!result.found) {
      return {
        outcome: 'notFound',
        reason: result.reason,
        candidates: result.candidates,
        requests: result.requests,
      };
    }
    // The DOM context fetched only on the portal; a report claiming another stays unstored.
    if (portalOfUrl(result.url) !== portal || result.report.identity.year !== year - 1) {
      return {
        outcome: 'notFound',
        reason: 'mismatch',
        candidates: result.candidates,
        requests: result.requests,
      };
    }

    const disabled = new Set(settings.disabledFamilies);
    const found = result.report;
    const foundAgency = found.identity.agency;
    const seenAt = deps.now().toISOString();
    // Stored as if the reader had visited it, at its own address, checked as its own page would be.
    const earlier = await deps.readPrevious(portal, foundAgency, year - 2).catch(() => null);
    const foundRecord: HistoryRecord = {
      id: recordId(portal, foundAgency, year - 1),
      portal,
      agency: foundAgency,
      year: year - 1,
      url: result.url,
      seenAt,
      report: found,
      findings: runChecks(found, earlier?.report ?? null, { disabled }).slice(0, LIMITS.findings),
    };
    const own = runChecks(asked.report, found, { disabled });
    const beside = deps.besideDepartments
      ? await deps.besideDepartments(asked.report, { portal, agency, year, url: sender.url })
      : [];
    const findings = [...own, ...beside.filter((f) => !disabled.has(f.family))].slice(
      0,
      LIMITS.findings,
    );
    await deps.storeVisit(foundRecord);
    await deps.storeVisit({
      id: recordId(portal, agency, year),
      portal,
      agency,
      year,
      url: sender.url,
      seenAt,
      report: asked.report,
      // The report's own, as the first answer keeps them.
      findings: own.slice(0, LIMITS.findings),
    });
    deps.onFindings(tabId, findings);
    return {
      outcome: 'found',
      checked: { findings, previous: summaryOf(foundRecord) },
      compared: { url: result.url, title: result.title },
      candidates: result.candidates,
      requests: result.requests,
    };
  }

  return {
    find,
    /** Aborts the frame's search; whether one was running. */
    cancel(sender: SenderInfo): boolean {
      const controller = running.get(frameOf(sender));
      controller?.abort();
      return controller !== undefined;
    },
  };
}

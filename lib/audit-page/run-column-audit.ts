/**
 * The column audit of the extension's audit page (issue 18, item 2), minus
 * the page: the listing's address checked, the listing fetched from its
 * portal, its column's reports read by lib/portal's `auditColumn` (two
 * requests at a time, within a budget, cancellable), the reports the
 * history already holds taken from it instead of fetched, each report read
 * now handed back to be kept in history, and the league built from them all
 * exactly as the command line's `--portal` builds it (lib/audit/audit-league.ts).
 * Every request goes through `fetchPortalPage`, bound to the listing's own
 * portal: a hostile listing's links elsewhere are dropped when read and
 * refused when fetched. The fetch, DOM parser, PDF reader and history come
 * in, so all of it runs in Node's tests.
 */
import { type AuditItem, type AuditLeague, auditLeague } from '../audit/audit-league';
import { isGovCnPage } from '../background/sender-policy';
import type { Report } from '../model/report';
import { portalOfUrl } from '../page/portal';
import type { PdfExtraction } from '../pdf/extract-pdf';
import { type AuditEntry, auditColumn, type ColumnAudit } from '../portal/column-audit';
import { fetchPortalPage } from '../portal/fetch-page';
import { readPageLinks } from '../portal/links';
import { createPortalQueue } from '../portal/portal-queue';
import { type PortalPage, readPortalPage } from '../portal/read-page';
import type { PageFetchFailure, PortalProgress } from '../portal/types';

/**
 * Requests one audit sends at most: the column's pages (≤ 30) and reports
 * (≤ 200) with a PDF-only article's PDF now and then. "Never more than a
 * few hundred pages per action."
 */
export const AUDIT_MAX_REQUESTS = 300;

/** A report the history holds, by the address it was read at. */
export interface KnownReport {
  url: string;
  report: Report;
}

export interface ColumnAuditRunDeps {
  /** The listing's address, from the page's query string. */
  listingUrl: string | null;
  fetch: typeof fetch;
  /** A page's markup as a Document whose relative links resolve against `url`. */
  parse(html: string, url: string): Document;
  /** lib/pdf's reader, imported by the caller only when a PDF is met. */
  readPdf(bytes: Uint8Array, url: string): Promise<PdfExtraction>;
  /** The history's reports of the portal (the background's store). */
  history(portal: string): Promise<KnownReport[]>;
  /** Keeps a report read now in history (the background keys it by its own portal, agency, year). */
  store(report: Report, url: string): Promise<void>;
  signal: AbortSignal;
  onProgress?(progress: PortalProgress): void;
  /** Each report's entry as soon as it is read. */
  onEntry?(entry: AuditEntry): void;
  maxRequests?: number;
  log(what: string, error: unknown): void;
}

export type ColumnAuditRun =
  | { ok: false; problem: 'address' }
  | { ok: false; problem: 'listing'; failure: PageFetchFailure | 'unreadable'; status?: number }
  | { ok: false; problem: 'no-reports' }
  | {
      ok: true;
      league: AuditLeague;
      audit: ColumnAudit;
      /** Reports taken from the history, not fetched. */
      fromHistory: number;
      /** Reports read now (and handed to `store`). */
      read: number;
      /** Links the audit did not get to read (cancelled, or the budget spent). */
      notRead: number;
      progress: PortalProgress;
    };

/** Why a page is not in the league as a report, in both languages, as the row says it. */
export function problemOf(page: PortalPage): { problem: string; problemEn: string } {
  switch (page.kind) {
    case 'report':
      return { problem: '', problemEn: '' };
    case 'scanned': {
      const reason = page.reason ?? '';
      return {
        problem: `扫描件 PDF，无文字层，无法读取 ${reason}`.trim(),
        problemEn: `scanned PDF without a text layer: cannot be read ${reason}`.trim(),
      };
    }
    case 'not-report-pdf':
      return { problem: 'PDF 不是年报', problemEn: 'the PDF is not a report' };
    case 'listing':
    case 'none':
      return {
        problem: '页面不是年报（未找到年报表格或附件 PDF）',
        problemEn: 'the page is not a report (no report tables, no attached PDF)',
      };
    case 'failed':
      return failureText(page.failure, page.status);
  }
}

export function failureText(
  failure: PageFetchFailure | 'unreadable',
  status?: number,
): { problem: string; problemEn: string } {
  switch (failure) {
    case 'cancelled':
      return { problem: '未读取：已取消', problemEn: 'not read: cancelled' };
    case 'limit':
      return {
        problem: '未读取：已达本次请求上限',
        problemEn: "not read: the audit's request budget was spent",
      };
    case 'off-portal':
      return { problem: '未读取：地址不在本门户', problemEn: 'not read: not on this portal' };
    case 'redirect':
      return {
        problem: '无法读取：门户返回重定向，未跟随',
        problemEn: 'cannot be read: the portal redirected, not followed',
      };
    case 'http':
      return {
        problem: `无法读取：HTTP ${status ?? '?'}`,
        problemEn: `cannot be read: HTTP ${status ?? '?'}`,
      };
    case 'not-html':
      return {
        problem: '无法读取：既非网页也非 PDF',
        problemEn: 'cannot be read: neither a web page nor a PDF',
      };
    case 'too-large':
      return { problem: '无法读取：文件过大', problemEn: 'cannot be read: too large' };
    case 'timeout':
      return { problem: '无法读取：门户无响应（超时）', problemEn: 'cannot be read: timed out' };
    case 'network':
      return { problem: '无法读取：网络错误', problemEn: 'cannot be read: network error' };
    case 'unreadable':
      return {
        problem: '无法读取：页面无法解析',
        problemEn: 'cannot be read: the page could not be parsed',
      };
  }
}

const isPdfAddress = (url: string) => /\.pdf(?:$|[?#])/i.test(url);

/** The checked address of a listing: http(s) on .gov.cn with a portal, else null. */
export function auditAddress(url: string | null): { url: string; portal: string } | null {
  if (!url || !isGovCnPage(url)) return null;
  const href = new URL(url).href;
  const portal = portalOfUrl(href);
  return portal ? { url: href, portal } : null;
}

export async function runColumnAudit(deps: ColumnAuditRunDeps): Promise<ColumnAuditRun> {
  const address = auditAddress(deps.listingUrl);
  if (!address) return { ok: false, problem: 'address' };
  const { portal } = address;

  const queue = createPortalQueue({
    fetchPage: (url, signal) => fetchPortalPage(url, { fetch: deps.fetch, portal, signal }),
    maxRequests: deps.maxRequests ?? AUDIT_MAX_REQUESTS,
    signal: deps.signal,
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  });
  const readDeps = { parse: deps.parse, readPdf: deps.readPdf };

  // The history is asked while the listing comes.
  const known = deps.history(portal).catch((error: unknown): KnownReport[] => {
    deps.log('the history could not be read', error);
    return [];
  });
  queue.plan(1);
  const listing = await readPortalPage(await queue.get(address.url), readDeps);
  if (listing.kind === 'failed') {
    return listing.status === undefined
      ? { ok: false, problem: 'listing', failure: listing.failure }
      : { ok: false, problem: 'listing', failure: listing.failure, status: listing.status };
  }
  if (listing.kind !== 'listing' && listing.kind !== 'none')
    return { ok: false, problem: 'no-reports' };
  if (readPageLinks(listing.doc, listing.url).reports.length === 0) {
    return { ok: false, problem: 'no-reports' };
  }

  const byUrl = new Map((await known).map((k) => [k.url, k.report] as const));
  const stored: Promise<void>[] = [];
  const audit = await auditColumn(listing.url, listing.doc, {
    queue,
    read: (fetched) => readPortalPage(fetched, readDeps),
    readLinks: readPageLinks,
    inHistory: async (url) => byUrl.has(url),
    signal: deps.signal,
    onEntry: (entry) => {
      if (entry.from === 'portal' && entry.page.kind === 'report') {
        stored.push(
          deps
            .store(entry.page.report, entry.page.url)
            .catch((error: unknown) => deps.log('a report could not be kept in history', error)),
        );
      }
      deps.onEntry?.(entry);
    },
  });
  await Promise.all(stored);

  let fromHistory = 0;
  let read = 0;
  let notRead = 0;
  const items: AuditItem[] = audit.entries.map((entry): AuditItem => {
    if (entry.from === 'history') {
      const url = entry.url ?? entry.link.url;
      const report = byUrl.get(url) as Report;
      fromHistory++;
      return { kind: 'report', url, source: isPdfAddress(url) ? 'pdf' : 'html', report };
    }
    const { page } = entry;
    const source = entry.pdfUrl !== undefined || isPdfAddress(page.url) ? 'pdf' : 'html';
    if (page.kind === 'report') {
      read++;
      return { kind: 'report', url: page.url, source: page.source, report: page.report };
    }
    if (page.kind === 'failed' && (page.failure === 'cancelled' || page.failure === 'limit')) {
      notRead++;
    }
    return { kind: 'unreadable', url: page.url, source, ...problemOf(page) };
  });
  // Same-portal reports of the history count for the governments' comparison.
  const audited = new Set(items.map((item) => item.url));
  const context = [...byUrl.entries()].filter(([url]) => !audited.has(url)).map(([, r]) => r);
  return {
    ok: true,
    league: auditLeague(items, context),
    audit,
    fromHistory,
    read,
    notRead,
    progress: queue.progress(),
  };
}

/**
 * Every message between the extension's contexts, declared once: its name,
 * who may send it to whom, the fields of its request and the shape of its
 * answer. ./channel.ts sends and receives them from this table alone, so a
 * message that is not declared here cannot be sent or received.
 *
 * On the wire a request is `{ type: name, ...fields }`. The receiver parses
 * it with zod and drops what does not fit; the asking side parses the answer
 * the same way, since the other context is no more trusted than the page.
 *
 * Who may send what is decided by the receiver from the browser's `sender`,
 * which a page cannot forge (lib/background/sender-policy.ts reads `from`):
 * analysis only from the extension's own content scripts on .gov.cn tabs,
 * history only from the extension's own pages.
 *
 * zod/mini: the content script bundles this table (it asks and answers some
 * of these), and the table holds every schema once, so size matters.
 */
import * as z from 'zod/mini';
import { ExportFormatSchema, ExportOutcomeSchema } from '../export/types';
import { HistoryRecordSchema } from '../model/history';
import { LIMITS } from '../model/limits';
import { ReportSchema } from '../model/report';
import {
  CapturedSchema,
  CheckedSchema,
  HistoryListingSchema,
  LoadedSchema,
  LocaleMessagesSchema,
  NotedSchema,
  OpenedSchema,
  PageLinksSchema,
  PageStateSchema,
  PortalLinkSchema,
  PortalProgressSchema,
  PortalSearchRequestSchema,
  PortalSearchResultSchema,
  PreparedSchema,
  PreviousSearchSchema,
  RefusedSchema,
  SearchIdSchema,
  UiLanguageSchema,
} from './protocol';

/**
 * The contexts that exchange messages. `extensionPage` is the popup and the
 * options page (the extension's own origin), whether opened as a popup or in
 * a tab. `offscreen` is Chrome's offscreen document (entrypoints/offscreen/),
 * the DOM context the MV3 worker searches the portal in; it hears only the
 * background.
 */
export type Party = 'contentScript' | 'extensionPage' | 'background' | 'offscreen';

export interface MessageSpec {
  /** Who may send it. */
  readonly from: readonly Party[];
  /** Who receives it: the background, or the content script of the tab it is sent to. */
  readonly to: Party;
  /** The request's fields besides `type`. */
  readonly request: z.ZodMiniObject;
  readonly answer: z.ZodMiniType;
}

const noFields = () => z.object({});

export const MESSAGES = {
  /** The page's report, to check and keep in history. */
  analysed: {
    from: ['contentScript'],
    to: 'background',
    request: z.object({ report: ReportSchema }),
    /** The findings, or why the report was refused (beyond LIMITS, or not a report). */
    answer: z.union([CheckedSchema, RefusedSchema]),
  },
  /**
   * A report read from a PDF by the extension's PDF page (entrypoints/pdf-report/),
   * with the address it was fetched from: checked and kept in history like a
   * page's, under the portal of that address (the background checks that it
   * is a .gov.cn one), so that year over year works across pages and PDFs.
   */
  analysedPdf: {
    from: ['extensionPage'],
    to: 'background',
    request: z.object({
      report: ReportSchema,
      url: z.string().check(z.maxLength(LIMITS.textLength)),
    }),
    answer: z.union([CheckedSchema, RefusedSchema]),
  },
  /**
   * A report the column audit page (entrypoints/audit/) read from its portal,
   * with the address it was fetched from: checked and kept in history like a
   * PDF page's, under the portal of that address (a .gov.cn one), so that
   * the next audit, and a visit to the report, find it. No badge: the audit
   * page is not the report's tab.
   */
  auditedReport: {
    from: ['extensionPage'],
    to: 'background',
    request: z.object({
      report: ReportSchema,
      url: z.string().check(z.maxLength(LIMITS.textLength)),
    }),
    answer: z.union([CheckedSchema, RefusedSchema]),
  },
  /**
   * The history's reports of one portal, for the column audit page: those
   * it holds are not fetched again, and their years count for the
   * governments' comparison with their departments.
   */
  portalHistory: {
    from: ['extensionPage'],
    to: 'background',
    request: z.object({ portal: z.string().check(z.maxLength(253)) }),
    answer: z.array(HistoryRecordSchema).check(z.maxLength(LIMITS.portalRecords)),
  },
  /**
   * As soon as a report is detected: the agency and year its title names, so
   * that the history and settings are read while the page is still being
   * extracted. Answered with the settings and strings the page's panel needs.
   */
  prepare: {
    from: ['contentScript'],
    to: 'background',
    request: z.object({
      agency: z.string().check(z.maxLength(LIMITS.textLength)),
      year: z.nullable(z.int().check(z.minimum(1900), z.maximum(2200))),
    }),
    answer: PreparedSchema,
  },
  /**
   * Load the analyser into the sender's frame: the content script on every
   * .gov.cn page only detects, and asks for the analyser (extraction, the
   * panel, the export) on a page it takes for a report. Injected into the
   * content script's own isolated world; a frame that already has it keeps
   * the one it has (lib/content/analyser-slot.ts). The content script sends
   * it without zod (./lean.ts), so its answer stays a shape checked by hand.
   */
  loadAnalyser: {
    from: ['contentScript'],
    to: 'background',
    request: noFields(),
    answer: LoadedSchema,
  },
  /**
   * Load the workbook writer into the sender's frame. The writer is the one
   * heavy part of exporting; it is injected (into the content script's own
   * isolated world) only when a workbook is asked for.
   */
  loadWorkbookWriter: {
    from: ['contentScript'],
    to: 'background',
    request: noFields(),
    answer: LoadedSchema,
  },
  /**
   * The visible part of the sender's tab as a PNG, for "save evidence image":
   * the content script scrolls the finding's table into view and crops the
   * capture to it. Only for the top frame of the active tab (the capture is
   * of the active tab, whichever asked); lib/background/handler.ts checks.
   */
  captureTab: {
    from: ['contentScript'],
    to: 'background',
    request: noFields(),
    answer: CapturedSchema,
  },
  /**
   * Open the extension's PDF page (entrypoints/pdf-report/) on a report PDF
   * the sender's page attaches, in a new tab beside the sender's: the
   * in-page 「检查附件 PDF」 (a content script cannot open tabs). The
   * background opens only a .gov.cn PDF address on the portal of the
   * sender's tab, as the browser names that tab, and refuses anything else.
   */
  openPdfReport: {
    from: ['contentScript'],
    to: 'background',
    request: z.object({ url: z.string().check(z.maxLength(LIMITS.urlLength)) }),
    answer: OpenedSchema,
  },
  /**
   * Open the column audit page (entrypoints/audit/) on the sender's listing
   * in a new tab beside it: the in-page 「核查本栏目全部年报」. The
   * background opens only a .gov.cn address on the portal of the sender's
   * tab, as the browser names that tab.
   */
  openColumnAudit: {
    from: ['contentScript'],
    to: 'background',
    request: z.object({ url: z.string().check(z.maxLength(LIMITS.urlLength)) }),
    answer: OpenedSchema,
  },
  /**
   * The strings of the language chosen in the options: a content script cannot
   * read the extension's files itself (they are not web-accessible), the
   * background can.
   */
  getLocale: {
    from: ['contentScript', 'extensionPage'],
    to: 'background',
    request: z.object({ language: UiLanguageSchema }),
    answer: LocaleMessagesSchema,
  },
  listHistory: {
    from: ['extensionPage'],
    to: 'background',
    request: noFields(),
    answer: HistoryListingSchema,
  },
  deleteHistory: {
    from: ['extensionPage'],
    to: 'background',
    request: z.object({ id: z.string().check(z.maxLength(500)) }),
    answer: HistoryListingSchema,
  },
  /** Deletes the database even when it cannot be opened: the way out of a newer version's. */
  clearHistory: {
    from: ['extensionPage'],
    to: 'background',
    request: noFields(),
    answer: HistoryListingSchema,
  },
  /** The whole history as a dataset: every stored report with its findings. */
  exportHistory: {
    from: ['extensionPage'],
    to: 'background',
    request: noFields(),
    answer: z.array(HistoryRecordSchema),
  },
  /**
   * Look for the same agency's report of the year before on the sender's
   * portal (issue 18, item 1), starting from the page's links; or, with
   * `choose`, read the candidate the reader chose instead ("not this one").
   * The background drops every link off the portal of the sender's tab as
   * the browser names it, searches (at most MAX_SEARCH_REQUESTS GETs, two at
   * a time), stores the report found and answers the page's checks redone
   * with it. Nothing is looked for when the setting is off or the history
   * already has that year.
   */
  findPreviousYear: {
    from: ['contentScript'],
    to: 'background',
    request: z.object({
      report: ReportSchema,
      links: PageLinksSchema,
      choose: z.optional(
        z.object({
          url: z.string().check(z.maxLength(LIMITS.urlLength)),
          candidates: z.array(PortalLinkSchema).check(z.maxLength(50)),
        }),
      ),
    }),
    answer: PreviousSearchSchema,
  },
  /** Stop the sender frame's search: its requests are aborted. */
  cancelPreviousYear: {
    from: ['contentScript'],
    to: 'background',
    request: noFields(),
    answer: NotedSchema,
  },
  /** background → the searching page: how far the search has got, for its bar. */
  previousYearProgress: {
    from: ['background'],
    to: 'contentScript',
    request: z.object({ progress: PortalProgressSchema }),
    answer: NotedSchema,
  },
  /** background → offscreen document: run one search there (it has DOMParser). */
  portalSearch: {
    from: ['background'],
    to: 'offscreen',
    request: z.object({ id: SearchIdSchema, search: PortalSearchRequestSchema }),
    answer: PortalSearchResultSchema,
  },
  /** background → offscreen document: abort that search's requests. */
  portalSearchCancel: {
    from: ['background'],
    to: 'offscreen',
    request: z.object({ id: SearchIdSchema }),
    answer: NotedSchema,
  },
  /** offscreen document → background: a search's progress. */
  portalSearchProgress: {
    from: ['offscreen'],
    to: 'background',
    request: z.object({ id: SearchIdSchema, progress: PortalProgressSchema }),
    answer: NotedSchema,
  },
  /** The popup asks the tab's content script what it knows about the page. */
  getPageState: {
    from: ['extensionPage'],
    to: 'contentScript',
    request: noFields(),
    answer: PageStateSchema,
  },
  /** The popup has the tab's content script export the page's report (built and saved in the page). */
  exportReport: {
    from: ['extensionPage'],
    to: 'contentScript',
    request: z.object({ format: ExportFormatSchema }),
    answer: ExportOutcomeSchema,
  },
} as const satisfies Record<string, MessageSpec>;

type Messages = typeof MESSAGES;
export type MessageName = keyof Messages;

/** The request's fields as a sender passes them. */
export type RequestInput<N extends MessageName> = z.input<Messages[N]['request']>;
/** The request as its receiver's handler gets it, parsed. */
export type Request<N extends MessageName> = z.output<Messages[N]['request']>;
/** The answer as the asking side gets it, parsed. */
export type Answer<N extends MessageName> = z.output<Messages[N]['answer']>;

/** The messages `from` may send to `to`. */
export type NamesFromTo<From extends Party, To extends Party> = {
  [N in MessageName]: From extends Messages[N]['from'][number]
    ? Messages[N]['to'] extends To
      ? N
      : never
    : never;
}[MessageName];

/** The messages `to` receives, from whomever. */
export type NamesTo<To extends Party> = {
  [N in MessageName]: Messages[N]['to'] extends To ? N : never;
}[MessageName];

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(MESSAGES, name);
}

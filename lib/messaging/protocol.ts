/**
 * The shapes the extension's messages carry (answers, settings, the page's
 * state), as zod schemas. The messages themselves, which request gets which
 * of these as its answer, and who may send it, are declared once in
 * ./messages.ts.
 *
 * zod/mini keeps the content script, which parses some of them, small.
 */
import * as z from 'zod/mini';
import { ExportFormatSchema } from '../export/types';
import { HistoryEntrySchema, PreviousSummarySchema } from '../model/history';
import { LIMITS } from '../model/limits';
import { FindingSchema, ReportSchema, RuleFamilySchema } from '../model/report';

export { LIMITS };

/** background → content script: the findings (year over year included) and last year's values. */
export const CheckedSchema = z.object({
  findings: z.array(FindingSchema).check(z.maxLength(LIMITS.findings)),
  previous: z.nullable(PreviousSummarySchema),
  /** How many of the least recently seen cached reports were pruned to store this one (full quota). */
  pruned: z.optional(z.int().check(z.minimum(0))),
  /**
   * The history database cannot be opened (see HistoryListing): the report
   * was checked without last year's and not stored. Only present when so.
   */
  historyUnavailable: z.optional(z.literal(true)),
  /**
   * The history has no report of the year before, the report names its
   * agency and year, and the setting allows it: the page may ask
   * (`findPreviousYear`) for it to be looked for on its portal. Only present when so.
   */
  mayFindPrevious: z.optional(z.literal(true)),
});
export type Checked = z.infer<typeof CheckedSchema>;

/**
 * Why a report was not checked: the background refused it as larger than
 * LIMITS allow (`tooLarge`) or as not a report (`invalid`), or did not answer
 * (`noAnswer`: a worker gone, an extension updated under the page). The page
 * and the popup then say so; no findings never reads as a clean report.
 */
export const NotCheckedReasonSchema = z.enum(['tooLarge', 'invalid', 'noAnswer']);
export type NotCheckedReason = z.infer<typeof NotCheckedReasonSchema>;

/** background → content script: the report was refused, and why. */
export const RefusedSchema = z.object({
  refused: z.enum(['tooLarge', 'invalid']),
});
export type Refused = z.infer<typeof RefusedSchema>;

/**
 * Why the history database cannot be opened: a newer version of the
 * extension upgraded it past this one's (VersionError), or the browser
 * refused to open it for another reason.
 */
export const HistoryUnavailableReasonSchema = z.enum(['newerVersion', 'openFailed']);
export type HistoryUnavailableReason = z.infer<typeof HistoryUnavailableReasonSchema>;

/**
 * background → options page: the answer to every history request that
 * changes or lists it. A database that cannot be opened is a state the page
 * shows (with "delete all" as the way out), not an error.
 */
export const HistoryListingSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), entries: z.array(HistoryEntrySchema) }),
  z.object({
    available: z.literal(false),
    reason: HistoryUnavailableReasonSchema,
    /** What the browser said, shown to the user for a bug report. */
    detail: z.string().check(z.maxLength(2000)),
  }),
]);
export type HistoryListing = z.infer<typeof HistoryListingSchema>;

/** A fixed UI language (the settings' 'auto' follows the browser instead). */
export const UiLanguageSchema = z.enum(['zh_CN', 'en']);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

/**
 * The locale the browser picks for the extension from its UI language
 * (`en-US`, `zh-TW`…): an English UI gets en; any other falls back, as in the
 * browser, to the default locale zh_CN.
 */
export function localeForUiLanguage(uiLanguage: string): UiLanguage {
  return /^en(?:[-_]|$)/i.test(uiLanguage) ? 'en' : 'zh_CN';
}

/** The language the language setting stands for: the chosen one, or for 'auto' the browser's. */
export function languageOfSetting(
  setting: UiLanguage | 'auto',
  uiLanguage: () => string,
): UiLanguage {
  return setting === 'auto' ? localeForUiLanguage(uiLanguage()) : setting;
}

/** One locale's strings, as in public/_locales/<language>/messages.json. */
export const LocaleMessagesSchema = z.record(
  z.string(),
  z.object({
    message: z.string(),
    placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))),
  }),
);
export type LocaleMessages = z.infer<typeof LocaleMessagesSchema>;

/** How many hides and panel places the settings keep: bounded, as anything stored is. */
export const LIMITS_PANEL = { hides: 2_000, places: 500 } as const;

const Portal = z.string().check(z.minLength(1), z.maxLength(253));

/** A hidden panel: on one report (its address, without the fragment) or for one agency of a portal. */
export const PanelHideSchema = z.discriminatedUnion('scope', [
  z.object({
    scope: z.literal('report'),
    portal: Portal,
    url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
    /** The report's title as the page printed it, to name it in the options page. */
    title: z.string().check(z.maxLength(500)),
  }),
  z.object({
    scope: z.literal('agency'),
    portal: Portal,
    agency: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
]);
export type PanelHide = z.infer<typeof PanelHideSchema>;

/** A coordinate of the viewport, in CSS pixels, within reason. */
const Coordinate = z.number().check(z.gte(-100_000), z.lte(100_000));

/** The panel's place and state on one origin's pages, as the reader left them. */
export const PanelPlaceSchema = z.object({
  origin: z.string().check(z.minLength(1), z.maxLength(300)),
  /** The top left corner the reader dragged the panel to; absent while it stays docked. */
  left: z.optional(Coordinate),
  top: z.optional(Coordinate),
  collapsed: z.boolean(),
});
export type PanelPlace = z.infer<typeof PanelPlaceSchema>;

/** Settings kept in extension storage (storage.local), read by every context. */
export const SettingsSchema = z.object({
  /** Rule families the user switched off. */
  disabledFamilies: z._default(z.array(RuleFamilySchema), []),
  /** UI language: follow the browser, or a fixed one. */
  language: z._default(z.enum(['auto', 'zh_CN', 'en']), 'auto'),
  /**
   * Where the reader hid the in-page panel: one report (its address) or one
   * agency on one portal. Each names its portal, so no hide reaches another
   * portal's pages. (Replaces `panelHiddenOn`, a list of hosts, which is
   * dropped on read: see the README.)
   */
  panelHidden: z._default(z.array(PanelHideSchema).check(z.maxLength(LIMITS_PANEL.hides)), []),
  /** Where the reader left the panel, and whether open, per page origin. */
  panelPlaces: z._default(z.array(PanelPlaceSchema).check(z.maxLength(LIMITS_PANEL.places)), []),
  /** The export format last chosen, in the popup or the panel. */
  exportFormat: z._default(ExportFormatSchema, 'xlsx'),
  /**
   * Look for last year's report on the page's own portal when the history
   * has none (GET requests to that portal only; lib/portal/portal-search.ts).
   */
  findPreviousYear: z._default(z.boolean(), true),
  /**
   * Show 「核查本栏目全部年报」 as a bar on the page of a 年报 column
   * (lib/background/listing-bar.ts). Off by default: a page that is not a
   * report is left untouched unless the reader asks for the bar.
   */
  listingBar: z._default(z.boolean(), false),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SETTINGS_KEY = 'settings';

/**
 * The answer to `prepare`, with what the page's panel needs: the settings
 * and the strings of the language they choose. Read by the background while
 * the page extracts, they are there when the findings come; read by the
 * content script itself, they came after the findings (storage, then the
 * strings: two round trips that could only start once the extraction had
 * let go of the page's thread). `ui` is missing when the strings could not
 * be read; the content script then reads for itself.
 */
export const PreparedSchema = z.object({
  prepared: z.boolean(),
  ui: z.optional(
    z.object({
      settings: SettingsSchema,
      language: UiLanguageSchema,
      messages: LocaleMessagesSchema,
    }),
  ),
});
export type Prepared = z.infer<typeof PreparedSchema>;

/** The .gov.cn addresses of the PDF reports a page links (lib/page/pdf-links.ts MAX_PDF_LINKS). */
const PdfLinksSchema = z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(5));

export const PageStateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('report'),
    report: ReportSchema,
    /** The background's findings; empty until it has answered. */
    findings: z._default(z.array(FindingSchema), []),
    /** The same agency's previous report, when the history has it. */
    previous: z._default(z.nullable(PreviousSummarySchema), null),
    /** Why the report was not checked; absent when it was. */
    unchecked: z.optional(NotCheckedReasonSchema),
    /** The history could not be opened: not compared with last year's, not kept. */
    historyUnavailable: z.optional(z.literal(true)),
    /** When the page was read (ISO 8601), for the popup's citations. */
    retrievedAt: z.optional(z.string().check(z.maxLength(40))),
  }),
  z.object({ kind: z.literal('listing'), pdfs: z.optional(PdfLinksSchema) }),
  /**
   * Not a report; `pdfs`: the reports it attaches as PDF (lib/page/pdf-links.ts),
   * read when the popup asks; `column`: its titles call it a column of reports
   * and it links one to three (too few for a listing), which the popup offers
   * to audit.
   */
  z.object({
    kind: z.literal('none'),
    pdfs: z.optional(PdfLinksSchema),
    column: z.optional(z.literal(true)),
  }),
  /** Analysis has not finished yet (the page is still loading). */
  z.object({ kind: z.literal('pending') }),
  /** Analysis failed on this page; the message says why, for a bug report. */
  z.object({ kind: z.literal('error'), message: z.string().check(z.maxLength(2000)) }),
]);
export type PageState = z.infer<typeof PageStateSchema>;

/**
 * The answer to `captureTab`: the visible tab as a PNG data URL. Bounded: a
 * 4K screen at a device pixel ratio of 2 is well under 64 MB of base64.
 */
export const CapturedSchema = z.object({
  dataUrl: z.string().check(z.startsWith('data:image/png;base64,'), z.maxLength(64 * 1024 * 1024)),
});
export type Captured = z.infer<typeof CapturedSchema>;

/** The answer to `loadAnalyser` and `loadWorkbookWriter`: the script is now in the sender's frame. */
export const LoadedSchema = z.object({ loaded: z.literal(true) });
export type Loaded = z.infer<typeof LoadedSchema>;

/** The answer to `openPdfReport`: the extension's PDF page is open in a tab beside the sender's. */
export const OpenedSchema = z.object({ opened: z.literal(true) });
export type Opened = z.infer<typeof OpenedSchema>;

const Url = z.string().check(z.maxLength(LIMITS.urlLength));

/** A link of a portal page (lib/portal/types.ts PortalLink). */
export const PortalLinkSchema = z.object({
  url: Url,
  text: z.string().check(z.maxLength(LIMITS.textLength)),
  date: z.nullable(z.string().check(z.maxLength(40))),
});
export type PortalLinkWire = z.infer<typeof PortalLinkSchema>;

/** The links of the page a search starts from (lib/portal/links.ts, bounded as it bounds them). */
export const PageLinksSchema = z.object({
  reports: z.array(PortalLinkSchema).check(z.maxLength(500)),
  listingPages: z.array(Url).check(z.maxLength(50)),
  column: z.nullable(PortalLinkSchema),
  previousArticle: z.nullable(PortalLinkSchema),
  nextArticle: z.nullable(PortalLinkSchema),
});

/** How far a search over the portal has got (lib/portal/types.ts PortalProgress). */
export const PortalProgressSchema = z.object({
  done: z.int().check(z.minimum(0)),
  planned: z.int().check(z.minimum(0)),
  requests: z.int().check(z.minimum(0)),
});

/** Why last year's report was not found, said to the reader as it is. */
export const NotFoundReasonSchema = z.enum([
  'not-listed',
  'ambiguous',
  'mismatch',
  'unreadable',
  'cancelled',
  'limit',
]);
export type NotFoundReason = z.infer<typeof NotFoundReasonSchema>;

/** The candidates a reader may choose from ("not this one", or several alike). */
const CandidatesSchema = z.array(PortalLinkSchema).check(z.maxLength(50));

/**
 * background → content script: the answer to `findPreviousYear`. Found, the
 * report's checks again with last year's (`checked`), and which report that
 * was; not found, why, with the candidates met; `skipped` when nothing was
 * looked for (setting off, last year's already in history, no identity).
 */
export const PreviousSearchSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('found'),
    checked: CheckedSchema,
    compared: z.object({ url: Url, title: z.string().check(z.maxLength(LIMITS.textLength)) }),
    candidates: CandidatesSchema,
    requests: z.int().check(z.minimum(0)),
  }),
  z.object({
    outcome: z.literal('notFound'),
    reason: NotFoundReasonSchema,
    candidates: CandidatesSchema,
    requests: z.int().check(z.minimum(0)),
  }),
  z.object({
    outcome: z.literal('skipped'),
    why: z.enum(['off', 'hasPrevious', 'noIdentity', 'busy']),
  }),
]);
export type PreviousSearch = z.infer<typeof PreviousSearchSchema>;

/** The report a search is for: its address (the sender's, as the browser gave it), agency and year. */
export const CurrentReportSchema = z.object({
  url: Url,
  agency: z.string().check(z.minLength(1), z.maxLength(LIMITS.textLength)),
  year: z.int().check(z.minimum(1900), z.maximum(2200)),
});

/** background → the DOM context: one search (lib/portal/portal-search.ts PortalSearchRequest). */
export const PortalSearchRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('find'), current: CurrentReportSchema, links: PageLinksSchema }),
  z.object({
    kind: z.literal('open'),
    current: CurrentReportSchema,
    url: Url,
    candidates: CandidatesSchema,
  }),
]);

/** The DOM context → background: what the search came to (PortalSearchResult). */
export const PortalSearchResultSchema = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(true),
    url: Url,
    title: z.string().check(z.maxLength(LIMITS.textLength)),
    source: z.enum(['html', 'pdf']),
    report: ReportSchema,
    candidates: CandidatesSchema,
    requests: z.int().check(z.minimum(0)),
  }),
  z.object({
    found: z.literal(false),
    reason: NotFoundReasonSchema,
    candidates: CandidatesSchema,
    requests: z.int().check(z.minimum(0)),
  }),
]);

/** A search's id, for its progress and its cancel. */
export const SearchIdSchema = z.string().check(z.minLength(1), z.maxLength(100));

/** An answer that says only that the message arrived. */
export const NotedSchema = z.object({ noted: z.boolean() });

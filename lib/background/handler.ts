/**
 * The background worker's message handler, with everything it touches passed
 * in (store, settings, badge, locale files), so that it runs in Node tests and
 * holds no state of its own: an MV3 worker stopped between two messages loses
 * nothing, and a message handled twice stores the same record twice in place.
 */
import { runChecks } from '../checks/run';
import { createReceiver } from '../messaging/channel';
import {
  type Captured,
  type Checked,
  type HistoryListing,
  LIMITS,
  type Loaded,
  type LocaleMessages,
  languageOfSetting,
  type Opened,
  type Prepared,
  type Refused,
  type Settings,
  type UiLanguage,
} from '../messaging/protocol';
import type { HistoryRecord } from '../model/history';
import type { Finding, Report } from '../model/report';
import { isGovCnPdfAddress } from '../page/pdf-links';
import { portalOfUrl } from '../page/portal';
import type { SearchRunner } from '../portal/portal-search';
import type { PortalProgress } from '../portal/types';
import { DEFAULT_SETTINGS } from '../settings';
import { governmentComparison } from './government-comparison';
import { type HistoryStore, isHistoryUnavailable, recordId } from './history-store';
import { createPreviousSearch } from './previous-search';
import {
  type ExtensionIdentity,
  isGovCnPage,
  isOwnContentScript,
  isOwnExtensionPage,
  isSentBy,
  type SenderInfo,
} from './sender-policy';

/** Where a script goes: one frame of a tab, and the document that asked when known. */
export interface InjectionTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/** The tab a page is opened beside: the sender's, as the browser names it. */
export interface NextTo {
  tabId: number;
  windowId?: number;
  /** The sender tab's position in its window; the new tab goes right after it. */
  index?: number;
}

/** What the toolbar button shows for a tab. */
export interface Badge {
  text: string;
  /** Background colour; '' when there is nothing to show. */
  color: string;
  errors: number;
  warnings: number;
}

export const BADGE_COLORS = { error: '#c5221f', warning: '#e37400' } as const;

/** Errors in red; warnings in orange when there are no errors; nothing otherwise. */
export function badgeFor(findings: readonly Finding[]): Badge {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  // The badge has room for about four characters.
  const count = (n: number) => (n > 999 ? '999+' : String(n));
  if (errors > 0) return { text: count(errors), color: BADGE_COLORS.error, errors, warnings };
  if (warnings > 0) return { text: count(warnings), color: BADGE_COLORS.warning, errors, warnings };
  return { text: '', color: '', errors, warnings };
}

export interface BackgroundDeps {
  self: ExtensionIdentity;
  store: HistoryStore;
  readSettings(): Promise<Settings>;
  showBadge(tabId: number, badge: Badge): Promise<void>;
  loadLocale(language: UiLanguage): Promise<LocaleMessages>;
  /** The browser's UI language (`i18n.getUILanguage()`), for the 'auto' language setting. */
  uiLanguage(): string;
  /**
   * Whether the history's storage has room to spare (well below its quota):
   * then a write cannot need pruning, and the page is answered without
   * waiting for it. False when unknown.
   */
  storageHasRoom(): Promise<boolean>;
  /** Runs the workbook writer's script in one frame of a tab, beside the content script. */
  injectWorkbookWriter(tabId: number, frameId: number): Promise<void>;
  /** `tabs.captureVisibleTab` of a window, as a PNG data URL. */
  captureVisibleTab(windowId: number): Promise<string>;
  /**
   * Runs the analyser's script in the content script's isolated world of one
   * document: the frame's, and where the browser names the document
   * (Chrome's `documentId`), that document only, so that a frame that has
   * navigated since it asked does not get it.
   */
  injectAnalyser(target: InjectionTarget): Promise<void>;
  /**
   * Opens the extension's PDF page (`pdf-report.html?url=…`) on a PDF's
   * address in a new, active tab beside `nextTo`.
   */
  openPdfPage(pdfUrl: string, nextTo: NextTo): Promise<void>;
  /** Opens the column audit page (`audit.html?url=…`) on a listing's address beside `nextTo`. */
  openAuditPage(listingUrl: string, nextTo: NextTo): Promise<void>;
  /**
   * Runs work the answer does not wait for once the answer has gone: the
   * badge, and the history write when storage has room (by default a task
   * after this one, by when the answer's response has been posted).
   */
  afterAnswer?(work: () => void): void;
  /**
   * Runs a search for last year's report in the extension's DOM context
   * (lib/portal/portal-search.ts): Firefox's background page itself, or
   * Chrome's offscreen document through ./offscreen-bridge.ts.
   */
  searchPortal?: SearchRunner;
  /** Sends a search's progress to the frame that asked (`previousYearProgress`). */
  sendSearchProgress?(tabId: number, frameId: number, progress: PortalProgress): void;
  /** The offscreen document's progress of search `id` (Chrome); absent where the search runs here. */
  searchProgress?(id: string, progress: PortalProgress): void;
  /** The time a visit is recorded with. */
  now(): Date;
  warn(...details: unknown[]): void;
}

/**
 * The listener for `runtime.onMessage`: the answer's promise, or undefined
 * for a message dropped (malformed, or from a sender the message table does
 * not let send it).
 */
export type BackgroundHandler = (
  message: unknown,
  sender: SenderInfo,
) => Promise<unknown> | undefined;

/**
 * A report message from the extension's own content script that its schema
 * refused: beyond LIMITS (the schema carries them, lib/model/report.ts), or not a
 * report at all. The content script is told which, so that its page says the
 * report was not checked instead of showing no findings.
 */
function refusal(message: unknown, issues: readonly { code: string }[]): Refused | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  if (type !== 'analysed' && type !== 'analysedPdf' && type !== 'auditedReport') return null;
  return { refused: issues.some((issue) => issue.code === 'too_big') ? 'tooLarge' : 'invalid' };
}

interface Reads {
  previous: HistoryRecord | null;
  /** The database could not be opened: nothing can be read or stored. */
  historyUnavailable: boolean;
  settings: Settings;
  roomy: boolean;
}

/** Frames whose early reads are kept at once: more than the tabs a journalist loads together. */
const MAX_PREPARED = 32;

/**
 * The history's key of a report, or null when it has no place in it: without
 * an agency, a year, or a portal. The portal is that of the frame the
 * browser says the message came from, never one the page names: a page on
 * another portal naming this agency and year is another record.
 */
function keyOf(
  sender: SenderInfo,
  agency: string,
  year: number | null,
): { portal: string; agency: string; year: number } | null {
  const portal = portalOfUrl(sender.url);
  return portal !== null && agency !== '' && year !== null ? { portal, agency, year } : null;
}

type Key = NonNullable<ReturnType<typeof keyOf>>;

export function createBackgroundHandler(deps: BackgroundDeps): BackgroundHandler {
  const { store } = deps;

  /** Last year's report of the same portal and agency, and whether the history could be opened at all. */
  async function readPrevious(
    key: Key | null,
  ): Promise<{ previous: HistoryRecord | null; historyUnavailable: boolean }> {
    if (!key) return { previous: null, historyUnavailable: false };
    try {
      return {
        previous: await store.get(key.portal, key.agency, key.year - 1),
        historyUnavailable: false,
      };
    } catch (error) {
      deps.warn('OGI Lens: history could not be read', error);
      return { previous: null, historyUnavailable: isHistoryUnavailable(error) };
    }
  }

  /**
   * What answering a report needs read: last year's report, the settings,
   * whether storage has room. Independent, so side by side.
   */
  async function readsFor(
    key: Key | null,
    settingsRead: Promise<Settings> = readSettingsOrDefaults(),
  ): Promise<Reads> {
    const [read, settings, roomy] = await Promise.all([
      readPrevious(key),
      settingsRead,
      deps.storageHasRoom().catch(() => false),
    ]);
    return { ...read, settings, roomy };
  }

  function readSettingsOrDefaults(): Promise<Settings> {
    return deps.readSettings().catch(() => DEFAULT_SETTINGS);
  }

  /** The settings and the strings of the language they choose, for the page's panel; no strings when unreadable. */
  async function uiFor(settings: Settings): Promise<Prepared['ui']> {
    const language = languageOfSetting(settings.language, deps.uiLanguage);
    const messages = await deps.loadLocale(language).catch((error: unknown) => {
      deps.warn('OGI Lens: strings could not be read', error);
      return null;
    });
    return messages ? { settings, language, messages } : undefined;
  }

  /**
   * Reads started by `prepare`, by the frame that asked. Only an
   * optimisation: a worker stopped in between, or an identity that turned out
   * different, reads afresh. Bounded, for pages that prepared and went away.
   */
  const preparing = new Map<
    string,
    { portal: string | null; agency: string; year: number | null; reads: Promise<Reads> }
  >();
  const frameOf = (sender: SenderInfo) => `${sender.tab?.id}/${sender.frameId ?? 0}`;

  async function prepare(
    agency: string,
    year: number | null,
    sender: SenderInfo,
  ): Promise<Prepared> {
    const frame = frameOf(sender);
    preparing.delete(frame);
    if (preparing.size >= MAX_PREPARED) {
      const oldest = preparing.keys().next().value;
      if (oldest !== undefined) preparing.delete(oldest);
    }
    const settings = readSettingsOrDefaults();
    const portal = portalOfUrl(sender.url);
    preparing.set(frame, {
      portal,
      agency,
      year,
      reads: readsFor(keyOf(sender, agency, year), settings),
    });
    const ui = await uiFor(await settings);
    return ui ? { prepared: true, ui } : { prepared: true };
  }

  function takePrepared(sender: SenderInfo, agency: string, year: number | null) {
    const frame = frameOf(sender);
    const ready = preparing.get(frame);
    preparing.delete(frame);
    // A frame that went to another portal since it prepared reads afresh.
    return ready &&
      ready.portal === portalOfUrl(sender.url) &&
      ready.agency === agency &&
      ready.year === year
      ? ready.reads
      : null;
  }

  const afterAnswer = deps.afterAnswer ?? ((work: () => void) => setTimeout(work, 0));

  /**
   * The address a report is kept under: the page's own when it is on the
   * sender's portal (the v3 migration and the options page read the portal
   * from it), else the frame's as the browser gave it.
   */
  function keptUrl(report: Report, key: Key, sender: SenderInfo): string {
    return isGovCnPage(report.url) && portalOfUrl(report.url) === key.portal
      ? report.url
      : (sender.url ?? report.url);
  }

  /**
   * @param compareDepartments whether a government's report is set beside its
   *   departments' in the history (the report's own page; the audit page
   *   makes that comparison itself, over the whole column)
   */
  async function analyse(
    report: Report,
    sender: SenderInfo,
    { compareDepartments }: { compareDepartments: boolean },
  ): Promise<Checked> {
    const { agency, year } = report.identity;
    const key = keyOf(sender, agency, year);
    const prepared = takePrepared(sender, agency, year);
    // Read beside last year's report, not after it; a government's report only.
    const comparison =
      key && compareDepartments
        ? governmentComparison(
            store,
            { report, ...key, url: keptUrl(report, key, sender) },
            deps.warn,
          )
        : Promise.resolve([]);
    const [{ previous, historyUnavailable, settings, roomy }, hierarchy] = await Promise.all([
      prepared ?? readsFor(key),
      comparison,
    ]);
    const disabled = new Set(settings.disabledFamilies);
    const ownFindings = runChecks(report, previous?.report ?? null, { disabled });
    // The comparison is a cross-table info of the page: its family can be switched off like any.
    const context = hierarchy.filter((finding) => !disabled.has(finding.family));
    const findings = [...ownFindings, ...context].slice(0, LIMITS.findings);

    const tabId = sender.tab?.id;
    const showBadge = () => {
      if (tabId === undefined) return;
      deps.showBadge(tabId, badgeFor(findings)).catch((error: unknown) => {
        deps.warn('OGI Lens: badge could not be set', error);
      });
    };
    const checked: Checked = {
      findings,
      previous: previous
        ? {
            year: previous.year,
            url: previous.url,
            title: previous.report.identity.title,
            seenAt: previous.seenAt,
            agency: previous.agency,
            values: previous.report.values,
          }
        : null,
      // The page says that it was not compared with last year's nor kept, rather than nothing.
      ...(historyUnavailable ? { historyUnavailable: true as const } : {}),
      // Last year's may be on the portal: the page may ask for it to be looked for.
      ...(key && !previous && !historyUnavailable && settings.findPreviousYear && deps.searchPortal
        ? { mayFindPrevious: true as const }
        : {}),
    };
    // Neither the badge nor, with room to spare, the history write holds the
    // answer back: even their synchronous parts (the badge's title, cloning
    // the report into IndexedDB) cost the page a few milliseconds of waiting.
    // A database that could not be opened is not written to either: the
    // write would fail the same way.
    if (!key || historyUnavailable) {
      afterAnswer(showBadge);
      return checked;
    }
    const url = keptUrl(report, key, sender);
    const storeThisVisit = () =>
      storeVisit({
        id: recordId(key.portal, key.agency, key.year),
        portal: key.portal,
        agency: key.agency,
        year: key.year,
        url,
        seenAt: deps.now().toISOString(),
        report,
        // The report's own findings: the comparison depends on which other
        // reports the history holds at the moment, and is made afresh each visit.
        findings: ownFindings.slice(0, LIMITS.findings),
      });
    // With room to spare nothing can be pruned, so the page need not wait for
    // the write (in Chromium the largest part of the answer's time). Near the
    // quota it waits, to say which reports went.
    if (roomy) {
      afterAnswer(() => {
        showBadge();
        void storeThisVisit();
      });
      return checked;
    }
    showBadge();
    const pruned = await storeThisVisit();
    // Only when it happened: the page tells the user that older reports went.
    return pruned > 0 ? { ...checked, pruned } : checked;
  }

  /** Stores a visit; resolves to how many older reports were pruned for it (0 when the write failed). */
  async function storeVisit(record: HistoryRecord): Promise<number> {
    // The page gets its findings even when storage fails (quota, private mode).
    const pruned = await store.put(record).then(
      (outcome) => outcome.pruned,
      (error: unknown) => {
        deps.warn('OGI Lens: report could not be stored', error);
        return 0;
      },
    );
    if (pruned > 0) {
      deps.warn(`OGI Lens: storage full, pruned the ${pruned} least recently seen reports`);
    }
    return pruned;
  }

  /**
   * Makes a change, then answers with the list. A database that cannot be
   * opened is answered as such, for the options page to show (other
   * failures stay failures).
   */
  async function listing(change: () => Promise<void>): Promise<HistoryListing> {
    try {
      await change();
      return { available: true, entries: await store.list() };
    } catch (error) {
      if (!isHistoryUnavailable(error)) throw error;
      deps.warn('OGI Lens: history unavailable', error);
      return { available: false, reason: error.reason, detail: error.detail.slice(0, 2000) };
    }
  }

  async function loadWorkbookWriter(sender: SenderInfo): Promise<Loaded> {
    // mayReceive has checked that a content script in a tab sent it.
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('No tab to load the workbook writer into.');
    await deps.injectWorkbookWriter(tabId, sender.frameId ?? 0);
    return { loaded: true };
  }

  /**
   * The capture is of the window's active tab, whichever tab asked, and its
   * pixels are of the top frame's viewport: so only the top frame of the
   * active tab may ask (a background tab would get another page's image).
   */
  async function captureTab(sender: SenderInfo): Promise<Captured> {
    const tab = sender.tab;
    if (tab?.windowId === undefined || tab.active !== true)
      throw new Error('Only the active tab can be captured.');
    if ((sender.frameId ?? 0) !== 0) throw new Error('Only the top frame can be captured.');
    return { dataUrl: await deps.captureVisibleTab(tab.windowId) };
  }

  /**
   * The analyser goes only where this extension's content script asked from
   * a .gov.cn tab (mayReceive, lib/background/sender-policy.ts), into the
   * frame and document the browser says asked: never one the message names.
   */
  async function loadAnalyser(sender: SenderInfo): Promise<Loaded> {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('No tab to load the analyser into.');
    const { documentId } = sender;
    await deps.injectAnalyser({
      tabId,
      frameId: sender.frameId ?? 0,
      ...(documentId === undefined ? {} : { documentId }),
    });
    return { loaded: true };
  }

  /**
   * The in-page 「检查附件 PDF」: a page is hostile, and so is an address it
   * put in a link, so the address must name a PDF on .gov.cn and belong to
   * the portal of the tab that asked — the tab's and the frame's addresses
   * as the browser gives them, never anything the message says. Anything
   * else is refused, and nothing is opened.
   */
  /**
   * Where an extension page asked for from a page opens: beside the tab
   * that asked, and only for an address of the kind asked for on the portal
   * of that tab and frame as the browser names them (never as the message
   * says). Throws the refusal's words otherwise: nothing is opened.
   */
  function besideSenderOnItsPortal(
    url: string,
    sender: SenderInfo,
    rule: {
      noTab: string;
      notAddress: string;
      otherPortal: string;
      isAddress(url: string): boolean;
    },
  ): NextTo {
    const tab = sender.tab;
    if (tab?.id === undefined) throw new Error(rule.noTab);
    if (!rule.isAddress(url)) throw new Error(rule.notAddress);
    const portal = portalOfUrl(url);
    if (portal === null || portal !== portalOfUrl(tab.url) || portal !== portalOfUrl(sender.url)) {
      throw new Error(rule.otherPortal);
    }
    return {
      tabId: tab.id,
      ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
      ...(tab.index === undefined ? {} : { index: tab.index }),
    };
  }

  async function openPdfReport(url: string, sender: SenderInfo): Promise<Opened> {
    const nextTo = besideSenderOnItsPortal(url, sender, {
      noTab: 'No tab to open the PDF page beside.',
      notAddress: 'Only a PDF on a .gov.cn portal can be checked.',
      otherPortal: "Only a PDF on the page's own portal can be checked from the page.",
      isAddress: isGovCnPdfAddress,
    });
    await deps.openPdfPage(url, nextTo);
    return { opened: true };
  }

  /**
   * The in-page 「核查本栏目全部年报」: the listing must be the page of the
   * tab that asked, on .gov.cn — its portal as the browser names the tab and
   * the frame, never as the message says.
   */
  async function openColumnAudit(url: string, sender: SenderInfo): Promise<Opened> {
    const nextTo = besideSenderOnItsPortal(url, sender, {
      noTab: 'No tab to open the audit page beside.',
      notAddress: 'Only a column on a .gov.cn portal can be audited.',
      otherPortal: "Only a column on the page's own portal can be audited from the page.",
      isAddress: isGovCnPage,
    });
    await deps.openAuditPage(url, nextTo);
    return { opened: true };
  }

  /** The history's records of a portal, for the audit page; none when it cannot be read. */
  async function portalHistory(portal: string): Promise<HistoryRecord[]> {
    try {
      return await store.portal(portal);
    } catch (error) {
      deps.warn('OGI Lens: history could not be read', error);
      return [];
    }
  }
  const previousSearch = createPreviousSearch({
    search:
      deps.searchPortal ??
      (() => Promise.resolve({ found: false, reason: 'unreadable', candidates: [], requests: 0 })),
    sendProgress: deps.sendSearchProgress ?? (() => undefined),
    readPrevious: (portal, agency, year) => store.get(portal, agency, year),
    storeVisit,
    besideDepartments: (report, key) => governmentComparison(store, { report, ...key }, deps.warn),
    readSettings: readSettingsOrDefaults,
    onFindings: (tabId, findings) => {
      if (tabId === undefined) return;
      deps.showBadge(tabId, badgeFor(findings)).catch((error: unknown) => {
        deps.warn('OGI Lens: badge could not be set', error);
      });
    },
    now: deps.now,
  });

  return createReceiver({
    to: 'background',
    handlers: {
      findPreviousYear: (request, sender) => previousSearch.find(request, sender),
      cancelPreviousYear: (_request, sender) =>
        Promise.resolve({ noted: previousSearch.cancel(sender) }),
      portalSearchProgress: (request) => {
        deps.searchProgress?.(request.id, request.progress);
        return Promise.resolve({ noted: deps.searchProgress !== undefined });
      },
      analysed: (request, sender) => analyse(request.report, sender, { compareDepartments: true }),
      prepare: (request, sender) => prepare(request.agency, request.year, sender),
      // The PDF's own address stands for the page's: its portal keys the history.
      analysedPdf: (request, sender) => {
        if (!isGovCnPage(request.url)) throw new Error('A PDF is read from a .gov.cn portal only.');
        return analyse(
          request.report,
          { ...sender, url: request.url },
          { compareDepartments: true },
        );
      },
      // Kept under the portal of the address it was fetched from; no tab's badge is touched.
      auditedReport: (request, sender) => {
        if (!isGovCnPage(request.url))
          throw new Error('A report is read from a .gov.cn portal only.');
        const { tab: _tab, ...page } = sender;
        return analyse(
          request.report,
          { ...page, url: request.url },
          { compareDepartments: false },
        );
      },
      portalHistory: (request) => portalHistory(request.portal),
      openColumnAudit: (request, sender) => openColumnAudit(request.url, sender),
      listHistory: () => listing(() => Promise.resolve()),
      deleteHistory: (request) => listing(() => store.delete(request.id)),
      // Deletes the database when it cannot be opened: the way out of a newer version's.
      clearHistory: () => listing(() => store.clear()),
      exportHistory: () => store.exportAll(),
      getLocale: (request) => deps.loadLocale(request.language),
      loadWorkbookWriter: (_request, sender) => loadWorkbookWriter(sender),
      loadAnalyser: (_request, sender) => loadAnalyser(sender),
      captureTab: (_request, sender) => captureTab(sender),
      openPdfReport: (request, sender) => openPdfReport(request.url, sender),
    },
    // Who sent it is what the browser says, never what the message claims.
    mayReceive: (from, sender) => isSentBy(from, sender, deps.self),
    onMalformed: (message, issues, sender) => {
      const refused = refusal(message, issues);
      // Each report message is answered only to the party that may send it.
      const told =
        (message as { type?: unknown }).type === 'analysed'
          ? isOwnContentScript(sender, deps.self)
          : isOwnExtensionPage(sender, deps.self);
      if (refused && told) {
        deps.warn(`OGI Lens: refused a report (${refused.refused}) from`, sender.url);
        return Promise.resolve(refused);
      }
      deps.warn('OGI Lens: refused a malformed message from', sender.url);
      return undefined;
    },
    onDisallowed: (name, sender) => deps.warn(`OGI Lens: refused "${name}" from`, sender.url),
  });
}

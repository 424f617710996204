/**
 * The background worker's message handler, with everything it touches passed
 * in (store, settings, badge, locale files), so that it runs in Node tests and
 * holds no state of its own: an MV3 worker stopped between two messages loses
 * nothing, and a message handled twice stores the same record twice in place.
 */
import { runChecks } from './checks/run';
import { type HistoryRecord, type HistoryStore, recordId } from './history-store';
import type { Finding, Report } from './model';
import {
  type BackgroundRequest,
  BackgroundRequestSchema,
  type Checked,
  type HistoryEntry,
  LIMITS,
  type LocaleMessages,
  type Settings,
  type UiLanguage,
} from './protocol';
import {
  type ExtensionIdentity,
  isGovCnPage,
  isOwnContentScript,
  isOwnExtensionPage,
  type SenderInfo,
} from './sender';
import { DEFAULT_SETTINGS } from './settings';

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
  /** Runs the workbook writer's script in one frame of a tab, beside the content script. */
  injectWorkbookWriter(tabId: number, frameId: number): Promise<void>;
  /** The time a visit is recorded with. */
  now(): Date;
  warn(...details: unknown[]): void;
}

export type BackgroundHandler = (
  message: unknown,
  sender: SenderInfo,
) =>
  | Promise<Checked | HistoryEntry[] | HistoryRecord[] | LocaleMessages | WriterLoaded>
  | undefined;

/** The answer to `loadWorkbookWriter`: the writer is now in the sender's frame. */
export interface WriterLoaded {
  loaded: true;
}

/** Which senders may ask what: analysis and locales from the content script, the rest from the extension's pages. */
function isAllowed(request: BackgroundRequest, sender: SenderInfo, self: ExtensionIdentity) {
  switch (request.type) {
    case 'analysed':
      return isOwnContentScript(sender, self);
    case 'getLocale':
      return isOwnContentScript(sender, self) || isOwnExtensionPage(sender, self);
    case 'loadWorkbookWriter':
      return isOwnContentScript(sender, self);
    default:
      return isOwnExtensionPage(sender, self);
  }
}

/** A report too large for any real page: a forged or runaway message, kept out of storage. */
function exceedsLimits(report: Report): boolean {
  const tooLong = (text: string | undefined) => (text?.length ?? 0) > LIMITS.textLength;
  const { identity } = report;
  return (
    report.tables.length > LIMITS.tables ||
    report.claims.length > LIMITS.claims ||
    (report.oversizedTables?.length ?? 0) > LIMITS.tables ||
    tooLong(identity.title) ||
    tooLong(identity.agency) ||
    report.tables.some(
      (table) =>
        table.cells.length > LIMITS.cellsPerTable ||
        tooLong(table.title) ||
        table.cells.some((cell) => tooLong(cell.text)),
    ) ||
    report.claims.some((claim) => tooLong(claim.sentence) || tooLong(claim.raw))
  );
}

export function createBackgroundHandler(deps: BackgroundDeps): BackgroundHandler {
  const { store } = deps;

  async function analyse(report: Report, sender: SenderInfo): Promise<Checked> {
    const { agency, year } = report.identity;
    // Without an agency and a year the report has no place in the history.
    const keyed = agency !== '' && year !== null;
    // Independent reads, side by side: the page is waiting for the answer.
    const [previous, settings] = await Promise.all([
      keyed
        ? store.get(agency, year - 1).catch((error: unknown) => {
            deps.warn('OGI Lens: history could not be read', error);
            return null;
          })
        : null,
      deps.readSettings().catch(() => DEFAULT_SETTINGS),
    ]);
    const findings = runChecks(report, previous?.report ?? null, {
      disabled: new Set(settings.disabledFamilies),
    }).slice(0, LIMITS.findings);

    // The badge does not hold the answer back (the page does not need it); it is set meanwhile.
    const tabId = sender.tab?.id;
    if (tabId !== undefined) {
      deps.showBadge(tabId, badgeFor(findings)).catch((error: unknown) => {
        deps.warn('OGI Lens: badge could not be set', error);
      });
    }
    let pruned = 0;
    if (keyed) {
      const url = isGovCnPage(report.url) ? report.url : (sender.url ?? report.url);
      const record: HistoryRecord = {
        id: recordId(agency, year),
        agency,
        year,
        url,
        seenAt: deps.now().toISOString(),
        report,
        findings,
      };
      // The page gets its findings even when storage fails (quota, private mode).
      pruned = await store.put(record).then(
        (outcome) => outcome.pruned,
        (error: unknown) => {
          deps.warn('OGI Lens: report could not be stored', error);
          return 0;
        },
      );
      if (pruned > 0) {
        deps.warn(`OGI Lens: storage full, pruned the ${pruned} least recently seen reports`);
      }
    }
    return {
      findings,
      previous: previous
        ? {
            year: previous.year,
            url: previous.url,
            seenAt: previous.seenAt,
            values: previous.report.values,
          }
        : null,
      // Only when it happened: the page tells the user that older reports went.
      ...(pruned > 0 ? { pruned } : {}),
    };
  }

  async function loadWorkbookWriter(sender: SenderInfo): Promise<WriterLoaded> {
    // isAllowed has checked that a content script in a tab sent it.
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('No tab to load the workbook writer into.');
    await deps.injectWorkbookWriter(tabId, sender.frameId ?? 0);
    return { loaded: true };
  }

  function handle(request: BackgroundRequest, sender: SenderInfo) {
    switch (request.type) {
      case 'analysed':
        return analyse(request.report, sender);
      case 'listHistory':
        return store.list();
      case 'deleteHistory':
        return store.delete(request.id).then(() => store.list());
      case 'clearHistory':
        return store.clear().then(() => store.list());
      case 'exportHistory':
        return store.exportAll();
      case 'getLocale':
        return deps.loadLocale(request.language);
      case 'loadWorkbookWriter':
        return loadWorkbookWriter(sender);
    }
  }

  return (message, sender) => {
    const parsed = BackgroundRequestSchema.safeParse(message);
    if (!parsed.success) {
      deps.warn('OGI Lens: refused a malformed message from', sender.url);
      return undefined;
    }
    const request = parsed.data;
    if (!isAllowed(request, sender, deps.self)) {
      deps.warn(`OGI Lens: refused "${request.type}" from`, sender.url);
      return undefined;
    }
    if (request.type === 'analysed' && exceedsLimits(request.report)) {
      deps.warn('OGI Lens: refused an oversized report from', sender.url);
      return undefined;
    }
    return handle(request, sender);
  };
}

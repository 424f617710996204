/**
 * The popup: the current tab's page as its content script describes it
 * (`getPageState`), and the export it runs there (`exportReport`). The tabs,
 * the way to a tab's content script and storage come in from
 * entrypoints/popup/main.tsx.
 */
import { render } from 'preact';
import { isAuditableColumn } from '../lib/background/listing-bar';
import { isGovCnPage } from '../lib/background/sender-policy';
import { findingCitation } from '../lib/export/citation';
import type { ExportFormat, ExportOutcome } from '../lib/export/types';
import { AnswerError, type Asker } from '../lib/messaging/channel';
import { PageStateSchema, type PanelHide, type Settings } from '../lib/messaging/protocol';
import { isGovCnPdfAddress } from '../lib/page/pdf-links';
import { hidesOf, withoutHide } from '../lib/panel-prefs';
import {
  DEFAULT_SETTINGS,
  readSettings,
  type SettingsArea,
  saveExportFormat,
  updateSettings,
} from '../lib/settings';
import type { ExportMenuProps } from './ExportMenu';
import { type FindingActionsApi, FindingActionsContext } from './FindingActions';
import { loadTranslator, type Translate, type Translator, t } from './i18n';
import { type PanelHides, type PopupState, PopupView } from './PopupView';

/** A tab as `tabs.query` describes it. */
interface TabInfo {
  id?: number;
  url?: string;
}

export interface PopupPageDeps {
  /** The element the popup renders into. */
  app: HTMLElement;
  /** The popup's own document (its language follows the strings'). */
  doc: Document;
  /** The popup's query string (`?tab=ID` or `?url=ADDRESS` when opened as a page). */
  search: string;
  /** `browser.tabs.query`. */
  queryTabs(query: { active?: boolean; currentWindow?: boolean }): Promise<TabInfo[]>;
  /** Asks the content script of one tab (`tabs.sendMessage` bound to it). */
  askTab(tabId: number): Asker<'extensionPage', 'contentScript'>;
  /**
   * The page's state as the tab's content script left it in its isolated
   * world (lib/content/page-state-slot.ts, through `scripting.executeScript`):
   * a page that is not a report does not listen for messages. Rejects, or
   * gives null, where no content script of the extension ran.
   */
  readPageState(tabId: number): Promise<unknown>;
  /** `browser.storage.local`. */
  storage: SettingsArea;
  /** Opens the extension's PDF page (entrypoints/pdf-report/) on a PDF's address, in a new tab. */
  openPdfPage?(pdfUrl: string): void;
  /** Opens the column audit page (entrypoints/audit/) on a listing's address, in a new tab. */
  openAuditPage?(listingUrl: string): void;
}

const PENDING_RETRY_MS = 300;
const PENDING_RETRIES = 30;

export async function startPopupPage(deps: PopupPageDeps): Promise<void> {
  /** Until the chosen language is loaded, the browser's own i18n speaks. */
  let translate: Translator = Object.assign<Translate, Pick<Translator, 'language'>>(
    (key, ...subs) => t(key, ...subs),
    { language: 'zh_CN' },
  );
  let exportMenu: Omit<ExportMenuProps, 't'> | undefined;
  let shown: PopupState = { kind: 'loading' };
  let hides: PanelHides | undefined;
  /** The tab's column, when it is a listing on .gov.cn: what 「核查本栏目全部年报」 audits. */
  let column: string | undefined;
  /** Whether 「核查本栏目全部年报」 shows as a bar on the column pages themselves (setting `listingBar`). */
  let listingBar = DEFAULT_SETTINGS.listingBar;
  const changeListingBar = (on: boolean): void => {
    listingBar = on;
    show(shown);
    updateSettings(deps.storage, (current) => ({ ...current, listingBar: on })).catch(
      (error: unknown) => console.warn('[OGI Lens] could not save the setting:', error),
    );
  };
  /** Copy as citation under each finding; no evidence image here: the popup is not the page. */
  const findingActions = (state: PopupState): FindingActionsApi | null =>
    state.kind === 'report'
      ? {
          citation: (finding) =>
            findingCitation({
              report: state.report,
              finding,
              previous: state.previous,
              // A content script from before this version does not say; the popup reads it now.
              retrievedAt: state.retrievedAt ?? new Date().toISOString(),
              language: translate.language === 'en' ? 'en' : 'zh',
            }),
        }
      : null;
  const show = (state: PopupState) => {
    shown = state;
    render(
      <FindingActionsContext.Provider value={findingActions(state)}>
        <PopupView
          state={state}
          language={translate.language}
          exportMenu={exportMenu}
          panelHides={hides}
          onCheckPdf={deps.openPdfPage}
          {...(column && deps.openAuditPage
            ? {
                onAuditColumn: () => deps.openAuditPage?.(column as string),
                listingBar: { on: listingBar, onChange: changeListingBar },
              }
            : {})}
          t={translate}
        />
      </FindingActionsContext.Provider>,
      deps.app,
    );
  };

  /** The hides that keep the panel off the tab's report, each with its way back. */
  const hidesFor = (settings: Settings, url: string | undefined, state: PopupState) => {
    if (!url || state.kind !== 'report') return undefined;
    const page = { url, agency: state.report.identity.agency };
    const list = hidesOf(settings, page);
    if (list.length === 0) return undefined;
    return {
      hides: list,
      onShowAgain: (hide: PanelHide) => {
        updateSettings(deps.storage, (current) => withoutHide(current, hide))
          .then((next) => {
            hides = hidesFor(next, url, shown);
            show(shown);
          })
          .catch((error: unknown) => console.warn('[OGI Lens] could not save the setting:', error));
      },
    };
  };

  /** The file is built and saved by the tab's content script, in the page: it holds the page's text. */
  const exportFrom = (tabId: number, format: ExportFormat): Promise<ExportOutcome> =>
    deps
      .askTab(tabId)('exportReport', { format })
      .catch(() => ({ ok: false, message: translate('export_noPage') }));

  const rememberExportFormat = (format: ExportFormat): void => {
    saveExportFormat(deps.storage, format).catch((error: unknown) =>
      console.warn('[OGI Lens] could not save the setting:', error),
    );
  };

  /**
   * The tab to report on: the active tab, or — when the popup is opened as a
   * page (tests, a pinned tab) — the one named by ?tab=ID or ?url=ADDRESS.
   */
  const targetTab = async (): Promise<TabInfo | undefined> => {
    const params = new URLSearchParams(deps.search);
    const tab = Number(params.get('tab'));
    if (Number.isInteger(tab) && tab > 0) {
      const tabs = await deps.queryTabs({}).catch((): TabInfo[] => []);
      return tabs.find((candidate) => candidate.id === tab) ?? { id: tab };
    }
    const url = params.get('url');
    if (url) {
      const tabs = await deps.queryTabs({});
      return tabs.find((candidate) => candidate.url === url);
    }
    const [active] = await deps.queryTabs({ active: true, currentWindow: true });
    return active;
  };

  /** The state the content script left in the tab, or noAccess: not a .gov.cn page, or one opened before the extension. */
  const publishedState = async (tabId: number): Promise<PopupState> => {
    const published = await deps.readPageState(tabId).catch(() => null);
    const parsed = PageStateSchema.safeParse(published);
    return parsed.success ? parsed.data : { kind: 'noAccess' };
  };

  const load = async (): Promise<void> => {
    translate = await loadTranslator();
    deps.doc.documentElement.lang = translate.language === 'en' ? 'en' : 'zh-CN';
    show({ kind: 'loading' });
    const tab = await targetTab();
    const tabId = tab?.id;
    if (tabId === undefined) return show({ kind: 'noAccess' });
    // The browser's PDF viewer runs no content script and cannot be annotated.
    if (tab && isGovCnPdfAddress(tab.url)) return show({ kind: 'pdf', url: tab.url ?? '' });
    const settings = await readSettings(deps.storage).catch(() => DEFAULT_SETTINGS);
    listingBar = settings.listingBar;
    exportMenu = {
      format: settings.exportFormat,
      onExport: (format) => exportFrom(tabId, format),
      onFormatChange: rememberExportFormat,
    };
    const ask = deps.askTab(tabId);
    for (let attempt = 0; attempt <= PENDING_RETRIES; attempt++) {
      let state: PopupState;
      try {
        state = await ask('getPageState');
      } catch (error) {
        state =
          error instanceof AnswerError
            ? { kind: 'error', message: 'The page answered in an unexpected shape.' }
            : // No listener: a page that is not a report, read where its content script left it.
              await publishedState(tabId);
        // A .gov.cn tab where no content script ran: the browser's viewer on a
        // document served as application/pdf (or a page opened before the
        // extension, which the PDF page then says is not a PDF).
        if (state.kind === 'noAccess' && isGovCnPage(tab?.url)) {
          state = { kind: 'pdf', url: tab?.url ?? '' };
        }
      }
      // The content script ran in the PDF's own document and names it (lib/page/pdf-links.ts).
      const own = state.kind === 'none' ? state.pdfs?.[0] : undefined;
      if (own !== undefined && own === tab?.url) state = { kind: 'pdf', url: own };
      hides = hidesFor(settings, tab?.url, state);
      column = isAuditableColumn(state) && isGovCnPage(tab?.url) ? tab?.url : undefined;
      show(state);
      if (state.kind !== 'pending') return;
      await new Promise((resolve) => setTimeout(resolve, PENDING_RETRY_MS));
    }
  };

  await load().catch((err: unknown) =>
    show({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}

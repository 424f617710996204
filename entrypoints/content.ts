import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  t as browserTranslate,
  languageOf,
  loadTranslator,
  type Translate,
  uiFromPrepared,
} from '../components/i18n';
import { mountPageOverlay } from '../components/PageOverlay';
import { analysePage } from '../lib/content/page-pass';
import { exportFromPage, type ShownReport } from '../lib/export/page-export';
import type { ExportFormat, WorkbookWriter } from '../lib/export/types';
import { publishedWorkbookWriter } from '../lib/export/writer-slot';
import type { ExportOutcome, PageState, Settings } from '../lib/messaging/protocol';
import { parseContentRequest } from '../lib/messaging/protocol';
import { DEFAULT_SETTINGS, readSettings, saveExportFormat, updateSettings } from '../lib/settings';
import { whenPageSettled } from '../lib/steps';

const log = (what: string, error: unknown) => console.warn(`[OGI Lens] ${what}:`, error);

/** The overlay's strings and settings must not hold the page's marker back for long. */
const UI_LOAD_MS = 2_000;

interface PageUi {
  t: Translate;
  settings: Settings | null;
}

function readUi(): Promise<PageUi> {
  return readSettings(browser.storage.local)
    .catch(() => null)
    .then(async (settings) => ({
      t: await loadTranslator(settings ?? undefined).catch((): Translate => browserTranslate),
      settings,
    }));
}

/**
 * The panel's strings and settings: from the background's answer to
 * `prepare` when there is one (it reads them while the page extracts), else
 * read here.
 */
function loadUi(prepared?: Promise<unknown>): Promise<PageUi> {
  const ui = prepared
    ? prepared.then(
        (answer) => uiFromPrepared(answer) ?? readUi(),
        () => readUi(),
      )
    : readUi();
  const fallback = new Promise<PageUi>((resolve) =>
    setTimeout(() => resolve({ t: browserTranslate, settings: null }), UI_LOAD_MS),
  );
  return Promise.race([ui, fallback]);
}

function hidePanelOn(host: string): void {
  updateSettings(browser.storage.local, (current) => ({
    ...current,
    panelHiddenOn: current.panelHiddenOn.includes(host)
      ? current.panelHiddenOn
      : [...current.panelHiddenOn, host],
  })).catch((error: unknown) => log('could not save the setting', error));
}

function rememberExportFormat(format: ExportFormat): void {
  saveExportFormat(browser.storage.local, format).catch((error: unknown) =>
    log('could not save the setting', error),
  );
}

/** The writer is injected by the background into this isolated world on the first workbook export. */
async function loadWorkbookWriter(): Promise<WorkbookWriter> {
  const loaded = publishedWorkbookWriter();
  if (loaded) return loaded;
  await browser.runtime.sendMessage({ type: 'loadWorkbookWriter' });
  const writer = publishedWorkbookWriter();
  if (!writer) throw new Error('The workbook writer could not be loaded.');
  return writer;
}

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    let state: PageState = { kind: 'pending' };
    let shown: ShownReport | null = null;
    let ui: Promise<PageUi> | null = null;
    /** The link count of a page that may list reports, run when the popup first asks. */
    let confirmListing: (() => boolean) | null = null;

    const currentState = (): PageState => {
      if (confirmListing && state.kind === 'none') {
        const isListing = confirmListing;
        confirmListing = null;
        try {
          if (isListing()) state = { kind: 'listing' };
        } catch (error) {
          log('could not count the report links', error);
        }
      }
      return state;
    };

    const exportReport = async (format: ExportFormat): Promise<ExportOutcome> => {
      if (!shown) {
        const { t } = await (ui ?? loadUi());
        return { ok: false, message: t('export_notReady') };
      }
      return exportFromPage(document, format, shown, { loadWorkbookWriter });
    };

    browser.runtime.onMessage.addListener((message: unknown) => {
      const request = parseContentRequest(message);
      if (!request) return undefined;
      if (request.type === 'exportReport') return exportReport(request.format);
      return Promise.resolve(currentState());
    });

    const host = location.hostname;
    // Whatever the page holds, the extension must not throw into it.
    const pass = () =>
      analysePage(document, location.href, {
        check: (report) => {
          const answer = browser.runtime.sendMessage({ type: 'analysed', report });
          ui ??= loadUi();
          return answer;
        },
        prepare: (hint) => {
          const answer = browser.runtime.sendMessage({ type: 'prepare', ...hint });
          answer.catch((error: unknown) => log('could not prepare the background', error));
          // Only a report page needs settings and strings: from its detection on,
          // so that they are there when the background answers.
          ui ??= loadUi(answer);
        },
        deferListing: (isListing) => {
          confirmListing = isListing;
        },
        setState: (next) => {
          confirmListing = null;
          state = next;
          if (next.kind === 'report') {
            const { report, findings, previous } = next;
            shown = { report, findings, previous, retrievedAt: new Date().toISOString() };
          }
        },
        onError: (error) => log('annotation failed', error),
        showOverlay: async (annotation, input) => {
          const { t, settings } = await (ui ?? loadUi());
          mountPageOverlay(input.doc, {
            ...annotation.overlay,
            showPanel: !settings?.panelHiddenOn.includes(host),
            t,
            language: languageOf(t),
            onHideOnSite: () => hidePanelOn(host),
            exportMenu: {
              format: (settings ?? DEFAULT_SETTINGS).exportFormat,
              onExport: exportReport,
              onFormatChange: rememberExportFormat,
            },
          });
        },
      });
    // The page paints and settles first; the analysis then has the cores to itself.
    whenPageSettled(window)
      .then(pass)
      .catch((error: unknown) => {
        state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
        log('analysis failed', error);
      });
  },
});

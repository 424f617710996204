/**
 * The in-page UI of a report page (lib/content/analyser.ts PageUi):
 * the panel's strings and settings, read once per page, and the overlay
 * mounted with them. Storage and the way to the background come in from
 * entrypoints/analyser.ts.
 */
import type { PageUi } from '../lib/content/analyser';
import { findingCitation } from '../lib/export/citation';
import type { ExportFormat } from '../lib/export/types';
import type { Prepared, Settings } from '../lib/messaging/protocol';
import type { Finding } from '../lib/model/report';
import {
  DEFAULT_SETTINGS,
  readSettings,
  type SettingsArea,
  saveExportFormat,
  updateSettings,
} from '../lib/settings';
import {
  t as browserTranslate,
  type LocaleSource,
  languageOf,
  loadTranslator,
  type Translate,
  uiFromPrepared,
} from './i18n';
import { mountPageOverlay } from './PageOverlay';

/** The overlay's strings and settings must not hold the page's marker back for long. */
export const UI_LOAD_MS = 2_000;

interface Loaded {
  t: Translate;
  settings: Settings | null;
}

export interface PageUiDeps {
  /** `browser.storage.local`. */
  storage: SettingsArea;
  /** The `getLocale` message to the background. */
  askLocale: LocaleSource;
  /** The page's host, for "hide the panel on this site". */
  host: string;
  log(what: string, error: unknown): void;
}

export function createPageUi(deps: PageUiDeps): PageUi {
  const { storage, host, log } = deps;

  function read(): Promise<Loaded> {
    return readSettings(storage)
      .catch(() => null)
      .then(async (settings) => ({
        t: await loadTranslator({
          settings: settings ?? undefined,
          askLocale: deps.askLocale,
        }).catch((): Translate => browserTranslate),
        settings,
      }));
  }

  /**
   * From the background's answer to `prepare` when there is one (it reads
   * them while the page extracts), else read here; the browser's own strings
   * when neither comes in time.
   */
  function fetchUi(prepared?: Promise<Prepared>): Promise<Loaded> {
    const ui = prepared
      ? prepared.then(
          (answer) => uiFromPrepared(answer) ?? read(),
          () => read(),
        )
      : read();
    const fallback = new Promise<Loaded>((resolve) =>
      setTimeout(() => resolve({ t: browserTranslate, settings: null }), UI_LOAD_MS),
    );
    return Promise.race([ui, fallback]);
  }

  let loading: Promise<Loaded> | null = null;
  /** The loaded UI, or a fresh read when nothing started one (a page not yet analysed). */
  const current = () => loading ?? fetchUi();

  function hidePanelOnThisSite(): void {
    updateSettings(storage, (settings) => ({
      ...settings,
      panelHiddenOn: settings.panelHiddenOn.includes(host)
        ? settings.panelHiddenOn
        : [...settings.panelHiddenOn, host],
    })).catch((error: unknown) => log('could not save the setting', error));
  }

  function rememberExportFormat(format: ExportFormat): void {
    saveExportFormat(storage, format).catch((error: unknown) =>
      log('could not save the setting', error),
    );
  }

  return {
    load(prepared) {
      loading ??= fetchUi(prepared);
    },
    async notReadyMessage() {
      const { t } = await current();
      return t('export_notReady');
    },
    async show(annotation, input, onExport, evidence) {
      const { t, settings } = await current();
      const language = languageOf(t);
      const { report, findings, previous, targets } = annotation.overlay;
      mountPageOverlay(input.doc, {
        findingActions: {
          citation: (finding) =>
            findingCitation({
              report,
              finding,
              previous,
              retrievedAt: evidence?.retrievedAt() ?? new Date().toISOString(),
              language: language === 'en' ? 'en' : 'zh',
            }),
          saveEvidence: evidence && ((finding) => saveFindingEvidence(finding)),
        },
        ...annotation.overlay,
        showPanel: !settings?.panelHiddenOn.includes(host),
        t,
        language,
        onHideOnSite: hidePanelOnThisSite,
        exportMenu: {
          format: (settings ?? DEFAULT_SETTINGS).exportFormat,
          onExport,
          onFormatChange: rememberExportFormat,
        },
      });

      /** The finding's place on the page (its first marked cell, else its sentence). */
      async function saveFindingEvidence(finding: Finding) {
        const index = findings.indexOf(finding);
        const element = index >= 0 ? targets[index] : null;
        if (!element || !evidence) return { ok: false as const, message: t('cite_noTable') };
        return evidence.save(element, index + 1, t('cite_noCapture'));
      }
    },
  };
}

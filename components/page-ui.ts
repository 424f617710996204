/**
 * The in-page UI of a report page (lib/content/analyser.ts PageUi):
 * the panel's strings and settings, read once per page, and the overlay
 * mounted with them. Storage and the way to the background come in from
 * entrypoints/analyser.ts.
 */
import type { PageUi } from '../lib/content/analyser';
import { findingCitation } from '../lib/export/citation';
import type { ExportFormat } from '../lib/export/types';
import type { PanelHide, Prepared, Settings } from '../lib/messaging/protocol';
import type { Finding } from '../lib/model/report';
import {
  agencyHide,
  isPanelHidden,
  type PanelPage,
  placeOf,
  reportHide,
  withHide,
  withPlace,
} from '../lib/panel-prefs';
import {
  DEFAULT_SETTINGS,
  parseSettings,
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
import { type MountedOverlay, type MountOptions, mountPageOverlay } from './PageOverlay';
import { type MountedPdfBar, mountPdfBar } from './PdfBar';
import type { StoredPlace } from './panel-placement';
import { tablesOf } from './report-layout';

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
  /**
   * The page's address as the browser has it (never what the page says of
   * itself): a hide covers this report or its agency on this portal, and
   * the panel's place is remembered for this origin.
   */
  pageUrl(): string;
  log(what: string, error: unknown): void;
  /**
   * Calls `listener` with the stored settings each time they change
   * (`storage.onChanged`), unparsed: this module validates them.
   */
  watchSettings?(listener: (stored: unknown) => void): void;
}

export function createPageUi(deps: PageUiDeps): PageUi {
  const { storage, log } = deps;

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
  /** The overlay on the page now, and the page its hides are matched against. */
  let shown: { overlay: MountedOverlay; page: PanelPage } | null = null;
  let watching = false;
  /** The bar of a page that attaches its report as PDF, while shown. */
  let bar: MountedPdfBar | null = null;
  /** Bumped by each offer and withdrawal: a bar whose strings arrive after it was withdrawn is not shown. */
  let barTurn = 0;
  /** The loaded UI, or a fresh read when nothing started one (a page not yet analysed). */
  const current = () => loading ?? fetchUi();

  function save(change: (settings: Settings) => Settings): void {
    updateSettings(storage, change).catch((error: unknown) =>
      log('could not save the setting', error),
    );
  }

  function hidePanel(hide: PanelHide | null): void {
    if (hide) save((settings) => withHide(settings, hide));
  }

  function savePlace(origin: string, place: StoredPlace): void {
    save((settings) => withPlace(settings, { origin, ...place }));
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
    async offerPdfs(doc, articleRoot, offer) {
      const turn = ++barTurn;
      const { t } = await current();
      if (turn !== barTurn) return;
      bar?.remove();
      bar = mountPdfBar({ doc, articleRoot, offer, t });
    },
    withdrawPdfs() {
      barTurn++;
      bar?.remove();
      bar = null;
    },
    async show(annotation, input, onExport, evidence, pdfOffer, previousYear) {
      const { t, settings } = await current();
      const language = languageOf(t);
      const { report, findings, previous, targets } = annotation.overlay;
      const url = deps.pageUrl();
      const origin = originOf(url);
      const { identity } = annotation.overlay.report;
      const page: PanelPage = { url, agency: identity.agency };
      const agency = agencyHide(page);
      const stored = settings && origin ? placeOf(settings, origin) : undefined;
      const options: MountOptions = {
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
        showPanel: !settings || !isPanelHidden(settings, page),
        t,
        language,
        layout: { articleRoot: input.articleRoot, tables: tablesOf(input.elements) },
        placement: {
          initial: stored,
          save: (place) => origin && savePlace(origin, place),
        },
        onHideReport: () => hidePanel(reportHide(page, identity.title)),
        onHideAgency: agency ? () => hidePanel(agency) : undefined,
        exportMenu: {
          format: (settings ?? DEFAULT_SETTINGS).exportFormat,
          onExport,
          onFormatChange: rememberExportFormat,
        },
        ...(pdfOffer ? { pdfOffer } : {}),
        ...(previousYear ? { previousYear } : {}),
      };
      // Re-checked (last year's report found on the portal): the overlay shown takes the new
      // findings in place, so the panel stays open or folded as the reader left it.
      const overlay = shown?.overlay ?? mountPageOverlay(input.doc, options);
      if (shown) overlay.update(options);
      shown = { overlay, page };
      if (!watching) {
        watching = true;
        deps.watchSettings?.((stored) => {
          if (shown) shown.overlay.showPanel(!isPanelHidden(parseSettings(stored), shown.page));
        });
      }

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

/** The origin whose pages share a panel place; null for an address that is not a web page. */
function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

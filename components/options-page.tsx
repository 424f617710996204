/**
 * The options page: settings in storage, and the history, which belongs to
 * the background (one owner of the database) and is asked for with the
 * history messages. Storage and the way to the background come in from
 * entrypoints/options/main.tsx.
 */
import { render } from 'preact';
import { historyToCsv, historyToJson } from '../lib/background/history-store';
import type { Asker } from '../lib/messaging/channel';
import type { HistoryListing, PanelHide, Settings } from '../lib/messaging/protocol';
import type { RuleFamily } from '../lib/model/report';
import { withoutHide } from '../lib/panel-prefs';
import { DEFAULT_SETTINGS, readSettings, type SettingsArea, updateSettings } from '../lib/settings';
import { loadTranslator, type Translator } from './i18n';
import { type OptionsStatus, OptionsView } from './OptionsView';

export interface OptionsPageDeps {
  /** The element the page renders into. */
  app: HTMLElement;
  /** The options page's own document (title, language, downloads, visibility). */
  doc: Document;
  /** Asks the background (`runtime.sendMessage`). */
  ask: Asker<'extensionPage', 'background'>;
  /** `browser.storage.local`. */
  storage: SettingsArea;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A file the browser saves: a Blob URL and a click on an `<a download>`. */
function download(doc: Document, name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is released a little later for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function startOptionsPage(deps: OptionsPageDeps): Promise<void> {
  const { app, doc, ask, storage } = deps;
  let t: Translator;
  let settings: Settings = DEFAULT_SETTINGS;
  let history: HistoryListing | null = null;
  let status: OptionsStatus = null;

  function show(): void {
    render(
      <OptionsView
        t={t}
        settings={settings}
        history={history}
        status={status}
        onFamily={(family, enabled) => void changeFamily(family, enabled)}
        onLanguage={(language) => void changeLanguage(language)}
        onFindPrevious={(enabled) => void changeSwitch('findPreviousYear', enabled)}
        onListingBar={(enabled) => void changeSwitch('listingBar', enabled)}
        onShowPanel={(hide) => void showPanel(hide)}
        onDelete={(id) => void changeHistory(() => ask('deleteHistory', { id }))}
        onDeleteAll={() => void changeHistory(() => ask('clearHistory'))}
        onExport={(format) => void exportHistory(format)}
      />,
      app,
    );
  }

  async function attempt(action: () => Promise<void>, savedNote = false): Promise<void> {
    try {
      await action();
      status = savedNote ? { kind: 'saved' } : null;
    } catch (error) {
      status = { kind: 'failed', message: messageOf(error) };
    }
    show();
  }

  function changeFamily(family: RuleFamily, enabled: boolean) {
    return attempt(async () => {
      settings = await updateSettings(storage, (current) => {
        const disabled = new Set(current.disabledFamilies);
        if (enabled) disabled.delete(family);
        else disabled.add(family);
        return { ...current, disabledFamilies: [...disabled] };
      });
    }, true);
  }

  function showPanel(hide: PanelHide) {
    return attempt(async () => {
      settings = await updateSettings(storage, (current) => withoutHide(current, hide));
    }, true);
  }

  /** One of the options that are a plain switch. */
  function changeSwitch(field: 'findPreviousYear' | 'listingBar', enabled: boolean) {
    return attempt(async () => {
      settings = await updateSettings(storage, (current) => ({ ...current, [field]: enabled }));
    }, true);
  }

  function changeLanguage(language: Settings['language']) {
    return attempt(async () => {
      settings = await updateSettings(storage, (current) => ({ ...current, language }));
      await applyLanguage();
    }, true);
  }

  async function applyLanguage(): Promise<void> {
    t = await loadTranslator();
    doc.documentElement.lang = t.language === 'en' ? 'en' : 'zh-CN';
    doc.title = t('opt_title');
  }

  /** Only the answer to the latest history request is shown: an earlier list arriving late must not undo a deletion. */
  let historyRequests = 0;

  /** A history request whose answer is the list: a database that cannot be opened comes back as a state to show, not as a failure. */
  function changeHistory(request: () => Promise<HistoryListing>) {
    const sequence = ++historyRequests;
    return attempt(async () => {
      const list = await request();
      if (sequence === historyRequests) history = list;
    });
  }

  const refreshHistory = () => changeHistory(() => ask('listHistory'));

  function exportHistory(format: 'json' | 'csv') {
    return attempt(async () => {
      const records = await ask('exportHistory');
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'json') {
        download(doc, `ogi-lens-history-${stamp}.json`, historyToJson(records), 'application/json');
      } else {
        download(
          doc,
          `ogi-lens-history-${stamp}.csv`,
          historyToCsv(records),
          'text/csv;charset=utf-8',
        );
      }
    });
  }

  try {
    settings = await readSettings(storage).catch(() => DEFAULT_SETTINGS);
    await applyLanguage();
    show();
    await refreshHistory();
    // Reports seen in other tabs while this page was open appear when it is looked at again.
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'visible') void refreshHistory();
    });
  } catch (error) {
    app.textContent = messageOf(error);
  }
}

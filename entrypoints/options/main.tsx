import { render } from 'preact';
import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { loadTranslator, type Translator } from '../../components/i18n';
import { type OptionsStatus, OptionsView } from '../../components/OptionsView';
import {
  HistoryRecordSchema,
  historyToCsv,
  historyToJson,
} from '../../lib/background/history-store';
import {
  type BackgroundRequest,
  type HistoryListing,
  HistoryListingSchema,
  type Settings,
} from '../../lib/messaging/protocol';
import type { RuleFamily } from '../../lib/model/report';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '../../lib/settings';
import './style.css';

const app = document.getElementById('app') as HTMLElement;
const HistoryRecordsSchema = z.array(HistoryRecordSchema);

let t: Translator;
let settings: Settings = DEFAULT_SETTINGS;
let history: HistoryListing | null = null;
let status: OptionsStatus = null;

/** The history belongs to the background (one owner of the database); the page asks it. */
async function ask<T>(request: BackgroundRequest, schema: z.ZodMiniType<T>): Promise<T> {
  return schema.parse(await browser.runtime.sendMessage(request));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function show(): void {
  render(
    <OptionsView
      t={t}
      settings={settings}
      history={history}
      status={status}
      onFamily={(family, enabled) => void changeFamily(family, enabled)}
      onLanguage={(language) => void changeLanguage(language)}
      onDelete={(id) => void changeHistory({ type: 'deleteHistory', id })}
      onDeleteAll={() => void changeHistory({ type: 'clearHistory' })}
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
    settings = await updateSettings(browser.storage.local, (current) => {
      const disabled = new Set(current.disabledFamilies);
      if (enabled) disabled.delete(family);
      else disabled.add(family);
      return { ...current, disabledFamilies: [...disabled] };
    });
  }, true);
}

function changeLanguage(language: Settings['language']) {
  return attempt(async () => {
    settings = await updateSettings(browser.storage.local, (current) => ({
      ...current,
      language,
    }));
    await applyLanguage();
  }, true);
}

async function applyLanguage(): Promise<void> {
  t = await loadTranslator();
  document.documentElement.lang = t.language === 'en' ? 'en' : 'zh-CN';
  document.title = t('opt_title');
}

/** Only the answer to the latest history request is shown: an earlier list arriving late must not undo a deletion. */
let historyRequests = 0;

function changeHistory(request: BackgroundRequest) {
  const sequence = ++historyRequests;
  return attempt(async () => {
    // A database that cannot be opened comes back as a state to show, not as a failure.
    const list = await ask(request, HistoryListingSchema);
    if (sequence === historyRequests) history = list;
  });
}

function refreshHistory() {
  return changeHistory({ type: 'listHistory' });
}

/** A file the browser saves: a Blob URL and a click on an `<a download>`. */
function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is released a little later for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function exportHistory(format: 'json' | 'csv') {
  return attempt(async () => {
    const records = await ask({ type: 'exportHistory' }, HistoryRecordsSchema);
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'json') {
      download(`ogi-lens-history-${stamp}.json`, historyToJson(records), 'application/json');
    } else {
      download(`ogi-lens-history-${stamp}.csv`, historyToCsv(records), 'text/csv;charset=utf-8');
    }
  });
}

async function start(): Promise<void> {
  settings = await readSettings(browser.storage.local).catch(() => DEFAULT_SETTINGS);
  await applyLanguage();
  show();
  await refreshHistory();
  // Reports seen in other tabs while this page was open appear when it is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshHistory();
  });
}

start().catch((error: unknown) => {
  app.textContent = messageOf(error);
});

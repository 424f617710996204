import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { ExportMenuProps } from '../../components/ExportMenu';
import { loadTranslator, type Translate, type Translator, t } from '../../components/i18n';
import { type PopupState, PopupView } from '../../components/PopupView';
import type { ExportFormat } from '../../lib/export/types';
import {
  type ExportOutcome,
  ExportOutcomeSchema,
  parsePageState,
} from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, readSettings, saveExportFormat } from '../../lib/settings';
import './style.css';

const app = document.getElementById('app') as HTMLElement;
/** Until the chosen language is loaded, the browser's own i18n speaks. */
let translate: Translator = Object.assign<Translate, Pick<Translator, 'language'>>(
  (key, ...subs) => t(key, ...subs),
  { language: 'zh_CN' },
);
let exportMenu: Omit<ExportMenuProps, 't'> | undefined;
const show = (state: PopupState) =>
  render(
    <PopupView state={state} language={translate.language} exportMenu={exportMenu} t={translate} />,
    app,
  );

/** The file is built and saved by the tab's content script, in the page: it holds the page's text. */
async function exportFrom(tabId: number, format: ExportFormat): Promise<ExportOutcome> {
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, { type: 'exportReport', format });
  } catch {
    return { ok: false, message: translate('export_noPage') };
  }
  const parsed = ExportOutcomeSchema.safeParse(answer);
  return parsed.success ? parsed.data : { ok: false, message: translate('export_noPage') };
}

function rememberExportFormat(format: ExportFormat): void {
  saveExportFormat(browser.storage.local, format).catch((error: unknown) =>
    console.warn('[OGI Lens] could not save the setting:', error),
  );
}

/**
 * The tab to report on: the active tab, or — when the popup is opened as a
 * page (tests, a pinned tab) — the one named by ?tab=ID or ?url=ADDRESS.
 */
async function targetTabId(): Promise<number | undefined> {
  const params = new URLSearchParams(location.search);
  const tab = Number(params.get('tab'));
  if (Number.isInteger(tab) && tab > 0) return tab;
  const url = params.get('url');
  if (url) {
    const tabs = await browser.tabs.query({});
    return tabs.find((candidate) => candidate.url === url)?.id;
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const PENDING_RETRY_MS = 300;
const PENDING_RETRIES = 30;

async function load(): Promise<void> {
  translate = await loadTranslator();
  document.documentElement.lang = translate.language === 'en' ? 'en' : 'zh-CN';
  show({ kind: 'loading' });
  const tabId = await targetTabId();
  if (tabId === undefined) return show({ kind: 'noAccess' });
  const settings = await readSettings(browser.storage.local).catch(() => DEFAULT_SETTINGS);
  exportMenu = {
    format: settings.exportFormat,
    onExport: (format) => exportFrom(tabId, format),
    onFormatChange: rememberExportFormat,
  };
  for (let attempt = 0; attempt <= PENDING_RETRIES; attempt++) {
    let state: PopupState;
    try {
      state = parsePageState(await browser.tabs.sendMessage(tabId, { type: 'getPageState' }));
    } catch {
      // No content script answers: not a .gov.cn page, or one opened before the extension.
      state = { kind: 'noAccess' };
    }
    show(state);
    if (state.kind !== 'pending') return;
    await new Promise((resolve) => setTimeout(resolve, PENDING_RETRY_MS));
  }
}

load().catch((err: unknown) =>
  show({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
);

import { render } from 'preact';
import browser from 'webextension-polyfill';
import { loadTranslator, type Translate, type Translator, t } from '../../components/i18n';
import { type PopupState, PopupView } from '../../components/PopupView';
import { parsePageState } from '../../lib/protocol';
import './style.css';

const app = document.getElementById('app') as HTMLElement;
/** Until the chosen language is loaded, the browser's own i18n speaks. */
let translate: Translator = Object.assign<Translate, Pick<Translator, 'language'>>(
  (key, ...subs) => t(key, ...subs),
  { language: 'zh_CN' },
);
const show = (state: PopupState) =>
  render(<PopupView state={state} language={translate.language} t={translate} />, app);

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

/**
 * The extension's PDF page (pdf-report.html?url=ADDRESS): lib/pdf-page/pdf-page.ts
 * with the browser's fetch, messaging and storage, the in-page UI a portal page
 * gets, and pdf.js — loaded here only, never in a content script.
 */
import browser from 'webextension-polyfill';
import { loadTranslator } from '../../components/i18n';
import type { MessageKey } from '../../components/message-keys';
import { TABLE_NAMES } from '../../components/PopupView';
import { createPageUi } from '../../components/page-ui';
import { createAsker } from '../../lib/messaging/channel';
import { SETTINGS_KEY } from '../../lib/messaging/protocol';
import { runPdfPage } from '../../lib/pdf-page/pdf-page';
import './style.css';

const log = (what: string, error: unknown) => console.warn(`[OGI Lens] ${what}:`, error);

async function start(): Promise<void> {
  const translate = await loadTranslator();
  document.documentElement.lang = translate.language === 'en' ? 'en' : 'zh-CN';
  const ask = createAsker('extensionPage', 'background', (message) =>
    browser.runtime.sendMessage(message),
  );
  const pdfUrl = new URLSearchParams(location.search).get('url');
  const ui = createPageUi({
    storage: browser.storage.local,
    askLocale: (language) => ask('getLocale', { language }),
    // Hides and the panel's place are the PDF's, as they would be its page's.
    pageUrl: () => pdfUrl ?? location.href,
    log,
    watchSettings: (listener) =>
      browser.storage.onChanged.addListener((changes, area) => {
        const change = changes[SETTINGS_KEY];
        if (area === 'local' && change) listener(change.newValue);
      }),
  });
  await runPdfPage({
    doc: document,
    root: document.getElementById('app') as HTMLElement,
    pdfUrl,
    fetch: (input, init) => fetch(input, init),
    t: (key, ...subs) => translate(key, ...subs),
    tableName: (kind) => translate(TABLE_NAMES[kind] as MessageKey),
    extract: async (bytes, url, options) =>
      (await import('../../lib/pdf/extract-pdf')).extractPdfReport(bytes, url, options),
    openOptions: {
      // The Chinese CMaps packaged at build (wxt.config.ts), read from the extension itself.
      loadCMap: async (name) => {
        const response = await fetch(browser.runtime.getURL(`/cmaps/${name}` as '/'));
        if (!response.ok) throw new Error(`no CMap ${name}`);
        return new Uint8Array(await response.arrayBuffer());
      },
    },
    check: (report, url) => ask('analysedPdf', { report, url }),
    ui,
    loadWorkbookWriter: async () => (await import('../../lib/export/xlsx/workbook')).writeWorkbook,
    // The extension's own tab is the active one when the reader asks for an image of it.
    capture: () => browser.tabs.captureVisibleTab(undefined, { format: 'png' }),
    log,
  });
}

start().catch((error: unknown) => log('the PDF page failed', error));

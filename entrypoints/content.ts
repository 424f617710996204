/**
 * The content script on every .gov.cn page: lib/content/content-script.ts
 * with the browser's messaging and storage, and the in-page UI.
 */
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageUi } from '../components/page-ui';
import { startContentScript } from '../lib/content/content-script';
import { createAsker } from '../lib/messaging/channel';

const log = (what: string, error: unknown) => console.warn(`[OGI Lens] ${what}:`, error);

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    const ask = createAsker('contentScript', 'background', (message) =>
      browser.runtime.sendMessage(message),
    );
    void startContentScript({
      window,
      ask,
      listen: (listener) => browser.runtime.onMessage.addListener(listener),
      ui: createPageUi({
        storage: browser.storage.local,
        askLocale: (language) => ask('getLocale', { language }),
        host: location.hostname,
        log,
      }),
      log,
    });
  },
});

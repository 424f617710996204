/**
 * The analyser, as its own script: the background injects it into the
 * content script's isolated world on a page the content script took for a
 * report (message `loadAnalyser`), so that the pages that are not reports
 * never load it. It publishes its entry (lib/content/analyser-slot.ts) for
 * the content script to call once the page has settled: lib/content/analyser.ts
 * with the browser's messaging and storage, and the in-page UI. A second
 * injection into the same frame publishes nothing.
 */
import browser from 'webextension-polyfill';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageUi } from '../components/page-ui';
import { startAnalyser } from '../lib/content/analyser';
import { once, publishAnalyser } from '../lib/content/analyser-slot';
import { createAsker } from '../lib/messaging/channel';
import { SETTINGS_KEY } from '../lib/messaging/protocol';

const log = (what: string, error: unknown) => console.warn(`[OGI Lens] ${what}:`, error);

export default defineUnlistedScript(() => {
  publishAnalyser(
    once((handoff) => {
      const ask = createAsker('contentScript', 'background', (message) =>
        browser.runtime.sendMessage(message),
      );
      const ui = createPageUi({
        storage: browser.storage.local,
        askLocale: (language) => ask('getLocale', { language }),
        pageUrl: () => location.href,
        log,
        watchSettings: (listener) =>
          browser.storage.onChanged.addListener((changes, area) => {
            const change = changes[SETTINGS_KEY];
            if (area === 'local' && change) listener(change.newValue);
          }),
      });
      return startAnalyser({ window, ask, ui, log }, handoff).receive;
    }),
  );
});

/**
 * The bar of a column of reports, as its own script: the background injects
 * it into the content script's isolated world of a page the content script
 * took for a column, when the reader turned the bar on (setting
 * `listingBar`, lib/background/listing-bar.ts). lib/content/listing-bar.ts
 * with the browser's messaging and the bar (components/ListingBar.tsx).
 */
import browser from 'webextension-polyfill';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { t as browserTranslate, loadTranslator, type Translate } from '../components/i18n';
import { mountListingBar } from '../components/ListingBar';
import { startColumnBar } from '../lib/content/listing-bar';
import { createAsker } from '../lib/messaging/channel';

export default defineUnlistedScript(() => {
  const ask = createAsker('contentScript', 'background', (message) =>
    browser.runtime.sendMessage(message),
  );
  startColumnBar({
    doc: document,
    url: location.href,
    openAudit: (url) => ask('openColumnAudit', { url }).then(() => undefined),
    mount: async (listed, open) => {
      const t: Translate = await loadTranslator({
        askLocale: (language) => ask('getLocale', { language }),
      }).catch((): Translate => browserTranslate);
      mountListingBar({ doc: document, listed, openAudit: open, t });
    },
  }).catch((error: unknown) => console.warn('[OGI Lens] could not show the column bar:', error));
});

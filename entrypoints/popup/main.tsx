/** The popup page: components/popup-page.tsx with the browser's tabs, messaging and storage. */
import browser from 'webextension-polyfill';
import { startPopupPage } from '../../components/popup-page';
import { readPublishedPageState } from '../../lib/content/page-state-slot';
import { createAsker } from '../../lib/messaging/channel';
import './style.css';

void startPopupPage({
  app: document.getElementById('app') as HTMLElement,
  doc: document,
  search: location.search,
  queryTabs: (query) => browser.tabs.query(query),
  askTab: (tabId) =>
    createAsker('extensionPage', 'contentScript', (message) =>
      browser.tabs.sendMessage(tabId, message),
    ),
  // In the content script's isolated world (the default), where it left the state.
  readPageState: async (tabId) => {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId },
      func: readPublishedPageState,
    });
    return frame?.result ?? null;
  },
  storage: browser.storage.local,
  openPdfPage: (pdfUrl) => {
    const page = `${browser.runtime.getURL('/pdf-report.html')}?url=${encodeURIComponent(pdfUrl)}`;
    // The toolbar popup closes itself as the new tab takes the focus.
    void browser.tabs.create({ url: page });
  },
  openAuditPage: (listingUrl) => {
    const page = `${browser.runtime.getURL('/audit.html')}?url=${encodeURIComponent(listingUrl)}`;
    void browser.tabs.create({ url: page });
  },
});

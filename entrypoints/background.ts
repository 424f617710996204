/**
 * The background worker: lib/background/ with the browser's messaging,
 * storage, toolbar button and script injection.
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { loadTranslator } from '../components/i18n';
import { createBackgroundHandler } from '../lib/background/handler';
import { createHistoryStore, storageHasRoom } from '../lib/background/history-store';
import { createLocaleLoader } from '../lib/background/locales';
import { createToolbar } from '../lib/background/toolbar';
import { readSettings } from '../lib/settings';

export default defineBackground(() => {
  const toolbar = createToolbar({
    button: () => browser.action ?? browser.browserAction,
    badgeTitle: async (errors, warnings) =>
      (await loadTranslator())('bg_badgeTitle', String(errors), String(warnings)),
    extensionName: () => browser.i18n.getMessage('extName'),
  });
  // The database is opened on the first message, not here: a worker woken for
  // a tab update should not pay for it.
  const handle = createBackgroundHandler({
    self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    store: createHistoryStore(undefined, { warn: (...details) => console.warn(...details) }),
    readSettings: () => readSettings(browser.storage.local),
    storageHasRoom: () => storageHasRoom(navigator.storage),
    showBadge: toolbar.show,
    loadLocale: createLocaleLoader(async (path) =>
      (await fetch(browser.runtime.getURL(path))).json(),
    ),
    uiLanguage: () => browser.i18n.getUILanguage(),
    // The writer's bundle (entrypoints/workbook-writer.ts), run in the content script's isolated world.
    injectWorkbookWriter: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/workbook-writer.js'],
      });
    },
    // Needs activeTab (granted when the user clicks the toolbar button) in Chrome; see README's design notes.
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    // The analyser's bundle (entrypoints/analyser.ts), in the content script's isolated world of
    // the document that asked: Chrome takes a document, which must then be named alone; Firefox
    // (MV2, scripting since 102) has no document ids and takes the frame.
    injectAnalyser: async ({ tabId, frameId, documentId }) => {
      await browser.scripting.executeScript({
        target:
          documentId === undefined
            ? { tabId, frameIds: [frameId] }
            : { tabId, documentIds: [documentId] },
        files: ['/analyser.js'],
      });
    },
    // The extension's PDF page (entrypoints/pdf-report/), right of the report's tab, as a link opened from it.
    openPdfPage: async (pdfUrl, { tabId, windowId, index }) => {
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/pdf-report.html')}?url=${encodeURIComponent(pdfUrl)}`,
        active: true,
        openerTabId: tabId,
        ...(windowId === undefined ? {} : { windowId }),
        ...(index === undefined ? {} : { index: index + 1 }),
      });
    },
    // The column audit page (entrypoints/audit/), right of the listing's tab, as a link opened from it.
    openAuditPage: async (listingUrl, { tabId, windowId, index }) => {
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/audit.html')}?url=${encodeURIComponent(listingUrl)}`,
        active: true,
        openerTabId: tabId,
        ...(windowId === undefined ? {} : { windowId }),
        ...(index === undefined ? {} : { index: index + 1 }),
      });
    },
    now: () => new Date(),
    warn: (...details) => console.warn(...details),
  });

  // Listeners are registered synchronously at start, so the events that woke
  // a stopped worker reach them.
  browser.runtime.onMessage.addListener(handle);
  browser.tabs.onUpdated.addListener(toolbar.tabUpdated);
});

/**
 * The background worker: lib/background/ with the browser's messaging,
 * storage, toolbar button and script injection.
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { loadTranslator } from '../components/i18n';
import { createBackgroundHandler, type NextTo } from '../lib/background/handler';
import { createHistoryStore, storageHasRoom } from '../lib/background/history-store';
import { createListingBarOffer } from '../lib/background/listing-bar';
import { createLocaleLoader } from '../lib/background/locales';
import { createOffscreenBridge } from '../lib/background/offscreen-bridge';
import { createToolbar } from '../lib/background/toolbar';
import { readPublishedPageState } from '../lib/content/page-state-slot';
import { createAsker } from '../lib/messaging/channel';
import { type PdfReader, publishedPdfReader } from '../lib/pdf/reader-slot';
import { createSearchRunner, type SearchRunner } from '../lib/portal/portal-search';
import type { PortalProgress } from '../lib/portal/types';
import { readSettings } from '../lib/settings';

/** The part of Chrome's `offscreen` and `runtime.getContexts` used here (not in the polyfill). */
interface ChromeOffscreen {
  offscreen: {
    createDocument(options: {
      url: string;
      reasons: string[];
      justification: string;
    }): Promise<void>;
  };
  runtime: {
    getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
  };
}

/** The Chinese CMaps packaged at build (wxt.config.ts), for PDFs that do not embed their fonts. */
async function loadCMap(name: string): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(`/cmaps/${name}` as '/'));
  if (!response.ok) throw new Error(`no CMap ${name}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * lib/pdf in Firefox's background page: entrypoints/pdf-reader.ts, added as
 * a script to the page's document the first time a PDF is met.
 */
let pdfReader: Promise<PdfReader> | null = null;
function loadPdfReader(): Promise<PdfReader> {
  pdfReader ??= new Promise<PdfReader>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = browser.runtime.getURL('/pdf-reader.js');
    script.onload = () => {
      const reader = publishedPdfReader();
      if (reader) resolve(reader);
      else reject(new Error('The PDF reader did not load.'));
    };
    script.onerror = () => reject(new Error('The PDF reader could not be loaded.'));
    document.head.append(script);
  }).catch((error: unknown) => {
    pdfReader = null;
    throw error;
  });
  return pdfReader;
}

/**
 * Where the search for last year's report runs: Firefox's MV2 background
 * page has DOMParser and runs it here; Chrome's MV3 worker has none and
 * hands it to an offscreen document, created on first need and reused.
 */
function portalSearch(): {
  search: SearchRunner;
  progress?: (id: string, progress: PortalProgress) => void;
} {
  // A build-time constant: Chrome's worker carries none of the search itself.
  if (import.meta.env.FIREFOX) {
    return {
      search: createSearchRunner({
        fetch: (input, init) => fetch(input, init),
        DOMParser,
        readPdf: async (bytes, url) => (await loadPdfReader())(bytes, url, { loadCMap }),
      }),
    };
  }
  const chrome = (globalThis as unknown as { chrome: ChromeOffscreen }).chrome;
  const path = '/offscreen.html';
  let creating: Promise<void> | null = null;
  const ensureDocument = async () => {
    const url = browser.runtime.getURL(path);
    const open = await chrome.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [url],
    });
    if (open.length > 0) return;
    creating ??= chrome.offscreen
      .createDocument({
        url: path,
        reasons: ['DOM_PARSER'],
        justification: "Reads pages of the report's own portal to find last year's report.",
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  let next = 0;
  const bridge = createOffscreenBridge({
    ensureDocument,
    send: (message) => browser.runtime.sendMessage(message),
    newId: () => `${Date.now()}-${++next}`,
  });
  return { search: bridge.search, progress: bridge.progress };
}

/** One of the extension's pages for `url`, right of the tab it was asked from, as a link opened from it. */
async function openBeside(
  page: '/pdf-report.html' | '/audit.html',
  url: string,
  { tabId, windowId, index }: NextTo,
): Promise<void> {
  await browser.tabs.create({
    url: `${browser.runtime.getURL(page)}?url=${encodeURIComponent(url)}`,
    active: true,
    openerTabId: tabId,
    ...(windowId === undefined ? {} : { windowId }),
    ...(index === undefined ? {} : { index: index + 1 }),
  });
}

export default defineBackground(() => {
  const toolbar = createToolbar({
    button: () => browser.action ?? browser.browserAction,
    badgeTitle: async (errors, warnings) =>
      (await loadTranslator())('bg_badgeTitle', String(errors), String(warnings)),
    extensionName: () => browser.i18n.getMessage('extName'),
  });
  const searching = portalSearch();
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
    // The extension's PDF page (entrypoints/pdf-report/), right of the report's tab.
    openPdfPage: (pdfUrl, nextTo) => openBeside('/pdf-report.html', pdfUrl, nextTo),
    // The column audit page (entrypoints/audit/), right of the listing's tab.
    openAuditPage: (listingUrl, nextTo) => openBeside('/audit.html', listingUrl, nextTo),
    searchPortal: searching.search,
    ...(searching.progress ? { searchProgress: searching.progress } : {}),
    // The search's progress, to the frame that asked for it.
    sendSearchProgress: (tabId, frameId, progress) => {
      const tell = createAsker('background', 'contentScript', (message) =>
        browser.tabs.sendMessage(tabId, message, { frameId }),
      );
      tell('previousYearProgress', { progress }).catch(() => undefined);
    },
    now: () => new Date(),
    warn: (...details) => console.warn(...details),
  });

  // 「核查本栏目全部年报」 on a column's own page, when the reader turned it on.
  const columnBar = createListingBarOffer({
    readSettings: () => readSettings(browser.storage.local),
    // In the content script's isolated world of the top frame, where it left the page's state.
    readPageState: async (tabId) => {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: readPublishedPageState,
      });
      return frame?.result ?? null;
    },
    injectBar: async (tabId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        files: ['/listing-bar.js'],
      });
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    warn: (...details) => console.warn(...details),
  });

  // Listeners are registered synchronously at start, so the events that woke
  // a stopped worker reach them.
  browser.runtime.onMessage.addListener(handle);
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    toolbar.tabUpdated(tabId, change);
    columnBar.tabUpdated(tabId, change, tab);
  });
});

import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { loadTranslator } from '../components/i18n';
import { type Badge, createBackgroundHandler } from '../lib/background/handler';
import { createHistoryStore, storageHasRoom } from '../lib/background/history-store';
import {
  type LocaleMessages,
  LocaleMessagesSchema,
  type UiLanguage,
} from '../lib/messaging/protocol';
import { readSettings } from '../lib/settings';

/** The toolbar button: `action` in MV3 (Chrome), `browserAction` in MV2 (Firefox). */
const toolbarButton = () => browser.action ?? browser.browserAction;

async function showBadge(tabId: number, badge: Badge): Promise<void> {
  const button = toolbarButton();
  const t = await loadTranslator();
  await Promise.all([
    button.setBadgeText({ tabId, text: badge.text }),
    badge.color ? button.setBadgeBackgroundColor({ tabId, color: badge.color }) : undefined,
    button.setTitle({
      tabId,
      title: t('bg_badgeTitle', String(badge.errors), String(badge.warnings)),
    }),
  ]);
}

async function fetchLocale(language: UiLanguage) {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  return LocaleMessagesSchema.parse(await response.json());
}

/**
 * Every report page asks for its strings: the files do not change while the
 * extension runs, so each is read once per worker (a failed read is not kept).
 */
const locales = new Map<UiLanguage, Promise<LocaleMessages>>();
function loadLocale(language: UiLanguage): Promise<LocaleMessages> {
  const cached = locales.get(language);
  if (cached) return cached;
  const loading = fetchLocale(language);
  locales.set(language, loading);
  loading.catch(() => locales.delete(language));
  return loading;
}

/** The writer's bundle (entrypoints/workbook-writer.ts), run in the content script's isolated world. */
async function injectWorkbookWriter(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: ['/workbook-writer.js'],
  });
}

export default defineBackground(() => {
  // The database is opened on the first message, not here: a worker woken for
  // a tab update should not pay for it.
  const handle = createBackgroundHandler({
    self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    store: createHistoryStore(undefined, { warn: (...details) => console.warn(...details) }),
    readSettings: () => readSettings(browser.storage.local),
    storageHasRoom: () => storageHasRoom(navigator.storage),
    showBadge,
    loadLocale,
    uiLanguage: () => browser.i18n.getUILanguage(),
    injectWorkbookWriter,
    now: () => new Date(),
    warn: (...details) => console.warn(...details),
  });

  // Listeners are registered synchronously at start, so the events that woke
  // a stopped worker reach them.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handle(message, sender),
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    const button = toolbarButton();
    Promise.all([
      button.setBadgeText({ tabId, text: '' }),
      // extName is the same in every language.
      button.setTitle({ tabId, title: browser.i18n.getMessage('extName') }),
    ]).catch(() => {
      // The tab closed in the meantime: nothing to clear.
    });
  });
});

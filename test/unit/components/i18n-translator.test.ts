/**
 * The UI language chosen in the options: the locale files read the way the
 * browser reads them, and every UI's translator following the setting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAsker } from '../../../lib/messaging/channel';
import type { LocaleMessages, UiLanguage } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const locale = (name: string): LocaleMessages =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '../../public/_locales', name, 'messages.json'),
      'utf8',
    ),
  );

const browserMock = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  browserLocale: 'zh_CN',
  sent: [] as unknown[],
  /** Calls of the browser's getMessage: a content script's first one is a synchronous load in Chromium. */
  getMessageCalls: 0,
}));

vi.mock('webextension-polyfill', () => {
  // The browser's own i18n, answering in its language (browserMock.browserLocale).
  const getMessage = (key: string, substitutions: string[] = []) => {
    browserMock.getMessageCalls++;
    const messages = locale(browserMock.browserLocale);
    const entry = messages[key];
    return entry ? formatMessage(entry, substitutions) : '';
  };
  return {
    default: {
      i18n: {
        getMessage,
        getUILanguage: () => (browserMock.browserLocale === 'en' ? 'en-US' : 'zh-CN'),
      },
      storage: { local: { get: async () => browserMock.stored, set: async () => {} } },
      runtime: {
        getURL: (path: string) => `chrome-extension://ogi-lens-test${path}`,
      },
    },
  };
});

const {
  formatMessage,
  loadTranslator,
  languageOf,
  localeForUiLanguage,
  t,
  translatorFrom,
  uiFromPrepared,
} = await import('../../../components/i18n');

/** The content script's way to the background, as entrypoints/analyser.ts wires it: recorded here. */
const ask = createAsker('contentScript', 'background', async (message) => {
  browserMock.sent.push(message);
  return locale((message as { language: string }).language);
});
const askLocale = (language: UiLanguage) => ask('getLocale', { language });

afterEach(() => {
  browserMock.stored = {};
  browserMock.browserLocale = 'zh_CN';
  browserMock.sent = [];
  browserMock.getMessageCalls = 0;
  vi.unstubAllGlobals();
});

describe('messages as the browser formats them', () => {
  it('fills named placeholders with their substitutions', () => {
    const en = locale('en');
    const entry = en.popupError;
    if (!entry) throw new Error('popupError missing');
    expect(formatMessage(entry, ['timeout'])).toBe('This page could not be analysed: timeout');
    const badge = en.bg_badgeTitle;
    if (!badge) throw new Error('bg_badgeTitle missing');
    expect(formatMessage(badge, ['3', '1'])).toBe('OGI Lens — errors: 3, warnings: 1');
  });

  it('takes a substitution as text: a $ in it is not read again', () => {
    const entry = {
      message: 'Cost $$5, got $WHAT$, $Missing$',
      placeholders: { what: { content: '$1' } },
    };
    expect(formatMessage(entry, ['$2 and $$'])).toBe('Cost $5, got $2 and $$, $Missing$');
  });
});

describe('the UI language setting', () => {
  it('follows the browser by default on an extension page, through its own i18n', async () => {
    browserMock.browserLocale = 'en';
    vi.stubGlobal('location', { protocol: 'chrome-extension:', host: 'ogi-lens-test' });
    const translate = await loadTranslator();
    expect(translate.language).toBe('en');
    expect(translate('opt_deleteAll')).toBe('Delete all');
    expect(languageOf(t)).toBe('en');
    expect(browserMock.sent).toEqual([]);
  });

  it("follows the browser's UI language by default in a content script, without the browser's getMessage", async () => {
    browserMock.browserLocale = 'en';
    vi.stubGlobal('location', { protocol: 'https:', host: 'www.hz.gov.cn' });
    const translate = await loadTranslator({ askLocale });
    expect(browserMock.sent).toEqual([{ type: 'getLocale', language: 'en' }]);
    expect(translate.language).toBe('en');
    expect(translate('page_pruned', '3')).toBe(
      locale('en').page_pruned?.message.replace('$COUNT$', '3'),
    );
    expect(browserMock.getMessageCalls).toBe(0);
  });

  it('uses settings the caller has already read', async () => {
    browserMock.stored = { settings: { language: 'en' } };
    vi.stubGlobal('location', { protocol: 'https:', host: 'www.hz.gov.cn' });
    const translate = await loadTranslator({
      settings: {
        disabledFamilies: [],
        language: 'zh_CN',
        findPreviousYear: true,
        listingBar: false,
        panelHidden: [],
        panelPlaces: [],
        exportFormat: 'xlsx',
      },
      askLocale,
    });
    expect(translate.language).toBe('zh_CN');
    expect(browserMock.sent).toEqual([{ type: 'getLocale', language: 'zh_CN' }]);
  });

  it('maps the UI language to the locale the browser would pick', () => {
    expect(localeForUiLanguage('en')).toBe('en');
    expect(localeForUiLanguage('en-GB')).toBe('en');
    expect(localeForUiLanguage('en_US')).toBe('en');
    expect(localeForUiLanguage('zh-CN')).toBe('zh_CN');
    expect(localeForUiLanguage('zh-TW')).toBe('zh_CN');
    expect(localeForUiLanguage('fr')).toBe('zh_CN');
    expect(localeForUiLanguage('eno')).toBe('zh_CN');
  });

  it('an extension page reads the chosen locale file', async () => {
    browserMock.stored = { settings: { language: 'en' } };
    vi.stubGlobal('location', { protocol: 'chrome-extension:', host: 'ogi-lens-test' });
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return { json: async () => locale('en') };
    });
    const translate = await loadTranslator();
    expect(fetched).toEqual(['chrome-extension://ogi-lens-test/_locales/en/messages.json']);
    expect(translate.language).toBe('en');
    expect(translate('opt_historyCount', '4')).toBe('4 reports');
    expect(browserMock.sent).toEqual([]);
  });

  it('a content script asks the background for it', async () => {
    browserMock.browserLocale = 'en';
    browserMock.stored = { settings: { language: 'zh_CN' } };
    vi.stubGlobal('location', { protocol: 'https:', host: 'www.hz.gov.cn' });
    const translate = await loadTranslator({ askLocale });
    expect(browserMock.sent).toEqual([{ type: 'getLocale', language: 'zh_CN' }]);
    expect(translate('opt_deleteAll')).toBe('全部删除');
    expect(languageOf(translate)).toBe('zh_CN');
  });

  it("falls back to the browser's language when the locale cannot be had", async () => {
    browserMock.stored = { settings: { language: 'en' } };
    vi.stubGlobal('location', { protocol: 'chrome-extension:', host: 'ogi-lens-test' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const translate = await loadTranslator();
    expect(translate.language).toBe('zh_CN');
    expect(translate('opt_deleteAll')).toBe('全部删除');
  });

  it("a report page's panel takes its strings and settings from the background's answer to prepare", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      language: 'en' as const,
      panelHidden: [{ scope: 'agency' as const, portal: 'a.gov.cn', agency: '某区' }],
    };
    const ui = uiFromPrepared({
      prepared: true,
      ui: { settings, language: 'en', messages: locale('en') },
    });
    expect(ui?.settings).toEqual(settings);
    expect(ui?.t('opt_deleteAll')).toBe(locale('en').opt_deleteAll?.message);
    expect(ui && languageOf(ui.t)).toBe('en');
    expect(browserMock.getMessageCalls).toBe(0);
    expect(browserMock.sent).toEqual([]);
    // An answer without strings leaves the page to read them itself.
    expect(uiFromPrepared({ prepared: true })).toBeNull();
  });

  it('an answer to prepare that is not in shape never reaches the page (its ask rejects)', async () => {
    const settings = { ...DEFAULT_SETTINGS };
    const forged = createAsker('contentScript', 'background', async () => ({
      prepared: true,
      ui: { settings, language: 'fr', messages: {} },
    }));
    await expect(forged('prepare', { agency: '某局', year: 2023 })).rejects.toThrow(
      /no valid answer to "prepare"/,
    );
  });

  it('a content script without a way to the background falls back to the browser', async () => {
    browserMock.stored = { settings: { language: 'en' } };
    vi.stubGlobal('location', { protocol: 'https:', host: 'www.hz.gov.cn' });
    const translate = await loadTranslator();
    expect(translate.language).toBe('zh_CN');
    expect(browserMock.sent).toEqual([]);
  });

  it('a key the loaded locale lacks falls back to the browser', () => {
    const translate = translatorFrom({}, 'en', t);
    expect(translate('opt_deleteAll')).toBe('全部删除');
  });
});

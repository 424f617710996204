/**
 * Every UI string goes through the extension's i18n (public/_locales). The
 * key list is typed so that a missing translation is a compile error here,
 * and a unit test checks both locales carry every key.
 *
 * The browser's own i18n only speaks the browser's language; when the user
 * picks one in the options, its messages.json is loaded and read the way the
 * browser reads it (named placeholders, then $1…$9). Every UI calls
 * `loadTranslator()` once at start.
 */
import browser from 'webextension-polyfill';
import {
  type LocaleMessages,
  LocaleMessagesSchema,
  languageOfSetting,
  type Prepared,
  type Settings,
  type UiLanguage,
  UiLanguageSchema,
} from '../lib/messaging/protocol';
import { readSettings } from '../lib/settings';
import type { MessageKey } from './message-keys';

export type { UiLanguage } from '../lib/messaging/protocol';
export { localeForUiLanguage } from '../lib/messaging/protocol';
export type { MessageKey } from './message-keys';

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

/** A Translate that knows its language (to pick a finding's `message` or `messageEn`). */
export interface Translator extends Translate {
  readonly language: UiLanguage;
}

/**
 * `i18n.getMessage` is synchronous in every browser, so the polyfill adds
 * nothing to it; reaching it through the polyfill's proxy showed as about
 * 6 ms of the content script's first string in a profile
 * (`npm run bench -- --profile generated-250`). The native namespace is used
 * where it exists.
 */
type NativeI18n = Pick<typeof browser.i18n, 'getMessage' | 'getUILanguage'>;

function nativeI18n(): NativeI18n {
  const native = (globalThis as { chrome?: { i18n?: NativeI18n } }).chrome?.i18n;
  return typeof native?.getMessage === 'function' ? native : browser.i18n;
}

/** The browser's i18n: the browser's language, or zh_CN (the default locale) when it has neither. */
export const t: Translate = (key, ...substitutions) =>
  nativeI18n().getMessage(key, substitutions) || key;

/** The locale the browser picked for the extension, as each messages.json names itself. */
function browserLanguage(): UiLanguage {
  const parsed = UiLanguageSchema.safeParse(nativeI18n().getMessage('opt_localeCode'));
  return parsed.success ? parsed.data : 'zh_CN';
}

/** The language of a translator; the browser's for plain `t`. */
export function languageOf(translate: Translate): UiLanguage {
  const language = (translate as Partial<Translator>).language;
  return language ?? browserLanguage();
}

/**
 * One message with its substitutions, as Chrome's and Firefox's i18n do it:
 * `$name$` becomes the placeholder's content (names are case-insensitive),
 * then `$1`…`$9` the substitutions (missing ones empty) and `$$` a dollar.
 */
export function formatMessage(
  entry: LocaleMessages[string],
  substitutions: readonly string[],
): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [
      name.toLowerCase(),
      content,
    ]),
  );
  const named = entry.message.replace(
    /\$([\w@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/** A translator over one locale's messages; a key it lacks falls back to `fallback`. */
export function translatorFrom(
  messages: LocaleMessages,
  language: UiLanguage,
  fallback: Translate = t,
): Translator {
  const translate = (key: MessageKey, ...substitutions: string[]) => {
    const entry = messages[key];
    return entry ? formatMessage(entry, substitutions) : fallback(key, ...substitutions);
  };
  return Object.assign(translate, { language });
}

/** Extension pages and the background read the extension's files; content scripts may not. */
function runsInExtensionOrigin(): boolean {
  try {
    const own = new URL(browser.runtime.getURL('/'));
    return location.protocol === own.protocol && location.host === own.host;
  } catch {
    return false;
  }
}

/**
 * Asks the background for one locale's strings (the `getLocale` message,
 * its answer parsed): how a content script, which cannot read the
 * extension's files, gets them.
 */
export type LocaleSource = (language: UiLanguage) => Promise<LocaleMessages>;

export interface TranslatorOptions {
  /** The settings, when the caller has read them: saves a second read. */
  settings?: Settings;
  /** Where a content script gets the strings; extension pages read the files themselves. */
  askLocale?: LocaleSource;
}

async function loadMessages(
  language: UiLanguage,
  askLocale: LocaleSource | undefined,
): Promise<LocaleMessages> {
  if (runsInExtensionOrigin()) {
    const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
    return LocaleMessagesSchema.parse(await response.json());
  }
  if (!askLocale) throw new Error('OGI Lens: no way to ask for the locale outside the extension');
  return askLocale(language);
}

/**
 * The translator for the language chosen in the options ('auto': the
 * browser's). Whatever fails (storage, the file, the background) falls back
 * to the browser's i18n: a UI in the other language beats no UI.
 *
 * A content script takes its messages from the background even in 'auto':
 * the browser's i18n loads the extension's messages into the page's process
 * with a synchronous call the first time, which held a report page's main
 * thread for 2 to 12 ms in Chromium (measured); the UI language itself is
 * known there without one.
 */
export async function loadTranslator(options: TranslatorOptions = {}): Promise<Translator> {
  const chosen =
    options.settings?.language ??
    (await readSettings(browser.storage.local)
      .then((read) => read.language)
      .catch(() => 'auto' as const));
  // An extension page in 'auto' keeps the browser's own i18n (no file to read).
  const language =
    chosen === 'auto' && runsInExtensionOrigin()
      ? null
      : languageOfSetting(chosen, () => nativeI18n().getUILanguage());
  if (language !== null) {
    try {
      return translatorFrom(await loadMessages(language, options.askLocale), language);
    } catch {
      // fall through to the browser's language
    }
  }
  return Object.assign((key: MessageKey, ...substitutions: string[]) => t(key, ...substitutions), {
    language: browserLanguage(),
  });
}

/**
 * The settings and translator the background sent with its answer to
 * `prepare` (lib/messaging/protocol.ts PreparedSchema), or null when the answer has
 * none: the caller then reads them itself.
 */
export function uiFromPrepared(answer: Prepared): { t: Translator; settings: Settings } | null {
  if (!answer.ui) return null;
  const { settings, language, messages } = answer.ui;
  return { t: translatorFrom(messages, language), settings };
}

/**
 * The locale files (public/_locales/<language>/messages.json), read for the
 * content scripts that ask (`getLocale`, `prepare`): they cannot read the
 * extension's files themselves. How a file is read comes in from
 * entrypoints/background.ts.
 */
import { type LocaleMessages, LocaleMessagesSchema, type UiLanguage } from '../messaging/protocol';

/**
 * Every report page asks for its strings: the files do not change while the
 * extension runs, so each is read once per worker (a failed read is not kept).
 */
export function createLocaleLoader(
  readJson: (path: string) => Promise<unknown>,
): (language: UiLanguage) => Promise<LocaleMessages> {
  const locales = new Map<UiLanguage, Promise<LocaleMessages>>();
  return (language) => {
    const cached = locales.get(language);
    if (cached) return cached;
    const loading = readJson(`/_locales/${language}/messages.json`).then((json) =>
      LocaleMessagesSchema.parse(json),
    );
    locales.set(language, loading);
    loading.catch(() => locales.delete(language));
    return loading;
  };
}

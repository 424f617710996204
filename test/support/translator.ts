import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '../../components/i18n';

/** A translator over one locale file, substituting `$1…` as the browser does. */
export function translatorFor(locale: 'zh_CN' | 'en'): Translate {
  const path = join(import.meta.dirname, '../../public/_locales', locale, 'messages.json');
  const messages: Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  > = JSON.parse(readFileSync(path, 'utf8'));
  return (key, ...subs) => {
    const entry = messages[key];
    if (!entry) return key;
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}

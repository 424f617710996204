/**
 * A count in words. The browsers' i18n has no plural forms, so a key that
 * counts has its singular beside it (`<key>_one`): English says "1 report",
 * never "1 reports"; Chinese writes both the same. Apart from ./i18n.ts,
 * which loads the browser's API, so that views rendered in tests use it too.
 */
import type { Translate } from './i18n';
import type { MessageKey } from './message-keys';

/** Keys with a singular beside them. */
export type CountedKey = {
  [K in MessageKey]: `${K}_one` extends MessageKey ? K : never;
}[MessageKey];

export function countText(translate: Translate, key: CountedKey, count: number): string {
  return count === 1 ? translate(`${key}_one`) : translate(key, String(count));
}

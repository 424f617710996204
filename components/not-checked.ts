import type { NotCheckedReason } from '../lib/messaging/protocol';
import type { MessageKey } from './i18n';

/** What the panel and the popup say of a report that was not checked, by reason. */
export const NOT_CHECKED_KEYS: Record<NotCheckedReason, MessageKey> = {
  tooLarge: 'page_notCheckedTooLarge',
  invalid: 'page_notCheckedInvalid',
  noAnswer: 'page_notChecked',
};

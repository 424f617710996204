/**
 * Every UI string goes through the extension's i18n (public/_locales). The
 * key list is typed so that a missing translation is a compile error here,
 * and a unit test checks both locales carry every key.
 */
import browser from 'webextension-polyfill';
import type { MessageKey } from './message-keys';

export type { MessageKey } from './message-keys';

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export const t: Translate = (key, ...substitutions) =>
  browser.i18n.getMessage(key, substitutions) || key;

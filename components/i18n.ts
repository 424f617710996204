/**
 * Every UI string goes through the extension's i18n (public/_locales). The
 * key list is typed so that a missing translation is a compile error here,
 * and a unit test checks both locales carry every key.
 */
import browser from 'webextension-polyfill';

export const MESSAGE_KEYS = [
  'popupLoading',
  'popupPending',
  'popupNotReport',
  'popupListing',
  'popupNoAccess',
  'popupError',
  'fieldAgency',
  'fieldYear',
  'fieldTemplate',
  'fieldPublished',
  'fieldUnknown',
  'template2019',
  'template2021',
  'templateLegacy',
  'templateUnknown',
  'tableT2',
  'tableT3',
  'tableT4',
  'tableLegacy',
  'tableOther',
  'tableJoined',
  'unreadableCell',
  'unreadableCount',
  'missingCells',
  'noTables',
  'imageTables',
  'claimsHeading',
  'approximate',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export const t: Translate = (key, ...substitutions) =>
  browser.i18n.getMessage(key, substitutions) || key;

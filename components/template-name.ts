/**
 * The UI's name for a report's format: the message key its declaration
 * names (lib/formats/registry.ts), or "unknown format" for 'unknown' and for
 * a key the UI does not carry.
 */
import { formatById } from '../lib/formats/registry';
import type { TemplateId } from '../lib/model/report';
import { MESSAGE_KEYS, type MessageKey } from './message-keys';

const isMessageKey = (key: string): key is MessageKey =>
  (MESSAGE_KEYS as readonly string[]).includes(key);

export function templateMessageKey(template: TemplateId): MessageKey {
  const key = formatById(template)?.messageKey;
  return key !== undefined && isMessageKey(key) ? key : 'templateUnknown';
}

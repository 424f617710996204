/** How the in-page UI words a finding: in the UI language, labels as printed. */
import type { Finding, Severity } from '../lib/model/report';
import type { MessageKey, Translate, UiLanguage } from './i18n';

export const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  error: 'page_severityError',
  warning: 'page_severityWarning',
  info: 'page_severityInfo',
};

export const findingMessage = (finding: Finding, language: UiLanguage): string =>
  language === 'en' ? finding.messageEn : finding.message;

/**
 * The arithmetic in the UI language: its words translated, the labels it
 * quotes as printed. A finding stored before English arithmetic existed
 * has only the Chinese.
 */
export const findingArithmetic = (finding: Finding, language: UiLanguage): string =>
  language === 'en' ? (finding.arithmeticEn ?? finding.arithmetic) : finding.arithmetic;

/** `行“…”，列“…”`: the cell's labels as printed, as far as they are known. */
export function cellLabels(row: string, col: string, t: Translate): string | null {
  if (!row && !col) return null;
  return t('page_cellLabels', row || '—', col || '—');
}

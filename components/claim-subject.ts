import type { Translate } from './i18n';
import type { MessageKey } from './message-keys';

/** The reader's name for what a narrative figure counts (`review.upheld` → 行政复议·维持). */
export function claimSubjectName(subject: string, t: Translate): string {
  const percent = subject.match(/^percent\.(.+)$/);
  if (percent?.[1]) return t('claim_percent', claimSubjectName(percent[1], t));
  const key = `claim_${subject.replace(/\./g, '_')}` as MessageKey;
  const name = t(key);
  return name === key ? subject : name;
}

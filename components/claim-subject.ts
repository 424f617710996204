import type { Translate } from './i18n';
import type { MessageKey } from './message-keys';

/** How a claim joins subjects the text counts together (lib/narrative/subjects.ts JOINED_SUBJECTS). */
const JOINED = '+';

/**
 * The reader's name for what a narrative figure counts (`review.upheld` →
 * 行政复议·维持); subjects counted together are named each (`open+partial` →
 * 予以公开 + 部分公开).
 */
export function claimSubjectName(subject: string, t: Translate): string {
  const percent = subject.match(/^percent\.(.+)$/);
  if (percent?.[1]) return t('claim_percent', claimSubjectName(percent[1], t));
  if (subject.includes(JOINED)) {
    return subject
      .split(JOINED)
      .map((s) => claimSubjectName(s, t))
      .join(' + ');
  }
  const key = `claim_${subject.replace(/\./g, '_')}` as MessageKey;
  const name = t(key);
  return name === key ? subject : name;
}

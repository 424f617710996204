import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSubjectName } from '../../../components/claim-subject';
import type { Translate } from '../../../components/i18n';
import type { LocaleMessages } from '../../../lib/messaging/protocol';

/** A locale's messages as the UI reads them (claim_percent's one placeholder filled in). */
function translator(name: string): Translate {
  const messages: LocaleMessages = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '../../public/_locales', name, 'messages.json'),
      'utf8',
    ),
  );
  return (key, ...subs) => messages[key]?.message.replace('$SUBJECT$', subs[0] ?? '') ?? key;
}

describe('the name of what a narrative figure counts', () => {
  const zh = translator('zh_CN');
  const en = translator('en');

  it('names each subject the text counts together, and their share', () => {
    expect(claimSubjectName('open+partial', zh)).toBe(
      `${zh('claim_open')} + ${zh('claim_partial')}`,
    );
    expect(claimSubjectName('open+partial', zh)).not.toMatch(/open|partial/);
    expect(claimSubjectName('percent.review+litigation', en)).toBe(
      en('claim_percent', `${en('claim_review')} + ${en('claim_litigation')}`),
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../../components/message-keys';

const locale = (name: string): Record<string, { message: string }> =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '../../public/_locales', name, 'messages.json'),
      'utf8',
    ),
  );

describe('UI languages', () => {
  for (const name of ['zh_CN', 'en']) {
    it(`${name} translates every UI string`, () => {
      const messages = locale(name);
      for (const key of MESSAGE_KEYS) expect(messages[key]?.message, key).toBeTruthy();
    });
  }
  it('the two locales carry the same keys', () => {
    expect(Object.keys(locale('en')).sort()).toEqual(Object.keys(locale('zh_CN')).sort());
  });
});

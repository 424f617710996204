/**
 * The built-in formats read as declared: every printed key is producible by
 * its table's patterns, every pattern's keys are printed by some format, and
 * where a table's rows × columns produce a key no format prints (table 二,
 * whose blocks pair rows with different columns), that is the only reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../../components/message-keys';
import { templateMessageKey } from '../../../components/template-name';
import { formatProblems } from '../../../lib/formats/consistency';
import { keysOf, producibleKeys, splitKey } from '../../../lib/formats/format-table';
import { formatTemplates } from '../../../lib/formats/matchers';
import { fixedFormats, formats, isCountKey } from '../../../lib/formats/registry';

describe('the built-in formats', () => {
  it('have no problem the registry would refuse', () => {
    expect(formatProblems(formats())).toEqual([]);
  });

  it('give the reader every key some format prints, and only those', () => {
    for (const template of formatTemplates()) {
      const printed = new Set(fixedFormats().flatMap((f) => keysOf(f, template.kind)));
      expect([...template.keys].sort(), template.kind).toEqual([...printed].sort());
    }
  });

  it('print every key their patterns produce, except table 二 pairs no form prints', () => {
    for (const template of formatTemplates()) {
      const produced = new Set(
        fixedFormats()
          .flatMap((f) => f.tables.filter((t) => t.kind === template.kind))
          .flatMap(producibleKeys),
      );
      const unprinted = [...produced].filter((k) => !template.keys.has(k));
      if (template.kind !== 't2') {
        expect(unprinted, template.kind).toEqual([]);
        continue;
      }
      // Each unprinted pair's row and column are printed elsewhere: no pattern is dead.
      const rows = new Set([...template.keys].map((k) => splitKey(k)[0]));
      const cols = new Set([...template.keys].map((k) => splitKey(k)[1]));
      for (const key of unprinted) {
        const [row, col] = splitKey(key);
        expect(rows.has(row) && cols.has(col), key).toBe(true);
      }
    }
  });

  it('recognise table 三 first, then 四, then 二', () => {
    expect(formatTemplates().map((t) => t.kind)).toEqual(['t3', 't4', 't2']);
  });

  it('count everything but table 二’s changes and amounts', () => {
    expect(isCountKey('t3.deny.secret.natural')).toBe(true);
    expect(isCountKey('t4.review.total')).toBe(true);
    expect(isCountKey('t2.license.decisions')).toBe(true);
    expect(isCountKey('t2.license.delta')).toBe(false);
    expect(isCountKey('t2.fees.amount')).toBe(false);
    expect(isCountKey('legacy.apply.received')).toBe(true);
    expect(isCountKey('other.thing')).toBe(false);
  });

  it('are named in the UI, in both languages', () => {
    const locale = (lang: string) =>
      JSON.parse(
        readFileSync(
          join(import.meta.dirname, '../../../public/_locales', lang, 'messages.json'),
          'utf8',
        ),
      ) as Record<string, { message: string }>;
    for (const format of formats()) {
      expect(MESSAGE_KEYS as readonly string[], format.id).toContain(format.messageKey);
      expect(templateMessageKey(format.id)).toBe(format.messageKey);
      for (const lang of ['zh_CN', 'en'])
        expect(locale(lang)[format.messageKey]?.message).toBeTruthy();
    }
    expect(templateMessageKey('unknown')).toBe('templateUnknown');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { likelyLine, listTerms, termLabel, zerosLine } from '../../../components/card-terms';
import type { MessageKey, Translate } from '../../../components/i18n';
import { lastYearRow } from '../../../lib/checks/year-over-year-data';
import type { CellRef, Finding } from '../../../lib/model/report';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** The locale's own strings, with their named placeholders filled as the browser fills them. */
function translator(locale: 'zh_CN' | 'en'): Translate {
  const messages = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '../../public/_locales', locale, 'messages.json'),
      'utf8',
    ),
  ) as Messages;
  return (key: MessageKey, ...subs: string[]) => {
    const entry = messages[key];
    if (!entry) throw new Error(`${locale} lacks ${key}`);
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  };
}

const ref = (row: string, col: string, value: number | null): CellRef => ({ row, col, value });

const finding = (over: Partial<Finding>): Finding => ({
  rule: 't3.row-total',
  family: 'identity',
  severity: 'error',
  message: '',
  messageEn: '',
  cells: [],
  terms: [],
  expected: null,
  actual: null,
  arithmetic: '',
  ...over,
});

describe('the terms a card lists', () => {
  it('names a cell by its printed row, and its column where the table has several', () => {
    expect(termLabel(ref('(三)申请答复数', '合计', 70))).toBe('(三)申请答复数');
    // In table 三, 总计 is one column among the applicants: it is named.
    expect(
      termLabel({ ...ref('1.本机关不掌握相关政府信息', '总计', 28), key: 't3.notHeld.total' }),
    ).toBe('1.本机关不掌握相关政府信息 · 总计');
    expect(termLabel(ref('本机关不掌握相关政府信息', '自然人', 22))).toBe(
      '本机关不掌握相关政府信息 · 自然人',
    );
    // Legacy labels carry their note after a line break: one line on the card.
    expect(
      termLabel(ref('(一)主动公开政府信息数\n(不同渠道和方式公开相同信息计1条)', '合计', 1)),
    ).toBe('(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)');
  });

  it('lists each figure as label = value and folds the zeros into a count', () => {
    const terms = [
      ref('1．属于已主动公开范围数', '合计', 2),
      ref('其中:涉及国家秘密', '合计', 0),
      ref('2．同意公开答复数', '合计', 17),
      ref('涉及商业秘密', '合计', 0),
      ref('8．告知通过其他途径办理数', '合计', null),
      ref('法人', '合计', 0),
    ];
    expect(listTerms(terms)).toEqual({
      lines: [
        { label: '1．属于已主动公开范围数', value: '2' },
        { label: '2．同意公开答复数', value: '17' },
        // A blank is not a zero: it stays, as a dash.
        { label: '8．告知通过其他途径办理数', value: '—' },
      ],
      zeros: 3,
    });
  });

  it("names a term of last year's report in the card's language, its label as printed", () => {
    const term = ref(lastYearRow(2022, '四、结转下年度继续办理'), '自然人', 4);
    expect(listTerms([term], translator('en')).lines).toEqual([
      { label: '2022 report: 四、结转下年度继续办理 · 自然人', value: '4' },
    ]);
    expect(listTerms([term], translator('zh_CN')).lines).toEqual([
      { label: '上年（2022年度）报告：四、结转下年度继续办理 · 自然人', value: '4' },
    ]);
  });

  it('says how many zeros were folded, in the UI language', () => {
    const zh = translator('zh_CN');
    const en = translator('en');
    expect(zerosLine(0, zh)).toBeNull();
    expect(zerosLine(6, zh)).toBe('另 6 项为 0');
    expect(zerosLine(1, zh)).toBe('另 1 项为 0');
    expect(zerosLine(6, en)).toBe('6 more terms are 0');
    expect(zerosLine(1, en)).toBe('1 more term is 0');
  });
});

describe('the likely right value', () => {
  const zh = translator('zh_CN');
  const en = translator('en');

  it('is stated where the rule singled the marked cell out', () => {
    const culprit = finding({ expected: 22, actual: 32, likely: true });
    expect(likelyLine(culprit, zh)).toBe('32 很可能应为 22');
    expect(likelyLine(culprit, en)).toBe('32 is likely meant to be 22');
  });

  it('is not stated where expected is only what a sum comes to', () => {
    expect(likelyLine(finding({ expected: 55, actual: 70 }), zh)).toBeNull();
  });

  it('is not stated for a bound or a date', () => {
    expect(likelyLine(finding({ expected: '≤ 5', actual: 8, likely: true }), zh)).toBeNull();
    expect(likelyLine(finding({ expected: 5, actual: null, likely: true }), zh)).toBeNull();
  });
});

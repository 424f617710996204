import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../lib/narrative/claims';
import { pairs } from './support';

describe('Chinese numerals and approximations', () => {
  it('reads Chinese numerals as exact counts', () => {
    const claims = extractClaims('全年收到政府信息公开申请一百二十八件，其中两件予以公开。', {
      year: 2023,
    });
    expect(claims.map((c) => [c.subject, c.value, c.approximate, c.raw])).toEqual([
      ['received', 128, false, '一百二十八'],
      ['open', 2, false, '两'],
    ]);
  });

  it('marks 余/多/近/约/超过 as approximate with the stated value', () => {
    const claims = extractClaims(
      '全年收到政府信息公开申请300多件，办结近百件，约50件予以公开，超过20件不予公开。',
      { year: 2023 },
    );
    expect(claims.map((c) => [c.subject, c.value, c.approximate])).toEqual([
      ['received', 300, true],
      ['answered', 100, true],
      ['open', 50, true],
      ['deny', 20, true],
    ]);
  });

  it('reads full-width digits and thousands separators', () => {
    expect(pairs('全年收到政府信息公开申请１，２３４件。')).toEqual([]);
    expect(pairs('全年收到政府信息公开申请1,234件。')).toEqual([['received', 1234]]);
    expect(pairs('全年收到政府信息公开申请１２８件。')).toEqual([['received', 128]]);
  });

  it('does not read vague amounts (数十件, 十几件) as numbers', () => {
    expect(pairs('全年收到政府信息公开申请数十件，答复十几件。')).toEqual([]);
  });
});

describe('numbers that count nothing', () => {
  it('ignores dates, article numbers, phone and document numbers', () => {
    expect(
      pairs(
        '自2023年1月1日起，依据《条例》第二十条，收到政府信息公开申请5件（联系电话0571-12345678，〔2023〕5号）。',
      ),
    ).toEqual([['received', 5]]);
  });

  it('ignores money, durations and percentages of something else', () => {
    expect(
      pairs(
        '依申请公开信息收取费用0万元。政府信息公开申请均在15个工作日内答复，满意率达到100%，收件率达93.75%。',
      ),
    ).toEqual([]);
  });
});

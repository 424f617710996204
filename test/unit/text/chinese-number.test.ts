import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../lib/text/chinese-number';

describe('parseChineseNumber', () => {
  it.each([
    ['128', 128],
    ['１２８', 128],
    ['3,259', 3259],
    ['12.5', 12.5],
    ['三', 3],
    ['十五', 15],
    ['二十', 20],
    ['一百二十八', 128],
    ['一百零五', 105],
    ['两千零三', 2003],
    ['三万一千二百', 31200],
    ['二十万零三', 200003],
    ['一亿二千万', 120000000],
    ['壹佰贰拾叁', 123],
    ['〇', 0],
    ['零', 0],
    ['二〇二三', 2023],
    ['1.2万', 12000],
    ['1.1万', 11000],
    ['3万', 30000],
    ['1万', 10000],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('reads the bare units of 近百件 / 近万条 as one hundred and ten thousand', () => {
    expect(parseChineseNumber('百')).toBe(100);
    expect(parseChineseNumber('万')).toBe(10000);
  });

  it('reads the colloquial trailing digit in the next lower place', () => {
    expect(parseChineseNumber('一万五')).toBe(15000);
    expect(parseChineseNumber('一百二')).toBe(120);
  });

  it.each([[''], ['abc'], ['3万余'], ['十百'], ['万万'], ['三五'], ['一二'], ['5件']])(
    'rejects %j, which is not exactly one number',
    (text) => {
      expect(parseChineseNumber(text)).toBeNull();
    },
  );
});

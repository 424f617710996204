import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../../lib/text/cell-value';

const num = (value: number, unit = '', decimals = 0, approximate = false) => ({
  kind: 'number',
  value,
  decimals,
  unit,
  approximate,
});

describe('parseCellValue: numbers', () => {
  it.each([
    ['0', num(0)],
    ['476', num(476)],
    ['００７', num(7)],
    ['１２３', num(123)],
    ['  31 ', num(31)],
    ['\u00a031\u00a0', num(31)],
  ])('reads %j as a plain count', (text, expected) => {
    expect(parseCellValue(text)).toEqual(expected);
  });

  it.each([
    ['+461', 461],
    ['＋461', 461],
    ['增5', 5],
    ['增加 5', 5],
    ['-3', -3],
    ['－3', -3],
    ['−3', -3],
    ['减4', -4],
    ['减 4', -4],
    ['减少4', -4],
    ['负2', -2],
  ])('reads the sign of %j', (text, value) => {
    expect(parseCellValue(text)).toEqual(num(value));
  });

  it('reads a printed -0 as zero, not negative zero', () => {
    const v = parseCellValue('-0');
    expect(v.kind === 'number' && Object.is(v.value, 0)).toBe(true);
  });

  it.each([
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['12,345,678', 12345678],
    ['1 234 567', 1234567],
  ])('reads thousands separators in %j', (text, value) => {
    expect(parseCellValue(text)).toEqual(num(value));
  });

  it.each([
    ['12.5', num(12.5, '', 1)],
    ['１２．５０', num(12.5, '', 2)],
    ['1,234.56', num(1234.56, '', 2)],
    ['0.00', num(0, '', 2)],
  ])('keeps the decimals printed in %j', (text, expected) => {
    expect(parseCellValue(text)).toEqual(expected);
  });

  it.each([
    ['12.5%', num(12.5, '%', 1)],
    ['12.5％', num(12.5, '%', 1)],
    ['251000元', num(251000, '元')],
    ['3.5万元', num(3.5, '万元', 1)],
    ['128件', num(128, '件')],
    ['128 件', num(128, '件')],
    ['3条', num(3, '条')],
    ['2次', num(2, '次')],
    ['4个', num(4, '个')],
    ['2人', num(2, '人')],
    ['35人次', num(35, '人次')],
    ['6项', num(6, '项')],
    ['12篇', num(12, '篇')],
    ['4期', num(4, '期')],
    ['+5件', num(5, '件')],
    ['减2项', num(-2, '项')],
  ])('keeps the unit of %j', (text, expected) => {
    expect(parseCellValue(text)).toEqual(expected);
  });

  it.each([
    ['约100', num(100, '', 0, true)],
    ['近50件', num(50, '件', 0, true)],
    ['100余件', num(100, '件', 0, true)],
    ['300多条', num(300, '条', 0, true)],
    ['200余', num(200, '', 0, true)],
    ['20%左右', num(20, '%', 0, true)],
  ])('marks %j as approximate', (text, expected) => {
    expect(parseCellValue(text)).toEqual(expected);
  });
});

describe('parseCellValue: blank, dash, text', () => {
  it.each(['', ' ', '\u00a0', '\u00a0\u00a0 ', '\u3000', '\u200b', '\ufeff\u200b ', '\n\t'])(
    'reads %j as blank (not zero)',
    (text) => {
      expect(parseCellValue(text)).toEqual({ kind: 'blank' });
    },
  );

  it.each(['—', '——', '– ', '-', '――', '/', '／', '\\', '— —', '无', '不适用', 'N/A', 'n/a'])(
    'reads %j as a dash mark',
    (text) => {
      expect(parseCellValue(text)).toEqual({ kind: 'dash' });
    },
  );

  it.each([
    '见附件',
    '1O',
    'l2',
    '1.2.3',
    '12 34',
    '1,2345',
    '1e5',
    '1 2',
    '2019年',
    '自然人',
    '三',
    '5-3',
    '+',
    '减',
    '.5.',
  ])('reads %j as text', (text) => {
    expect(parseCellValue(text)).toEqual({ kind: 'text' });
  });

  it('does bounded work on huge strings and never throws', () => {
    expect(parseCellValue('1'.repeat(200_000))).toEqual({ kind: 'text' });
    expect(parseCellValue(`${' '.repeat(100_000)}\u00a0`)).toEqual({ kind: 'blank' });
    expect(parseCellValue(`${'1,'.repeat(50_000)}1`)).toEqual({ kind: 'text' });
  });
});

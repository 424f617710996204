import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../lib/narrative/claims';
import { pairs } from './support';

describe('statements without a number', () => {
  it('reads 均获维持 / 全部胜诉 as all upheld for the group named', () => {
    const claims = extractClaims('发生政府信息公开行政复议2件，均获维持；行政诉讼1件，全部胜诉。', {
      year: 2023,
    });
    expect(claims.map((c) => [c.subject, c.value, c.assertion ?? null])).toEqual([
      ['review', 2, null],
      ['review', 0, 'allUpheld'],
      ['litigation', 1, null],
      ['litigation', 0, 'allUpheld'],
    ]);
  });

  it('applies 均维持原 to both groups when they were named together', () => {
    const claims = extractClaims(
      '因政府信息公开引发的行政复议、行政诉讼共5件，均维持原行政行为。',
      { year: 2023 },
    );
    expect(claims.map((c) => [c.subject, c.assertion])).toEqual([
      ['review+litigation', undefined],
      ['review', 'allUpheld'],
      ['litigation', 'allUpheld'],
    ]);
  });

  it('does not read a negated 全部维持 as all upheld', () => {
    expect(pairs('政府信息公开行政复议1件，未全部维持。')).toEqual([['review', 1]]);
  });

  it('reads 未发生…行政复议、行政诉讼 as zero of each, not approximate', () => {
    const claims = extractClaims('2018年，全局未发生有关因政府信息公开的行政复议、提起诉讼事件。', {
      year: 2018,
    });
    expect(claims).toEqual([
      {
        subject: 'review',
        value: 0,
        approximate: false,
        raw: '未发生',
        sentence: '2018年，全局未发生有关因政府信息公开的行政复议、提起诉讼事件。',
        assertion: 'none',
      },
      {
        subject: 'litigation',
        value: 0,
        approximate: false,
        raw: '未发生',
        sentence: '2018年，全局未发生有关因政府信息公开的行政复议、提起诉讼事件。',
        assertion: 'none',
      },
    ]);
  });

  it('reads 无…行政复议 for the one group named', () => {
    expect(pairs('全年无因政府信息公开被申请行政复议的情况。')).toEqual([['review', 0]]);
  });

  it('does not read "no corrected reviews" as "no reviews"', () => {
    expect(pairs('全年未发生被依法纠错的行政复议案件。')).toEqual([]);
  });

  it('ignores a plan to have no reviews', () => {
    expect(pairs('力争继续全年无复议、无诉讼。')).toEqual([]);
  });

  it('ignores a statement dated to another year', () => {
    expect(pairs('2022年未发生政府信息公开行政复议。')).toEqual([]);
  });
});

describe('均获维持 said of several groups', () => {
  const allUpheld = (text: string, year = 2023) =>
    extractClaims(text, { year })
      .filter((c) => c.assertion === 'allUpheld')
      .map((c) => c.subject);

  it('covers every group named before it: 行政复议7件，诉讼9件，均获维持', () => {
    expect(allUpheld('因政府信息公开申请引发行政复议7件，诉讼9件，均获维持。')).toEqual([
      'review',
      'litigation',
    ]);
    expect(allUpheld('行政复议7件，行政诉讼9件，全部维持。')).toEqual(['review', 'litigation']);
    expect(allUpheld('行政复议7件，行政诉讼9件。均维持原行政行为。')).toEqual([
      'review',
      'litigation',
    ]);
  });

  it('covers the groups its own clause names, where it names any', () => {
    expect(allUpheld('行政复议7件，行政诉讼9件，其中行政复议均获维持。')).toEqual(['review']);
    expect(allUpheld('行政复议7件，行政诉讼9件，行政复议和行政诉讼均获维持。')).toEqual([
      'review',
      'litigation',
    ]);
  });

  it('covers only the groups named after the last outcome stated', () => {
    expect(allUpheld('行政复议3件，纠正1件，行政诉讼2件，均获维持。')).toEqual(['litigation']);
  });

  it('leaves out a group named as having no cases or only as the way to court', () => {
    expect(allUpheld('本年度未发生行政复议，行政诉讼2件，均获维持。')).toEqual(['litigation']);
    expect(allUpheld('行政诉讼2件（其中复议后起诉1件），均获维持。')).toEqual(['litigation']);
  });
});

describe('零败诉', () => {
  it('says no lawsuit was lost, and nothing about how many there were', () => {
    const text = '本年度政府信息公开行政诉讼案件零败诉。';
    expect(pairs(text)).toEqual([['litigation.corrected', 0]]);
    const claim = extractClaims(text, { year: 2023 })[0];
    expect(claim?.raw).toBe('零');
    expect(claim && text.slice(...(claim.at ?? [0, 0]))).toBe('零败诉');
    expect(pairs('因政府信息公开引发的行政诉讼案件零起败诉。')).toEqual([
      ['litigation.corrected', 0],
    ]);
  });

  it('keeps the lawsuits counted beside it', () => {
    expect(pairs('政府信息公开行政诉讼3件，零败诉。')).toEqual([
      ['litigation', 3],
      ['litigation.corrected', 0],
    ]);
  });

  it('claims nothing for a target, for reviews, or outside disclosure', () => {
    expect(pairs('力争实现政府信息公开行政诉讼零败诉。')).toEqual([]);
    expect(pairs('政府信息公开行政复议零败诉。')).toEqual([]);
    expect(pairs('全年行政应诉案件零败诉。')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../lib/narrative/claims';
import { only, pairs } from './support';

describe('which number a phrase owns', () => {
  it('gives each clause its own subject: 受理 and 答复', () => {
    expect(pairs('全年共受理政府信息公开申请3259件，答复3278件。')).toEqual([
      ['received', 3259],
      ['answered', 3278],
    ]);
  });

  it('reads the channels after 其中 as channels, not as more requests received', () => {
    expect(
      pairs('共收到政府信息公开申请128件，其中当面申请3件、网上申请120件、信函申请5件。'),
    ).toEqual([
      ['received', 128],
      ['channel.inPerson', 3],
      ['channel.online', 120],
      ['channel.letter', 5],
    ]);
  });

  it('attributes 被依法纠错 to the review or litigation named before it', () => {
    expect(pairs('行政复议3件，被依法纠错1件；行政诉讼5件，被依法纠错0件。')).toEqual([
      ['review', 3],
      ['review.corrected', 1],
      ['litigation', 5],
      ['litigation.corrected', 0],
    ]);
  });

  it('reads the four figures of a 2019-format summary sentence', () => {
    expect(
      pairs('本年新收政府信息公开申请476件，上年结转25件，办结467件，结转下年度继续办理34件。'),
    ).toEqual([
      ['received', 476],
      ['carryIn', 25],
      ['answered', 467],
      ['carryOut', 34],
    ]);
  });

  it('reads each result category and review outcome', () => {
    expect(
      pairs(
        '收到政府信息公开申请128件，予以公开80件，部分公开10件，不予公开5件，无法提供20件，不予处理2件，其他处理1件。' +
          '因政府信息公开被申请行政复议3件，其中维持2件，纠正1件；提起行政诉讼2件，法院驳回原告诉讼请求1件，1件尚未审结。',
      ),
    ).toEqual([
      ['received', 128],
      ['open', 80],
      ['partial', 10],
      ['deny', 5],
      ['unable', 20],
      ['noProcess', 2],
      ['other', 1],
      ['review', 3],
      ['review.upheld', 2],
      ['review.corrected', 1],
      ['litigation', 2],
      ['litigation.upheld', 1],
      ['litigation.pending', 1],
    ]);
  });

  it('claims nothing for a number that counts two subjects together', () => {
    expect(pairs('因政府信息公开引发的行政复议和行政诉讼共5件。')).toEqual([]);
    expect(pairs('收到政府信息公开申请9件，不予公开、无法提供的共5件。')).toEqual([
      ['received', 9],
    ]);
  });

  it('does not count litigation after review as the litigation total', () => {
    expect(pairs('因政府信息公开引发行政诉讼5件，其中复议后起诉2件。')).toEqual([
      ['litigation', 5],
    ]);
  });
});

describe('percentages', () => {
  it('reads 办结率 as the answered share', () => {
    const claim = only('政府信息公开申请办结率100%。', 'percent.answered');
    expect(claim).toMatchObject({ value: 100, raw: '100%', approximate: false });
  });

  it('gives 占N% the subject of the count just before it, and its denominator when named', () => {
    const claims = extractClaims(
      '三、收到和处理政府信息公开申请情况\n本年度共受理3259件，其中予以公开12件，占20%；部分公开6件，占申请总数的10%。',
      { year: 2023 },
    );
    expect(claims.map((c) => [c.subject, c.value, c.denominator])).toEqual([
      ['received', 3259, undefined],
      ['open', 12, undefined],
      ['percent.open', 20, undefined],
      ['partial', 6, undefined],
      ['percent.partial', 10, 'received'],
    ]);
  });

  it('reads a named share: 网上申请占比60%', () => {
    expect(pairs('全年收到政府信息公开申请128件，其中网上申请占比60%。')).toEqual([
      ['received', 128],
      ['percent.channel.online', 60],
    ]);
  });
});

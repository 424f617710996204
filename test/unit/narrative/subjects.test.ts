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

  it('reads a number that counts two subjects together as their sum, never as either', () => {
    expect(pairs('因政府信息公开引发的行政复议和行政诉讼共5件。')).toEqual([
      ['review+litigation', 5],
    ]);
    expect(pairs('收到政府信息公开申请9件，不予公开、无法提供的共5件。')).toEqual([
      ['received', 9],
      ['deny+unable', 5],
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

describe('categories counted together', () => {
  it('reads 予以公开及部分公开258件，占33.9% as the sum of the two and its share', () => {
    expect(pairs('本年度共收到政府信息公开申请805件，予以公开及部分公开258件，占33.9%。')).toEqual([
      ['received', 805],
      ['open+partial', 258],
      ['percent.open+partial', 33.9],
    ]);
  });

  it('joins categories by 及, 和, 与 and 、, three at a time, in the order printed', () => {
    const lead = '收到政府信息公开申请90件，';
    expect(pairs(`${lead}予以公开和部分公开的共43件。`)).toContainEqual(['open+partial', 43]);
    expect(pairs(`${lead}部分公开与予以公开43件。`)).toContainEqual(['partial+open', 43]);
    expect(pairs(`${lead}不予公开、无法提供及不予处理的申请共45件。`)).toContainEqual([
      'deny+unable+noProcess',
      45,
    ]);
  });

  it('reads 同意公开和部分同意公开 as the two results, not as 同意公开 alone', () => {
    expect(pairs('收到政府信息公开申请90件，同意公开和部分同意公开的共43件。')).toEqual([
      ['received', 90],
      ['open+partial', 43],
    ]);
  });

  it('reads a share of categories named together without a count before it', () => {
    expect(pairs('收到政府信息公开申请90件，予以公开和部分公开占比为47.8%。')).toEqual([
      ['received', 90],
      ['percent.open+partial', 47.8],
    ]);
  });

  it('sums request channels named together', () => {
    expect(pairs('共收到政府信息公开申请128件，其中当面和信函申请共8件，网上申请120件。')).toEqual([
      ['received', 128],
      ['channel.inPerson+channel.letter', 8],
      ['channel.online', 120],
    ]);
  });

  it('does not sum what has a figure each (分别, 各, 均), a list left open (等) or what does not add up', () => {
    const lead = '收到政府信息公开申请90件，';
    expect(pairs(`${lead}予以公开、部分公开分别为31件、12件。`)).toEqual([['received', 90]]);
    expect(pairs(`${lead}予以公开、部分公开各2件。`)).toEqual([['received', 90]]);
    expect(pairs('因政府信息公开引发的行政复议和行政诉讼均为1件。')).toEqual([]);
    expect(pairs(`${lead}不予公开、无法提供等情形共20件。`)).toEqual([['received', 90]]);
    expect(pairs('本年度政府信息公开申请收到和予以公开共50件。')).toEqual([]);
  });
});

describe('the subject a figure belongs to', () => {
  it('reads 结转下年度办理2件 as carried forward, not as requests handled', () => {
    expect(pairs('本年度共办理政府信息公开申请128件，结转下年度办理2件。')).toEqual([
      ['answered', 128],
      ['carryOut', 2],
    ]);
    expect(pairs('收到政府信息公开申请130件，结转至下一年度继续依法办理的2件。')).toEqual([
      ['received', 130],
      ['carryOut', 2],
    ]);
  });

  it('does not read 网络问政, 网上留言 or 在线咨询 as requests, online or otherwise', () => {
    expect(pairs('本年度收到政府信息公开申请128件，网络问政182件。')).toEqual([['received', 128]]);
    expect(pairs('依申请公开方面，全年受理网络问政182件。')).toEqual([]);
    expect(
      pairs('本年度政府信息公开申请中网上申请12件；另收到网上留言45件，在线咨询30件。'),
    ).toEqual([['channel.online', 12]]);
  });
});

import { describe, expect, it } from 'vitest';
import { pairs } from './support';

describe("last year's figures are not this year's", () => {
  it('ignores changes against last year', () => {
    expect(
      pairs('收到政府信息公开申请128件，比上年增加12件，同比增长20%，较去年多出3件。'),
    ).toEqual([['received', 128]]);
    expect(pairs('收到政府信息公开申请较去年减少3件。')).toEqual([]);
    expect(pairs('共收到政府信息公开申请12件，较2022年的10件有所增加。')).toEqual([
      ['received', 12],
    ]);
  });

  it('ignores a change even when it names no year', () => {
    expect(pairs('全年收到政府信息公开申请同比增加12件，办结率环比提高5%。')).toEqual([]);
  });

  it('ignores figures dated to another year than the report year', () => {
    const text = '2022年收到政府信息公开申请50件，2023年收到政府信息公开申请60件。';
    expect(pairs(text, 2023)).toEqual([['received', 60]]);
    expect(pairs(text, 2022)).toEqual([['received', 50]]);
  });

  it('ignores 上年度 figures but keeps 上年结转, which is this year’s carry-in', () => {
    expect(pairs('上年度收到政府信息公开申请50件。')).toEqual([]);
    expect(pairs('本年收到政府信息公开申请60件，上年结转5件。')).toEqual([
      ['received', 60],
      ['carryIn', 5],
    ]);
  });

  it('accepts carry-over dated to the following year', () => {
    expect(pairs('收到政府信息公开申请40件，结转至2024年继续办理3件。')).toEqual([
      ['received', 40],
      ['carryOut', 3],
    ]);
  });
});

describe('figures of something else than the subject', () => {
  it('ignores other things that are received and answered in the same words', () => {
    expect(
      pairs(
        '全年收到政府信息公开申请120件。政务服务中心共受理各类事项12000件，办结11900件，办结率99%。受理行政许可申请300件。',
      ),
    ).toEqual([['received', 120]]);
    expect(pairs('全年司法局办理行政复议案件120件。')).toEqual([]);
  });

  it('ignores a share that follows a figure without a subject', () => {
    expect(pairs('全年共收到政府信息公开申请120件，其中自然人申请112件，占93%。')).toEqual([
      ['received', 120],
    ]);
  });

  it('ignores counts in plans and targets', () => {
    expect(pairs('力争全年办结政府信息公开申请100件。')).toEqual([]);
  });
});

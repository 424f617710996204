import { describe, expect, it } from 'vitest';
import { ClaimSchema } from '../../../lib/model/report';
import { extractClaims } from '../../../lib/narrative/claims';
import { MAX_SENTENCE_CHARS } from '../../../lib/narrative/sentences';
import { listWithoutBreaks, paragraphWithoutBreaks } from '../../../scripts/pages/long-text';
import { only, pairs } from './support';

describe('the real seed reports', () => {
  it('seed 002 (海陵区 2017): requests, channels, review and litigation', () => {
    const text = [
      '三、依申请公开办理情况',
      '2017年全区共收到政府信息公开申请70件，申请内容主要涉及征收搬迁、土地规划、机构设立等方面。当面申请3件，传真申请0件，网络申请44件，信函申请23件。答复信息公开申请未收取任何费用，有效保障了市民的知情权、监督权。',
      '四、因政府信息公开被申请行政复议、提起行政诉讼的情况',
      '2017年，全区因政府信息公开发生行政复议3件，被依法纠错1件；行政诉讼5件，被依法纠错0件。',
    ].join('\n');
    expect(pairs(text, 2017)).toEqual([
      ['received', 70],
      ['channel.inPerson', 3],
      ['channel.fax', 0],
      ['channel.online', 44],
      ['channel.letter', 23],
      ['review', 3],
      ['review.corrected', 1],
      ['litigation', 5],
      ['litigation.corrected', 0],
    ]);
    const inPerson = only(text, 'channel.inPerson', 2017);
    expect(inPerson.sentence).toBe('当面申请3件，传真申请0件，网络申请44件，信函申请23件。');
  });

  it('seed 002: the mayor’s mailbox and the website are not requests; the channel binds only its own clause', () => {
    expect(
      pairs(
        '全年区长信箱收到308件，回复办结数量308件，办结率100%，平均办理时间为4天，网站公开信件答复数量308件。' +
          '全年通过区政府网站发布动态信息20903条，主动公开各类政府信息2613条。' +
          '全年通过泰州市公共企事业单位信息公开平台主动公开各类信息7725条，比上年增长347.7%。',
        2017,
      ),
      // 2613 has no channel in its own clause: it is stated as the 主动公开 total (the table says 9585).
    ).toEqual([['active', 2613]]);
  });

  it('seed 003 (岱山县 2020): 1万余条, 27 requests and the 3 not yet due', () => {
    const sentence =
      '全年累计主动公开各类政府信息1万余条(信息公开目录统计数据)，县政府及各乡镇、各部门全年受理政府信息公开申请27件，内容涉及经济数据、土地征收、住房建设等方面，除3件未到期后，其他全部答复完成，全年未发生因信息公开申请引起的行政诉讼、行政复议案件。';
    const claims = extractClaims(sentence, { year: 2020 });
    expect(claims.map((c) => [c.subject, c.value, c.approximate, c.assertion ?? null])).toEqual([
      ['active', 10000, true, null],
      ['received', 27, false, null],
      ['carryOut', 3, false, null],
      ['litigation', 0, false, 'none'],
      ['review', 0, false, 'none'],
    ]);
    expect(claims[0]?.raw).toBe('1万');
    expect(claims.every((c) => c.sentence === sentence)).toBe(true);
  });

  it('seed 003: the plan for next year and unrelated counts give nothing', () => {
    expect(
      pairs(
        '共检查规范性文件157件，经审核决定保留110件、修改25件、废止失效22件。' +
          '2020年由政府系统承办的115件县人大代表建议、83件县政协提案，办理答复件基本上都以全文形式在网上进行公开。' +
          '二是规范依申请公开处理工作。建立健全办理工作流程，力争继续全年无复议、无诉讼。',
        2020,
      ),
    ).toEqual([]);
  });

  it('seed 000 (衢州 2018): 5起 requests; 2292条次 is per channel, not the 主动公开 total', () => {
    expect(
      pairs(
        '2018年我局通过各种形式公开主动公开政府信息2292条次。其中，通过浙江政务服务网公开行政处罚结果152条次，本部门网站主动公开信息871条次。' +
          '2018年度，全局收到5起市民群众向综合行政执法局要求公开政府信息的申请，已如期办结。',
        2018,
      ),
    ).toEqual([['received', 5]]);
  });

  it('seed 001 (绥芬河 2017): 无此类情况 under a heading that names both groups', () => {
    expect(
      pairs('(三)因政府信息公开申请行政复议、提出行政诉讼的情况\n我局无此类情况。', 2017),
    ).toEqual([
      ['review', 0],
      ['litigation', 0],
    ]);
  });
});

describe('output', () => {
  it('produces claims that satisfy the model schema', () => {
    const claims = extractClaims(
      '共收到政府信息公开申请128件，其中予以公开12件，占20%。行政复议1件，均获维持。',
      { year: 2023 },
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(ClaimSchema.safeParse(c).success).toBe(true);
  });

  it('works without a report year', () => {
    expect(pairs('2022年收到政府信息公开申请50件。', null)).toEqual([['received', 50]]);
    expect(extractClaims('收到政府信息公开申请5件。')).toHaveLength(1);
  });
});

/**
 * Characters the regular expressions go over while `read` runs: the reader's
 * work, counted rather than timed. A pattern that scans (global or sticky)
 * goes from lastIndex to the end of its match; any other may read its whole input.
 */
function charactersScanned(read: () => void): number {
  const exec = RegExp.prototype.exec;
  let chars = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const scans = this.global || this.sticky;
    const from = scans ? this.lastIndex : 0;
    const found = exec.call(this, input);
    chars += Math.max(0, (found && scans ? this.lastIndex : input.length) - from);
    return found;
  };
  try {
    read();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return chars;
}

describe('a long paragraph', () => {
  const work = (text: string) => charactersScanned(() => extractClaims(text, { year: 2023 }));

  it('is read in work that grows with its length, not with its square, within one sentence', () => {
    // Both within MAX_SENTENCE_CHARS, so each is read as one sentence; a figure every 12 characters.
    const figures = '共办结政府信息公开申请91件其中予以公开31件部分公开12件不予公开4件';
    const text = (chars: number) => figures.repeat(MAX_SENTENCE_CHARS).slice(0, chars);
    const short = work(text(MAX_SENTENCE_CHARS / 4));
    const long = work(text(MAX_SENTENCE_CHARS));
    // Four times the text: about four times the work (reading every number's prefix made it 16).
    expect(long / short).toBeLessThan(6);
  });

  it('reads categories counted together and 均获维持 after many groups in work that grows with its length', () => {
    // Lists of joined categories, groups piling up before one 均获维持, 零败诉: all within one sentence.
    const hostile =
      '政府信息公开申请予以公开、部分公开及不予公开的共5件占20%行政复议、行政诉讼复议诉讼复议诉讼均获维持零起败诉无法提供和不予处理各2件';
    const text = (chars: number) => hostile.repeat(MAX_SENTENCE_CHARS).slice(0, chars);
    expect(pairs(hostile)).toContainEqual(['open+partial+deny', 5]);
    const short = work(text(MAX_SENTENCE_CHARS / 4));
    const long = work(text(MAX_SENTENCE_CHARS));
    expect(long / short).toBeLessThan(6);
  });

  it('is read in work that grows with its length beyond the longest sentence', () => {
    const short = work(paragraphWithoutBreaks(5_000));
    const long = work(paragraphWithoutBreaks(20_000));
    expect(long / short).toBeLessThan(6);
    // A list joined by 、 only: every item a clause of its own, all in one clause for the vetoes.
    expect(work(listWithoutBreaks(20_000)) / work(listWithoutBreaks(5_000))).toBeLessThan(6);
  });

  it('gives the claims its repeated text makes, however long', () => {
    const subjects = (chars: number) =>
      new Set(extractClaims(paragraphWithoutBreaks(chars), { year: 2023 }).map((c) => c.subject));
    expect(subjects(100_000)).toEqual(subjects(20_000));
    expect(subjects(100_000)).toContain('open');
  });

  it('reads a list joined by 、 only as its first item claims, however long', () => {
    const claims = (chars: number) =>
      extractClaims(listWithoutBreaks(chars), { year: 2023 }).map((c) => [c.subject, c.value]);
    expect(claims(100_000)).toEqual(claims(300));
    expect(claims(300)).toEqual([['active', 1]]);
  });
});

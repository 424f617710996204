import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Claim, ClaimSchema } from '../../../lib/model/report';
import { extractClaims, MAX_SENTENCE_CHARS, splitSentences } from '../../../lib/narrative/claims';
import { listWithoutBreaks, paragraphWithoutBreaks } from '../../../scripts/pages/long-text';

/** Subject and value of each claim, in reading order: the part a check compares. */
function pairs(text: string, year: number | null = 2023): [string, number][] {
  return extractClaims(text, { year }).map((c) => [c.subject, c.value]);
}

function only(text: string, subject: string, year: number | null = 2023): Claim {
  const found = extractClaims(text, { year }).filter((c) => c.subject === subject);
  expect(found).toHaveLength(1);
  return found[0] as Claim;
}

describe('splitSentences', () => {
  it('cuts at 。；！？ and line breaks, keeping each sentence as printed', () => {
    expect(
      splitSentences('一、概述\n  收到申请3件；答复3件。是否公开？ 已公开！\r\n\n结束'),
    ).toEqual(['一、概述', '收到申请3件；', '答复3件。', '是否公开？', '已公开！', '结束']);
  });

  it('keeps a closing quote or bracket with the sentence it ends', () => {
    expect(splitSentences('他说“已办结。”随后公开。')).toEqual(['他说“已办结。”', '随后公开。']);
  });

  it('agrees with the loop over characters it replaced, on random text', () => {
    const ENDS = new Set(['。', '；', '！', '？', ';', '!', '?']);
    const TAILS = new Set(['”', '’', '」', '』', '）', ')']);
    const byLoop = (text: string): string[] => {
      const out: string[] = [];
      const push = (part: string) => {
        const trimmed = part.trim();
        if (trimmed !== '') out.push(trimmed);
      };
      let start = 0;
      let i = 0;
      while (i < text.length) {
        const ch = text[i] ?? '';
        if (ch === '\n' || ch === '\r') {
          push(text.slice(start, i));
          i += 1;
          start = i;
        } else if (ENDS.has(ch)) {
          let end = i + 1;
          while (end < text.length && (ENDS.has(text[end] ?? '') || TAILS.has(text[end] ?? ''))) {
            end += 1;
          }
          push(text.slice(start, end));
          start = end;
          i = end;
        } else i += 1;
      }
      push(text.slice(start));
      return out;
    };
    const textArb = fc
      .array(fc.constantFrom(...'收到申请3件。；！？;!?”’」』）)\n\r 　“（', '答复', '\r\n'), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 30 })), (text) => {
        expect(splitSentences(text)).toEqual(byLoop(text));
      }),
      { numRuns: 3000 },
    );
  });
});

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

describe('numbers that are not counts of the subject', () => {
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

  it('reads a sentence up to MAX_SENTENCE_CHARS as one: 其中 at its start reaches its end', () => {
    const lead = '政府信息公开申请其中';
    const end = '收到申请3件。';
    const filler = '情况'.repeat(MAX_SENTENCE_CHARS);
    const sentence = `${lead}${filler.slice(0, MAX_SENTENCE_CHARS - lead.length - end.length)}${end}`;
    expect(sentence).toHaveLength(MAX_SENTENCE_CHARS);
    expect(pairs(sentence)).toEqual([]);
  });

  it('reads a longer one in windows cut at clause breaks, each a sentence of its own', () => {
    const filler = '依申请公开工作情况良好，'.repeat(MAX_SENTENCE_CHARS / 10);
    const sentence = `政府信息公开申请其中网上申请2件，${filler}收到申请3件。`;
    // The window holding the end starts after a comma, far from 其中.
    expect(pairs(sentence)).toEqual([
      ['channel.online', 2],
      ['received', 3],
    ]);
  });

  it('never cuts a number where no clause break is near', () => {
    const text = '收到政府信息公开申请4567件'.repeat(MAX_SENTENCE_CHARS / 4);
    const claims = extractClaims(text, { year: 2023 });
    expect(claims.length).toBeGreaterThan(1);
    expect(claims.every((c) => c.subject === 'received' && c.raw === '4567')).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasListingWord,
  hasReportPhrase,
  isAboutReports,
  mentionsYear,
  REPORT_PHRASE,
} from '../../../lib/page/report-title';

/**
 * The patterns detection used before its words were matched by loops, kept
 * as the specification: the loops must agree with them on every text.
 */
const YEAR = /(19|20)\d{2}\s*年|年度/;
const NOT_A_REPORT =
  /的通知|的通报|通知$|通报$|培训|召开|部署|图解|解读|一图|读懂|图说|答记者问|工作会议?$|格式》|报告格式|(做好|开展|完成|推进|规范)[^。]{0,12}(编制|发布|报送)工作|情况通报|评估报告|第三方评估/;
const LISTING_HINT = /年报|年度报告|信息公开|政务公开/;

/** Filler between the interesting parts, some of it near misses. */
const FILLER = [
  ...'信息政务公开工作年度报告年报通知的会议评估培训召开部署解读图说一读懂答记者问格式》《第三方情况通报做好开展完成推进规范编制发布报送。.0123456789',
  '政府',
  '某某县人民',
  '关于',
  '工作会',
  '工作会议',
  '的通知',
];
const fillerArb = fc.array(fc.constantFrom(...FILLER), { maxLength: 4 }).map((p) => p.join(''));

/** A report phrase, whole or broken: subject, optional words in or out of order, an ending or not. */
const phraseArb = fc
  .tuple(
    fc.constantFrom('信息公开', '政务公开', '信息公', '政务'),
    fc.array(fc.constantFrom('工作', '年度', '工', '年'), { maxLength: 4 }),
    fc.constantFrom('报告', '年报', '报', '工作报告', '年度报告', ''),
  )
  .map(([subject, words, ending]) => subject + words.join('') + ending);

/** A year, well formed or not. */
const yearArb = fc
  .tuple(
    fc.constantFrom('19', '20', '21', '18', '2', ''),
    fc.constantFrom('0', '9', 'x', ''),
    fc.constantFrom('0', '9', '.', ''),
    fc.constantFrom('年', '年度', '度', ''),
  )
  .map((parts) => parts.join(''));

/** A task about reports, the verb and the object near or far, with or without a full stop between. */
const taskArb = fc
  .tuple(
    fc.constantFrom('做好', '开展', '完成', '推进', '规范', '做'),
    // Lengths drawn evenly: an array's length leans short, and the edge is at twelve.
    fc.integer({ min: 0, max: 14 }).chain((length) =>
      fc.array(fc.constantFrom('年', '度', '报', '告', '.', '.', '.', '。'), {
        minLength: length,
        maxLength: length,
      }),
    ),
    fc.constantFrom('编制工作', '发布工作', '报送工作', '编制', '发布工'),
  )
  .map(([verb, gap, object]) => verb + gap.join('') + object);

/**
 * One negative part amid words that are not negative, so that the part
 * alone decides (another negative word would hide a wrong answer).
 */
const negativePartArb = fc
  .tuple(
    fc.constantFrom('', '某某县', '2023年政务公开年报', '关于'),
    fc.oneof(
      taskArb,
      fc.constantFrom(
        '工作会',
        '工作会议',
        '通知',
        '通报',
        '会议',
        '工作议',
        '的通知',
        '的通报',
        '格式》',
        '评估',
      ),
    ),
    fc.constantFrom('', '工作', '年度'),
  )
  .map((parts) => parts.join(''));

const titleArb = fc
  .array(fc.oneof(fillerArb, phraseArb, yearArb, taskArb), { maxLength: 6 })
  .map((parts) => parts.join(''));
const anyTextArb = fc.oneof(titleArb, fc.string({ unit: 'grapheme', maxLength: 30 }));

/** A loop and the pattern it replaces give the same answer on every text drawn. */
function agreesWithPattern(
  loop: (text: string) => boolean,
  pattern: RegExp,
  texts: fc.Arbitrary<string>,
  numRuns: number,
): void {
  fc.assert(
    fc.property(texts, (text) => {
      expect(loop(text)).toBe(pattern.test(text));
    }),
    { numRuns },
  );
}

describe('report title words, against the patterns they replace', () => {
  it('finds the report phrase exactly where the pattern does', () => {
    agreesWithPattern(hasReportPhrase, REPORT_PHRASE, anyTextArb, 5000);
  });

  it('finds a year exactly where the pattern does', () => {
    agreesWithPattern(mentionsYear, YEAR, anyTextArb, 5000);
  });

  it('tells a notice or explainer about reports exactly where the pattern does', () => {
    agreesWithPattern(isAboutReports, NOT_A_REPORT, fc.oneof(anyTextArb, negativePartArb), 5000);
  });

  it('sees a listing word exactly where the pattern does', () => {
    agreesWithPattern(hasListingWord, LISTING_HINT, anyTextArb, 2000);
  });

  it('judges the titles portals really print', () => {
    expect(hasReportPhrase('2023年度政府信息公开工作年度报告')).toBe(true);
    expect(hasReportPhrase('某某区政务公开工作年报')).toBe(true);
    expect(hasReportPhrase('政府信息公开指南')).toBe(false);
    expect(mentionsYear('2016年政府信息公开年度报告')).toBe(true);
    expect(mentionsYear('政府信息公开工作报告')).toBe(false);
    expect(isAboutReports('关于做好2023年政府信息公开工作年度报告编制发布工作的通知')).toBe(true);
    expect(isAboutReports('一图读懂2023年政府信息公开工作年度报告')).toBe(true);
    expect(isAboutReports('某某市机构编制委员会办公室2023年政府信息公开工作年度报告')).toBe(false);
  });
});

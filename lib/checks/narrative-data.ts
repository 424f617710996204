/**
 * What each narrative claim (lib/narrative/claims.ts) is checked against, as data:
 * the table cells whose sum is the figure the sentence states, for the
 * 2019/2021 formats and for legacy tables. lib/checks/narrative-rule.ts is
 * the one engine that reads these declarations.
 */
import { keysOf, splitKey } from '../formats/format-table';
import { fixedFormats, whileFormatsStay } from '../formats/registry';
import {
  T3_APPLICANT_COLUMNS,
  T3_DENY_ROWS,
  T3_NO_PROCESS_ROWS,
  T3_UNABLE_ROWS,
} from '../formats/table-3';

/** Which kind of tables the report carries: the fixed formats' t2/t3/t4 or a legacy statistics table. */
export type TableFamily = 'format' | 'legacy';

export interface NarrativeTarget {
  /** The figure's printed name, for messages. */
  zh: string;
  en: string;
  /**
   * Alternative sets of canonical keys whose sum is the figure. Only sets the
   * table carries completely are read (2019 prints one 其他处理 row, 2021
   * three); the claim agrees with the table if it agrees with any of them, and
   * a finding is raised against the first. A `t3.<row>.total` key left blank
   * is read as the sum of that row's applicant columns.
   */
  sets: string[][];
}

/** Applicant columns of table 三, summed when a row's 总计 is blank. */
export const T3_APPLICANTS: readonly string[] = T3_APPLICANT_COLUMNS;

const t3Total = (rows: string[]): string[] => rows.map((r) => `t3.${r}.total`);
/** Each format's rows of （六）其他处理 (one row in 2019, three in 2021), each set once. */
const otherRowSets = whileFormatsStay((): string[][] => {
  const sets = new Map<string, string[]>();
  for (const format of fixedFormats()) {
    const rows = [
      ...new Set(
        keysOf(format, 't3')
          .map((k) => splitKey(k)[0])
          .filter((r) => r === 'other' || r.startsWith('other.')),
      ),
    ];
    if (rows.length > 0) sets.set(rows.join(' '), rows);
  }
  return [...sets.values()];
});

const otherSets = whileFormatsStay(() => otherRowSets().map(t3Total));

const litigation = (outcome: string): string[] => [
  `t4.direct.${outcome}`,
  `t4.afterReview.${outcome}`,
];

const FORMAT_TARGETS: Record<string, NarrativeTarget> = {
  // 共收到申请97件（含上年结转5件）: some reports count the carried-over requests in.
  received: {
    zh: '本年新收申请',
    en: 'new requests',
    sets: [t3Total(['new']), t3Total(['new', 'carryIn'])],
  },
  carryIn: { zh: '上年结转申请', en: 'requests carried over', sets: [t3Total(['carryIn'])] },
  answered: { zh: '办理结果总计', en: 'requests handled', sets: [t3Total(['totalHandled'])] },
  carryOut: {
    zh: '结转下年度继续办理',
    en: 'requests carried forward',
    sets: [t3Total(['carryOut'])],
  },
  open: { zh: '予以公开', en: 'requests disclosed', sets: [t3Total(['open'])] },
  partial: { zh: '部分公开', en: 'requests partly disclosed', sets: [t3Total(['partial'])] },
  deny: {
    zh: '不予公开',
    en: 'requests refused',
    sets: [t3Total(T3_DENY_ROWS)],
  },
  unable: {
    zh: '无法提供',
    en: 'requests the agency could not answer (unable to provide)',
    sets: [t3Total(T3_UNABLE_ROWS)],
  },
  noProcess: {
    zh: '不予处理',
    en: 'requests not processed',
    sets: [t3Total(T3_NO_PROCESS_ROWS)],
  },
  other: {
    zh: '其他处理',
    en: 'requests otherwise handled',
    // Read when a claim is checked, so that a format registered later counts too.
    get sets() {
      return otherSets();
    },
  },
  review: { zh: '行政复议', en: 'administrative reviews', sets: [['t4.review.total']] },
  'review.upheld': { zh: '行政复议结果维持', en: 'reviews upheld', sets: [['t4.review.upheld']] },
  'review.corrected': {
    zh: '行政复议结果纠正',
    en: 'reviews corrected',
    sets: [['t4.review.corrected']],
  },
  'review.other': {
    zh: '行政复议其他结果',
    en: 'reviews, other result',
    sets: [['t4.review.other']],
  },
  'review.pending': {
    zh: '行政复议尚未审结',
    en: 'reviews pending',
    sets: [['t4.review.pending']],
  },
  litigation: { zh: '行政诉讼', en: 'lawsuits', sets: [litigation('total')] },
  'litigation.upheld': {
    zh: '行政诉讼结果维持',
    en: 'lawsuits upheld',
    sets: [litigation('upheld')],
  },
  'litigation.corrected': {
    zh: '行政诉讼结果纠正',
    en: 'lawsuits corrected',
    sets: [litigation('corrected')],
  },
  'litigation.other': {
    zh: '行政诉讼其他结果',
    en: 'lawsuits, other result',
    sets: [litigation('other')],
  },
  'litigation.pending': {
    zh: '行政诉讼尚未审结',
    en: 'lawsuits pending',
    sets: [litigation('pending')],
  },
  // No 主动公开 total in the 2019/2021 tables, and no channel breakdown: nothing to check.
};

const LEGACY_TARGETS: Record<string, NarrativeTarget> = {
  received: { zh: '收到申请数', en: 'requests received', sets: [['legacy.apply.received']] },
  'channel.inPerson': {
    zh: '当面申请数',
    en: 'requests in person',
    sets: [['legacy.apply.received.inPerson']],
  },
  'channel.fax': { zh: '传真申请数', en: 'requests by fax', sets: [['legacy.apply.received.fax']] },
  'channel.online': {
    zh: '网络申请数',
    en: 'requests online',
    sets: [['legacy.apply.received.online']],
  },
  'channel.letter': {
    zh: '信函申请数',
    en: 'requests by letter',
    sets: [['legacy.apply.received.letter']],
  },
  'channel.other': {
    zh: '其他方式申请数',
    en: 'requests by other means',
    sets: [['legacy.apply.received.other']],
  },
  // 答复 and 办结 are both said of the same requests; either row may be meant.
  answered: {
    zh: '申请答复数',
    en: 'requests answered',
    sets: [['legacy.apply.answered'], ['legacy.apply.closed']],
  },
  review: { zh: '行政复议数量', en: 'administrative reviews', sets: [['legacy.review.total']] },
  'review.upheld': {
    zh: '行政复议维持具体行政行为数',
    en: 'reviews upheld',
    sets: [['legacy.review.upheld']],
  },
  'review.corrected': {
    zh: '行政复议被依法纠错数',
    en: 'reviews corrected',
    sets: [['legacy.review.corrected']],
  },
  'review.other': {
    zh: '行政复议其他情形数',
    en: 'reviews, other result',
    sets: [['legacy.review.other']],
  },
  litigation: { zh: '行政诉讼数量', en: 'lawsuits', sets: [['legacy.litigation.total']] },
  'litigation.upheld': {
    zh: '行政诉讼维持具体行政行为数',
    en: 'lawsuits upheld',
    sets: [['legacy.litigation.upheld']],
  },
  'litigation.corrected': {
    zh: '行政诉讼被依法纠错数',
    en: 'lawsuits corrected',
    sets: [['legacy.litigation.corrected']],
  },
  'litigation.other': {
    zh: '行政诉讼其他情形数',
    en: 'lawsuits, other result',
    sets: [['legacy.litigation.other']],
  },
  active: { zh: '主动公开政府信息数', en: 'items published', sets: [['legacy.active.total']] },
};

export const NARRATIVE_TARGETS: Record<TableFamily, Record<string, NarrativeTarget>> = {
  format: FORMAT_TARGETS,
  legacy: LEGACY_TARGETS,
};

/**
 * Cells that 均获维持 / 全部胜诉 says are zero: cases corrected or still pending.
 * 其他结果 (table 四) and legacy 其他情形数 are left out: they hold withdrawn and
 * mediated cases, which the reports do not count against "all upheld" — a
 * reader would not call 「均获维持」 false for a withdrawn review.
 */
export const ALL_UPHELD_CONTRADICTED_BY: Record<
  TableFamily,
  Record<string, { zh: string; en: string; keys: string[] }>
> = {
  format: {
    review: {
      zh: '行政复议结果纠正、尚未审结',
      en: 'reviews corrected or pending',
      keys: ['t4.review.corrected', 't4.review.pending'],
    },
    litigation: {
      zh: '行政诉讼结果纠正、尚未审结',
      en: 'lawsuits corrected or pending',
      keys: [...litigation('corrected'), ...litigation('pending')],
    },
  },
  legacy: {
    review: {
      zh: '行政复议被依法纠错数',
      en: 'reviews corrected',
      keys: ['legacy.review.corrected'],
    },
    litigation: {
      zh: '行政诉讼被依法纠错数',
      en: 'lawsuits corrected',
      keys: ['legacy.litigation.corrected'],
    },
  },
};

const OF_RESULTS = ['answered', 'received'] as const;
const OF_CHANNELS = ['received'] as const;

/**
 * Denominators of a stated share when the sentence names none, the usual
 * first: results are shares of the requests handled, or of those received
 * (reports use both); channels shares of those received. A share that matches
 * none of them contradicts the table. 办结率 (percent.answered) has none:
 * reports compute it over received, received plus carried over, or only the
 * requests already due, so no reading is safe. Subjects counted together
 * (open+partial) take their first subject's.
 */
export const NATURAL_DENOMINATORS: Readonly<Record<string, readonly string[]>> = {
  open: OF_RESULTS,
  partial: OF_RESULTS,
  deny: OF_RESULTS,
  unable: OF_RESULTS,
  noProcess: OF_RESULTS,
  other: OF_RESULTS,
  'channel.inPerson': OF_CHANNELS,
  'channel.fax': OF_CHANNELS,
  'channel.online': OF_CHANNELS,
  'channel.letter': OF_CHANNELS,
  'channel.other': OF_CHANNELS,
};

/** How a finding names subjects a sentence counts together (予以公开、部分公开). */
export const JOINED_NAME = { zh: '、', en: ' and ' } as const;

/**
 * How far an approximate figure (余/多/近/约/超过) may be from the table before
 * it contradicts it: by more than `relative` of the stated figure AND by at
 * least the place value of its last significant digit (1万余 covers
 * 10000–19999, 300余 covers 300–399, 近600 covers 500–600).
 */
export const APPROXIMATE_TOLERANCE = { relative: 0.1 } as const;

/**
 * A percentage agrees with the table when it is within one unit of its last
 * printed digit (34.1% for 34.07% rounded, or 34.0% truncated), so both
 * rounding and truncation pass.
 */
export const PERCENT_TOLERANCE_DIGITS = 1;

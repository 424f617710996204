/**
 * When a section is last year's text again (内容雷同), as data. The 2021 notice
 * (国办公开办函〔2021〕30号) names reports copied from year to year as a
 * defect; sections 一 (总体情况), 五 (问题及改进) and 六 (其他事项) are the
 * ones written afresh each year, the others being mostly tables.
 */
import type { SectionRole } from '../model/report';

export const COMPARED_SECTIONS: readonly SectionRole[] = ['overview', 'problems', 'other'];

/**
 * The measure: the share of this year's section, by characters, in
 * sentences that appear word for word in last year's same section, once
 * both are normalised — punctuation and spaces dropped, and each report's
 * own year and the year before it written as 〈本年〉/〈上年〉, so that
 * 「2022年，我局…」 last year and 「2023年，我局…」 this year are one
 * sentence. Other figures are kept: a sentence whose numbers were updated is
 * not a copy. By characters rather than sentences, so that a long copied
 * paragraph weighs more than a short stock phrase (无其他需要报告的事项).
 *
 * The threshold: 0.6. On the fixtures, a section carried over with only its
 * year and figures updated shares 0.75–1.0 (总体情况, whose paragraphs
 * carry the year's figures, is the lowest); the same agency's sections
 * written afresh on the same template (same theme sentences, other
 * paragraphs) share 0.37–0.47 at most. A report that keeps two stock
 * sentences of a five-sentence section stays under it.
 */
export const COPIED_SHARE = 0.6;

/** Sentences shorter than this (normalised) are stock phrases, not counted either way. */
export const MIN_SENTENCE_CHARS = 10;

/** A section with less counted text than this (a 「无」, one stock line) is not compared. */
export const MIN_SECTION_CHARS = 60;

/** Punctuation and spaces a copy may change without rewriting. */
export const IGNORED_CHARS = /[\s，,、。．.；;：:！!？?“”"‘’'（）()《》〈〉【】「」—\-…·]/g;

/** Repeated sentences quoted in the finding, each cut to QUOTE_CHARS. */
export const MAX_QUOTED = 3;
export const QUOTE_CHARS = 30;

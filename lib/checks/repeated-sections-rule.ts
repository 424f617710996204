/**
 * Sections copied from last year's report (lib/checks/repeated-sections-data.ts):
 * the share of this year's 总体情况, 问题及改进 and 其他事项 that is last
 * year's text again. A warning: the report was not written for its year.
 * Needs last year's report with its sections (reports stored before sections
 * were kept have none: nothing is said then).
 */
import type { Report, ReportSection } from '../model/report';
import { sectionOf } from '../narrative/sections';
import { splitSentences } from '../narrative/sentences';
import { defineRule } from './define-rule';
import {
  COMPARED_SECTIONS,
  COPIED_SHARE,
  IGNORED_CHARS,
  MAX_QUOTED,
  MIN_SECTION_CHARS,
  MIN_SENTENCE_CHARS,
  QUOTE_CHARS,
} from './repeated-sections-data';
import { quoteCut, sectionName } from './shared/report-sections';
import type { RuleFinding } from './types';

/** A sentence as compared: no punctuation or spaces, the report's year and the one before named by role. */
function normalise(sentence: string, year: number): string {
  return sentence
    .replace(IGNORED_CHARS, '')
    .replace(/\d{4}(?=年)/g, (y) =>
      Number(y) === year ? '〈本年〉' : Number(y) === year - 1 ? '〈上年〉' : y,
    );
}

function countedSentences(
  section: ReportSection,
  year: number,
): { printed: string; key: string }[] {
  return splitSentences(section.text)
    .map((printed) => ({ printed, key: normalise(printed, year) }))
    .filter((s) => s.key.length >= MIN_SENTENCE_CHARS);
}

export interface Repetition {
  section: ReportSection;
  /** Share of the section's counted characters in sentences last year's section has. */
  share: number;
  repeated: string[];
  sentences: number;
}

export function repetitionOf(
  current: ReportSection,
  year: number,
  previous: ReportSection,
  previousYear: number,
): Repetition | null {
  const sentences = countedSentences(current, year);
  const total = sentences.reduce((n, s) => n + s.key.length, 0);
  if (total < MIN_SECTION_CHARS) return null;
  const before = new Set(countedSentences(previous, previousYear).map((s) => s.key));
  const repeated = sentences.filter((s) => before.has(s.key));
  const copied = repeated.reduce((n, s) => n + s.key.length, 0);
  return {
    section: current,
    share: copied / total,
    repeated: repeated.map((s) => s.printed),
    sentences: sentences.length,
  };
}

export function repeatedSections(report: Report, previous: Report): Repetition[] {
  const year = report.identity.year;
  const previousYear = previous.identity.year;
  if (year === null || previousYear === null) return [];
  return COMPARED_SECTIONS.flatMap((role) => {
    const current = sectionOf(report.sections, role);
    const before = sectionOf(previous.sections, role);
    const repetition = current && before && repetitionOf(current, year, before, previousYear);
    return repetition ? [repetition] : [];
  });
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const repeatedSectionsRule = defineRule({
  id: 'repeated-sections',
  family: 'yearOverYear',
  run({ report, previous }): RuleFinding[] {
    if (!previous) return [];
    const compared = repeatedSections(report, previous);
    const copied = compared.filter((r) => r.share >= COPIED_SHARE);
    const worst = copied.reduce<Repetition | null>(
      (w, r) => (w && w.share >= r.share ? w : r),
      null,
    );
    if (!worst) return [];
    const last = previous.identity.year;
    const names = copied.map((r) => `「${sectionName(r.section)}」`).join('');
    const quoted = copied
      .flatMap((r) => r.repeated)
      .slice(0, MAX_QUOTED)
      .map((s) => quoteCut(s, QUOTE_CHARS));
    const shares = compared.map(
      (r) =>
        `${sectionName(r.section)}：${percent(r.share)}（${r.repeated.length}/${r.sentences} 句）`,
    );
    const sharesEn = compared.map(
      (r) =>
        `“${sectionName(r.section)}”: ${percent(r.share)} (${r.repeated.length} of ${r.sentences} sentences)`,
    );
    const n = copied.length;
    return [
      {
        rule: 'yoy.copied-sections',
        severity: 'warning',
        message: `${names}与上一年度（${last}年度）报告的同一部分内容雷同（按字数计重复 ${copied.map((r) => percent(r.share)).join('、')}），疑为照搬往年报告：${quoted.map((s) => `「${s}」`).join('')}`,
        messageEn: `${n === 1 ? 'One section' : `${n} sections`} of the report repeat${n === 1 ? 's' : ''} the same section of the previous (${last}) report (${copied.map((r) => `section ${r.section.number}: ${percent(r.share)}`).join(', ')} of its text), most likely copied: ${quoted.map((s) => `“${s}”`).join(' ')}`,
        cells: [],
        terms: [],
        expected: null,
        actual: percent(worst.share),
        arithmetic: `与上年相同的句子按字数所占比例（${percent(COPIED_SHARE)} 及以上为雷同）：${shares.join('；')}`,
        arithmeticEn: `share of the text in sentences last year's section has (${percent(COPIED_SHARE)} or more counts as copied): ${sharesEn.join('; ')}`,
      },
    ];
  },
});

/**
 * A year pasted from last year's report: a phrase that states the period
 * being reported (lib/checks/copied-year-data.ts) names an earlier year than
 * the report covers — 「2022年，我局…」 in the 2023 report. A warning: the
 * text was most likely copied and not updated, and its figures may be last
 * year's too.
 */
import type { Report } from '../model/report';
import {
  FOLLOW_CHARS,
  MAX_QUOTED,
  MAX_YEARS_BACK,
  OTHER_YEAR_WORDS,
  PERIOD_PHRASES,
  PERIOD_SECTIONS,
  SUBHEADING,
} from './copied-year-data';
import { defineRule } from './define-rule';
import { quoteCut, sectionName, sectionSentences } from './shared/report-sections';
import type { RuleFinding } from './types';

interface WrongYear {
  year: number;
  /** The phrase as printed. */
  phrase: string;
  sentence: string;
  section: string;
}

/** The earlier year a sentence states as its period, with the phrase, if it does. */
function statedEarlierYear(
  sentence: string,
  year: number,
  paragraphStart: boolean,
): { year: number; phrase: string } | null {
  for (const phrase of PERIOD_PHRASES) {
    const { pattern, paragraphStart: onlyFirst, notFollowedBy, lastYearOnly } = phrase;
    if (onlyFirst && !paragraphStart) continue;
    const match = pattern.exec(sentence);
    if (!match) continue;
    const stated = Number(match[1]);
    const earliest = lastYearOnly ? year - 1 : year - MAX_YEARS_BACK;
    if (!(stated < year && stated >= earliest)) continue;
    const after = sentence.slice(
      match.index + match[0].length,
      match.index + match[0].length + FOLLOW_CHARS,
    );
    if (notFollowedBy?.test(after)) continue;
    // A sentence that also names the report's own year compares the two.
    if (OTHER_YEAR_WORDS.test(sentence) || sentence.includes(`${year}年`)) return null;
    return { year: stated, phrase: match[0] };
  }
  return null;
}

export function wrongYears(report: Report): WrongYear[] {
  const year = report.identity.year;
  if (year === null) return [];
  const found: WrongYear[] = [];
  for (const section of report.sections ?? []) {
    if (!PERIOD_SECTIONS.has(section.role)) continue;
    for (const paragraph of sectionSentences(section)) {
      paragraph.forEach((sentence, i) => {
        const opening = i === 0 || SUBHEADING.test(paragraph[i - 1] ?? '');
        const stated = statedEarlierYear(sentence, year, opening);
        if (stated) found.push({ ...stated, sentence, section: sectionName(section) });
      });
    }
  }
  return found;
}

export const copiedYearRule = defineRule({
  id: 'copied-year',
  family: 'narrative',
  run({ report }): RuleFinding[] {
    const found = wrongYears(report);
    const first = found[0];
    const year = report.identity.year;
    if (!first || year === null) return [];
    const quoted = found.slice(0, MAX_QUOTED);
    const more = found.length - quoted.length;
    const list = quoted.map((w) => `「${quoteCut(w.sentence)}」（${w.section}）`).join('；');
    const listEn = quoted.map((w) => `“${quoteCut(w.sentence)}”`).join('; ');
    const years = [...new Set(found.map((w) => w.year))].join('、');
    const n = found.length;
    return [
      {
        rule: 'narrative.copied-year',
        severity: 'warning',
        message: `${year}年度报告的正文有 ${n} 处把报告期写成${years}年，疑为沿用往年报告的文字未作修改：${list}${more > 0 ? `；另有 ${more} 处` : ''}`,
        messageEn: `The ${year} report's text states its period as ${years.replace(/、/g, ', ')} in ${n} place${n === 1 ? '' : 's'}, most likely text kept from an earlier year's report: ${listEn}${more > 0 ? `; ${more} more` : ''}`,
        cells: [],
        terms: [],
        expected: year,
        actual: first.year,
        arithmetic: quoted.map((w) => `「${w.phrase}」：${w.year} ≠ ${year}`).join('；'),
        arithmeticEn: quoted.map((w) => `“${w.phrase}”: ${w.year} ≠ ${year}`).join('; '),
        text: first.sentence,
      },
    ];
  },
});

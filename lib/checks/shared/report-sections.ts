/**
 * What the rules that read a report's text (not its figures) share: the
 * report's sections when its structure was read, their sentences, and how a
 * section is quoted.
 */
import { fixedFormatById } from '../../formats/registry';
import type { Report, ReportSection } from '../../model/report';
import { splitSentences } from '../../narrative/sentences';

/**
 * Numbered sections a report must show before a rule says a section is
 * missing: fewer, and its headings were not read (pictures, a heading style
 * the reader does not know), so nothing can be said about what it lacks.
 */
const MIN_NUMBERED_SECTIONS = 3;

/** The numbered sections of a report whose headings were read; null when they were not. */
export function readSectionsOf(report: Report): ReportSection[] | null {
  const sections = report.sections ?? [];
  const numbered = sections.filter((s) => s.number > 0);
  return numbered.length >= MIN_NUMBERED_SECTIONS ? sections : null;
}

/** The report is in a fixed format (2019 or 2021), which prints the six sections. */
export const hasFixedSections = (report: Report): boolean =>
  fixedFormatById(report.identity.template) !== undefined;

/** A section's sentences, paragraph by paragraph, as printed. */
export function sectionSentences(section: ReportSection): string[][] {
  return section.text.split('\n').map(splitSentences);
}

/** A section named as the report prints it: 五、存在的主要问题及改进情况. */
export const sectionName = (section: ReportSection): string =>
  section.number > 0
    ? `${CHINESE_NUMBERS[section.number] ?? section.number}、${section.heading}`
    : '正文开头';

const CHINESE_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A sentence quoted in a message: cut to `max` characters. */
export const quoteCut = (sentence: string, max = 40): string =>
  sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;

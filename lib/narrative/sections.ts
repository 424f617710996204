/**
 * The report's text cut at its numbered headings (一、总体情况 … 六、其他需要
 * 报告的事项, or a legacy report's own), each section bounded: what the rules
 * that read the text itself, not its figures, need (a year pasted from last
 * year's report, a section copied from it, an empty 五, 信息处理费 in 六).
 *
 * One pass over the lines; each line is trimmed and tested against anchored
 * patterns once, and a section keeps at most LIMITS.sectionChars, so a
 * hostile 100,000-character paragraph costs one scan.
 */
import { LIMITS } from '../model/limits';
import type { ReportSection, SectionRole } from '../model/report';
import { parseChineseNumber } from '../text/chinese-number';
import {
  FIXED_HEADINGS,
  HEADING_NUMBER,
  MAX_HEADING_CHARS,
  SECTION_ROLES,
  TEXT_END,
} from './section-titles';

interface Heading {
  number: number;
  title: string;
  /** Text that runs on after the heading on its line. */
  body: string;
  /** The heading is one of the fixed headings of the 2019/2021 formats. */
  fixed: boolean;
}

/** A line's heading, when it starts with a number and reads as one. */
function headingOf(line: string): Heading | null {
  const match = HEADING_NUMBER.exec(line);
  if (!match) return null;
  const number = parseChineseNumber(match[1] ?? '');
  if (number === null) return null;
  const rest = line.slice(match[0].length);
  const fixed = FIXED_HEADINGS.map((p) => p.exec(rest)?.[0]).find((m) => m !== undefined);
  if (fixed !== undefined) {
    const body = rest.slice(fixed.length).replace(/^[\s：:]+/, '');
    return { number, title: fixed, body, fixed: true };
  }
  if (rest.length > 0 && rest.length <= MAX_HEADING_CHARS && !/[。；;]/.test(rest)) {
    return { number, title: rest, body: '', fixed: false };
  }
  return null;
}

export function roleOf(title: string): SectionRole {
  return SECTION_ROLES.find((r) => r.words.test(title))?.role ?? 'unknown';
}

const SENTENCE_END = /[。！？；!?;]/;

/** The date under the signature, which ends the report. */
const SIGNATURE_DATE = /^\d{4}\s*年/;

/** The longest signature line (a body's full name). */
const MAX_SIGNATURE_CHARS = 40;

/** Where `text` may be cut: after its last sentence end (0 when it has none). */
function afterLastSentence(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (SENTENCE_END.test(text.charAt(i))) return i + 1;
  return 0;
}

class SectionDraft {
  private readonly lines: string[] = [];
  private chars = 0;
  private full = false;

  constructor(
    readonly number: number,
    readonly heading: string,
  ) {}

  /** Adds a paragraph, or the whole sentences of it that still fit. */
  add(line: string): void {
    if (this.full || line === '') return;
    const room = LIMITS.sectionChars - this.chars - (this.lines.length > 0 ? 1 : 0);
    if (line.length <= room) {
      this.lines.push(line);
      this.chars += line.length + (this.lines.length > 1 ? 1 : 0);
      return;
    }
    const cut = room > 0 ? afterLastSentence(line.slice(0, room)) : 0;
    if (cut > 0) this.lines.push(line.slice(0, cut));
    this.full = true;
  }

  /**
   * Drops the last paragraph when it is the signature above the date that
   * ends the report (江州市自然资源和规划局): a line with no sentence end, short
   * as a name. It is no text of the section, and the same every year.
   */
  dropSignature(): void {
    const last = this.lines.at(-1);
    if (last === undefined || last.length > MAX_SIGNATURE_CHARS || SENTENCE_END.test(last)) return;
    this.lines.pop();
    this.chars -= last.length + (this.lines.length > 0 ? 1 : 0);
  }

  done(): ReportSection {
    const role = this.number === 0 ? 'preamble' : roleOf(this.heading);
    return { number: this.number, heading: this.heading, role, text: this.lines.join('\n') };
  }
}

/**
 * The sections of a narrative (one line per paragraph, as lib/extract.ts
 * reads it), in page order, the text before the first heading as number 0.
 * A heading counts when it follows the last one's number (一 then 二 …): a
 * list inside a section that numbers its items 一、二、 again is not taken
 * for the next sections, and once such a list has restarted at 一, only a
 * fixed heading of the formats ends the section.
 */
export function readSections(text: string): ReportSection[] {
  const drafts: SectionDraft[] = [new SectionDraft(0, '')];
  let last = 0;
  let innerList = false;
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end).trim();
    at = end === -1 ? text.length : end + 1;
    if (line === '') continue;
    if (last > 0 && TEXT_END.test(line)) {
      if (SIGNATURE_DATE.test(line)) drafts[drafts.length - 1]?.dropSignature();
      break;
    }
    const heading = headingOf(line);
    const current = drafts[drafts.length - 1] as SectionDraft;
    if (heading && heading.number === last + 1 && (!innerList || heading.fixed)) {
      if (drafts.length >= LIMITS.sections) break;
      const next = new SectionDraft(heading.number, heading.title);
      drafts.push(next);
      next.add(heading.body);
      last = heading.number;
      innerList = false;
      continue;
    }
    if (heading && heading.number === 1 && last > 0) innerList = true;
    current.add(line);
  }
  return drafts.map((d) => d.done()).filter((s) => s.number > 0 || s.text !== '');
}

/** The first section of a role, when the report has one. */
export function sectionOf(
  sections: readonly ReportSection[] | undefined,
  role: SectionRole,
): ReportSection | undefined {
  return sections?.find((s) => s.role === role);
}

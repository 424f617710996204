/**
 * What the text named before a number, beyond its own clause: the year it
 * dated (2022年收到…50件 in a 2023 report is last year's), whether the sentence
 * or the few before it are about disclosure requests, and whether the sentence
 * last named requests or some other matter received and answered in the same
 * words. Read from the positions scan.ts found once per sentence.
 */

import { countBelow, type Matches } from './positions';
import { matchesIn, type SentenceScan } from './scan';
import { DISCLOSURE_REQUEST_ALL, OTHER_MATTERS_ALL } from './vetoes';

/** What a sentence is read with besides itself. */
export interface Context {
  year: number | null;
  prev: SentenceScan | null;
  /** One of the REQUEST_CONTEXT_SENTENCES sentences before names disclosure requests. */
  requestsNearby: boolean;
}

/** How many sentences a mention of disclosure requests (a heading, a lead sentence) covers. */
export const REQUEST_CONTEXT_SENTENCES = 4;

export function namesRequests(s: SentenceScan): boolean {
  return s.requestMentions.starts.length > 0;
}

/** The sentence or one of the few before it (a heading, the lead sentence) is about requests. */
export function aboutRequests(s: SentenceScan, ctx: Context): boolean {
  return namesRequests(s) || ctx.requestsNearby;
}

/**
 * The year last mentioned before `pos`. A mention ends in 年, so one running
 * across `pos` is no mention before it, and no other starts inside it.
 */
function lastYearBefore(s: SentenceScan, pos: number): number | null {
  return s.years[countBelow(s.yearEnds, pos + 1) - 1] ?? null;
}

/** The text dates the figure at `pos` to a year other than the report's. */
export function otherYear(
  s: SentenceScan,
  pos: number,
  year: number | null,
  subject: string,
): boolean {
  if (year === null) return false;
  const mentioned = lastYearBefore(s, pos);
  if (mentioned === null || mentioned === year) return false;
  // 结转至2024年 in a 2023 report is this year's carry-over.
  return !(subject === 'carryOut' && mentioned === year + 1);
}

/**
 * Start of the last match in scan.slice(0, pos), from the matches in the
 * whole sentence: they are the same up to one running across `pos`, whose few
 * characters are read again cut at `pos` (a shorter phrase may match there).
 */
function lastStartBefore(s: SentenceScan, pattern: RegExp, found: Matches, pos: number): number {
  const k = countBelow(found.starts, pos) - 1;
  if (k < 0) return -1;
  if ((found.ends[k] as number) <= pos) return found.starts[k] as number;
  const lead = s.scan.slice(0, pos);
  let last = found.starts[k - 1] ?? -1;
  pattern.lastIndex = found.starts[k] as number;
  for (let m = pattern.exec(lead); m; m = pattern.exec(lead)) last = m.index;
  return last;
}

/**
 * 政务服务中心受理各类事项12000件，办结11900件: the sentence last named something other
 * than disclosure requests, so its later clauses are about that too.
 */
export function otherMatterLast(s: SentenceScan, pos: number): boolean {
  const lastOther = lastStartBefore(s, OTHER_MATTERS_ALL, matchesIn(s, OTHER_MATTERS_ALL), pos);
  if (lastOther < 0) return false;
  return lastOther > lastStartBefore(s, DISCLOSURE_REQUEST_ALL, s.requestMentions, pos);
}

/**
 * A sentence with what its numbers look up, worked out once, and the lookups
 * that read it. Every rule asks questions about a number's neighbourhood (is
 * there a 比上年 in its clause? which year was named last before it?); asking
 * them of the text would read the sentence again for every number, which was
 * quadratic in a long clause. Here each question is a binary search in
 * positions found in one pass.
 */

import { type ClauseBreaks, HARD_BREAK_ALL, halfWidth, SOFT_BREAK_ALL } from './clauses';
import { findNumbers, type NumberToken } from './numbers';
import { countBelow, type Matches, matchesOf, positionsOf } from './positions';
import type { TriggerSource } from './triggers';
import { DISCLOSURE_REQUEST_ALL, YEAR_MENTION } from './vetoes';

/**
 * A sentence with what its numbers look up, found in one pass each, so that
 * a number costs what its own neighbourhood costs, not what the sentence
 * before it costs: clause breaks, year mentions, mentions of requests, the
 * first 其中. The rest is found on first use: most sentences of a report hold
 * no countable number.
 */
export interface SentenceScan extends ClauseBreaks, TriggerSource {
  original: string;
  /** Half-width form (same length) except ，, which must not read as a thousands separator. */
  scan: string;
  tokens: NumberToken[];
  /** Where each year mention (2022年) ends, and its year. */
  yearEnds: number[];
  years: number[];
  requestMentions: Matches;
  /** Where the first 其中 ends; Infinity without one. */
  subsetEnd: number;
  cachedMatches: Map<RegExp, Matches>;
}

export function scanSentence(original: string): SentenceScan {
  const scan = halfWidth(original);
  const years = Array.from(scan.matchAll(YEAR_MENTION));
  const subset = scan.indexOf('其中');
  return {
    original,
    scan,
    tokens: findNumbers(original, scan),
    hardBreaks: positionsOf(scan, HARD_BREAK_ALL),
    softBreaks: positionsOf(scan, SOFT_BREAK_ALL),
    yearEnds: years.map((m) => m.index + m[0].length),
    years: years.map((m) => Number(m[1])),
    requestMentions: matchesOf(scan, DISCLOSURE_REQUEST_ALL),
    subsetEnd: subset < 0 ? Number.POSITIVE_INFINITY : subset + '其中'.length,
    cachedMatches: new Map(),
  };
}

/** Where a veto pattern matches in the sentence, found on its first use. */
export function matchesIn(s: SentenceScan, pattern: RegExp): Matches {
  let found = s.cachedMatches.get(pattern);
  if (!found) {
    found = matchesOf(s.scan, pattern);
    s.cachedMatches.set(pattern, found);
  }
  return found;
}

/**
 * Whether `pattern` matches in scan.slice(from, to), read from its matches in
 * the whole sentence. The two agree where no match can run across `from` or
 * `to`: every caller passes the edge of a clause (no pattern here holds a
 * break) or the edge of a number, which no pattern here holds either.
 */
export function foundWithin(s: SentenceScan, pattern: RegExp, from: number, to: number): boolean {
  const { starts, ends } = matchesIn(s, pattern);
  const k = countBelow(starts, from);
  return k < starts.length && (ends[k] as number) <= to;
}

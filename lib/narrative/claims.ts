/**
 * Claims a report's narrative makes about its own figures: 共收到政府信息公开申请
 * 128件, 行政复议3件, 均获维持… They are later set against the tables, so a
 * wrong claim here becomes a false alarm for a journalist: every rule of the
 * reader prefers saying nothing over guessing.
 *
 * The entry points. The text is cut into reading units (sentences.ts), each
 * is scanned once (scan.ts), then its numbers (counts.ts) and its statements
 * without a number (statements.ts) become claims, read with what the
 * sentences before said (mentions.ts). lib/narrative/README.md has the map.
 */

import type { Claim } from '../model/report';
import { runSteps, type Steps } from '../steps';
import { numericClaims } from './counts';
import { type Context, namesRequests, REQUEST_CONTEXT_SENTENCES } from './mentions';
import { type SentenceScan, scanSentence } from './scan';
import { readingUnits } from './sentences';
import { statementClaims } from './statements';

/**
 * How much narrative one step reads before it gives the page its turn
 * (lib/steps.ts): a step ends after the sentence that reaches it.
 */
export const CLAIM_STEP_CHARS = 2_000;

/**
 * Claims the narrative makes, in reading order, in steps of about
 * CLAIM_STEP_CHARS characters. `opts.year` is the year the report covers;
 * figures the text dates to another year are left out.
 */
export function* claimSteps(text: string, opts: { year?: number | null } = {}): Steps<Claim[]> {
  const year = opts.year ?? null;
  const claims: Claim[] = [];
  let prev: SentenceScan | null = null;
  let sincePrevRequestMention = Number.POSITIVE_INFINITY;
  let readInStep = 0;
  for (const sentence of readingUnits(text)) {
    const s = scanSentence(sentence);
    const ctx: Context = {
      year,
      prev,
      requestsNearby: sincePrevRequestMention <= REQUEST_CONTEXT_SENTENCES,
    };
    const seen = new Set<string>();
    for (const claim of [...numericClaims(s, ctx), ...statementClaims(s, ctx)]) {
      const key = `${claim.subject}|${claim.value}|${claim.assertion ?? ''}|${claim.raw}`;
      if (seen.has(key)) continue;
      seen.add(key);
      claims.push(claim);
    }
    sincePrevRequestMention = namesRequests(s) ? 1 : sincePrevRequestMention + 1;
    prev = s;
    readInStep += sentence.length;
    if (readInStep >= CLAIM_STEP_CHARS) {
      readInStep = 0;
      yield;
    }
  }
  return claims;
}

/** The claims at once (see claimSteps). */
export function extractClaims(text: string, opts: { year?: number | null } = {}): Claim[] {
  return runSteps(claimSteps(text, opts));
}

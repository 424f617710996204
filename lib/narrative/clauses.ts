/**
 * Clauses: a number's subject and vetoes are read inside its clause, which
 * ends at a comma-like break (hard) or also at 、 (soft) where a list is read
 * item by item. Breaks are found in the half-width form of the sentence.
 */

import { toHalfWidth } from '../text/normalise';
import { countBelow } from './positions';

/** Characters that end a clause; 、 ends one only where a list is read item by item. */
export const HARD_BREAK = /[,，;:()[\]【】。!?]/;
export const SOFT_BREAK = /[,，;:()[\]【】。!?、]/;
export const HARD_BREAK_ALL = new RegExp(HARD_BREAK.source, 'g');
export const SOFT_BREAK_ALL = new RegExp(SOFT_BREAK.source, 'g');

/**
 * The form every pattern reads: half-width, except ，, which must not read as
 * a thousands separator (１，２３４件 is two clauses, not 1234). Same length
 * as the text: positions in one are positions in the other.
 */
export function halfWidth(original: string): string {
  return original.replace(/[^，]+/g, toHalfWidth);
}

/** A sentence's breaks, each list ascending, found once (see lib/narrative/scan.ts). */
export interface ClauseBreaks {
  scan: string;
  hardBreaks: number[];
  /** Hard breaks and 、. */
  softBreaks: number[];
}

/** Where the clause holding `pos` starts: after the last break before it. */
export function clauseStart(s: ClauseBreaks, pos: number, soft: boolean): number {
  const breaks = soft ? s.softBreaks : s.hardBreaks;
  const k = countBelow(breaks, pos);
  return k === 0 ? 0 : (breaks[k - 1] as number) + 1;
}

/** Where the clause holding `pos` ends: at the first break from it on. */
export function clauseEnd(s: ClauseBreaks, pos: number, soft: boolean): number {
  const breaks = soft ? s.softBreaks : s.hardBreaks;
  return breaks[countBelow(breaks, pos)] ?? s.scan.length;
}

/**
 * The trigger phrases (subjects.ts) found in a sentence, and the lookups a
 * number makes among them: the nearest phrase before it, one allowed after
 * it, a second subject joined to the first (复议、诉讼共5件), the review or
 * litigation group an outcome refers to. The phrases are found once per
 * sentence and sorted, and each lookup is a binary search plus a walk over
 * the phrases next to the number, so a long clause stays linear.
 */

import { countBelow } from './positions';
import {
  AFTER_REACH,
  CONJUNCTION,
  CONJUNCTION_REACH,
  type SubjectKind,
  TRIGGER_RULES,
} from './subjects';

export interface Trigger {
  subject: string;
  kind: SubjectKind;
  start: number;
  end: number;
  /** The rule's afterWithin, -1 where the phrase may only stand before its number. */
  afterWithin: number;
}

/**
 * The trigger phrases of a sentence, sorted so that a number looks only at
 * the phrases next to it: reading a long clause had every number go through
 * every phrase of the sentence, which made it quadratic in the clause.
 */
export interface TriggerIndex {
  /** By end, then start; phrases over the same characters keep TRIGGER_RULES order. */
  byEnd: Trigger[];
  ends: number[];
  /** By start, TRIGGER_RULES order kept on a tie. */
  byStart: Trigger[];
  starts: number[];
  /** The review and litigation phrases, by end. */
  groups: Trigger[];
  groupEnds: number[];
  /** Where the outcome phrases (维持, 纠正, 尚未审结…) end, in order. */
  outcomeEnds: number[];
}

/**
 * What the lookups need of a sentence (lib/narrative/scan.ts): its half-width
 * text and where to keep its phrases once found, on first use, since most
 * sentences of a report hold no countable number.
 */
export interface TriggerSource {
  scan: string;
  cachedTriggers?: TriggerIndex;
}

export function triggersOf(s: TriggerSource): TriggerIndex {
  if (s.cachedTriggers) return s.cachedTriggers;
  const triggers: Trigger[] = [];
  for (const rule of TRIGGER_RULES) {
    for (const m of s.scan.matchAll(rule.pattern)) {
      triggers.push({
        subject: rule.subject,
        kind: rule.kind,
        start: m.index,
        end: m.index + m[0].length,
        afterWithin: rule.afterWithin ?? -1,
      });
    }
  }
  // Array sorts are stable: on a tie the rules' order stays, as the readers below expect.
  const byEnd = [...triggers].sort((a, b) => a.end - b.end || a.start - b.start);
  const byStart = [...triggers].sort((a, b) => a.start - b.start);
  const groups = byEnd.filter((t) => t.kind === 'group');
  s.cachedTriggers = {
    byEnd,
    ends: byEnd.map((t) => t.end),
    byStart,
    starts: byStart.map((t) => t.start),
    groups,
    groupEnds: groups.map((t) => t.end),
    outcomeEnds: byEnd.filter((t) => t.kind === 'outcome').map((t) => t.end),
  };
  return s.cachedTriggers;
}

/**
 * Nearest phrase ending before `pos` and starting at or after `from`; longest on a tie.
 * Only the phrases ending between the two are looked at.
 */
export function nearestBefore(
  s: TriggerSource,
  from: number,
  pos: number,
  accept: (t: Trigger) => boolean,
): Trigger | null {
  const { byEnd, ends } = triggersOf(s);
  let best: Trigger | null = null;
  for (let k = countBelow(ends, pos + 1) - 1; k >= 0; k--) {
    const t = byEnd[k] as Trigger;
    // A phrase ending at `from` or before starts before it, and so do all earlier ones.
    if (t.end <= from || (best && t.end < best.end)) break;
    if (t.start < from || !accept(t)) continue;
    // Walking back, an equal start is an earlier rule: it wins, as it did in rule order.
    if (!best || t.start <= best.start) best = t;
  }
  return best;
}

/** Nearest phrase allowed after a number, within its reach and before `limit`. */
export function nearestAfter(s: TriggerSource, pos: number, limit: number): Trigger | null {
  const { byStart, starts } = triggersOf(s);
  let best: Trigger | null = null;
  for (let k = countBelow(starts, pos); k < byStart.length; k++) {
    const t = byStart[k] as Trigger;
    if (t.start - pos > AFTER_REACH) break;
    if (t.afterWithin < 0 || t.end > limit || t.start - pos > t.afterWithin) continue;
    if (!best || t.start < best.start || (t.start === best.start && t.end > best.end)) best = t;
  }
  return best;
}

/** The phrase of another subject joined to `chosen` by a conjunction right before it (复议、诉讼). */
function joinedBefore(s: TriggerSource, chosen: Trigger): Trigger | null {
  const { byEnd, ends } = triggersOf(s);
  for (let k = countBelow(ends, chosen.start + 1) - 1; k >= 0; k--) {
    const t = byEnd[k] as Trigger;
    if (t.end < chosen.start - CONJUNCTION_REACH) break;
    if (t.subject === chosen.subject && t.kind === chosen.kind) continue;
    if (CONJUNCTION.test(s.scan.slice(t.end, chosen.start))) return t;
  }
  return null;
}

/** 行政复议、行政诉讼共5件: the number counts two subjects together, so it is neither's. */
export function isJoinedWithOther(s: TriggerSource, chosen: Trigger): boolean {
  return joinedBefore(s, chosen) !== null;
}

/**
 * The phrases a list joins up to `chosen` (予以公开、部分公开及不予公开), in
 * reading order, `chosen` last; one phrase when nothing is joined to it. The
 * walk stops at `limit` + 1 phrases (a list known to be longer than `limit`),
 * so that a hostile list costs each number a bounded walk.
 */
export function joinedList(s: TriggerSource, chosen: Trigger, limit: number): Trigger[] {
  const list = [chosen];
  for (let t = joinedBefore(s, chosen); t && list.length <= limit; t = joinedBefore(s, t)) {
    list.unshift(t);
  }
  return list;
}

/** Whether a phrase of `kind` starts at `pos` (零起败诉: the figure before it is the outcome's). */
export function phraseStartsAt(s: TriggerSource, pos: number, kind: SubjectKind): boolean {
  const { byStart, starts } = triggersOf(s);
  for (let k = countBelow(starts, pos); starts[k] === pos; k++) {
    if ((byStart[k] as Trigger).kind === kind) return true;
  }
  return false;
}

/** The review/litigation group a 维持/纠错 phrase refers to: the last one named before it. */
export function groupBefore(
  s: TriggerSource,
  pos: number,
): 'review' | 'litigation' | 'both' | null {
  const { groups, groupEnds } = triggersOf(s);
  let k = countBelow(groupEnds, pos + 1) - 1;
  if (k < 0) return null;
  // Of the phrases ending at the same place, the first in rule order.
  while (k > 0 && groupEnds[k - 1] === groupEnds[k]) k -= 1;
  const last = groups[k] as Trigger;
  return isJoinedWithOther(s, last) ? 'both' : (last.subject as 'review' | 'litigation');
}

/**
 * The review and litigation phrases a statement at `pos` covers (行政复议7件，诉讼9件，
 * 均获维持): those named since the last outcome phrase before it, which closed
 * the groups before it (行政复议3件，纠正1件，行政诉讼2件，均获维持 covers the lawsuits
 * only). `accept` leaves out phrases that name no cases of the group (复议后起诉).
 * Statements are read left to right and each walks back only to the outcome
 * before it, so the walks of a sentence stay within its length.
 */
export function groupsSince(
  s: TriggerSource,
  pos: number,
  accept: (t: Trigger) => boolean,
): Trigger[] {
  const { groups, groupEnds, outcomeEnds } = triggersOf(s);
  const lastOutcome = outcomeEnds[countBelow(outcomeEnds, pos + 1) - 1] ?? -1;
  const found: Trigger[] = [];
  for (let k = countBelow(groupEnds, pos + 1) - 1; k >= 0; k--) {
    const t = groups[k] as Trigger;
    if (t.end <= lastOutcome) break;
    if (accept(t)) found.unshift(t);
  }
  return found;
}

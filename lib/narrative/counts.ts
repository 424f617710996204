/**
 * Claims with a number: 共收到政府信息公开申请128件, 予以公开12件，占20%, 办结率100%.
 *
 * How a number finds its subject: the sentence is cut into clauses at commas
 * and 顿号; the subject is named by the nearest trigger phrase before the
 * number inside its clause (受理3259件，答复3278件 — each clause has its own), or
 * for a few subjects by a phrase right after it (3件未到期). Then context rules
 * veto what is not this year's figure for this subject: comparisons with last
 * year, other years, other kinds of requests (信箱, 建议提案…), subsets (其中).
 */

import type { Claim } from '../model/report';
import { clauseEnd, clauseStart } from './clauses';
import { aboutRequests, type Context, otherMatterLast, otherYear } from './mentions';
import type { NumberToken } from './numbers';
import { foundWithin, type SentenceScan } from './scan';
import {
  JOINED_SUBJECTS,
  MAX_JOINED,
  RATE,
  SHARE,
  SHARE_OF_ANSWERED,
  SHARE_OF_RECEIVED,
  SUMMABLE_FAMILIES,
  UNITS_BY_KIND,
} from './subjects';
import {
  groupBefore,
  isJoinedWithOther,
  joinedList,
  nearestAfter,
  nearestBefore,
  phraseStartsAt,
  type Trigger,
} from './triggers';
import {
  ACTIVE_PART,
  ACTIVE_TOTAL,
  COMPARISON,
  GROUP_AS_HANDLER_ALL,
  GROUP_PART_ALL,
  INTENTION,
  NOT_THE_ANSWERED_TOTAL_ALL,
  NOT_THEIR_SUM,
  OTHER_MATTERS_ALL,
  OTHER_PUBLISHERS,
  PREVIOUS_YEAR,
} from './vetoes';

/** Subject of a count, or null when the number is not safely one. */
function countSubject(
  s: SentenceScan,
  token: NumberToken,
  trigger: Trigger,
  ctx: Context,
): string | null {
  const { scan } = s;
  const hardStart = clauseStart(s, token.start, false);
  const softEnd = clauseEnd(s, token.end, true);
  const inClause = (pattern: RegExp) => foundWithin(s, pattern, hardStart, softEnd);
  if (!UNITS_BY_KIND[trigger.kind].has(token.unit)) return null;
  if (!Number.isInteger(token.value)) return null;
  switch (trigger.kind) {
    case 'request': {
      if (!aboutRequests(s, ctx)) return null;
      const subject = trigger.subject;
      const totalLike =
        subject === 'received' ||
        subject === 'answered' ||
        subject === 'carryIn' ||
        subject === 'carryOut' ||
        subject.startsWith('channel.');
      if (totalLike && (inClause(OTHER_MATTERS_ALL) || otherMatterLast(s, token.start))) {
        return null;
      }
      if (subject === 'received' && s.subsetEnd <= token.start) return null;
      if (subject === 'answered' && inClause(NOT_THE_ANSWERED_TOTAL_ALL)) return null;
      return subject;
    }
    case 'group': {
      if (inClause(GROUP_PART_ALL) || inClause(GROUP_AS_HANDLER_ALL)) return null;
      // 行政诉讼案件零起败诉 counts the lawsuits lost, not the lawsuits.
      if (phraseStartsAt(s, token.end, 'outcome')) return null;
      return trigger.subject;
    }
    case 'outcome': {
      if (inClause(GROUP_PART_ALL) || inClause(GROUP_AS_HANDLER_ALL)) return null;
      let group = groupBefore(s, trigger.start);
      if (group === null && ctx.prev) group = groupBefore(ctx.prev, ctx.prev.scan.length);
      if (group === null || group === 'both') return null;
      // 胜诉/败诉 are said of lawsuits only.
      if (group === 'review' && /胜诉|败诉|驳回/.test(scan.slice(trigger.start, trigger.end))) {
        return null;
      }
      return `${group}.${trigger.subject}`;
    }
    case 'active': {
      if (!scan.slice(hardStart, token.start).includes('信息')) return null;
      // The channel must be in the figure's own clause (通过网站发布动态信息N条，主动公开各类政府信息M条
      // states M as the total), and a clause naming several channels (网站、微信等渠道) or 各类 states a total.
      const own = scan.slice(hardStart, token.start);
      if (ACTIVE_PART.test(own) && (OTHER_PUBLISHERS.test(own) || !ACTIVE_TOTAL.test(own)))
        return null;
      if (s.subsetEnd <= token.start) return null;
      return 'active';
    }
  }
}

interface PreviousClaim {
  subject: string;
  /** The claim's number is the one right before the current number. */
  adjacent: boolean;
}

interface Found {
  subject: string;
  denominator?: string;
}

function percentSubject(
  s: SentenceScan,
  token: NumberToken,
  from: number,
  previous: PreviousClaim | null,
  ctx: Context,
): Found | null {
  const { scan } = s;
  const region = scan.slice(from, token.start);
  const hardStart = clauseStart(s, token.start, false);
  const inClause = (pattern: RegExp) => foundWithin(s, pattern, hardStart, token.end);
  RATE.lastIndex = 0;
  if (RATE.test(region)) {
    if (!aboutRequests(s, ctx)) return null;
    if (inClause(OTHER_MATTERS_ALL) || inClause(NOT_THE_ANSWERED_TOTAL_ALL)) return null;
    if (otherMatterLast(s, token.start)) return null;
    return { subject: 'percent.answered' };
  }
  let shareEnd = -1;
  for (const m of region.matchAll(SHARE)) shareEnd = from + m.index + m[0].length;
  if (shareEnd < 0) return null;
  const named = nearestBefore(s, from, shareEnd, (t) => t.kind !== 'outcome');
  let base: string | null = null;
  if (named) base = countSubjectForShare(s, named, token, ctx);
  // 予以公开12件，占20%: the share belongs to the count printed just before it.
  else if (previous?.adjacent) base = previous.subject;
  if (base === null || base.startsWith('percent.')) return null;
  const found: Found = { subject: `percent.${base}` };
  const of = scan.slice(shareEnd, token.start);
  if (SHARE_OF_RECEIVED.test(of)) found.denominator = 'received';
  else if (SHARE_OF_ANSWERED.test(of)) found.denominator = 'answered';
  return found;
}

function countSubjectForShare(
  s: SentenceScan,
  t: Trigger,
  token: NumberToken,
  ctx: Context,
): string | null {
  const joined = joinedSubjects(s, t, token);
  if (joined === null && isJoinedWithOther(s, t)) return null;
  if (t.kind === 'request') return aboutRequests(s, ctx) ? (joined ?? t.subject) : null;
  if (t.kind === 'group') return joined ?? t.subject;
  return null;
}

/**
 * 予以公开及部分公开258件: the subjects a list joins up to `last`, as one subject
 * (`open+partial`) whose figure is their sum. Null when nothing is joined, when
 * the list mixes subjects that do not add up (收到和予以公开), or when the figure
 * is not their sum (分别为31件、12件; 各2件; 等20件: vetoes.ts NOT_THEIR_SUM).
 */
function joinedSubjects(s: SentenceScan, last: Trigger, token: NumberToken): string | null {
  const list = joinedList(s, last, MAX_JOINED);
  if (list.length < 2 || list.length > MAX_JOINED) return null;
  const subjects = [...new Set(list.map((t) => t.subject))];
  const family = SUMMABLE_FAMILIES.find((f) => f.includes(last.subject));
  if (!family || subjects.length < 2) return null;
  if (!list.every((t) => t.kind === last.kind && family.includes(t.subject))) return null;
  if (NOT_THEIR_SUM.test(s.scan.slice(last.end, token.start))) return null;
  return subjects.join(JOINED_SUBJECTS);
}

/** The claims of the sentence's numbers, in order. */
export function numericClaims(s: SentenceScan, ctx: Context): Claim[] {
  const claims: Claim[] = [];
  const { scan, tokens } = s;
  let previous: PreviousClaim | null = null;
  let previousIndex = -1;
  tokens.forEach((token, i) => {
    if (previous) previous.adjacent = previousIndex === i - 1;
    const prevEnd = i > 0 ? (tokens[i - 1]?.end ?? 0) : 0;
    const nextStart = tokens[i + 1]?.start ?? scan.length;
    const softStart = clauseStart(s, token.start, true);
    const hardStart = clauseStart(s, token.start, false);
    const from = Math.max(softStart, prevEnd);
    const lead = scan.slice(Math.max(hardStart, prevEnd), token.start);
    if (COMPARISON.test(lead) || INTENTION.test(lead)) return;

    let found: Found | null = null;
    let trigger: Trigger | null = null;
    if (token.unit === '%') {
      if (PREVIOUS_YEAR.test(lead)) return;
      found = percentSubject(s, token, from, previous, ctx);
    } else {
      trigger = nearestBefore(s, from, token.start, () => true);
      if (!trigger) {
        const limit = Math.min(clauseEnd(s, token.end, true), nextStart);
        trigger = nearestAfter(s, token.end, limit);
      }
      if (!trigger) return;
      const joined = trigger.end <= token.start ? joinedSubjects(s, trigger, token) : null;
      if (joined === null && isJoinedWithOther(s, trigger)) return;
      // 上年结转 names last year inside the phrase itself; anywhere else it marks an old figure.
      const leadWithoutTrigger =
        trigger.end <= token.start
          ? scan.slice(Math.max(hardStart, prevEnd), trigger.start) +
            scan.slice(trigger.end, token.start)
          : lead;
      if (PREVIOUS_YEAR.test(leadWithoutTrigger)) return;
      const subject = countSubject(s, token, trigger, ctx);
      if (subject !== null) found = { subject: joined ?? subject };
    }
    if (!found) return;
    if (otherYear(s, token.start, ctx.year, found.subject)) return;
    const claim: Claim = {
      subject: found.subject,
      value: token.value,
      approximate: token.approximate,
      raw: token.raw,
      sentence: s.original,
      // The scan form has the original's length: its positions are the sentence's.
      at: [token.start, token.end],
    };
    if (found.denominator) claim.denominator = found.denominator;
    claims.push(claim);
    previous = { subject: found.subject, adjacent: true };
    previousIndex = i;
  });
  return claims;
}

/**
 * Claims without a number, which the tables can still contradict: 均获维持 and
 * 全部胜诉 (every review or lawsuit upheld), 未发生…行政复议、行政诉讼 and 无此类情况
 * (none at all), 未有政府信息公开申请 (no requests). Each becomes a claim of value 0
 * with its assertion. 零败诉 is a zero too, of lawsuits lost (结果纠正), and an
 * ordinary count: it says nothing about how many lawsuits there were. The
 * phrases are here, with the rule that reads them, because each rule reads
 * its phrase's groups and what follows it.
 */

import type { Claim } from '../model/report';
import { clauseEnd, clauseStart } from './clauses';
import { aboutRequests, type Context, otherYear } from './mentions';
import { foundWithin, type SentenceScan } from './scan';
import { groupBefore, groupsSince } from './triggers';
import {
  COMPARISON_ALL,
  EXCEPT_ALL,
  GROUP_PART_ALL,
  INTENTION_ALL,
  PREVIOUS_YEAR_ALL,
} from './vetoes';

/** 均获维持, 全部胜诉, 均维持原行政行为. */
const ALL_UPHELD = /(?:均|全部|全都|都|皆|全)(?:已|获|被|予以|依法|得到|获得|为)*(维持|胜诉)/g;
/** 未发生…行政复议、行政诉讼; 无…复议. The reader must find a group word before the next comma. */
const NO_CASES =
  /未发生|没有发生|未出现|没有出现|未有|没有|并无|无(?!法|论|需|须|正当|一|此|相关|上述)/g;
/** 我局无此类情况 after a heading that names the groups. */
const NO_SUCH_CASES = /(?:无|没有|未发生|未有)(?:此类|这类|该类|相关|上述)(?:情况|情形|案件|事项)/;
const NO_REQUESTS = /^.{0,12}?(?:依申请公开|信息公开申请|公开申请|信息的申请)/;
/** 零败诉, 零起败诉: no lawsuit lost, which says nothing about how many there were. */
const ZERO_LOST = /零(?:起|件|宗|例|个)?败诉(?![\d零〇一二两三四五六七八九十]|率)/g;
/** How far before a 复议 phrase a GROUP_PART phrase (未经复议) may start. */
const GROUP_PART_REACH = 2;
const CORRECTION_WORDS = /纠错|纠正|败诉|撤销|违法|维持/;
const NEGATED_BEFORE = /(?:未|非|不|没有)$/;
/** The longest word NEGATED_BEFORE looks for. */
const NEGATION_LENGTH = 2;

type Group = 'review' | 'litigation';

/**
 * The groups a 均获维持 at `pos` covers: those its own clause names (其中行政复议
 * 均获维持), else every group named since the last outcome (行政复议7件，诉讼9件，
 * 均获维持 covers both); never a group named as having no cases (未发生行政复议)
 * or only as the way to court (复议后起诉).
 */
function coveredGroups(s: SentenceScan, pos: number): Group[] {
  const named = groupsSince(
    s,
    pos,
    (t) =>
      !foundWithin(s, GROUP_PART_ALL, t.start - GROUP_PART_REACH, t.end + 1) &&
      !foundWithin(s, NO_CASES, clauseStart(s, t.start, false), t.start),
  );
  const clause = clauseStart(s, pos, false);
  const own = named.filter((t) => t.start >= clause);
  const covered = own.length > 0 ? own : named;
  return (['review', 'litigation'] as const).filter((g) => covered.some((t) => t.subject === g));
}

function groupWords(text: string): ('review' | 'litigation')[] {
  const out: ('review' | 'litigation')[] = [];
  for (const m of text.matchAll(/复议|诉讼|起诉/g)) {
    const g = m[0] === '复议' ? 'review' : 'litigation';
    if (!out.includes(g)) out.push(g);
  }
  return out;
}

/** The statements of the sentence: all upheld first, then none, then 无此类情况. */
export function statementClaims(s: SentenceScan, ctx: Context): Claim[] {
  const claims: Claim[] = [];
  const { scan } = s;
  const add = (subject: string, raw: string, assertion: 'allUpheld' | 'none') =>
    claims.push({ subject, value: 0, approximate: false, raw, sentence: s.original, assertion });
  const blocked = (pos: number) => {
    // The statement's own clause up to it; a statement starts with none of these words.
    const inLead = (pattern: RegExp) => foundWithin(s, pattern, clauseStart(s, pos, false), pos);
    return (
      inLead(INTENTION_ALL) ||
      inLead(PREVIOUS_YEAR_ALL) ||
      inLead(COMPARISON_ALL) ||
      inLead(EXCEPT_ALL) ||
      otherYear(s, pos, ctx.year, '')
    );
  };

  let prevGroups: Group[] | null = null;
  // Read once per sentence: every statement without a group of its own falls back on it.
  const groupsOfPrev = (): Group[] => {
    prevGroups ??= ctx.prev ? coveredGroups(ctx.prev, ctx.prev.scan.length) : [];
    return prevGroups;
  };

  for (const m of scan.matchAll(ALL_UPHELD)) {
    const before = scan.slice(Math.max(0, m.index - NEGATION_LENGTH), m.index);
    if (NEGATED_BEFORE.test(before) || blocked(m.index)) continue;
    const raw = s.original.slice(m.index, m.index + m[0].length);
    if (m[1] === '胜诉') {
      add('litigation', raw, 'allUpheld');
      continue;
    }
    let groups = coveredGroups(s, m.index);
    if (groups.length === 0) groups = groupsOfPrev();
    for (const g of groups) add(g, raw, 'allUpheld');
  }

  for (const m of scan.matchAll(ZERO_LOST)) {
    if (!aboutRequests(s, ctx) || blocked(m.index)) continue;
    let group = groupBefore(s, m.index);
    if (group === null && ctx.prev) group = groupBefore(ctx.prev, ctx.prev.scan.length);
    if (group === 'review') continue;
    claims.push({
      subject: 'litigation.corrected',
      value: 0,
      approximate: false,
      raw: s.original.slice(m.index, m.index + 1),
      sentence: s.original,
      at: [m.index, m.index + m[0].length],
    });
  }

  for (const m of scan.matchAll(NO_CASES)) {
    const spanStart = m.index + m[0].length;
    const span = scan.slice(spanStart, clauseEnd(s, spanStart, false));
    if (/\d/.test(span) || CORRECTION_WORDS.test(span) || blocked(m.index)) continue;
    const raw = s.original.slice(m.index, spanStart);
    const first = span.search(/复议|诉讼|起诉/);
    if (first >= 0 && first <= 30) {
      for (const g of groupWords(span)) add(g, raw, 'none');
      continue;
    }
    // 未有政府信息公开申请 / 无依申请公开情况: no requests at all.
    if (NO_REQUESTS.test(span) && !/不予|答复|办结|处理|复议|诉讼/.test(span)) {
      add('received', raw, 'none');
    }
  }

  const noSuch = scan.match(NO_SUCH_CASES);
  if (noSuch && ctx.prev && s.tokens.length === 0 && !blocked(noSuch.index ?? 0)) {
    const raw = noSuch[0];
    for (const g of groupWords(ctx.prev.scan)) add(g, raw, 'none');
  }
  return claims;
}

/**
 * Claims a report's narrative makes about its own figures: 共收到政府信息公开申请
 * 128件, 行政复议3件, 均获维持… They are later set against the tables, so a
 * wrong claim here becomes a false alarm for a journalist: every rule below
 * prefers saying nothing over guessing.
 *
 * How a number finds its subject: the sentence is cut into clauses at commas
 * and 顿号; the subject is named by the nearest trigger phrase before the
 * number inside its clause (受理3259件，答复3278件 — each clause has its own), or
 * for a few subjects by a phrase right after it (3件未到期). Then context rules
 * veto what is not this year's figure for this subject: comparisons with last
 * year, other years, other kinds of requests (信箱, 建议提案…), subsets (其中).
 */

import type { Claim } from '../model/report';
import { runSteps, type Steps } from '../steps';
import { parseChineseNumber } from '../text/chinese-number';
import { toHalfWidth } from '../text/normalise';

// ---------------------------------------------------------------- sentences

/**
 * One sentence from where the last one ended: anything up to 。；！？ or a line
 * break, then the ending marks with the closing marks that belong to it
 * (…。” stays together). A pattern rather than a loop over characters: the
 * narrative is the longest text of the page, read once per page, and the
 * engine scans it natively where a loop would run in the interpreter.
 */
const SENTENCE = /[^\n\r。；！？;!?]*(?:[。；！？;!?][。；！？;!?”’」』）)]*)?/y;

/** Sentences at 。；！？ and line breaks, each as printed (ending mark kept, outer spaces trimmed). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    SENTENCE.lastIndex = at;
    const sentence = SENTENCE.exec(text)?.[0] ?? '';
    const trimmed = sentence.trim();
    if (trimmed !== '') out.push(trimmed);
    at += sentence.length;
    // A line break ends the sentence before it and starts none.
    const next = text.charAt(at);
    if (next === '\n' || next === '\r') at += 1;
  }
  return out;
}

// ---------------------------------------------------------------- numbers

/**
 * A number with its approximation marks and unit. Arabic numbers may carry
 * 万/亿 (1.2万); Chinese numerals are whole runs (一百二十八).
 */
const NUMBER_TOKEN = new RegExp(
  [
    '(约|大约|近|将近|接近|超过|超|逾|多于|不少于|不低于|上)?',
    '((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?[万亿千百]?|[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)',
    '(余|多|来)?',
    '(件次|件|条次|条|起|宗|份|例|次|个|项|篇|%)?',
    '(以上|左右|上下|有余|之多)?',
  ].join(''),
  'g',
);
const ARABIC_START = /^\d/;
/** Before a number: ordinals (第二十条), vague counts (数十, 几百), codes (G526, 〔2023〕5号). */
const ORDINAL_OR_CODE_BEFORE = /[第几A-Za-z0-9.#\-[〔]$/;
const VAGUE_BEFORE = /(?:数|若干)$/;
/** After the unit: durations, 条例, 项目, idioms (一件事, 一次性). */
const NOT_A_COUNT_AFTER: Readonly<Record<string, RegExp>> = {
  件: /^事/,
  条: /^[例款]/,
  项: /^目/,
  次: /^性/,
  个: /^(?:工作日|月|小时|自然日|百分点|人)/,
};

interface NumberToken {
  /** From the approximation prefix to the end of the unit and suffix. */
  start: number;
  end: number;
  value: number;
  /** The numeral as printed (with % for percentages). */
  raw: string;
  unit: string;
  approximate: boolean;
  chinese: boolean;
}

function findNumbers(original: string, scan: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of scan.matchAll(NUMBER_TOKEN)) {
    const start = m.index;
    let prefix = m[1] ?? '';
    const numeral = m[2] ?? '';
    const inner = m[3] ?? '';
    const unit = m[4] ?? '';
    const outer = m[5] ?? '';
    if (unit === '') continue;
    const chinese = !ARABIC_START.test(numeral);
    // 上 is an approximation only in 上百/上千/上万 (over a hundred…).
    if (prefix === '上' && !/^[百千万]/.test(numeral)) prefix = '';
    const numStart = start + (m[1] ?? '').length;
    const before = scan.slice(Math.max(0, numStart - 2), numStart);
    if (prefix === '' && ORDINAL_OR_CODE_BEFORE.test(before)) continue;
    if (prefix === '' && chinese && VAGUE_BEFORE.test(before)) continue;
    const after = scan.slice(start + m[0].length, start + m[0].length + 4);
    const notCount = NOT_A_COUNT_AFTER[unit];
    if (outer === '' && notCount?.test(after)) continue;
    // 一起 is usually "together", not "one case".
    if (
      chinese &&
      numeral === '一' &&
      unit === '起' &&
      !/^(?:案|行政|复议|诉讼|申请|政府)/.test(after)
    ) {
      continue;
    }
    if (unit !== '%' && /^(?:万?元|人)/.test(after)) continue;
    const value = parseChineseNumber(numeral);
    if (value === null) continue;
    tokens.push({
      start: prefix === '' ? numStart : start,
      end: start + m[0].length,
      value,
      raw: original.slice(numStart, numStart + numeral.length) + (unit === '%' ? '%' : ''),
      unit,
      approximate: prefix !== '' || inner !== '' || outer !== '',
      chinese,
    });
  }
  return tokens;
}

// ---------------------------------------------------------------- subjects

type SubjectKind = 'request' | 'group' | 'outcome' | 'active';

interface TriggerRule {
  /** Outcome rules name only the outcome; the group (review/litigation) comes from context. */
  readonly subject: string;
  readonly kind: SubjectKind;
  readonly pattern: RegExp;
  /** How far after the number the phrase may stand (3件未到期); absent: only before. */
  readonly afterWithin?: number;
}

/**
 * Subject → phrases that name it. Overlaps are intended: the nearest phrase
 * wins, and among phrases ending at the same place the longest (未办结 over
 * 办结, 结转下年度继续办理 over 办理).
 */
const TRIGGER_RULES: readonly TriggerRule[] = [
  { subject: 'carryIn', kind: 'request', pattern: /(?:上一?年度?|去年|往年)(?:遗留|结转)/g },
  {
    subject: 'carryOut',
    kind: 'request',
    afterWithin: 4,
    pattern:
      /结转(?:至|到|入)?(?:下一?年度?|(?:19|20)\d\d年度?)(?:继续办理)?|转入下一?年度?|(?:尚|正|仍)在办理中?|办理中|未办结|未到期|答复期限未到|未到答复期限?|尚未答复|(?:尚|仍)在(?:法定)?答复期限?内/g,
  },
  {
    subject: 'received',
    kind: 'request',
    pattern: /收到|新收|受理|接收|接到|共收|申请总数|申请总量/g,
  },
  { subject: 'answered', kind: 'request', pattern: /办结|(?<!公开|提供)答复(?!期)|办理(?!中)/g },
  // Results may also follow their number: 约50件予以公开.
  {
    subject: 'open',
    kind: 'request',
    afterWithin: 1,
    pattern: /(?<!不|部分)(?:予以公开|同意公开)/g,
  },
  {
    subject: 'partial',
    kind: 'request',
    afterWithin: 1,
    pattern: /部分公开|部分予以公开|区分处理/g,
  },
  { subject: 'deny', kind: 'request', afterWithin: 1, pattern: /不予以?公开|不同意公开/g },
  { subject: 'unable', kind: 'request', afterWithin: 1, pattern: /无法提供/g },
  { subject: 'noProcess', kind: 'request', afterWithin: 1, pattern: /不予处理/g },
  { subject: 'other', kind: 'request', afterWithin: 1, pattern: /其他处理/g },
  { subject: 'channel.inPerson', kind: 'request', pattern: /当面/g },
  { subject: 'channel.fax', kind: 'request', pattern: /传真/g },
  { subject: 'channel.online', kind: 'request', pattern: /网络|网上|在线|互联网/g },
  { subject: 'channel.letter', kind: 'request', pattern: /信函|邮寄|来函/g },
  { subject: 'channel.other', kind: 'request', pattern: /其他(?:方式|形式|途径|渠道)/g },
  { subject: 'review', kind: 'group', afterWithin: 10, pattern: /行政复议|复议/g },
  {
    subject: 'litigation',
    kind: 'group',
    afterWithin: 10,
    pattern: /行政诉讼|诉讼|(?<![\d零〇一二两三四五六七八九十百千万])起诉/g,
  },
  {
    subject: 'upheld',
    kind: 'outcome',
    pattern: /维持原?(?:具体)?(?:行政行为|决定)?|驳回(?:原告)?的?(?:诉讼)?(?:请求)?|胜诉/g,
  },
  { subject: 'corrected', kind: 'outcome', pattern: /纠错|纠正|撤销|确认违法|败诉/g },
  { subject: 'other', kind: 'outcome', pattern: /其他(?:结果|情形)/g },
  {
    subject: 'pending',
    kind: 'outcome',
    afterWithin: 4,
    pattern: /尚未审结|未审结|审理中|尚在审理|正在审理|尚未结案|未结案/g,
  },
  { subject: 'active', kind: 'active', pattern: /主动公开/g },
];

const UNITS_BY_KIND: Readonly<Record<SubjectKind, ReadonlySet<string>>> = {
  request: new Set(['件', '件次', '起', '宗', '份', '个', '例']),
  group: new Set(['件', '件次', '起', '宗', '个', '例', '次']),
  outcome: new Set(['件', '件次', '起', '宗', '个', '例', '次']),
  // 条次 counts an item once per channel, so it is not the 主动公开 total.
  active: new Set(['条', '件', '篇', '项']),
};

/** The sentence (or the one before) is about disclosure requests. */
const DISCLOSURE_REQUEST = /信息(?:公开)?的?申请|依申请|公开申请|申请公开|信息公开/;
/**
 * The agency acting as the review body or court party for others (司法局办理行政复议
 * 案件120件) or publishing decisions: not reviews of its own disclosure work.
 */
const GROUP_AS_HANDLER = /办理|受理|收到|审理(?!中)|决定书|文书|案卷|听证/;
/** Other things that are received and answered: letters, proposals, hotlines, permits. */
const OTHER_MATTERS =
  /信箱|来信|信件|建议|提案|投诉|举报|咨询|热线|12345|办件|许可|审批|备案|(?<!申请|公开)事项|业务|信访|留言|帖子|舆情|复议|诉讼/;
const OTHER_MATTERS_ALL = new RegExp(OTHER_MATTERS.source, 'g');
const DISCLOSURE_REQUEST_ALL = new RegExp(DISCLOSURE_REQUEST.source, 'g');
const NOT_THE_ANSWERED_TOTAL = /按时|延期|逾期|超期|及时|平均/;
/** 主动公开 through one channel (网站, 微博…) or by other bodies is not the total. */
const ACTIVE_PART =
  /网站|微博|微信|公众号|报刊|报纸|杂志|电视|广播|媒体|平台|政务服务网|公报|客户端|APP|抖音|头条|企事业|其中/i;
/** Items published by public enterprises and institutions, not by the agency. */
const OTHER_PUBLISHERS = /企事业/;
/** Several channels named together, or every kind of item: the figure is the total. */
const ACTIVE_TOTAL =
  /等(?:渠道|平台|方式|载体|途径)|各类|累计|共计|总计|[、和及](?:[^、，,]{0,12})(?:网站|微博|微信|公众号|公开栏|平台|客户端)/;
/** Litigation after review or without it: a part of the litigation total. */
const GROUP_PART = /复议后|经复议|直接起诉|未经复议/;

/** Last year's figures and changes are not this year's counts. */
const COMPARISON =
  /比上|较上|与上|[较比](?:19|20)\d\d|同比|环比|比去年|较去年|相比|增加|减少|增长|下降|上升|提高|降低|新增|增幅|降幅|持平|翻番/;
const PREVIOUS_YEAR = /上一?年|去年|前年|往年/;
/** Targets and plans, not results. */
const INTENTION = /力争|争取|计划|预计|目标|力求|确保|避免|防止|杜绝/;
const YEAR_MENTION = /((?:19|20)\d{2})\s*年/g;

const RATE = /(?:办结|答复)率/g;
const SHARE = /占|比例|比重/g;
/** Phrases joining two subjects that a following number counts together. */
const CONJUNCTION = /^(?:的|类|案件|申请|事件)?(?:、|和|及|与|或|以及|或者)$/;

/** Characters that end a clause; 、 ends one only where a list is read item by item. */
const HARD_BREAK = /[,，;:()[\]【】。!?]/;
const SOFT_BREAK = /[,，;:()[\]【】。!?、]/;
const HARD_BREAK_ALL = new RegExp(HARD_BREAK.source, 'g');
const SOFT_BREAK_ALL = new RegExp(SOFT_BREAK.source, 'g');

/** The furthest a phrase read after its number may start from it (the largest afterWithin). */
const AFTER_REACH = Math.max(...TRIGGER_RULES.map((rule) => rule.afterWithin ?? 0));
/** The longest text CONJUNCTION accepts between two phrases (案件 and 以及). */
const CONJUNCTION_REACH = 4;

/** Patterns also looked for across a whole sentence, once, for the lists of Matches. */
const NOT_THE_ANSWERED_TOTAL_ALL = new RegExp(NOT_THE_ANSWERED_TOTAL.source, 'g');
const GROUP_PART_ALL = new RegExp(GROUP_PART.source, 'g');
const GROUP_AS_HANDLER_ALL = new RegExp(GROUP_AS_HANDLER.source, 'g');
const INTENTION_ALL = new RegExp(INTENTION.source, 'g');
const PREVIOUS_YEAR_ALL = new RegExp(PREVIOUS_YEAR.source, 'g');
const COMPARISON_ALL = new RegExp(COMPARISON.source, 'g');
const EXCEPT_ALL = /除/g;

interface Trigger {
  subject: string;
  kind: SubjectKind;
  start: number;
  end: number;
  afterWithin: number;
}

/** Where a pattern matches in a sentence, in order (matches do not overlap, so ends are in order too). */
interface Matches {
  starts: number[];
  ends: number[];
}

/**
 * The trigger phrases of a sentence, sorted so that a number looks only at
 * the phrases next to it: reading a long clause had every number go through
 * every phrase of the sentence, which made it quadratic in the clause.
 */
interface TriggerIndex {
  /** By end, then start; phrases over the same characters keep TRIGGER_RULES order. */
  byEnd: Trigger[];
  ends: number[];
  /** By start, TRIGGER_RULES order kept on a tie. */
  byStart: Trigger[];
  starts: number[];
  /** The review and litigation phrases, by end. */
  groups: Trigger[];
  groupEnds: number[];
}

/**
 * A sentence with what its numbers look up, found in one pass each, so that
 * a number costs what its own neighbourhood costs, not what the sentence
 * before it costs: clause breaks, year mentions, mentions of requests, the
 * first 其中. The rest is found on first use: most sentences of a report hold
 * no countable number.
 */
interface SentenceScan {
  original: string;
  /** Half-width form (same length) except ，, which must not read as a thousands separator. */
  scan: string;
  tokens: NumberToken[];
  hardBreaks: number[];
  /** Hard breaks and 、. */
  softBreaks: number[];
  /** Where each year mention (2022年) ends, and its year. */
  yearEnds: number[];
  years: number[];
  requestMentions: Matches;
  /** Where the first 其中 ends; Infinity without one. */
  subsetEnd: number;
  cachedTriggers?: TriggerIndex;
  cachedMatches: Map<RegExp, Matches>;
}

function positionsOf(text: string, pattern: RegExp): number[] {
  return Array.from(text.matchAll(pattern), (m) => m.index);
}

function matchesOf(text: string, pattern: RegExp): Matches {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(pattern)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends };
}

/** Same length as the text: positions in one are positions in the other. */
function halfWidth(original: string): string {
  return original.replace(/[^，]+/g, toHalfWidth);
}

function scanSentence(original: string): SentenceScan {
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

/** How many of the ascending `values` are below `value`. */
function countBelow(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function matchesIn(s: SentenceScan, pattern: RegExp): Matches {
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
function foundWithin(s: SentenceScan, pattern: RegExp, from: number, to: number): boolean {
  const { starts, ends } = matchesIn(s, pattern);
  const k = countBelow(starts, from);
  return k < starts.length && (ends[k] as number) <= to;
}

function triggersOf(s: SentenceScan): TriggerIndex {
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
  };
  return s.cachedTriggers;
}

/** Where the clause holding `pos` starts: after the last break before it. */
function clauseStart(s: SentenceScan, pos: number, soft: boolean): number {
  const breaks = soft ? s.softBreaks : s.hardBreaks;
  const k = countBelow(breaks, pos);
  return k === 0 ? 0 : (breaks[k - 1] as number) + 1;
}

/** Where the clause holding `pos` ends: at the first break from it on. */
function clauseEnd(s: SentenceScan, pos: number, soft: boolean): number {
  const breaks = soft ? s.softBreaks : s.hardBreaks;
  return breaks[countBelow(breaks, pos)] ?? s.scan.length;
}

/**
 * Nearest phrase ending before `pos` and starting at or after `from`; longest on a tie.
 * Only the phrases ending between the two are looked at.
 */
function nearestBefore(
  s: SentenceScan,
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
function nearestAfter(s: SentenceScan, pos: number, limit: number): Trigger | null {
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

/** 行政复议、行政诉讼共5件: the number counts two subjects together, so it is neither's. */
function isJoinedWithOther(s: SentenceScan, chosen: Trigger): boolean {
  const { byEnd, ends } = triggersOf(s);
  for (let k = countBelow(ends, chosen.start + 1) - 1; k >= 0; k--) {
    const t = byEnd[k] as Trigger;
    if (t.end < chosen.start - CONJUNCTION_REACH) break;
    if (t.subject === chosen.subject && t.kind === chosen.kind) continue;
    if (CONJUNCTION.test(s.scan.slice(t.end, chosen.start))) return true;
  }
  return false;
}

/** The review/litigation group a 维持/纠错 phrase refers to: the last one named before it. */
function groupBefore(s: SentenceScan, pos: number): 'review' | 'litigation' | 'both' | null {
  const { groups, groupEnds } = triggersOf(s);
  let k = countBelow(groupEnds, pos + 1) - 1;
  if (k < 0) return null;
  // Of the phrases ending at the same place, the first in rule order.
  while (k > 0 && groupEnds[k - 1] === groupEnds[k]) k -= 1;
  const last = groups[k] as Trigger;
  return isJoinedWithOther(s, last) ? 'both' : (last.subject as 'review' | 'litigation');
}

/**
 * The year last mentioned before `pos`. A mention ends in 年, so one running
 * across `pos` is no mention before it, and no other starts inside it.
 */
function lastYearBefore(s: SentenceScan, pos: number): number | null {
  return s.years[countBelow(s.yearEnds, pos + 1) - 1] ?? null;
}

function otherYear(s: SentenceScan, pos: number, year: number | null, subject: string): boolean {
  if (year === null) return false;
  const mentioned = lastYearBefore(s, pos);
  if (mentioned === null || mentioned === year) return false;
  // 结转至2024年 in a 2023 report is this year's carry-over.
  return !(subject === 'carryOut' && mentioned === year + 1);
}

interface Context {
  year: number | null;
  prev: SentenceScan | null;
  /** One of the two sentences before names disclosure requests. */
  requestsNearby: boolean;
}

/** How many sentences a mention of disclosure requests (a heading, a lead sentence) covers. */
const REQUEST_CONTEXT_SENTENCES = 4;

function namesRequests(s: SentenceScan): boolean {
  return s.requestMentions.starts.length > 0;
}

/** The sentence or one of the few before it (a heading, the lead sentence) is about requests. */
function aboutRequests(s: SentenceScan, ctx: Context): boolean {
  return namesRequests(s) || ctx.requestsNearby;
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
function otherMatterLast(s: SentenceScan, pos: number): boolean {
  const lastOther = lastStartBefore(s, OTHER_MATTERS_ALL, matchesIn(s, OTHER_MATTERS_ALL), pos);
  if (lastOther < 0) return false;
  return lastOther > lastStartBefore(s, DISCLOSURE_REQUEST_ALL, s.requestMentions, pos);
}

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
  if (named) base = countSubjectForShare(s, named, ctx);
  // 予以公开12件，占20%: the share belongs to the count printed just before it.
  else if (previous?.adjacent) base = previous.subject;
  if (base === null || base.startsWith('percent.')) return null;
  const found: Found = { subject: `percent.${base}` };
  const of = scan.slice(shareEnd, token.start);
  if (/申请总数|收到|受理|新收|申请量|申请数|全部申请/.test(of)) found.denominator = 'received';
  else if (/办结|答复/.test(of)) found.denominator = 'answered';
  return found;
}

function countSubjectForShare(s: SentenceScan, t: Trigger, ctx: Context): string | null {
  if (t.kind === 'request') return aboutRequests(s, ctx) ? t.subject : null;
  if (t.kind === 'group') return t.subject;
  return null;
}

function numericClaims(s: SentenceScan, ctx: Context): Claim[] {
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
      if (!trigger || isJoinedWithOther(s, trigger)) return;
      // 上年结转 names last year inside the phrase itself; anywhere else it marks an old figure.
      const leadWithoutTrigger =
        trigger.end <= token.start
          ? scan.slice(Math.max(hardStart, prevEnd), trigger.start) +
            scan.slice(trigger.end, token.start)
          : lead;
      if (PREVIOUS_YEAR.test(leadWithoutTrigger)) return;
      const subject = countSubject(s, token, trigger, ctx);
      if (subject !== null) found = { subject };
    }
    if (!found) return;
    if (otherYear(s, token.start, ctx.year, found.subject)) return;
    const claim: Claim = {
      subject: found.subject,
      value: token.value,
      approximate: token.approximate,
      raw: token.raw,
      sentence: s.original,
    };
    if (found.denominator) claim.denominator = found.denominator;
    claims.push(claim);
    previous = { subject: found.subject, adjacent: true };
    previousIndex = i;
  });
  return claims;
}

// ---------------------------------------------------------------- statements without numbers

/** 均获维持, 全部胜诉, 均维持原行政行为. */
const ALL_UPHELD = /(?:均|全部|全都|都|皆|全)(?:已|获|被|予以|依法|得到|获得|为)*(维持|胜诉)/g;
/** 未发生…行政复议、行政诉讼; 无…复议. The reader must find a group word before the next comma. */
const NO_CASES =
  /未发生|没有发生|未出现|没有出现|未有|没有|并无|无(?!法|论|需|须|正当|一|此|相关|上述)/g;
/** 我局无此类情况 after a heading that names the groups. */
const NO_SUCH_CASES = /(?:无|没有|未发生|未有)(?:此类|这类|该类|相关|上述)(?:情况|情形|案件|事项)/;
const NO_REQUESTS = /^.{0,12}?(?:依申请公开|信息公开申请|公开申请|信息的申请)/;
const CORRECTION_WORDS = /纠错|纠正|败诉|撤销|违法|维持/;
const NEGATED_BEFORE = /(?:未|非|不|没有)$/;
/** The longest word NEGATED_BEFORE looks for. */
const NEGATION_LENGTH = 2;

function groupWords(text: string): ('review' | 'litigation')[] {
  const out: ('review' | 'litigation')[] = [];
  for (const m of text.matchAll(/复议|诉讼|起诉/g)) {
    const g = m[0] === '复议' ? 'review' : 'litigation';
    if (!out.includes(g)) out.push(g);
  }
  return out;
}

function statementClaims(s: SentenceScan, ctx: Context): Claim[] {
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

  for (const m of scan.matchAll(ALL_UPHELD)) {
    const before = scan.slice(Math.max(0, m.index - NEGATION_LENGTH), m.index);
    if (NEGATED_BEFORE.test(before) || blocked(m.index)) continue;
    const raw = s.original.slice(m.index, m.index + m[0].length);
    if (m[1] === '胜诉') {
      add('litigation', raw, 'allUpheld');
      continue;
    }
    let group = groupBefore(s, m.index);
    if (group === null && ctx.prev) group = groupBefore(ctx.prev, ctx.prev.scan.length);
    if (group === null) continue;
    if (group === 'both' || group === 'review') add('review', raw, 'allUpheld');
    if (group === 'both' || group === 'litigation') add('litigation', raw, 'allUpheld');
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

// ---------------------------------------------------------------- long sentences

/**
 * The longest sentence read as one. The longest of the fixture reports has
 * 248 characters and real ones stay under 600; a longer "sentence" is a
 * paragraph without 。；, a 、-list or a runaway text, and is read in windows
 * of at most this many characters, each as a sentence of its own (vetoes
 * such as 其中 or a year named earlier in it do not reach past its window).
 * This bounds what one number reads around it, and what one step reads.
 */
export const MAX_SENTENCE_CHARS = 1_000;

/**
 * Characters that may belong to a number's phrase (ordinal, approximation,
 * numeral, unit, suffix): a window cut between two of them could turn 第12件
 * into 12件, 1234 into 34, 2292条次 into 2292条.
 */
const NUMBER_PHRASE_CHAR =
  /[\d.％%第几数约近超逾多少于低上零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟余来件条起宗份例次个项篇以左右下有之]/;

/** After the last break of the kind in scan[from, to), or -1. */
function afterLastBreak(scan: string, from: number, to: number, soft: boolean): number {
  const pattern = soft ? SOFT_BREAK : HARD_BREAK;
  for (let i = to - 1; i > from; i--) if (pattern.test(scan.charAt(i))) return i + 1;
  return -1;
}

/**
 * Where the window starting at `from` ends: after its last clause break,
 * else after its last 、, else between two characters that cannot both
 * belong to a number's phrase (cut anyway in a run of such characters).
 */
function windowEnd(scan: string, from: number): number {
  const to = from + MAX_SENTENCE_CHARS;
  const hard = afterLastBreak(scan, from, to, false);
  if (hard > 0) return hard;
  const soft = afterLastBreak(scan, from, to, true);
  if (soft > 0) return soft;
  const lowest = from + MAX_SENTENCE_CHARS / 2;
  for (let cut = to; cut > lowest; cut--) {
    const inside =
      NUMBER_PHRASE_CHAR.test(scan.charAt(cut - 1)) && NUMBER_PHRASE_CHAR.test(scan.charAt(cut));
    if (!inside) return cut;
  }
  return to;
}

/** The sentences of the text, a long one cut into windows of at most MAX_SENTENCE_CHARS. */
export function* readingUnits(text: string): Generator<string> {
  for (const sentence of splitSentences(text)) {
    if (sentence.length <= MAX_SENTENCE_CHARS) {
      yield sentence;
      continue;
    }
    const scan = halfWidth(sentence);
    let from = 0;
    while (from < sentence.length) {
      const to =
        sentence.length - from > MAX_SENTENCE_CHARS ? windowEnd(scan, from) : sentence.length;
      const window = sentence.slice(from, to).trim();
      if (window !== '') yield window;
      from = to;
    }
  }
}

// ---------------------------------------------------------------- entry point

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

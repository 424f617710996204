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
import { parseChineseNumber } from './chinese-number';
import type { Claim } from './model';
import { toHalfWidth } from './text';

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
/** Subsets of the request total (其中…) or the 主动公开 total. */
const SUBSET = /其中/;
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

const HARD_BREAKS = new Set([',', '，', ';', ':', '(', ')', '[', ']', '【', '】', '。', '!', '?']);
const SOFT_BREAK = '、';

interface Trigger {
  subject: string;
  kind: SubjectKind;
  start: number;
  end: number;
  afterWithin: number;
}

interface SentenceScan {
  original: string;
  /** Half-width form (same length) except ，, which must not read as a thousands separator. */
  scan: string;
  tokens: NumberToken[];
  /** Found on first use: most sentences of a report hold no countable number. */
  cachedTriggers?: Trigger[];
}

function scanSentence(original: string): SentenceScan {
  const scan = original.replace(/[^，]+/g, toHalfWidth);
  return { original, scan, tokens: findNumbers(original, scan) };
}

function triggersOf(s: SentenceScan): Trigger[] {
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
  s.cachedTriggers = triggers;
  return triggers;
}

function clauseStart(scan: string, pos: number, soft: boolean): number {
  let i = pos;
  while (i > 0) {
    const ch = scan[i - 1] ?? '';
    if (HARD_BREAKS.has(ch) || (soft && ch === SOFT_BREAK)) break;
    i -= 1;
  }
  return i;
}

function clauseEnd(scan: string, pos: number, soft: boolean): number {
  let i = pos;
  while (i < scan.length) {
    const ch = scan[i] ?? '';
    if (HARD_BREAKS.has(ch) || (soft && ch === SOFT_BREAK)) break;
    i += 1;
  }
  return i;
}

/** Nearest phrase ending before `pos` and starting at or after `from`; longest on a tie. */
function nearestBefore(
  triggers: readonly Trigger[],
  from: number,
  pos: number,
  accept: (t: Trigger) => boolean,
): Trigger | null {
  let best: Trigger | null = null;
  for (const t of triggers) {
    if (t.start < from || t.end > pos || !accept(t)) continue;
    if (!best || t.end > best.end || (t.end === best.end && t.start < best.start)) best = t;
  }
  return best;
}

/** Nearest phrase allowed after a number, within its reach and before `limit`. */
function nearestAfter(triggers: readonly Trigger[], pos: number, limit: number): Trigger | null {
  let best: Trigger | null = null;
  for (const t of triggers) {
    if (t.afterWithin < 0 || t.start < pos || t.end > limit) continue;
    if (t.start - pos > t.afterWithin) continue;
    if (!best || t.start < best.start || (t.start === best.start && t.end > best.end)) best = t;
  }
  return best;
}

/** 行政复议、行政诉讼共5件: the number counts two subjects together, so it is neither's. */
function isJoinedWithOther(s: SentenceScan, chosen: Trigger): boolean {
  for (const t of triggersOf(s)) {
    if (t.subject === chosen.subject && t.kind === chosen.kind) continue;
    if (t.end <= chosen.start && CONJUNCTION.test(s.scan.slice(t.end, chosen.start))) return true;
  }
  return false;
}

/** The review/litigation group a 维持/纠错 phrase refers to: the last one named before it. */
function groupBefore(s: SentenceScan, pos: number): 'review' | 'litigation' | 'both' | null {
  let last: Trigger | null = null;
  for (const t of triggersOf(s)) {
    if (t.kind !== 'group' || t.end > pos) continue;
    if (!last || t.end > last.end) last = t;
  }
  if (!last) return null;
  return isJoinedWithOther(s, last) ? 'both' : (last.subject as 'review' | 'litigation');
}

function lastYearBefore(scan: string, pos: number): number | null {
  let year: number | null = null;
  for (const m of scan.slice(0, pos).matchAll(YEAR_MENTION)) year = Number(m[1]);
  return year;
}

function otherYear(scan: string, pos: number, year: number | null, subject: string): boolean {
  if (year === null) return false;
  const mentioned = lastYearBefore(scan, pos);
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

/** The sentence or one of the few before it (a heading, the lead sentence) is about requests. */
function aboutRequests(s: SentenceScan, ctx: Context): boolean {
  return DISCLOSURE_REQUEST.test(s.scan) || ctx.requestsNearby;
}

/**
 * 政务服务中心受理各类事项12000件，办结11900件: the sentence last named something other
 * than disclosure requests, so its later clauses are about that too.
 */
function otherMatterLast(scan: string, pos: number): boolean {
  const lead = scan.slice(0, pos);
  let lastOther = -1;
  for (const m of lead.matchAll(OTHER_MATTERS_ALL)) lastOther = m.index;
  if (lastOther < 0) return false;
  let lastRequest = -1;
  for (const m of lead.matchAll(DISCLOSURE_REQUEST_ALL)) lastRequest = m.index;
  return lastOther > lastRequest;
}

/** Subject of a count, or null when the number is not safely one. */
function countSubject(
  s: SentenceScan,
  token: NumberToken,
  trigger: Trigger,
  ctx: Context,
): string | null {
  const { scan } = s;
  const hardStart = clauseStart(scan, token.start, false);
  const softEnd = clauseEnd(scan, token.end, true);
  const clause = scan.slice(hardStart, softEnd);
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
      if (totalLike && (OTHER_MATTERS.test(clause) || otherMatterLast(scan, token.start))) {
        return null;
      }
      if (subject === 'received' && SUBSET.test(scan.slice(0, token.start))) return null;
      if (subject === 'answered' && NOT_THE_ANSWERED_TOTAL.test(clause)) return null;
      return subject;
    }
    case 'group': {
      if (GROUP_PART.test(clause) || GROUP_AS_HANDLER.test(clause)) return null;
      return trigger.subject;
    }
    case 'outcome': {
      if (GROUP_PART.test(clause) || GROUP_AS_HANDLER.test(clause)) return null;
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
      if (SUBSET.test(scan.slice(0, token.start))) return null;
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
  const clause = scan.slice(clauseStart(scan, token.start, false), token.end);
  RATE.lastIndex = 0;
  if (RATE.test(region)) {
    if (!aboutRequests(s, ctx)) return null;
    if (OTHER_MATTERS.test(clause) || NOT_THE_ANSWERED_TOTAL.test(clause)) return null;
    if (otherMatterLast(scan, token.start)) return null;
    return { subject: 'percent.answered' };
  }
  let shareEnd = -1;
  for (const m of region.matchAll(SHARE)) shareEnd = from + m.index + m[0].length;
  if (shareEnd < 0) return null;
  const named = nearestBefore(triggersOf(s), from, shareEnd, (t) => t.kind !== 'outcome');
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
    const softStart = clauseStart(scan, token.start, true);
    const hardStart = clauseStart(scan, token.start, false);
    const from = Math.max(softStart, prevEnd);
    const lead = scan.slice(Math.max(hardStart, prevEnd), token.start);
    if (COMPARISON.test(lead) || INTENTION.test(lead)) return;

    let found: Found | null = null;
    let trigger: Trigger | null = null;
    if (token.unit === '%') {
      if (PREVIOUS_YEAR.test(lead)) return;
      found = percentSubject(s, token, from, previous, ctx);
    } else {
      trigger = nearestBefore(triggersOf(s), from, token.start, () => true);
      if (!trigger) {
        const limit = Math.min(clauseEnd(scan, token.end, true), nextStart);
        trigger = nearestAfter(triggersOf(s), token.end, limit);
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
    if (otherYear(scan, token.start, ctx.year, found.subject)) return;
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
    const lead = scan.slice(clauseStart(scan, pos, false), pos);
    return (
      INTENTION.test(lead) ||
      PREVIOUS_YEAR.test(lead) ||
      COMPARISON.test(lead) ||
      /除/.test(lead) ||
      otherYear(scan, pos, ctx.year, '')
    );
  };

  for (const m of scan.matchAll(ALL_UPHELD)) {
    if (NEGATED_BEFORE.test(scan.slice(0, m.index)) || blocked(m.index)) continue;
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
    const span = scan.slice(spanStart, clauseEnd(scan, spanStart, false));
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

// ---------------------------------------------------------------- entry point

/**
 * Claims the narrative makes, in reading order. `opts.year` is the year the
 * report covers; figures the text dates to another year are left out.
 */
export function extractClaims(text: string, opts: { year?: number | null } = {}): Claim[] {
  const year = opts.year ?? null;
  const claims: Claim[] = [];
  let prev: SentenceScan | null = null;
  let sincePrevRequestMention = Number.POSITIVE_INFINITY;
  for (const sentence of splitSentences(text)) {
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
    sincePrevRequestMention = DISCLOSURE_REQUEST.test(s.scan) ? 1 : sincePrevRequestMention + 1;
    prev = s;
  }
  return claims;
}

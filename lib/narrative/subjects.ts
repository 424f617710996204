/**
 * What the report's phrases name, as data: which phrase makes a number a
 * count of received requests, of 予以公开 results, of reviews… (the subjects
 * lib/checks/narrative-data.ts sets against the tables), which units each
 * kind of subject is counted in, and the phrases of percentages and of two
 * subjects counted together. A new way of saying a subject goes here; a
 * phrase that makes a number not the subject's figure goes in vetoes.ts.
 */

export type SubjectKind = 'request' | 'group' | 'outcome' | 'active';

export interface TriggerRule {
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
 * 办结, 结转下年度继续办理 over 办理). On a full tie the earlier rule wins, so the
 * order of the rules matters.
 */
export const TRIGGER_RULES: readonly TriggerRule[] = [
  { subject: 'carryIn', kind: 'request', pattern: /(?:上一?年度?|去年|往年)(?:遗留|结转)/g },
  {
    subject: 'carryOut',
    kind: 'request',
    afterWithin: 4,
    // 结转下年度办理2件 is one phrase: the carry-over, not a count of requests handled (办理).
    pattern:
      /(?:结转(?:至|到|入)?(?:下一?年度?|(?:19|20)\d\d年度?)|转入下一?年度?)(?:(?:继续|依法|仍需|需要?){0,2}(?:办理|处理|答复)的?)?|(?:尚|正|仍)在办理中?|办理中|未办结|未到期|答复期限未到|未到答复期限?|尚未答复|(?:尚|仍)在(?:法定)?答复期限?内/g,
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
    pattern: /部分公开|部分予以公开|部分同意公开|区分处理/g,
  },
  { subject: 'deny', kind: 'request', afterWithin: 1, pattern: /不予以?公开|不同意公开/g },
  { subject: 'unable', kind: 'request', afterWithin: 1, pattern: /无法提供/g },
  { subject: 'noProcess', kind: 'request', afterWithin: 1, pattern: /不予处理/g },
  { subject: 'other', kind: 'request', afterWithin: 1, pattern: /其他处理/g },
  { subject: 'channel.inPerson', kind: 'request', pattern: /当面/g },
  { subject: 'channel.fax', kind: 'request', pattern: /传真/g },
  // 网络问政, 网上留言, 在线咨询 are other matters, not requests made online.
  {
    subject: 'channel.online',
    kind: 'request',
    pattern: /(?:网络|网上|在线|互联网)(?!问政|理政|留言|咨询|信箱|投诉|举报|信访|访谈|互动)/g,
  },
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

/** The furthest a phrase read after its number may start from it (the largest afterWithin). */
export const AFTER_REACH = Math.max(...TRIGGER_RULES.map((rule) => rule.afterWithin ?? 0));

export const UNITS_BY_KIND: Readonly<Record<SubjectKind, ReadonlySet<string>>> = {
  request: new Set(['件', '件次', '起', '宗', '份', '个', '例']),
  group: new Set(['件', '件次', '起', '宗', '个', '例', '次']),
  outcome: new Set(['件', '件次', '起', '宗', '个', '例', '次']),
  // 条次 counts an item once per channel, so it is not the 主动公开 total.
  active: new Set(['条', '件', '篇', '项']),
};

/** A percentage of answered requests: 办结率100%. */
export const RATE = /(?:办结|答复)率/g;
/** A share of the subject named before it (网上申请占比60%) or of the count just before (占20%). */
export const SHARE = /占|比例|比重/g;
/** What a share is of, when named after 占 (占申请总数的10%). */
export const SHARE_OF_RECEIVED = /申请总数|收到|受理|新收|申请量|申请数|全部申请/;
export const SHARE_OF_ANSWERED = /办结|答复/;

/** Phrases joining two subjects that a following number counts together. */
export const CONJUNCTION = /^(?:的|类|案件|申请|事件)?(?:、|和|及|与|或|以及|或者)$/;
/** The longest text CONJUNCTION accepts between two phrases (案件 and 以及). */
export const CONJUNCTION_REACH = 4;

/**
 * Subjects a figure may count together (予以公开及部分公开258件): the sum of their
 * cells. Only subjects of one family add up to something the tables hold.
 */
export const SUMMABLE_FAMILIES: readonly (readonly string[])[] = [
  ['open', 'partial', 'deny', 'unable', 'noProcess', 'other'],
  ['channel.inPerson', 'channel.fax', 'channel.online', 'channel.letter', 'channel.other'],
  ['review', 'litigation'],
];
/** How a claim names subjects counted together: `open+partial`. */
export const JOINED_SUBJECTS = '+';
/** The most subjects one list joins (the six result categories). */
export const MAX_JOINED = 6;

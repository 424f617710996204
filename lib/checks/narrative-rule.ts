/**
 * The narrative against the tables (domain.md, family 3): a figure the text
 * states (lib/narrative/claims.ts claims) that the report's own table contradicts.
 * What each claim is read against is data (lib/checks/narrative-data.ts).
 *
 * A narrative finding is a warning: the text and the table disagree, and
 * either may be the wrong one. `expected` is what the sentence says the table
 * should hold, `actual` what the table holds. The finding marks the table
 * cell the sentence contradicts: the figure itself, or for a category summed
 * over several rows (不予公开 = rows 1–8) the first row that counts, the rest
 * listed as terms. Subjects the text counts together (予以公开及部分公开,
 * `open+partial`) are the sum of each subject's figure, each named in the
 * arithmetic. Where each non-zero cell contradicts the sentence on its own
 * (未发生行政诉讼, 均获维持) every such cell is marked; a 均获维持 said of reviews
 * and lawsuits together is one finding that lists the cells of both.
 *
 * Saying nothing beats guessing: a claim whose cells are blank, unreadable or
 * absent is not checked, approximate figures contradict only when far off,
 * and a subject the text states once in agreement with the table is not
 * flagged for another of its figures (the other is most likely a sub-unit's
 * or a phrase the extractor attributed to the wrong subject).
 */
import type { CellRef, Claim } from '../model/report';
import { JOINED_SUBJECTS } from '../narrative/subjects';
import { toHalfWidth } from '../text/normalise';
import { defineRule } from './define-rule';
import {
  ALL_UPHELD_CONTRADICTED_BY,
  APPROXIMATE_TOLERANCE,
  JOINED_NAME,
  NARRATIVE_TARGETS,
  NATURAL_DENOMINATORS,
  type NarrativeTarget,
  PERCENT_TOLERANCE_DIGITS,
  T3_APPLICANTS,
  type TableFamily,
} from './narrative-data';
import type { ReportIndex } from './report-index';
import { formatNumber, sumExpression, sumOf } from './shared/arithmetic';
import type { RuleFinding } from './types';

const BLANK_AS_ZERO = '（空白按0计：同项其余单元格已填写）';
const FROM_APPLICANTS = '（总计列空白，按各类申请人之和计）';
const BLANK_AS_ZERO_EN = ' (blanks counted as 0: the rest of the item is filled)';
const FROM_APPLICANTS_EN = ' (the total column is blank; the applicant columns are summed)';

/** A figure of the tables as the sum of the cells that print it. */
interface Reading {
  value: number;
  parts: CellRef[];
  /** One or more parts were a blank counted as zero. */
  blanksAsZero: boolean;
  /** A blank 总计 was replaced by the sum of its applicant columns. */
  fromApplicants: boolean;
  /** For subjects counted together (予以公开及部分公开): each subject's own figure. */
  members?: Member[];
}

interface Member {
  target: NarrativeTarget;
  r: Reading;
}

type PartRead =
  | { kind: 'cells'; refs: CellRef[]; fromApplicants: boolean }
  | { kind: 'blank'; ref: CellRef }
  | null;

const T3_TOTAL = /^t3\.(.+)\.total$/;

function readPart(index: ReportIndex, key: string): PartRead {
  const cell = index.get(key);
  if (!cell || cell.state === 'unreadable') return null;
  if (cell.state === 'number') return { kind: 'cells', refs: [cell.ref], fromApplicants: false };
  const row = T3_TOTAL.exec(key)?.[1];
  if (row === undefined) return { kind: 'blank', ref: cell.ref };
  const applicants = T3_APPLICANTS.map((c) => index.get(`t3.${row}.${c}`)).filter(
    (c) => c !== undefined,
  );
  if (applicants.some((c) => c.state === 'unreadable')) return null;
  if (!applicants.some((c) => c.state === 'number')) return { kind: 'blank', ref: cell.ref };
  return { kind: 'cells', refs: applicants.map((c) => c.ref), fromApplicants: true };
}

/** The set's figure; null when a cell cannot be read or every cell is blank (blank is not zero). */
function readSet(index: ReportIndex, keys: string[]): Reading | null {
  const parts: CellRef[] = [];
  let blanks = 0;
  let filled = 0;
  let fromApplicants = false;
  for (const key of keys) {
    const part = readPart(index, key);
    if (part === null) return null;
    if (part.kind === 'blank') {
      blanks++;
      parts.push(part.ref);
      continue;
    }
    filled++;
    fromApplicants ||= part.fromApplicants;
    parts.push(...part.refs);
  }
  if (filled === 0) return null;
  return {
    value: sumOf(parts.map((p) => p.value ?? 0)),
    parts,
    blanksAsZero: blanks > 0 || parts.some((p) => p.value === null),
    fromApplicants,
  };
}

/**
 * Readings of the target's sets that the table carries completely, the first
 * set's first. Empty when the first cannot be read: the figure the text
 * names is blank or unreadable, and an alternative reading must not stand in
 * for it (a blank 新收 row is not 上年结转 alone).
 */
function readTarget(index: ReportIndex, target: NarrativeTarget): Reading[] {
  const readings = target.sets
    .filter((set) => set.every((key) => index.has(key)))
    .map((set) => readSet(index, set));
  if (!readings[0]) return [];
  return readings.filter((r) => r !== null);
}

function familyOf(index: ReportIndex): TableFamily | null {
  const keys = index.keys();
  if (keys.some((k) => k.startsWith('legacy.'))) return 'legacy';
  if (keys.some((k) => /^t[234]\./.test(k))) return 'format';
  return null;
}

// ---------------------------------------------------------------- agreement

/** Place value of the last significant digit: 16000 → 1000, 300 → 100, 34.5 → 0.1. */
function precisionOf(value: number, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  let p = 1;
  const v = Math.abs(Math.round(value));
  if (v === 0) return 1;
  while (v % (p * 10) === 0) p *= 10;
  return p;
}

function agrees(stated: number, table: number, approximate: boolean, decimals: number): boolean {
  const diff = Math.abs(table - stated);
  if (!approximate) return diff === 0;
  return (
    diff <= APPROXIMATE_TOLERANCE.relative * Math.abs(stated) ||
    diff < precisionOf(stated, decimals)
  );
}

const decimalsOf = (raw: string): number => /\.(\d+)/.exec(toHalfWidth(raw))?.[1]?.length ?? 0;

function approximateNote(stated: number, decimals: number): string {
  const p = precisionOf(stated, decimals);
  return `（约数：相差 ${formatNumber(p)} 以上且超过 10% 才算不符）`;
}

function approximateNoteEn(stated: number, decimals: number): string {
  const p = precisionOf(stated, decimals);
  return ` (a round figure: it disagrees only when off by more than ${formatNumber(p)} and by more than 10%)`;
}

// ---------------------------------------------------------------- wording

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NUMERAL_CHAR = '[0-9０-９.．零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]';
const UNIT = '(?:件次|件|条次|条|起|宗|份|例|次|个|项|篇|%|％)';

/** The figure as the sentence prints it, with its approximation marks and unit (1万余条). */
function printedPhrase(claim: Claim): string {
  if (claim.raw === '') return claim.sentence;
  const number = escapeRegExp(claim.raw.replace(/[%％]$/, ''));
  // The numeral on its own (not the 1 of 2017), and best with its unit after it.
  const phrase = new RegExp(
    `(?:约|大约|近|将近|接近|超过|超|逾|多于|不少于|不低于|上)?(?<!${NUMERAL_CHAR})${number}(?!${NUMERAL_CHAR})(?:余|多|来)?(${UNIT})?(?:以上|左右|上下|有余|之多)?`,
    'g',
  );
  const matches = [...claim.sentence.matchAll(phrase)];
  return (matches.find((m) => m[1] !== undefined) ?? matches[0])?.[0] ?? claim.raw;
}

/** A statement without a number as printed, up to the end of its clause (未发生因政府信息公开引起的行政诉讼). */
function statementPhrase(claim: Claim): string {
  const at = claim.raw === '' ? -1 : claim.sentence.indexOf(claim.raw);
  if (at < 0) return claim.sentence;
  const rest = claim.sentence.slice(at);
  return rest.slice(0, rest.search(/[，,；;。！？]|$/));
}

/** A printed label on one line (legacy labels carry their note after a line break). */
const oneLine = (label: string): string => label.replace(/\s*\n\s*/g, '');

/** Headers of a table's one value column: the row label alone names such a cell. */
const VALUE_COLUMN = /^(?:总计|合计|统计数|数量|数值|统计值)$/;

/** A cell as a reader finds it: its row, and its column where the row has several (行政复议 结果纠正). */
const cellName = (ref: CellRef): string =>
  ref.col && !VALUE_COLUMN.test(ref.col) ? `${oneLine(ref.row)} ${ref.col}` : oneLine(ref.row);

/** Up to four terms are named (未经复议直接起诉 3 + 复议后起诉 1 = 4); longer sums print their numbers. */
function termsExpression(parts: CellRef[]): string {
  const values = parts.map((p) => p.value ?? 0);
  if (parts.length < 2 || parts.length > 4) return sumExpression(values);
  const named = parts.map((p) => `${cellName(p)} ${formatNumber(p.value ?? 0)}`).join(' + ');
  return `${named} = ${formatNumber(sumOf(values))}`;
}

/**
 * Subjects counted together, each named: every cell where there are at most
 * four (（一）予以公开 272 + （二）部分公开 3), else each subject's sum
 * (不予公开 4 + 无法提供 33), its cells listed among the finding's terms.
 */
function memberTerms(r: Reading, lang: 'zh' | 'en'): string {
  if (r.parts.length <= 4) {
    return r.parts.map((p) => `${cellName(p)} ${formatNumber(p.value ?? 0)}`).join(' + ');
  }
  return (r.members ?? []).map((m) => `${m.target[lang]} ${formatNumber(m.r.value)}`).join(' + ');
}

const membersExpression = (r: Reading, lang: 'zh' | 'en'): string =>
  `${memberTerms(r, lang)} = ${formatNumber(r.value)}`;

/** The numerator of a share, as its sum where it has several subjects: (予以公开 272 + 部分公开 3). */
function numeratorName(target: NarrativeTarget, r: Reading, lang: 'zh' | 'en'): string {
  if (!r.members) return target[lang];
  const terms = r.members.map((m) => `${m.target[lang]} ${formatNumber(m.r.value)}`);
  return `(${terms.join(' + ')})`;
}

/** The marked cell of a sum: the first part that counts, else the first part. */
function markedOf(parts: CellRef[]): CellRef {
  return (parts.find((p) => (p.value ?? 0) !== 0) ?? parts[0]) as CellRef;
}

const refId = (ref: CellRef): string => ref.key ?? `${ref.table}:${ref.r}:${ref.c}`;
const others = (parts: CellRef[], marked: CellRef[]): CellRef[] => {
  const ids = new Set(marked.map(refId));
  return parts.filter((p) => !ids.has(refId(p)));
};

function tableSide(
  target: NarrativeTarget,
  r: Reading,
): { zh: string; en: string; expr: string; exprEn: string } {
  if (r.members) {
    return {
      zh: `表中${target.zh}之和为 ${formatNumber(r.value)}`,
      en: `the table's ${target.en} add up to ${formatNumber(r.value)}`,
      expr: `${target.zh} = ${membersExpression(r, 'zh')}`,
      exprEn: `${target.en} = ${membersExpression(r, 'en')}`,
    };
  }
  const only = r.parts.length === 1 ? r.parts[0] : undefined;
  if (only) {
    return {
      zh: `表中「${oneLine(only.row)}」${only.col ? `（${only.col}）` : ''}为 ${formatNumber(r.value)}`,
      en: `the table's “${oneLine(only.row)}”${only.col ? ` (${only.col})` : ''} reads ${formatNumber(r.value)}`,
      expr: `${cellName(only)} = ${formatNumber(r.value)}`,
      exprEn: `${cellName(only)} = ${formatNumber(r.value)}`,
    };
  }
  return {
    zh: `表中${target.zh}各项之和为 ${formatNumber(r.value)}`,
    en: `the table's rows for ${target.en} add up to ${formatNumber(r.value)}`,
    expr: `${target.zh} = ${termsExpression(r.parts)}`,
    exprEn: `${target.en} = ${termsExpression(r.parts)}`,
  };
}

const notesOf = (r: Reading): string =>
  (r.fromApplicants ? FROM_APPLICANTS : '') + (r.blanksAsZero ? BLANK_AS_ZERO : '');
const notesOfEn = (r: Reading): string =>
  (r.fromApplicants ? FROM_APPLICANTS_EN : '') + (r.blanksAsZero ? BLANK_AS_ZERO_EN : '');

// ---------------------------------------------------------------- findings

function figureFinding(claim: Claim, target: NarrativeTarget, r: Reading): RuleFinding {
  const printed = printedPhrase(claim);
  const side = tableSide(target, r);
  const marked = markedOf(r.parts);
  const decimals = decimalsOf(claim.raw);
  const approx = claim.approximate ? approximateNote(claim.value, decimals) : '';
  const approxEn = claim.approximate ? approximateNoteEn(claim.value, decimals) : '';
  return {
    rule: 'narrative.figure',
    severity: 'warning',
    message: `文中称${target.zh}「${printed}」，与表格不符：${side.zh}${r.fromApplicants ? FROM_APPLICANTS : ''}`,
    messageEn: `The text gives ${target.en} as “${printed}”, but ${side.en}${r.fromApplicants ? ' (the total column is blank; the applicant columns are summed)' : ''}`,
    cells: [marked],
    terms: others(r.parts, [marked]),
    expected: claim.value,
    actual: r.value,
    arithmetic: `${side.expr}；文中为 ${formatNumber(claim.value)}${approx}；差 ${formatNumber(Math.abs(r.value - claim.value))}${notesOf(r)}`,
    arithmeticEn: `${side.exprEn}; the text says ${formatNumber(claim.value)}${approxEn}; difference ${formatNumber(Math.abs(r.value - claim.value))}${notesOfEn(r)}`,
    text: claim.sentence,
  };
}

/**
 * A sum that should be zero: its cells named where there are at most four,
 * else the non-zero ones named and the zeros counted (the six outcomes of
 * both kinds of lawsuit would print as a row of noughts).
 */
function nonZeroExpression(parts: CellRef[], lang: 'zh' | 'en'): string {
  if (parts.length <= 4) return termsExpression(parts);
  const nonZero = parts.filter((p) => (p.value ?? 0) !== 0);
  const named = nonZero.map((p) => `${cellName(p)} ${formatNumber(p.value ?? 0)}`).join(' + ');
  const total = formatNumber(sumOf(nonZero.map((p) => p.value ?? 0)));
  const zeros = parts.length - nonZero.length;
  return lang === 'zh'
    ? `${named} = ${total}（其余 ${zeros} 项为 0）`
    : `${named} = ${total} (the other ${zeros} are 0)`;
}

/** `none` (未发生…) and `allUpheld` (均获维持): every non-zero cell contradicts the sentence by itself. */
function zeroFinding(
  claim: Claim,
  rule: string,
  name: { zh: string; en: string },
  r: Reading,
): RuleFinding | null {
  if (r.value === 0) return null;
  const nonZero = r.parts.filter((p) => (p.value ?? 0) !== 0);
  const printed = statementPhrase(claim);
  const list = nonZero.map((p) => `「${cellName(p)}」${formatNumber(p.value ?? 0)}`).join('、');
  const listEn = nonZero.map((p) => `“${cellName(p)}” ${formatNumber(p.value ?? 0)}`).join(', ');
  const claimEn = rule === 'narrative.none' ? 'there were none' : 'all were upheld';
  return {
    rule,
    severity: 'warning',
    message: `文中称「${printed}」，但表中${name.zh}不为零：${list}`,
    messageEn: `The text says ${claimEn} (“${printed}”), but the table's ${name.en} are not zero: ${listEn}`,
    cells: nonZero,
    terms: others(r.parts, nonZero),
    expected: 0,
    actual: r.value,
    arithmetic: `${name.zh} = ${nonZeroExpression(r.parts, 'zh')}；文中为 0${notesOf(r)}`,
    arithmeticEn: `${name.en} = ${nonZeroExpression(r.parts, 'en')}; the text says 0${notesOfEn(r)}`,
    text: claim.sentence,
  };
}

function shareAgrees(claim: Claim, num: Reading, den: Reading): boolean {
  const decimals = decimalsOf(claim.raw);
  const share = (num.value / den.value) * 100;
  if (claim.approximate) return agrees(claim.value, share, true, decimals);
  return Math.abs(share - claim.value) < PERCENT_TOLERANCE_DIGITS * 10 ** -decimals - 1e-9;
}

interface Figure {
  target: NarrativeTarget;
  r: Reading;
}

/** numerator ÷ base = share, in one language. */
function shareExpression(num: Figure, den: Figure, shown: number, lang: 'zh' | 'en'): string {
  return `${numeratorName(num.target, num.r, lang)} ÷ ${den.target[lang]} = ${formatNumber(num.r.value)} ÷ ${formatNumber(den.r.value)} = ${formatNumber(shown)}%`;
}

/** The share printed to one more decimal than the text's, at least two. */
const shownShare = (num: Reading, den: Reading, decimals: number): number =>
  Number(((num.value / den.value) * 100).toFixed(Math.max(2, decimals + 1)));

/** `bases`: the share's possible bases, the usual first; the text's share matches none of them. */
function percentFinding(claim: Claim, num: Figure, bases: Figure[]): RuleFinding {
  const decimals = decimalsOf(claim.raw);
  const [den, ...alternatives] = bases as [Figure, ...Figure[]];
  const shown = shownShare(num.r, den.r, decimals);
  const marked = markedOf(num.r.parts);
  const diff = formatNumber(Number(Math.abs(shown - claim.value).toFixed(2)));
  const otherBases = (lang: 'zh' | 'en') =>
    alternatives
      .map((o) => shareExpression(num, o, shownShare(num.r, o.r, decimals), lang))
      .map((e) => (lang === 'zh' ? `；以另一基数计：${e}` : `; over another base: ${e}`))
      .join('');
  return {
    rule: 'narrative.percent',
    severity: 'warning',
    message: `文中称${num.target.zh}占${den.target.zh}的 ${formatNumber(claim.value)}%，但按表中数字为 ${formatNumber(shown)}%`,
    messageEn: `The text gives ${num.target.en} as ${formatNumber(claim.value)}% of ${den.target.en}, but the table's figures give ${formatNumber(shown)}%`,
    cells: [marked],
    terms: [...others(num.r.parts, [marked]), ...den.r.parts],
    expected: claim.value,
    actual: shown,
    arithmetic: `${shareExpression(num, den, shown, 'zh')}${otherBases('zh')}；文中为 ${formatNumber(claim.value)}%；差 ${diff} 个百分点${notesOf(num.r)}`,
    arithmeticEn: `${shareExpression(num, den, shown, 'en')}${otherBases('en')}; the text says ${formatNumber(claim.value)}%; difference ${diff} percentage points${notesOfEn(num.r)}`,
    text: claim.sentence,
  };
}

// ---------------------------------------------------------------- rule

interface Targets {
  family: TableFamily;
  get(subject: string): { target: NarrativeTarget; readings: Reading[] } | null;
}

/**
 * Subjects counted together (open+partial): one target whose figure is the
 * sum of each subject's first reading; null unless every subject can be read.
 */
function joinedTarget(
  subjects: string[],
  get: Targets['get'],
): { target: NarrativeTarget; readings: Reading[] } | null {
  const members: Member[] = [];
  for (const subject of subjects) {
    const found = get(subject);
    const r = found?.readings[0];
    if (!found || !r) return null;
    members.push({ target: found.target, r });
  }
  const target: NarrativeTarget = {
    zh: members.map((m) => m.target.zh).join(JOINED_NAME.zh),
    en: members.map((m) => m.target.en).join(JOINED_NAME.en),
    sets: [members.flatMap((m) => m.target.sets[0] ?? [])],
  };
  const reading: Reading = {
    value: sumOf(members.map((m) => m.r.value)),
    parts: members.flatMap((m) => m.r.parts),
    blanksAsZero: members.some((m) => m.r.blanksAsZero),
    fromApplicants: members.some((m) => m.r.fromApplicants),
    members,
  };
  return { target, readings: [reading] };
}

function targetsOf(index: ReportIndex, family: TableFamily): Targets {
  const cache = new Map<string, { target: NarrativeTarget; readings: Reading[] } | null>();
  const get: Targets['get'] = (subject) => {
    if (!cache.has(subject)) {
      const joined = subject.split(JOINED_SUBJECTS);
      if (joined.length > 1) {
        cache.set(subject, joinedTarget(joined, get));
      } else {
        const target = NARRATIVE_TARGETS[family][subject];
        const readings = target ? readTarget(index, target) : [];
        cache.set(subject, target && readings.length > 0 ? { target, readings } : null);
      }
    }
    return cache.get(subject) ?? null;
  };
  return { family, get };
}

/** Numeric counts: a subject stated in agreement anywhere is not flagged; the same figure twice is one finding. */
function countFindings(claims: Claim[], targets: Targets): RuleFinding[] {
  const bySubject = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.assertion || c.subject.startsWith('percent.')) continue;
    bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  }
  const findings: RuleFinding[] = [];
  for (const [subject, list] of bySubject) {
    const found = targets.get(subject);
    if (!found) continue;
    const agreeing = (c: Claim) =>
      found.readings.some((r) => agrees(c.value, r.value, c.approximate, decimalsOf(c.raw)));
    if (list.some(agreeing)) continue;
    const reading = found.readings[0] as Reading;
    const seen = new Set<number>();
    for (const c of list) {
      if (seen.has(c.value)) continue;
      seen.add(c.value);
      findings.push(figureFinding(c, found.target, reading));
    }
  }
  return findings;
}

/** The bases a share may be of: the one the text names, else its subject's usual ones. */
function basesOf(claim: Claim, subject: string): readonly string[] {
  if (claim.denominator) return [claim.denominator];
  const first = subject.split(JOINED_SUBJECTS)[0] ?? subject;
  return NATURAL_DENOMINATORS[first] ?? [];
}

function percentFindings(claims: Claim[], targets: Targets): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    if (!c.subject.startsWith('percent.')) continue;
    const subject = c.subject.slice('percent.'.length);
    const num = targets.get(subject);
    const numReading = num?.readings[0];
    if (!num || !numReading) continue;
    // Each base that the table carries, with a positive first reading.
    const bases = basesOf(c, subject).flatMap((b) => {
      const den = targets.get(b);
      const first = den?.readings[0];
      return den && first && first.value > 0 ? [den] : [];
    });
    if (bases.length === 0) continue;
    const id = `${c.subject}|${c.denominator ?? ''}|${c.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // Any reading of the count over any reading of any base that gives the share is agreement.
    const pairs = num.readings.flatMap((n) =>
      bases.flatMap((den) => den.readings.filter((d) => d.value > 0).map((d) => [n, d] as const)),
    );
    if (pairs.some(([n, d]) => shareAgrees(c, n, d))) continue;
    findings.push(
      percentFinding(
        c,
        { target: num.target, r: numReading },
        bases.map((den) => ({ target: den.target, r: den.readings[0] as Reading })),
      ),
    );
  }
  return findings;
}

/**
 * 均获维持 / 全部胜诉, one finding per statement: a statement covering reviews
 * and lawsuits (行政复议7件，诉讼9件，均获维持) lists every cell of either that
 * contradicts it. A group already checked for an earlier statement is not
 * checked again.
 */
function allUpheldFindings(
  claims: Claim[],
  family: TableFamily,
  index: ReportIndex,
): RuleFinding[] {
  const statements = new Map<string, { claim: Claim; groups: string[] }>();
  const checked = new Set<string>();
  for (const c of claims) {
    if (c.assertion !== 'allUpheld' || checked.has(c.subject)) continue;
    checked.add(c.subject);
    const id = `${c.sentence}|${c.raw}`;
    const statement = statements.get(id) ?? { claim: c, groups: [] };
    statement.groups.push(c.subject);
    statements.set(id, statement);
  }
  const findings: RuleFinding[] = [];
  for (const { claim, groups } of statements.values()) {
    const specs = groups.flatMap((g) => ALL_UPHELD_CONTRADICTED_BY[family][g] ?? []);
    const keys = specs.flatMap((spec) => spec.keys).filter((k) => index.has(k));
    const r = keys.length > 0 ? readSet(index, keys) : null;
    if (!r) continue;
    const name = {
      zh: specs.map((spec) => spec.zh).join('；'),
      en: specs.map((spec) => spec.en).join('; '),
    };
    const f = zeroFinding(claim, 'narrative.all-upheld', name, r);
    if (f) findings.push(f);
  }
  return findings;
}

function noneFindings(claims: Claim[], targets: Targets): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    if (c.assertion !== 'none' || seen.has(c.subject)) continue;
    seen.add(c.subject);
    const found = targets.get(c.subject);
    const r = found?.readings[0];
    if (!found || !r) continue;
    const f = zeroFinding(c, 'narrative.none', found.target, r);
    if (f) findings.push(f);
  }
  return findings;
}

export const narrativeRule = defineRule({
  id: 'narrative',
  family: 'narrative',
  run(ctx) {
    const family = familyOf(ctx.index);
    if (!family || ctx.report.claims.length === 0) return [];
    const targets = targetsOf(ctx.index, family);
    const claims = ctx.report.claims;
    return [
      ...countFindings(claims, targets),
      ...percentFindings(claims, targets),
      ...noneFindings(claims, targets),
      ...allUpheldFindings(claims, family, ctx.index),
    ];
  },
});

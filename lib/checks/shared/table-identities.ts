/**
 * Evaluates the identities the fixed tables state about themselves, as each
 * format declares them (lib/formats/format-*.ts), once per check run: the
 * identity rule reports the broken ones, the blank-total rule (form family)
 * the totals left blank over filled parts, which the same evaluation finds.
 *
 * Blank is not zero: a blank part counts as zero only when the rest of its
 * line is filled (the table shows that blank means zero), and the finding
 * says so; a blank total over filled parts is a finding of its own. Where one
 * cell sits in several broken identities with the same discrepancy (its row
 * and its column), that cell is marked as the likely culprit instead of the
 * stated totals.
 */

import {
  fixedFormatById,
  formatOfKeys,
  identityKinds,
  latestFixedFormat,
  tableTitle,
} from '../../formats/registry';
import type { FormatDeclaration, TableIdentity } from '../../formats/types';
import type { CellRef, Report } from '../../model/report';
import type { ReportIndex } from '../report-index';
import type { RuleFinding } from '../types';
import { formatNumber, sumExpression, sumOf } from './arithmetic';
import { type BlankTotal, blankTotalFindings } from './blank-totals';
import { refId } from './refs';

/** What the tables' identities say, split by the rule that reports it. */
export interface IdentityEvaluation {
  /** Broken identities (the identity family). */
  broken: RuleFinding[];
  /** Totals left blank over filled parts (the form family). */
  blankTotals: RuleFinding[];
}

interface Evaluated {
  identity: TableIdentity;
  /** The cell the finding marks when no culprit is singled out. */
  stated: CellRef;
  terms: CellRef[];
  expected: number;
  actual: number;
  arithmetic: string;
  arithmeticEn: string;
  blanksAsZero: boolean;
}

type Outcome =
  | { kind: 'ok' }
  | { kind: 'skip' }
  | { kind: 'broken'; e: Evaluated }
  | { kind: 'blankTotal'; total: CellRef; parts: CellRef[]; sum: number };

const BLANK_NOTE = '（空白按0计：同行/列其余单元格已填写）';
const BLANK_NOTE_EN = ' (blanks counted as 0: the rest of the row or column is filled)';

/**
 * Refs of the keys that exist; null if any is unreadable, is a blank the table
 * shows is not zero (`unknown`: a blank total over filled parts), or the line is entirely blank.
 */
function readLine(
  index: ReportIndex,
  keys: string[],
  unknown: ReadonlySet<string>,
): { refs: CellRef[]; blanks: number } | null {
  const refs: CellRef[] = [];
  let blanks = 0;
  for (const key of keys) {
    const cell = index.get(key);
    if (!cell) continue;
    if (cell.state === 'unreadable' || unknown.has(key)) return null;
    if (cell.state === 'blank') blanks++;
    refs.push(cell.ref);
  }
  if (refs.length === 0 || blanks === refs.length) return null;
  return { refs, blanks };
}

const valuesOf = (refs: CellRef[]): number[] => refs.map((r) => r.value ?? 0);

function evaluate(
  index: ReportIndex,
  identity: TableIdentity,
  unknown: ReadonlySet<string>,
): Outcome {
  if (identity.kind === 'sum') {
    const total = index.get(identity.total);
    if (!total || total.state === 'unreadable') return { kind: 'skip' };
    const parts = readLine(index, identity.parts, unknown);
    if (!parts) return { kind: 'skip' };
    const sum = sumOf(valuesOf(parts.refs));
    if (total.state === 'blank') {
      return sum === 0
        ? { kind: 'ok' }
        : { kind: 'blankTotal', total: total.ref, parts: parts.refs, sum };
    }
    const stated = total.ref.value ?? 0;
    if (sum === stated) return { kind: 'ok' };
    const note = parts.blanks > 0 ? BLANK_NOTE : '';
    return {
      kind: 'broken',
      e: {
        identity,
        stated: total.ref,
        terms: parts.refs,
        expected: sum,
        actual: stated,
        arithmetic: `${sumExpression(valuesOf(parts.refs))}，但${total.ref.col || '总计'}为 ${formatNumber(stated)}；差 ${formatNumber(Math.abs(stated - sum))}${note}`,
        arithmeticEn: `${sumExpression(valuesOf(parts.refs))}, but “${total.ref.col || '总计'}” is ${formatNumber(stated)}; difference ${formatNumber(Math.abs(stated - sum))}${parts.blanks > 0 ? BLANK_NOTE_EN : ''}`,
        blanksAsZero: parts.blanks > 0,
      },
    };
  }
  const left = readLine(index, identity.left, unknown);
  const right = readLine(index, identity.right, unknown);
  if (!left || !right) return { kind: 'skip' };
  // Every cell of a balance must be printed: a missing side is a form problem, not arithmetic.
  if (left.refs.length !== identity.left.length || right.refs.length !== identity.right.length) {
    return { kind: 'skip' };
  }
  const l = sumOf(valuesOf(left.refs));
  const r = sumOf(valuesOf(right.refs));
  if (l === r) return { kind: 'ok' };
  const stated = right.refs[right.refs.length - 1] as CellRef;
  const blanks = left.blanks + right.blanks > 0;
  return {
    kind: 'broken',
    e: {
      identity,
      stated,
      terms: [...left.refs, ...right.refs.slice(0, -1)],
      expected: sumOf([l, -(r - (stated.value ?? 0))]),
      actual: stated.value ?? 0,
      arithmetic: `${identity.leftName} = ${sumExpression(valuesOf(left.refs))}；${identity.rightName} = ${sumExpression(valuesOf(right.refs))}；差 ${formatNumber(Math.abs(l - r))}${blanks ? BLANK_NOTE : ''}`,
      arithmeticEn: `${identity.leftName} = ${sumExpression(valuesOf(left.refs))}; ${identity.rightName} = ${sumExpression(valuesOf(right.refs))}; difference ${formatNumber(Math.abs(l - r))}${blanks ? BLANK_NOTE_EN : ''}`,
      blanksAsZero: blanks,
    },
  };
}

function messages(e: Evaluated, culprit: CellRef | null): { zh: string; en: string } {
  const id = e.identity;
  const suffix = culprit
    ? {
        zh: `；「${culprit.row}」「${culprit.col}」一格同时出现在多处不符的合计中，最可能有误`,
        en: `; the cell “${culprit.row} / ${culprit.col}” is in several broken sums and is the likely error`,
      }
    : { zh: '', en: '' };
  switch (id.rule) {
    case 't3.row-total':
      return {
        zh: `表三「${e.stated.row}」一行：总计 ${formatNumber(e.actual)} 不等于各类申请人之和 ${formatNumber(e.expected)}${suffix.zh}`,
        en: `Table III, row “${e.stated.row}”: the total ${formatNumber(e.actual)} is not the sum of the applicant columns, ${formatNumber(e.expected)}${suffix.en}`,
      };
    case 't3.results-total':
      return {
        zh: `表三「${id.line}」一列：（七）总计 ${formatNumber(e.actual)} 不等于各项办理结果之和 ${formatNumber(e.expected)}${suffix.zh}`,
        en: `Table III, column “${id.lineEn}”: (7) total handled ${formatNumber(e.actual)} is not the sum of the results, ${formatNumber(e.expected)}${suffix.en}`,
      };
    case 't3.balance':
      return {
        zh: `表三「${id.line}」一列：本年新收加上年结转，不等于办理结果总计加结转下年度（表格自注的勾稽关系）${suffix.zh}`,
        en: `Table III, column “${id.lineEn}”: new plus carried-over requests do not equal those handled plus those carried forward, the identity the table itself states${suffix.en}`,
      };
    case 't4.group-total':
      return {
        zh: `表四「${id.line}」：总计 ${formatNumber(e.actual)} 不等于维持、纠正、其他、尚未审结之和 ${formatNumber(e.expected)}${suffix.zh}`,
        en: `Table IV, ${id.lineEn}: the total ${formatNumber(e.actual)} is not the sum of upheld, corrected, other and pending, ${formatNumber(e.expected)}${suffix.en}`,
      };
    default:
      return declaredMessage(e, suffix);
  }
}

/** The message of an identity only a format's declaration knows: said with its declared names. */
function declaredMessage(
  e: Evaluated,
  suffix: { zh: string; en: string },
): { zh: string; en: string } {
  const id = e.identity;
  const title = tableTitle(e.stated.key?.split('.')[0] ?? '');
  const [table, tableEn] = title
    ? [title.numberZh, `Table ${title.numberEn}`]
    : ['表格', 'The table'];
  if (id.kind === 'balance') {
    return {
      zh: `${table}「${id.line}」：${id.leftName} 不等于 ${id.rightName}（表格自注的勾稽关系）${suffix.zh}`,
      en: `${tableEn}, ${id.lineEn}: ${id.leftName} does not equal ${id.rightName}, the identity the table itself states${suffix.en}`,
    };
  }
  return {
    zh: `${table}「${id.line}」：合计 ${formatNumber(e.actual)} 不等于其各组成部分之和 ${formatNumber(e.expected)}${suffix.zh}`,
    en: `${tableEn}, ${id.lineEn}: the total ${formatNumber(e.actual)} is not the sum of its parts, ${formatNumber(e.expected)}${suffix.en}`,
  };
}

/**
 * How much a cell of a broken identity is too large: a part of a sum by
 * (sum − total), the total by (total − sum); a balance's cell by the gap of its side.
 */
function signedGap(e: Evaluated, cell: CellRef): number {
  const id = refId(cell);
  const gap = e.actual - e.expected;
  const isStated = id === refId(e.stated);
  if (e.identity.kind === 'sum') return isStated ? gap : -gap;
  // Balance: stated is the right-hand 四; e.expected is what 四 should be.
  const onLeft = e.identity.left.includes(cell.key ?? '');
  return onLeft ? -gap : gap;
}

/** Discrepancy of an identity, signed by the side a cell stands on. */
function discrepancy(e: Evaluated): number {
  return Math.abs(e.actual - e.expected);
}

/**
 * The likely culprit of each broken identity: a cell of it that is in at
 * least two broken identities, all with the same discrepancy, and the only
 * such cell.
 */
function culprits(broken: Evaluated[]): Map<Evaluated, CellRef> {
  const membership = new Map<string, { ref: CellRef; in: Evaluated[] }>();
  for (const e of broken) {
    for (const ref of [e.stated, ...e.terms]) {
      const id = refId(ref);
      const entry = membership.get(id) ?? { ref, in: [] };
      entry.in.push(e);
      membership.set(id, entry);
    }
  }
  const out = new Map<Evaluated, CellRef>();
  for (const e of broken) {
    const candidates = [...membership.values()].filter(
      (m) =>
        m.in.length >= 2 &&
        m.in.includes(e) &&
        m.in.every((other) => discrepancy(other) === discrepancy(e)),
    );
    if (candidates.length !== 1) continue;
    const best = candidates[0];
    if (best) out.set(e, best.ref);
  }
  return out;
}

function evaluateFormat(index: ReportIndex, format: FormatDeclaration): IdentityEvaluation {
  const blankTotals: RuleFinding[] = [];
  const brokenFindings: RuleFinding[] = [];
  const broken: Evaluated[] = [];
  const blanks: BlankTotal[] = [];
  // Row totals first: a blank total over filled parts is unknown, not zero, in every other sum.
  const identities = [...format.identities].sort(
    (a, b) => Number(b.rule === 't3.row-total') - Number(a.rule === 't3.row-total'),
  );
  const unknown = new Set<string>();
  for (const identity of identities) {
    const outcome = evaluate(index, identity, unknown);
    if (outcome.kind === 'broken') broken.push(outcome.e);
    if (outcome.kind !== 'blankTotal' || unknown.has(refId(outcome.total))) continue;
    unknown.add(refId(outcome.total));
    blanks.push(outcome);
  }
  blankTotals.push(...blankTotalFindings(index, blanks));
  const culpritOf = culprits(broken);
  for (const e of broken) {
    const culprit = culpritOf.get(e) ?? null;
    const { zh, en } = messages(e, culprit);
    const marked = culprit ?? e.stated;
    const terms = [e.stated, ...e.terms].filter((ref) => refId(ref) !== refId(marked));
    // Expected and actual speak of the marked cell: what it would have to be for the sum to hold.
    const actual = marked.value ?? 0;
    brokenFindings.push({
      rule: e.identity.rule,
      severity: 'error',
      message: zh,
      messageEn: en,
      cells: [marked],
      terms,
      expected: culprit ? sumOf([actual, -signedGap(e, culprit)]) : e.expected,
      actual: culprit ? actual : e.actual,
      arithmetic: e.arithmetic,
      arithmeticEn: e.arithmeticEn,
      ...(culprit ? { likely: true as const } : {}),
    });
  }
  return { broken: brokenFindings, blankTotals };
}

/**
 * Which format's identities apply: the one whose keys the tables the
 * identities speak of carry; else the report's format; else, for tables of
 * a fixed format with nothing telling which, the newest.
 */
function formatOf(index: ReportIndex, template: string): FormatDeclaration | null {
  const kinds = identityKinds();
  const keys = index.keys().filter((k) => kinds.some((kind) => k.startsWith(`${kind}.`)));
  return (
    formatOfKeys(keys, kinds) ??
    fixedFormatById(template) ??
    (keys.length > 0 ? (latestFixedFormat() ?? null) : null)
  );
}

/** The identities of the report's fixed tables, evaluated; nothing for a report without them. */
export function evaluateTableIdentities(report: Report, index: ReportIndex): IdentityEvaluation {
  const format = formatOf(index, report.identity.template);
  return format ? evaluateFormat(index, format) : { broken: [], blankTotals: [] };
}

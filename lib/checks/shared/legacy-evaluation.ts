/**
 * Legacy statistics tables (2008–2018): numbered children of an item are
 * usually its breakdown, `其中` rows are subsets of it (domain.md, family 2).
 *
 * Severity follows what the table's meaning allows: a breakdown that is a
 * partition by the template (lib/checks/legacy-data.ts), a `其中` row
 * above its parent and `其中` rows of disjoint reasons (the grounds of a
 * refusal) adding up to more than it are contradictions (error); a generic numbered breakdown,
 * `其中` rows that together exceed their parent, a section that does not add up
 * to its declared whole, and a channel above the total it is counted in are
 * likely problems (warning). Parents without a figure of their own (section
 * rows, blank or dash) are not wholes of a sum.
 *
 * The evaluation is shared: the legacy rule reports it, and the cross-table
 * rule counts its broken sums among the relations a culprit is singled out of.
 */
import type { CellRef, ExtractedTable, Report } from '../../model/report';
import {
  DISJOINT_SUBSETS,
  type DisjointSubsets,
  LEGACY_PARTITIONS,
  type LegacyPartition,
  NOT_A_BREAKDOWN,
  OVERLAPPING_BREAKDOWNS,
} from '../legacy-data';
import type { RuleFinding } from '../types';
import { formatNumber, sumExpression, sumOf } from './arithmetic';
import type { Discrepancy } from './culprit';
import type { LegacyNode, RowState } from './legacy-tree';
import type { SectionInstance } from './sections';

/** Numbered children that are parts of the item, not its `其中` subsets. */
const numberedParts = (node: LegacyNode): LegacyNode[] =>
  node.children.filter((c) => c.row.level > 0 && !c.row.subset);

/** `其中` lists under an item: each starts at a `其中` row, unnumbered rows after it continue it. */
function subsetGroups(node: LegacyNode): LegacyNode[][] {
  const groups: LegacyNode[][] = [];
  for (const child of node.children) {
    if (!child.row.subset) continue;
    if (child.row.level === 4 || groups.length === 0) groups.push([child]);
    else groups[groups.length - 1]?.push(child);
  }
  return groups;
}

/** Counts in different units (条 and 件, 次 and 人次) are not parts of one whole. */
const sameUnit = (a: string, b: string): boolean => a === '' || b === '' || a === b;
const unitsAgree = (whole: LegacyNode, parts: LegacyNode[]): boolean =>
  parts.every((p) => sameUnit(whole.unit, p.unit) && parts.every((q) => sameUnit(p.unit, q.unit)));
const isShare = (node: LegacyNode): boolean => node.unit === '%' || node.unit === '‰';

/** A check that found a sum broken: what the finding is built from. */
export interface BrokenSum {
  rule: string;
  severity: 'error' | 'warning';
  /** The printed whole the sum contradicts. */
  whole: CellRef;
  parts: CellRef[];
  /** Sum of the parts, and the whole as printed. */
  sum: number;
  stated: number;
  arithmetic: string;
  arithmeticEn: string;
  zh: string;
  en: string;
}

const BLANK_NOTE = '（空白按0计：同一分项其余数字已填写）';
const BLANK_NOTE_EN = ' (blanks counted as 0: the other items of the breakdown are filled)';

/** A printed figure and whether it is one. */
interface Counted {
  ref: CellRef;
  state: RowState;
}

/** The parts' figures; null when one is unreadable or all are blank (nothing to add). */
function partValues(parts: Counted[]): { values: number[]; blanks: number } | null {
  if (parts.length === 0 || parts.some((p) => p.state === 'unreadable')) return null;
  const blanks = parts.filter((p) => p.state === 'blank').length;
  if (blanks === parts.length) return null;
  return { values: parts.map((p) => p.ref.value ?? 0), blanks };
}

type SumText = Pick<BrokenSum, 'rule' | 'severity' | 'arithmetic' | 'arithmeticEn' | 'zh' | 'en'>;

function sumCheck(
  whole: Counted | null,
  parts: Counted[],
  build: (values: number[], sum: number, stated: number) => SumText,
): BrokenSum | null {
  if (whole?.state !== 'number' || whole.ref.value === null) return null;
  const read = partValues(parts);
  if (!read) return null;
  const sum = sumOf(read.values);
  const stated = whole.ref.value;
  if (sum === stated) return null;
  const base = build(read.values, sum, stated);
  return {
    ...base,
    arithmetic: `${base.arithmetic}${read.blanks > 0 ? BLANK_NOTE : ''}`,
    arithmeticEn: `${base.arithmeticEn}${read.blanks > 0 ? BLANK_NOTE_EN : ''}`,
    whole: whole.ref,
    parts: parts.map((p) => p.ref),
    sum,
    stated,
  };
}

const sumText = (values: number[], sum: number, whole: CellRef, stated: number): string =>
  `${values.length > 1 ? sumExpression(values) : formatNumber(sum)}，但「${whole.row}」为 ${formatNumber(stated)}；差 ${formatNumber(Math.abs(stated - sum))}`;

const sumTextEn = (values: number[], sum: number, whole: CellRef, stated: number): string =>
  `${values.length > 1 ? sumExpression(values) : formatNumber(sum)}, but “${whole.row}” is ${formatNumber(stated)}; difference ${formatNumber(Math.abs(stated - sum))}`;

function partitionCheck(
  nodes: LegacyNode[],
  whole: LegacyNode,
  partition: LegacyPartition,
): BrokenSum | null {
  const parts =
    partition.parts === 'numbered'
      ? numberedParts(whole)
      : partition.parts.flatMap((key) => nodes.filter((n) => n.row.key === key));
  return sumCheck(whole, parts, (values, sum, stated) => ({
    rule: 'legacy.partition',
    severity: 'error',
    arithmetic: sumText(values, sum, whole.ref, stated),
    arithmeticEn: sumTextEn(values, sum, whole.ref, stated),
    zh: `「${whole.row.label}」为 ${formatNumber(stated)}，但其分项之和为 ${formatNumber(sum)}：${partition.zh}`,
    en: `“${whole.row.label}” is ${formatNumber(stated)} but its parts add up to ${formatNumber(sum)}: ${partition.en}`,
  }));
}

function genericCheck(whole: LegacyNode, parts: LegacyNode[]): BrokenSum | null {
  return sumCheck(whole, parts, (values, sum, stated) => ({
    rule: 'legacy.breakdown',
    severity: 'warning',
    arithmetic: sumText(values, sum, whole.ref, stated),
    arithmeticEn: sumTextEn(values, sum, whole.ref, stated),
    zh: `「${whole.row.label}」为 ${formatNumber(stated)}，但其下编号分项之和为 ${formatNumber(sum)}（编号分项通常是该项的细分）`,
    en: `“${whole.row.label}” is ${formatNumber(stated)} but the numbered items under it add up to ${formatNumber(sum)} (numbered items usually break their parent down)`,
  }));
}

/** A declared section (申请来源) against the whole it breaks down, in the table that prints it. */
function sectionCheck(instance: SectionInstance): BrokenSum | null {
  const { section, total } = instance;
  const parts = instance.rows.filter((r) => !r.subset);
  if (!total) return null;
  return sumCheck(total, parts, (values, sum, stated) => ({
    rule: 'legacy.section-total',
    severity: 'warning',
    arithmetic: `${instance.tableName}${section.name}各项 ${sumExpression(values)}，但「${total.ref.row}」为 ${formatNumber(stated)}；差 ${formatNumber(Math.abs(stated - sum))}`,
    arithmeticEn: `${section.nameEn}: ${sumExpression(values)}, but “${total.ref.row}” is ${formatNumber(stated)}; difference ${formatNumber(Math.abs(stated - sum))}`,
    zh: `${instance.tableName}${section.name}各项之和 ${formatNumber(sum)} 不等于「${total.ref.row}」${formatNumber(stated)}：每件申请只有一个来源`,
    en: `In the ${instance.tableName === '统计表' ? 'statistics table' : `table “${section.name}”`}, the ${section.nameEn} add up to ${formatNumber(sum)}, not to “${total.ref.row}” ${formatNumber(stated)}: each request has one source`,
  }));
}

/** Where the numbered children overlap by design, a single one above the whole is still impossible. */
function overlapping(node: LegacyNode, parts: LegacyNode[]): boolean {
  return (
    OVERLAPPING_BREAKDOWNS.parentLabel.test(node.name) ||
    OVERLAPPING_BREAKDOWNS.parentKeys.includes(node.row.key ?? '') ||
    parts.every((p) => OVERLAPPING_BREAKDOWNS.childLabel.test(p.name))
  );
}

function exceedsFinding(
  rule: string,
  severity: 'error' | 'warning',
  whole: LegacyNode,
  part: LegacyNode,
  zh: string,
  en: string,
): RuleFinding {
  const w = whole.ref.value ?? 0;
  const p = part.ref.value ?? 0;
  return {
    rule,
    severity,
    message: zh,
    messageEn: en,
    cells: [part.ref],
    terms: [whole.ref],
    expected: `≤ ${formatNumber(w)}`,
    actual: p,
    arithmetic: `${formatNumber(p)} > ${formatNumber(w)}；超出 ${formatNumber(p - w)}`,
    arithmeticEn: `${formatNumber(p)} > ${formatNumber(w)}; over by ${formatNumber(p - w)}`,
  };
}

/** The declared disjoint reasons a `其中` group lists, if every row of it is one of them. */
function disjointReasons(whole: LegacyNode, group: LegacyNode[]): DisjointSubsets | null {
  return (
    DISJOINT_SUBSETS.find(
      (d) =>
        d.parent.test(whole.name) && group.every((m) => d.members.some((re) => re.test(m.name))),
    ) ?? null
  );
}

/** `其中` rows adding up to more than their parent: wrong for disjoint reasons, suspicious otherwise. */
function subsetSumFinding(
  whole: LegacyNode,
  members: LegacyNode[],
  values: number[],
  reasons: DisjointSubsets | null,
): RuleFinding {
  const w = whole.ref.value ?? 0;
  const sum = sumOf(values);
  const label = whole.row.label;
  const text = reasons
    ? {
        rule: 'legacy.reasons-sum',
        severity: 'error' as const,
        message: `「${label}」为 ${formatNumber(w)}，但其“其中”所列${reasons.zh}之和为 ${formatNumber(sum)}：每件只计入一项${reasons.zh}，各项之和不能超过该项`,
        messageEn: `“${label}” is ${formatNumber(w)} but the ${reasons.en} listed under it add up to ${formatNumber(sum)}: each case is counted under one ground, so together they cannot exceed it`,
      }
    : {
        rule: 'legacy.subset-sum',
        severity: 'warning' as const,
        message: `「${label}」的“其中”各项之和 ${formatNumber(sum)} 大于该项 ${formatNumber(w)}：除非各项相互重叠，否则数字有误`,
        messageEn: `The “of which” items of “${label}” add up to ${formatNumber(sum)}, more than the item itself, ${formatNumber(w)}: wrong unless they overlap`,
      };
  return {
    ...text,
    cells: [whole.ref],
    terms: members.map((m) => m.ref),
    expected: `≥ ${formatNumber(sum)}`,
    actual: w,
    arithmetic: `${sumExpression(values)}，但「${label}」为 ${formatNumber(w)}；超出 ${formatNumber(sum - w)}`,
    arithmeticEn: `${sumExpression(values)}, but “${label}” is ${formatNumber(w)}; over by ${formatNumber(sum - w)}`,
  };
}

function subsetFindings(whole: LegacyNode, skip: Set<LegacyNode>): RuleFinding[] {
  const out: RuleFinding[] = [];
  const w = whole.ref.value ?? 0;
  for (const group of subsetGroups(whole)) {
    const members = group.filter(
      (m) => !skip.has(m) && !isShare(m) && sameUnit(whole.unit, m.unit),
    );
    const above = members.filter((m) => m.state === 'number' && (m.ref.value ?? 0) > w);
    for (const m of above) {
      out.push(
        exceedsFinding(
          'legacy.subset-exceeds',
          'error',
          whole,
          m,
          `「${m.row.label}」${formatNumber(m.ref.value ?? 0)} 大于它所属的「${whole.row.label}」${formatNumber(w)}：“其中”项不能超过总数`,
          `“${m.row.label}” ${formatNumber(m.ref.value ?? 0)} is more than “${whole.row.label}” ${formatNumber(w)}, the item it is a subset of`,
        ),
      );
    }
    // One row above the parent already says it; the group's sum would repeat it.
    if (above.length > 0 || members.length < 2) continue;
    const read = partValues(members);
    if (!read || sumOf(read.values) <= w) continue;
    out.push(subsetSumFinding(whole, members, read.values, disjointReasons(whole, group)));
  }
  return out;
}

function partExceedsFindings(whole: LegacyNode, parts: LegacyNode[]): RuleFinding[] {
  const w = whole.ref.value ?? 0;
  return parts
    .filter((p) => p.state === 'number' && !isShare(p) && sameUnit(whole.unit, p.unit))
    .filter((p) => (p.ref.value ?? 0) > w)
    .map((p) =>
      exceedsFinding(
        'legacy.part-exceeds',
        'warning',
        whole,
        p,
        `「${p.row.label}」${formatNumber(p.ref.value ?? 0)} 大于「${whole.row.label}」${formatNumber(w)}：各渠道可以重复计数，但单一渠道不应超过总数`,
        `“${p.row.label}” ${formatNumber(p.ref.value ?? 0)} is more than “${whole.row.label}” ${formatNumber(w)}: channels may overlap, but one channel cannot exceed the total`,
      ),
    );
}

/** What a report's legacy tables contradict: broken sums, and findings that need no culprit. */
export interface LegacyEvaluation {
  sums: BrokenSum[];
  others: RuleFinding[];
}

/**
 * Everything a legacy table's hierarchy contradicts, before culprits are
 * singled out. Trees and section instances are passed in, so a check run
 * builds each once for every rule that reads them.
 */
export function evaluateLegacy(
  report: Report,
  treeOf: (table: ExtractedTable) => LegacyNode[],
  sections: readonly SectionInstance[],
): LegacyEvaluation {
  const sums: BrokenSum[] = [];
  const others: RuleFinding[] = [];
  const trees = report.tables.filter((t) => t.kind === 'legacy').map((t) => treeOf(t));
  for (const nodes of trees) {
    for (const node of nodes) {
      if (node.state !== 'number' || isShare(node)) continue;
      const partition = LEGACY_PARTITIONS.find((p) => p.total === node.row.key);
      const partitionParts = new Set<LegacyNode>();
      if (partition) {
        const broken = partitionCheck(nodes, node, partition);
        if (broken) sums.push(broken);
        if (partition.parts !== 'numbered') {
          for (const n of nodes)
            if (partition.parts.includes(n.row.key ?? '')) partitionParts.add(n);
        }
      } else {
        const parts = numberedParts(node);
        const isBreakdown =
          parts.length >= 2 &&
          !parts.some((p) => p.row.key) &&
          !NOT_A_BREAKDOWN.test(node.name) &&
          unitsAgree(node, parts);
        if (isBreakdown && overlapping(node, parts)) {
          others.push(...partExceedsFindings(node, parts));
        } else if (isBreakdown) {
          const broken = genericCheck(node, parts);
          if (broken) sums.push(broken);
        }
      }
      others.push(...subsetFindings(node, partitionParts));
    }
  }
  for (const instance of sections) {
    const broken = sectionCheck(instance);
    if (broken) sums.push(broken);
  }
  return { sums, others };
}

/** A broken sum as one of the relations a culprit is singled out of. */
export const sumDiscrepancy = (b: BrokenSum): Discrepancy => ({
  cells: [b.whole, ...b.parts],
  gap: Math.abs(b.stated - b.sum),
});

/**
 * What several rules read from a report, built at most once per check run.
 * The legacy and cross-table rules each need the other's broken relations to
 * single a culprit out (a 申请来源 row that breaks its section total and
 * disagrees with the other table), so without this each run rebuilt the
 * legacy trees, the section instances and the legacy evaluation several
 * times over; the identity and blank-total rules read one evaluation of the
 * fixed tables' identities.
 *
 * Every part is built on first request and kept: a report without legacy
 * tables or declared sections pays for nothing it does not read. One analysis
 * belongs to one check run (lib/checks/run.ts puts it in the CheckContext), so
 * a report edited between runs is never read from an earlier run's analysis.
 */
import type { ExtractedTable, Report } from '../../model/report';
import type { ReportIndex } from '../report-index';
import type { Discrepancy } from './culprit';
import { evaluateLegacy, type LegacyEvaluation, sumDiscrepancy } from './legacy-evaluation';
import { type LegacyNode, legacyTree } from './legacy-tree';
import { crossTableMismatches, type Mismatch } from './mismatches';
import { type SectionInstance, sectionInstances } from './sections';
import { evaluateTableIdentities, type IdentityEvaluation } from './table-identities';

export interface ReportAnalysis {
  /** A legacy table's rows in their hierarchy. */
  legacyTree(table: ExtractedTable): LegacyNode[];
  /** Every declared section the report's tables print. */
  sections(): readonly SectionInstance[];
  /** What the legacy tables contradict, before culprits are singled out. */
  legacy(): LegacyEvaluation;
  /** Quantities printed in two tables with different figures. */
  mismatches(): readonly Mismatch[];
  /** Every broken relation of the report, the pool both rules single culprits out of. */
  discrepancies(): readonly Discrepancy[];
  /** The fixed tables' identities, evaluated: read by the identity and the blank-total rules. */
  tableIdentities(): IdentityEvaluation;
}

/** A value built on first request and kept. */
function once<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

export function analyseReport(report: Report, index: ReportIndex): ReportAnalysis {
  const trees = new Map<ExtractedTable, LegacyNode[]>();
  const treeOf = (table: ExtractedTable): LegacyNode[] => {
    let nodes = trees.get(table);
    if (!nodes) {
      nodes = legacyTree(table);
      trees.set(table, nodes);
    }
    return nodes;
  };
  const sections = once(() => sectionInstances(report, treeOf));
  const legacy = once(() => evaluateLegacy(report, treeOf, sections()));
  const mismatches = once(() => crossTableMismatches(sections()));
  // Broken sums first, then mismatches: the order both rules built their pools in.
  const discrepancies = once(() => [
    ...legacy().sums.map(sumDiscrepancy),
    ...mismatches().map((m) => m.discrepancy),
  ]);
  const tableIdentities = once(() => evaluateTableIdentities(report, index));
  return { legacyTree: treeOf, sections, legacy, mismatches, discrepancies, tableIdentities };
}

/**
 * A rule is a small pure function from a report (and, for year-over-year
 * rules, the same agency's previous report) to findings. Rules are declared
 * with defineRule (./define-rule.ts), which gives each finding its rule's
 * family: the options' switches hide a family's findings whichever code
 * raised them, so a rule cannot raise findings of another family.
 */
import type { CellRef, Finding, Report, RuleFamily } from '../model/report';
import type { ReportIndex } from './report-index';
import type { ReportAnalysis } from './shared/analysis';

export interface CheckContext {
  report: Report;
  index: ReportIndex;
  /**
   * What several rules read from the report (legacy trees, section instances,
   * the legacy evaluation, cross-table mismatches), built at most once per run.
   */
  analysis: ReportAnalysis;
  /** The same agency's report for the year before, when the history has it. */
  previous: Report | null;
  previousIndex: ReportIndex | null;
}

/** A finding as a rule writes it: its family comes from the rule's declaration. */
/** What a rule returns: a finding without its family (stamped by defineRule), its English arithmetic required. */
export type RuleFinding = Omit<Finding, 'family' | 'arithmeticEn'> & { arithmeticEn: string };

export interface RuleDeclaration {
  /** Names the rule in tests and benchmarks; each finding has its own `rule` id besides. */
  id: string;
  /** The family every finding of this rule belongs to (each family can be turned off in the options). */
  family: RuleFamily;
  run(ctx: CheckContext): RuleFinding[];
}

export interface Rule {
  readonly id: string;
  readonly family: RuleFamily;
  run(ctx: CheckContext): Finding[];
}

export type { CellRef, Finding };

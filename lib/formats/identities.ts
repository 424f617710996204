/**
 * The identities the fixed tables state about themselves, as data. Each is
 * "the stated total equals the sum of its parts" or "the left sum equals the
 * right sum"; one generic rule (lib/checks/identity-rule.ts) evaluates them.
 */
import { T3_APPLICANT_COLUMNS, T3_RESULT_ROWS, T3_ROWS } from './format-tables';
import type { FormatId } from './types';

export interface SumIdentity {
  rule: string;
  kind: 'sum';
  total: string;
  parts: string[];
  /** Printed names for the message: the line (row or column) and, for sums, the parts' axis. */
  line: string;
  lineEn: string;
}

export interface BalanceIdentity {
  rule: string;
  kind: 'balance';
  left: string[];
  right: string[];
  line: string;
  lineEn: string;
}

export type Identity = SumIdentity | BalanceIdentity;

const APPLICANT_NAMES: Record<string, [string, string]> = {
  natural: ['自然人', 'natural persons'],
  commercial: ['商业企业', 'commercial enterprises'],
  research: ['科研机构', 'research institutions'],
  nonprofit: ['社会公益组织', 'public-interest organisations'],
  legal: ['法律服务机构', 'legal service institutions'],
  otherOrg: ['其他', 'other organisations'],
  total: ['总计', 'total'],
};

const T4_GROUPS: Record<string, [string, string]> = {
  review: ['行政复议', 'administrative review'],
  direct: ['行政诉讼（未经复议直接起诉）', 'litigation without prior review'],
  afterReview: ['行政诉讼（复议后起诉）', 'litigation after review'],
};

export function identitiesFor(format: FormatId): Identity[] {
  const out: Identity[] = [];
  for (const row of T3_ROWS[format]) {
    out.push({
      rule: 't3.row-total',
      kind: 'sum',
      total: `t3.${row}.total`,
      parts: T3_APPLICANT_COLUMNS.map((c) => `t3.${row}.${c}`),
      line: row,
      lineEn: row,
    });
  }
  for (const col of [...T3_APPLICANT_COLUMNS, 'total']) {
    const [zh, en] = APPLICANT_NAMES[col] ?? [col, col];
    out.push({
      rule: 't3.results-total',
      kind: 'sum',
      total: `t3.totalHandled.${col}`,
      parts: T3_RESULT_ROWS[format].map((r) => `t3.${r}.${col}`),
      line: zh,
      lineEn: en,
    });
    out.push({
      rule: 't3.balance',
      kind: 'balance',
      left: [`t3.new.${col}`, `t3.carryIn.${col}`],
      right: [`t3.totalHandled.${col}`, `t3.carryOut.${col}`],
      line: zh,
      lineEn: en,
    });
  }
  for (const [group, [zh, en]] of Object.entries(T4_GROUPS)) {
    out.push({
      rule: 't4.group-total',
      kind: 'sum',
      total: `t4.${group}.total`,
      parts: ['upheld', 'corrected', 'other', 'pending'].map((o) => `t4.${group}.${o}`),
      line: zh,
      lineEn: en,
    });
  }
  return out;
}

/**
 * What a card lists of a finding's arithmetic: each term as 「label = value」
 * with its labels as printed, the zeros folded into one line (a 21-term sum is
 * mostly zeros, and listing them hides the few figures that matter), and the
 * likely right value where the rule singled the marked cell out.
 */
import { formatNumber } from '../lib/checks/shared/arithmetic';
import { splitLastYearRow } from '../lib/checks/year-over-year-data';
import type { CellRef, Finding } from '../lib/model/report';
import type { Translate } from './i18n';

export interface TermLine {
  label: string;
  value: string;
}

export interface TermListing {
  lines: TermLine[];
  /** Terms that read 0, not listed one by one. */
  zeros: number;
}

/** A printed label on one line (legacy labels carry a note after a line break). */
const oneLine = (label: string): string => label.replace(/\s*\n\s*/g, '').trim();

/** Headers of a table's single value column: the row label alone names such a cell. */
const VALUE_COLUMN = /^(?:总计|合计|统计数|数量|数值|统计值)$/;

/** Keys of the 2019/2021 tables (t3.new.total): 总计 there is one column among several. */
const MULTI_COLUMN_KEY = /^t\d\./;

/** The cell as printed: its row, and its column where the table has several. */
export function termLabel(ref: CellRef): string {
  const row = oneLine(ref.row);
  const col = oneLine(ref.col);
  const single = VALUE_COLUMN.test(col) && !MULTI_COLUMN_KEY.test(ref.key ?? '');
  if (!col || single) return row || col;
  return row ? `${row} · ${col}` : col;
}

/**
 * A term from last year's report, said in the card's language: its row
 * carries 上年（2022年度）报告： (lib/checks/year-over-year-data.ts), which an
 * English card words as its own.
 */
function lastYearLabel(ref: CellRef, t: Translate | undefined): string | null {
  const last = splitLastYearRow(ref.row);
  if (!last || !t) return null;
  return t('page_lastYearTerm', String(last.year ?? ''), termLabel({ ...ref, row: last.row }));
}

export function listTerms(terms: readonly CellRef[], t?: Translate): TermListing {
  const lines: TermLine[] = [];
  let zeros = 0;
  for (const ref of terms) {
    if (ref.value === 0) {
      zeros++;
      continue;
    }
    // A blank is not a zero: it is listed, as a dash.
    lines.push({
      label: lastYearLabel(ref, t) ?? termLabel(ref),
      value: ref.value === null ? '—' : formatNumber(ref.value),
    });
  }
  return { lines, zeros };
}

/** 「另 6 项为 0」 / "6 more terms are 0"; null when there is none. */
export function zerosLine(zeros: number, t: Translate): string | null {
  if (zeros === 0) return null;
  return zeros === 1 ? t('page_termsZeroOne') : t('page_termsZero', String(zeros));
}

/**
 * 「32 很可能应为 22」: only where the rule says `expected` is what the marked
 * cell should read (`likely`), not where it is only what a sum comes to.
 */
export function likelyLine(finding: Finding, t: Translate): string | null {
  const { expected, actual } = finding;
  if (!finding.likely || typeof expected !== 'number' || typeof actual !== 'number') return null;
  if (expected === actual) return null;
  return t('page_likelyValue', formatNumber(actual), formatNumber(expected));
}

/**
 * Section 六 silent about 信息处理费 in a 2021-format report that shows fees
 * (lib/checks/fee-report-data.ts). A warning where the report itself shows
 * the fee was billed or charged — requests dropped for a fee notice not paid
 * (table 三), or a 信息处理费 amount stated elsewhere in the text — since the
 * format asks section 六 to report it; a note where only table 二's
 * 行政事业性收费 is above zero, which are the body's fees in general.
 */

import { T3_COLUMNS } from '../formats/table-3';
import type { CellRef, Report } from '../model/report';
import { sectionOf } from '../narrative/sections';
import { splitSentences } from '../narrative/sentences';
import { defineRule } from './define-rule';
import {
  ADMIN_FEES_KEY,
  FEE_AMOUNT,
  FEE_REPORT_FORMATS,
  FEE_WORDS,
  UNPAID_FEE_ROW,
} from './fee-report-data';
import type { ReportIndex } from './report-index';
import { formatNumber } from './shared/arithmetic';
import { quoteCut, readSectionsOf } from './shared/report-sections';
import type { RuleFinding } from './types';

const positive = (index: ReportIndex, key: string): CellRef | null => {
  const cell = index.get(key);
  return cell && (cell.ref.value ?? 0) > 0 ? cell.ref : null;
};

/** A sentence outside section 六 that states a 信息处理费 amount. */
function statedFee(report: Report): string | null {
  for (const section of report.sections ?? []) {
    if (section.role === 'other') continue;
    const sentence = splitSentences(section.text).find((s) => FEE_AMOUNT.test(s));
    if (sentence) return sentence;
  }
  return null;
}

export const feeReportRule = defineRule({
  id: 'fee-report',
  family: 'form',
  run({ report, index }): RuleFinding[] {
    const sections = readSectionsOf(report);
    if (!sections || !FEE_REPORT_FORMATS.has(report.identity.template)) return [];
    const six = sectionOf(sections, 'other');
    if (six && FEE_WORDS.test(six.text)) return [];
    const adminFees = positive(index, ADMIN_FEES_KEY);
    // The row's 总计, or where it is blank the first applicant column that shows a request.
    const unpaid = [...T3_COLUMNS]
      .reverse()
      .reduce<CellRef | null>(
        (found, col) => found ?? positive(index, `${UNPAID_FEE_ROW}.${col}`),
        null,
      );
    const stated = statedFee(report);
    if (!adminFees && !unpaid && !stated) return [];
    const shown: string[] = [];
    const shownEn: string[] = [];
    if (unpaid) {
      shown.push(`表三「${unpaid.row}」${formatNumber(unpaid.value ?? 0)} 件`);
      shownEn.push(`table III “${unpaid.row}”: ${formatNumber(unpaid.value ?? 0)}`);
    }
    if (stated) {
      shown.push(`正文「${quoteCut(stated)}」`);
      shownEn.push(`the text: “${quoteCut(stated)}”`);
    }
    if (adminFees) {
      shown.push(
        `表二「${adminFees.col || adminFees.row}」${formatNumber(adminFees.value ?? 0)} 万元`,
      );
      shownEn.push(
        `table II administrative fees: ${formatNumber(adminFees.value ?? 0)} (in ten thousand yuan)`,
      );
    }
    const where = six
      ? '「六、其他需要报告的事项」未提及信息处理费'
      : '报告没有「六、其他需要报告的事项」部分，未报告信息处理费';
    const whereEn = six
      ? 'section 六 (other matters) says nothing about the 信息处理费 (information processing fee)'
      : 'the report has no section 六 (other matters) and says nothing there about the 信息处理费 (information processing fee)';
    return [
      {
        rule: 'form.fee-unreported',
        severity: unpaid || stated ? 'warning' : 'info',
        message: `${where}，而报告显示有收费（${shown.join('；')}）：2021年格式要求在第六部分报告收取信息处理费的情况`,
        messageEn: `${whereEn[0]?.toUpperCase()}${whereEn.slice(1)}, while the report shows fees (${shownEn.join('; ')}); the 2021 format asks section 六 to report the fee charged`,
        cells: [],
        terms: [unpaid, adminFees].filter((r): r is CellRef => r !== null),
        expected: null,
        actual: null,
        arithmetic: `收费迹象：${shown.join('；')}；第六部分提及信息处理费：否`,
        arithmeticEn: `signs of fees: ${shownEn.join('; ')}; section 六 names the fee: no`,
      },
    ];
  },
});

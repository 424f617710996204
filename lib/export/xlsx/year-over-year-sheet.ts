/** This year's figures against the agency's previous report, as the popup compares them. */

import { yearOverYearRows } from '../../compare/rows';
import type { PreviousSummary } from '../../model/history';
import type { Report } from '../../model/report';
import { SHEET_NAMES } from './labels';
import type { CellContent, SheetCell, SheetSpec } from './sheet';
import { columnWidths } from './text-width';

const MAX_WIDTH = [30, 40, 20, 14, 14, 12, 16] as const;

export function yearOverYearSheet(report: Report, previous: PreviousSummary): SheetSpec {
  const year = report.identity.year;
  const headers = [
    '键 Key',
    '项目 Item',
    '列 Column',
    `${previous.year}年 ${previous.year}`,
    year === null ? '本年 This year' : `${year}年 ${year}`,
    '变化 Change',
    '变化率 Change (%)',
  ];
  const cells: SheetCell[] = headers.map((value, col) => ({
    row: 0,
    col,
    value,
    style: { bold: true, wrap: true },
  }));
  yearOverYearRows(report, previous.values).forEach((row, i) => {
    const values: CellContent[] = [
      row.key,
      row.label,
      row.column || null,
      row.previous,
      row.current,
      row.change?.delta ?? null,
      // A fraction in a percentage format, so that it stays a number a formula can use.
      row.change?.percent == null ? null : row.change.percent / 100,
    ];
    values.forEach((value, col) => {
      cells.push({
        row: i + 1,
        col,
        value,
        style: col === 6 ? { percent: true } : { wrap: typeof value === 'string' },
      });
    });
  });
  return {
    name: SHEET_NAMES.yearOverYear,
    cells,
    merges: [],
    widths: columnWidths(cells, headers.length, (col) => ({
      min: 10,
      max: MAX_WIDTH[col] ?? 20,
    })),
    notes: [],
    freezeRows: 1,
  };
}

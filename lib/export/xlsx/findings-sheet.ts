/** One row per finding, with the same fields as the CSV export and the memo. */
import type { Finding } from '../../model/report';
import { describeCell } from '../csv';
import { SEVERITY_LABEL, SHEET_NAMES } from './labels';
import type { CellContent, SheetCell, SheetSpec } from './sheet';
import { columnWidths } from './text-width';

const HEADERS = [
  '规则 Rule',
  '严重程度 Severity',
  '问题 Message (中文)',
  '问题 Message (English)',
  '算式 Arithmetic',
  '单元格 Cells',
  '应为 Expected',
  '实际 Actual',
  '原文 Sentence',
] as const;

/** Upper bounds of the column widths; longer text wraps. */
const MAX_WIDTH = [28, 16, 50, 50, 50, 40, 14, 14, 50] as const;

function findingRow(finding: Finding): CellContent[] {
  return [
    finding.rule,
    SEVERITY_LABEL[finding.severity],
    finding.message,
    finding.messageEn,
    finding.arithmetic,
    finding.cells.map(describeCell).join('; '),
    finding.expected,
    finding.actual,
    finding.text ?? null,
  ];
}

export function findingsSheet(findings: readonly Finding[]): SheetSpec {
  const cells: SheetCell[] = HEADERS.map((value, col) => ({
    row: 0,
    col,
    value,
    style: { bold: true, wrap: true },
  }));
  findings.forEach((finding, i) => {
    findingRow(finding).forEach((value, col) => {
      // The severity cell wears the colour of the cells it marks in the table sheets.
      const fill = col === 1 ? finding.severity : undefined;
      cells.push({
        row: i + 1,
        col,
        value,
        style: { wrap: typeof value === 'string', ...(fill ? { fill } : {}) },
      });
    });
  });
  return {
    name: SHEET_NAMES.findings,
    cells,
    merges: [],
    widths: columnWidths(cells, HEADERS.length, (col) => ({ min: 10, max: MAX_WIDTH[col] ?? 40 })),
    notes: [],
    freezeRows: 1,
  };
}

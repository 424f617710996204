/** One row per finding, with the same fields as the CSV export and the memo. */
import type { Finding } from '../../model/report';
import { describeCell } from '../csv';
import { cellAddress } from './cell-address';
import { SEVERITY_LABEL, SHEET_NAMES } from './labels';
import type { CellContent, Link, SheetCell, SheetSpec } from './sheet';
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

/** `'表三 收到和处理'!D16`: a cell of a sheet, the name quoted as formulas quote it. */
export function sheetLocation(sheet: string, row: number, col: number): string {
  return `'${sheet.replaceAll("'", "''")}'!${cellAddress(row, col)}`;
}

/** The sheet and cell of the finding's first marked figure, when it has one. */
function figureLocation(
  finding: Finding,
  tableSheet: (table: number) => string | null,
): string | null {
  const ref = finding.cells.find(
    (cell) => cell.table !== undefined && cell.r !== undefined && cell.c !== undefined,
  );
  if (ref?.table === undefined || ref.r === undefined || ref.c === undefined) return null;
  const sheet = tableSheet(ref.table);
  return sheet === null ? null : sheetLocation(sheet, ref.r, ref.c);
}

/** The column whose cell links to the finding's figure: 单元格 Cells. */
const CELLS_COLUMN = HEADERS.indexOf('单元格 Cells');

/**
 * `tableSheet` names the sheet of each report table (by its index), so that
 * each finding's cells link to the figure it marks.
 */
export function findingsSheet(
  findings: readonly Finding[],
  tableSheet: (table: number) => string | null = () => null,
): SheetSpec {
  const links: Link[] = [];
  const cells: SheetCell[] = HEADERS.map((value, col) => ({
    row: 0,
    col,
    value,
    style: { bold: true, wrap: true },
  }));
  findings.forEach((finding, i) => {
    const location = figureLocation(finding, tableSheet);
    if (location) links.push({ row: i + 1, col: CELLS_COLUMN, target: { location } });
    findingRow(finding).forEach((value, col) => {
      // The severity cell wears the colour of the cells it marks in the table sheets.
      const fill = col === 1 ? finding.severity : undefined;
      const link = location !== null && col === CELLS_COLUMN;
      cells.push({
        row: i + 1,
        col,
        value,
        style: {
          wrap: typeof value === 'string',
          ...(fill ? { fill } : {}),
          ...(link ? { link } : {}),
        },
      });
    });
  });
  return {
    name: SHEET_NAMES.findings,
    cells,
    links,
    merges: [],
    widths: columnWidths(cells, HEADERS.length, (col) => ({ min: 10, max: MAX_WIDTH[col] ?? 40 })),
    notes: [],
    freezeRows: 1,
  };
}

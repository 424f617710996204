/**
 * CSV builders: the one cell encoder of the extension (the history dataset
 * uses it too) and the export of one report.
 *
 * Layout of the report export: a single file (one click, one download) with
 * two sections, each with its own header row, separated by one empty line —
 * first the values in long form, then the findings. A single file keeps the
 * values and the findings about them together when the file is passed on;
 * spreadsheet programs show both blocks on one sheet.
 */
import type { CellRef, Finding, Report } from '../model/report';

/** Byte-order mark: without it Excel reads UTF-8 as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

/** RFC 4180 line end. */
const CRLF = '\r\n';

/**
 * A spreadsheet opening the file runs a cell that starts with = + - @ (or a
 * tab/CR) as a formula; an apostrophe makes it text. Plain negative numbers
 * stay numbers so that sums over the column still work.
 */
function neutraliseFormula(cell: string): string {
  if (/^-\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV field: neutralised against formula injection, quoted when RFC 4180 requires it. */
export function csvField(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record, without its line end. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',');
}

export const VALUE_COLUMNS = ['key', 'table', 'row', 'col', 'value', 'raw'] as const;

export const FINDING_COLUMNS = [
  'rule',
  'family',
  'severity',
  'message',
  'messageEn',
  'cells',
  'terms',
  'expected',
  'actual',
  'arithmetic',
  'text',
] as const;

function numberField(value: number | string | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Every keyed cell of the report, in table and reading order. */
function valueRows(report: Report): string[][] {
  const rows: string[][] = [];
  for (const table of report.tables) {
    for (const cell of table.cells) {
      if (!cell.key || cell.header) continue;
      // report.values is what the checks and the JSON use; the cell only adds labels and raw text.
      const value =
        cell.key in report.values
          ? report.values[cell.key]
          : cell.value.kind === 'number'
            ? cell.value.value
            : null;
      rows.push([
        cell.key,
        table.kind,
        cell.rowLabel ?? '',
        cell.colLabel ?? '',
        numberField(value),
        cell.text,
      ]);
    }
  }
  return rows;
}

/** A cell as the exports describe it: its key (or row / column), then its figure. */
export function describeCell(ref: CellRef): string {
  const where = ref.key ?? `${ref.row} / ${ref.col}`;
  return `${where} = ${ref.value === null ? '—' : ref.value}`;
}

function findingRow(finding: Finding): string[] {
  return [
    finding.rule,
    finding.family,
    finding.severity,
    finding.message,
    finding.messageEn,
    finding.cells.map(describeCell).join('; '),
    finding.terms.map(describeCell).join('; '),
    numberField(finding.expected),
    numberField(finding.actual),
    finding.arithmetic,
    finding.text ?? '',
  ];
}

/**
 * The report as CSV: UTF-8 with BOM, CRLF line ends; the values section
 * (key, table, row, col, value, raw) then, after an empty line, the findings
 * section. A blank cell has an empty value and its printed text under raw.
 */
export function reportCsv(report: Report, findings: readonly Finding[]): string {
  const lines = [
    csvLine(VALUE_COLUMNS),
    ...valueRows(report).map(csvLine),
    '',
    csvLine(FINDING_COLUMNS),
    ...findings.map(findingRow).map(csvLine),
  ];
  return `${BOM}${lines.join(CRLF)}${CRLF}`;
}

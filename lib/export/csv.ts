/**
 * CSV builders: the one cell encoder of the extension (the history dataset
 * uses it too) and the export of one report.
 *
 * Layout of the report export: a single file (one click, one download) with
 * two sections, each with its own header row, separated by one empty line —
 * first the values in long form, then the findings. A single file keeps the
 * values and the findings about them together when the file is passed on;
 * spreadsheet programs show both blocks on one sheet. Every row of both
 * carries the report's agency, year, address and retrieval time (Beijing
 * time), so that rows copied or filtered apart still say where they are from.
 */
import type { CellRef, ExtractedTable, Finding, Report } from '../model/report';
import { beijingIso } from './beijing-time';

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

/** Who, which year, where and when: the first columns of every row. */
export const SOURCE_COLUMNS = ['agency', 'year', 'url', 'retrievedAt'] as const;

export const VALUE_COLUMNS = [
  ...SOURCE_COLUMNS,
  'key',
  'table',
  'parent',
  'row',
  'col',
  'value',
  'raw',
] as const;

export const FINDING_COLUMNS = [
  ...SOURCE_COLUMNS,
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

/** One figure the report prints, as the data exports list it. */
export interface Figure {
  /** Canonical key; '' for a legacy row outside the shared keys. */
  key: string;
  table: ExtractedTable['kind'];
  /** The row's parent item in a legacy table's numbering ('' elsewhere). */
  parent: string;
  row: string;
  col: string;
  value: number | null;
  raw: string;
}

/** The header text over a column of a legacy table (its value column: 合计, 数量, 统计数). */
function columnHeader(table: ExtractedTable, col: number): string {
  const headers = table.cells.filter(
    (cell) =>
      cell.header &&
      cell.row < table.headerRows &&
      cell.col <= col &&
      col < cell.col + cell.colSpan,
  );
  return headers.at(-1)?.text ?? '';
}

/**
 * Every row of a legacy table that holds a figure, keyed or not: provinces
 * printed their own rows, and a data desk wants all of them, not only the
 * few every variant shares.
 */
function legacyFigures(report: Report, table: ExtractedTable): Figure[] {
  const figures: Figure[] = [];
  for (const row of table.legacyRows ?? []) {
    const cell = table.cells.find((candidate) => candidate.row === row.row && !candidate.header);
    // A heading row (三、依申请公开情况) has neither a figure nor a unit.
    if (!cell || (row.value.kind === 'blank' && !row.unit && !row.key)) continue;
    const read = row.value.kind === 'number' ? row.value.value : null;
    figures.push({
      key: row.key ?? '',
      table: table.kind,
      parent: row.path.length > 1 ? (row.path.at(-2) ?? '') : '',
      row: row.label,
      col: cell.colLabel ?? columnHeader(table, cell.col),
      // report.values is what the checks and the JSON use.
      value: row.key && row.key in report.values ? (report.values[row.key] ?? null) : read,
      raw: cell.text,
    });
  }
  return figures;
}

/** Every figure of the report, in table and reading order: the keyed cells, and every legacy row. */
export function reportFigures(report: Report): Figure[] {
  const figures: Figure[] = [];
  for (const table of report.tables) {
    if (table.kind === 'legacy' && table.legacyRows) {
      figures.push(...legacyFigures(report, table));
      continue;
    }
    for (const cell of table.cells) {
      if (!cell.key || cell.header) continue;
      const value =
        cell.key in report.values
          ? (report.values[cell.key] ?? null)
          : cell.value.kind === 'number'
            ? cell.value.value
            : null;
      figures.push({
        key: cell.key,
        table: table.kind,
        parent: '',
        row: cell.rowLabel ?? '',
        col: cell.colLabel ?? '',
        value,
        raw: cell.text,
      });
    }
  }
  return figures;
}

function valueRows(report: Report, source: string[]): string[][] {
  return reportFigures(report).map((figure) => [
    ...source,
    figure.key,
    figure.table,
    figure.parent,
    figure.row,
    figure.col,
    numberField(figure.value),
    figure.raw,
  ]);
}

/** A cell as the exports describe it: its key (or row / column), then its figure. */
export function describeCell(ref: CellRef): string {
  const where = ref.key ?? `${ref.row} / ${ref.col}`;
  return `${where} = ${ref.value === null ? '—' : ref.value}`;
}

function findingRow(finding: Finding, source: string[]): string[] {
  return [
    ...source,
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

/** The source columns of a report's rows: agency, year, address, retrieval time (Beijing). */
export function sourceFields(report: Report, retrievedAt: string): string[] {
  const { agency, year } = report.identity;
  return [agency, year === null ? '' : String(year), report.url, beijingIso(retrievedAt)];
}

/**
 * The report as CSV: UTF-8 with BOM, CRLF line ends; the values section
 * (source, key, table, parent, row, col, value, raw) then, after an empty
 * line, the findings section. A blank cell has an empty value and its
 * printed text under raw.
 */
export function reportCsv(
  report: Report,
  findings: readonly Finding[],
  options: { retrievedAt: string },
): string {
  const source = sourceFields(report, options.retrievedAt);
  const lines = [
    csvLine(VALUE_COLUMNS),
    ...valueRows(report, source).map(csvLine),
    '',
    csvLine(FINDING_COLUMNS),
    ...findings.map((finding) => csvLine(findingRow(finding, source))),
  ];
  return `${BOM}${lines.join(CRLF)}${CRLF}`;
}

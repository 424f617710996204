/**
 * The export of a whole audit (a portal's column, or the command line's
 * `--portal DIR`): a workbook with the league table first and one sheet per
 * report listing its findings, and a CSV of the league table for data desks.
 * Built from the league rows (lib/audit/league.ts) as sorted by the caller,
 * so the file shows the order the user chose.
 */
import { type LeagueRow, timelinessText } from '../audit/league';
import type { Finding } from '../model/report';
import { BOM, csvLine } from './csv';
import { findingsSheet } from './xlsx/findings-sheet';
import { LEAGUE_SHEET_NAME, leagueSheet } from './xlsx/league-sheet';
import type { SheetSpec } from './xlsx/sheet';
import { cleanSheetName, MAX_SHEET_NAME, uniqueSheetNames } from './xlsx/sheet-names';
import { packageSheets } from './xlsx/workbook';

/** One row of the league with the findings of its report (none for a page not read). */
export interface AuditEntry {
  row: LeagueRow;
  findings: readonly Finding[];
}

export const AUDIT_FILE_STEM = 'ogi-lens-audit';

/** The CSV's columns, named as the other CSV exports name theirs (lib/export/csv.ts). */
export const AUDIT_CSV_COLUMNS = [
  'agency',
  'year',
  'bodyKind',
  'publishedAt',
  'deadline',
  'delayDays',
  'timeliness',
  'errors',
  'warnings',
  'infos',
  'worstSeverity',
  'worstRule',
  'worstMessage',
  'worstMessageEn',
  'missingTables',
  'imageTables',
  'source',
  'previous',
  'url',
  'problem',
  'problemEn',
] as const;

const field = (value: string | number | null): string => (value === null ? '' : String(value));

function csvRow(row: LeagueRow): string[] {
  const previous =
    row.previous.state === 'found'
      ? row.previous.url
      : row.previous.state === 'ambiguous'
        ? `ambiguous (${row.previous.candidates})`
        : '';
  return [
    row.agency,
    field(row.year),
    row.bodyKind,
    field(row.publishedAt),
    field(row.deadline),
    field(row.delayDays),
    row.status === 'report' ? timelinessText(row).en : '',
    field(row.errors),
    field(row.warnings),
    field(row.infos),
    row.worst?.severity ?? '',
    row.worst?.rule ?? '',
    row.worst?.message ?? '',
    row.worst?.messageEn ?? '',
    row.missingTables?.join(' ') ?? '',
    field(row.imageTables),
    row.source,
    previous,
    row.url,
    row.problem ?? '',
    row.problemEn ?? '',
  ];
}

/** The league table as CSV: UTF-8 with BOM, CRLF, formula-neutralised; blank for unknown, never 0. */
export function auditCsv(rows: readonly LeagueRow[]): string {
  const lines = [csvLine(AUDIT_CSV_COLUMNS), ...rows.map(csvRow).map(csvLine)];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `2023 江州市自然资源和规划局`, cut to what a sheet name may hold. */
function reportSheetName(row: LeagueRow): string {
  return cleanSheetName(`${row.year ?? '?'} ${row.agency || '?'}`, MAX_SHEET_NAME);
}

/** The workbook: the league table, then one findings sheet per report, in the league's order. */
export function auditWorkbook(entries: readonly AuditEntry[], title: string): Uint8Array {
  const reports = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.row.status === 'report');
  const names = uniqueSheetNames([
    LEAGUE_SHEET_NAME,
    ...reports.map(({ entry }) => reportSheetName(entry.row)),
  ]);
  const sheetOfEntry = new Map(reports.map(({ index }, k) => [index, names[k + 1] ?? null]));
  const specs: SheetSpec[] = [
    {
      ...leagueSheet(
        entries.map((e) => e.row),
        (i) => sheetOfEntry.get(i) ?? null,
      ),
      name: names[0] ?? LEAGUE_SHEET_NAME,
    },
    ...reports.map(({ entry }, k) => ({
      ...findingsSheet(entry.findings),
      name: names[k + 1] ?? reportSheetName(entry.row),
    })),
  ];
  return packageSheets(specs, title);
}

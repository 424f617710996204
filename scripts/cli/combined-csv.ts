/**
 * One CSV of every report in a batch, for data desks: long form, one row per
 * report and canonical key, each row carrying the report's identity and its
 * error and warning counts, so a spreadsheet can filter and pivot it without
 * joining anything. Encoded with the extension's one CSV encoder (BOM, CRLF,
 * formula neutralising).
 */
import { BOM, csvLine } from '../../lib/export/csv';
import type { Finding, Report } from '../../lib/model/report';

export const COMBINED_CSV_NAME = 'ogi-lens-reports.csv';

export const COMBINED_COLUMNS = [
  'file',
  'url',
  'agency',
  'year',
  'template',
  'publishedAt',
  'key',
  'value',
  'errors',
  'warnings',
] as const;

export interface BatchReport {
  /** The input file as given on the command line (the contract's `file`). */
  file: string;
  report: Report;
  findings: readonly Finding[];
}

function count(findings: readonly Finding[], severity: Finding['severity']): string {
  return String(findings.filter((f) => f.severity === severity).length);
}

function reportRows({ file, report, findings }: BatchReport): string[][] {
  const { identity } = report;
  const head = [
    file,
    report.url,
    identity.agency,
    identity.year === null ? '' : String(identity.year),
    identity.template,
    identity.publishedAt ?? '',
  ];
  const tail = [count(findings, 'error'), count(findings, 'warning')];
  const values = Object.entries(report.values);
  // A report without keyed values (tables published as images) still gets one
  // row with an empty key, so it and its findings are not lost from the batch.
  if (values.length === 0) return [[...head, '', '', ...tail]];
  return values.map(([key, value]) => [...head, key, value === null ? '' : String(value), ...tail]);
}

export function combinedCsv(reports: readonly BatchReport[]): string {
  const lines = [csvLine(COMBINED_COLUMNS), ...reports.flatMap(reportRows).map(csvLine)];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

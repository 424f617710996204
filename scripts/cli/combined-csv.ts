/**
 * One CSV of every report in a batch, for data desks: long form, one row per
 * report and figure (every keyed cell, and every row of a legacy table, keyed
 * or not, named by its printed label), each row carrying the report's
 * identity, when it was read (Beijing time) and its error and warning
 * counts, so a spreadsheet can filter and pivot it without joining anything. Encoded with the extension's one CSV encoder (BOM, CRLF,
 * formula neutralising).
 */
import { beijingIso } from '../../lib/export/beijing-time';
import { BOM, csvLine, reportFigures } from '../../lib/export/csv';
import type { Finding, Report } from '../../lib/model/report';

export const COMBINED_CSV_NAME = 'ogi-lens-reports.csv';

export const COMBINED_COLUMNS = [
  'file',
  'url',
  'agency',
  'year',
  'template',
  'publishedAt',
  'retrievedAt',
  'key',
  'row',
  'value',
  'errors',
  'warnings',
] as const;

export interface BatchReport {
  /** The input file as given on the command line (the contract's `file`). */
  file: string;
  report: Report;
  findings: readonly Finding[];
  /** When the page was read (the saved file's time), ISO 8601. */
  retrievedAt: string;
}

function count(findings: readonly Finding[], severity: Finding['severity']): string {
  return String(findings.filter((f) => f.severity === severity).length);
}

function reportRows({ file, report, findings, retrievedAt }: BatchReport): string[][] {
  const { identity } = report;
  const head = [
    file,
    report.url,
    identity.agency,
    identity.year === null ? '' : String(identity.year),
    identity.template,
    identity.publishedAt ?? '',
    beijingIso(retrievedAt),
  ];
  const tail = [count(findings, 'error'), count(findings, 'warning')];
  const figures = reportFigures(report);
  // A report without figures (tables published as images) still gets one
  // row with an empty key, so it and its findings are not lost from the batch.
  if (figures.length === 0) return [[...head, '', '', '', ...tail]];
  return figures.map((figure) => [
    ...head,
    figure.key,
    figure.row,
    figure.value === null ? '' : String(figure.value),
    ...tail,
  ]);
}

export function combinedCsv(reports: readonly BatchReport[]): string {
  const lines = [csvLine(COMBINED_COLUMNS), ...reports.flatMap(reportRows).map(csvLine)];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Builds one export file from the report the extension showed. Light formats
 * are built here; the workbook writer is passed in, because it is the one
 * heavy part and only a context that is exporting should load it.
 */
import { reportCsv } from './csv';
import { exportFileName } from './filename';
import { reportJson } from './json';
import { reportMemo } from './memo';
import type { ExportFile, ExportFormat, ExportInput, WorkbookWriter } from './types';

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
};

const encoder = new TextEncoder();

function contents(
  format: ExportFormat,
  input: ExportInput,
  writeWorkbook: WorkbookWriter | null,
): Uint8Array {
  const { report, findings, retrievedAt, textSha256, previous } = input;
  switch (format) {
    case 'xlsx':
      if (!writeWorkbook) throw new Error('The workbook writer is not loaded.');
      return writeWorkbook(input);
    case 'csv':
      return encoder.encode(reportCsv(report, findings, { retrievedAt }));
    case 'json':
      return encoder.encode(reportJson(report, findings, { retrievedAt }));
    case 'md':
      return encoder.encode(reportMemo(report, findings, { retrievedAt, textSha256, previous }));
  }
}

export function buildExport(
  format: ExportFormat,
  input: ExportInput,
  writeWorkbook: WorkbookWriter | null,
): ExportFile {
  return {
    filename: exportFileName(input.report, format),
    mime: MIME[format],
    bytes: contents(format, input, writeWorkbook),
  };
}

/**
 * Export as the content script runs it, for the popup's button and the
 * panel's: the report the page showed, its text hashed now, the file built
 * and saved from the page. Failures come back as a message; nothing throws
 * into the page.
 */
import type { PreviousSummary } from '../model/history';
import type { Finding, Report } from '../model/report';
import { buildExport } from './build';
import { reportText } from './report-text';
import { saveFile } from './save-file';
import { sha256Hex } from './sha256';
import type { ExportFile, ExportFormat, ExportOutcome, WorkbookWriter } from './types';

export interface ShownReport {
  report: Report;
  findings: readonly Finding[];
  previous: PreviousSummary | null;
  /** When the page was read, ISO 8601. */
  retrievedAt: string;
}

export interface PageExportDeps {
  /** Loads the workbook writer (only asked for when a workbook is exported). */
  loadWorkbookWriter(): Promise<WorkbookWriter>;
  save?(doc: Document, file: ExportFile): void;
  /**
   * The report's text as it was read, for the hash, when the page shows a
   * rendering of it rather than the report itself: the PDF page gives the
   * PDF's text outside its tables, as the command line hashes it. Default:
   * the page's content area (reportText).
   */
  text?(): string;
}

export async function exportFromPage(
  doc: Document,
  format: ExportFormat,
  shown: ShownReport,
  deps: PageExportDeps,
): Promise<ExportOutcome> {
  try {
    const writer = format === 'xlsx' ? await deps.loadWorkbookWriter() : null;
    const textSha256 = await sha256Hex(deps.text ? deps.text() : reportText(doc));
    const file = buildExport(format, { ...shown, textSha256 }, writer);
    (deps.save ?? saveFile)(doc, file);
    return { ok: true, filename: file.filename };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

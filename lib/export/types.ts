/**
 * What every export format is built from, and what it becomes. One input for
 * all four formats, so the files a journalist gets from the popup, the
 * in-page panel and the command line say the same thing.
 */
import * as z from 'zod/mini';
import type { PreviousSummary } from '../model/history';
import type { Finding, Report } from '../model/report';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'json', 'md'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/**
 * How an export went, as the popup's and the panel's menu show it (the popup
 * gets it as the content script's answer to `exportReport`).
 */
export const ExportOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), filename: z.string() }),
  z.object({ ok: z.literal(false), message: z.string().check(z.maxLength(2000)) }),
]);
export type ExportOutcome = z.infer<typeof ExportOutcomeSchema>;

export interface ExportInput {
  report: Report;
  /** The findings the extension showed (year over year included). */
  findings: readonly Finding[];
  /** The same agency's previous report, when the history has it. */
  previous: PreviousSummary | null;
  /** When the page was read, ISO 8601 with offset. */
  retrievedAt: string;
  /** SHA-256 (hex) of the report's text as read (see report-text.ts). */
  textSha256: string;
}

export interface ExportFile {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

/** Writes a workbook. Passed in, so that only contexts that export load it. */
export type WorkbookWriter = (input: ExportInput) => Uint8Array;

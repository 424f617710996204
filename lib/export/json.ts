/**
 * JSON export: the command line's contract entry (architecture.md, "The
 * observable contract") for the current report, plus a schema version and the
 * retrieval time, so a file exported in the browser and one printed by the
 * command line can be read by the same script.
 */
import * as z from 'zod/mini';
import { type ContractEntry, ContractReportSchema, toContractReport } from '../model/contract';
import { type Finding, FindingSchema, type Report } from '../model/report';

/** Bump when a field changes meaning or disappears; adding a field does not. */
export const EXPORT_SCHEMA_VERSION = 1;

export const ReportExportSchema = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  /** ISO date-time the page was read. */
  retrievedAt: z.iso.datetime({ offset: true }),
  /** The contract names the input; in the browser the input is the page's URL. */
  file: z.string(),
  isReport: z.literal(true),
  kind: z.literal('report'),
  report: ContractReportSchema,
  findings: z.array(FindingSchema),
});
export type ReportExport = z.infer<typeof ReportExportSchema>;

export interface JsonExportOptions {
  /** When the page was read, ISO 8601. */
  retrievedAt: string;
}

/** The export entry, validated; throws when the report cannot be written as the contract says. */
export function reportExportEntry(
  report: Report,
  findings: readonly Finding[],
  options: JsonExportOptions,
): ReportExport {
  const entry: Omit<ContractEntry, 'error'> & { schemaVersion: number; retrievedAt: string } = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    retrievedAt: options.retrievedAt,
    file: report.url,
    isReport: true,
    kind: 'report',
    report: toContractReport(report),
    findings: [...findings],
  };
  const parsed = ReportExportSchema.safeParse(entry);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`JSON export: the report does not fit the export schema (${problems})`);
  }
  return parsed.data;
}

/** The export as pretty-printed JSON text, ending with a newline. */
export function reportJson(
  report: Report,
  findings: readonly Finding[],
  options: JsonExportOptions,
): string {
  return `${JSON.stringify(reportExportEntry(report, findings, options), null, 2)}\n`;
}

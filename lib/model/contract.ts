/**
 * The command line's JSON contract (architecture.md, "The observable
 * contract"; README "Observable contract"): one entry per input file,
 * declared once as a schema, its types inferred from it. scripts/cli/ writes
 * entries of this shape and test/unit/scripts/cli.test.ts validates its
 * output over every fixture against it; lib/export/json.ts validates the
 * browser's JSON export (the same entry, plus a version and a time) with it.
 *
 * zod/mini, not full zod: the JSON export is built and validated in the
 * content script (lib/export/page-export.ts), whose bundle the page pays for.
 */
import * as z from 'zod/mini';
import {
  ClaimSchema,
  FindingSchema,
  PageKindSchema,
  type Report,
  TemplateIdSchema,
} from './report';

/** One extracted table, as much of it as a reader of the contract needs. */
export const ContractTableSchema = z.object({
  index: z.int().check(z.minimum(0)),
  kind: z.string(),
  rows: z.int().check(z.minimum(0)),
  cols: z.int().check(z.minimum(0)),
  sourceTables: z.int().check(z.minimum(1)),
  /** Canonical keys of cells whose text could not be read as a number. */
  unreadable: z.array(z.string()),
  /** Canonical keys the template expects in this table and the page lacks. */
  missingKeys: z.array(z.string()),
});
export type ContractTable = z.infer<typeof ContractTableSchema>;

export const ContractReportSchema = z.object({
  agency: z.string(),
  year: z.nullable(z.int()),
  template: TemplateIdSchema,
  publishedAt: z.nullable(z.string()),
  title: z.string(),
  bodyKind: z.string(),
  url: z.string(),
  tables: z.array(ContractTableSchema),
  imageTables: z.int().check(z.minimum(0)),
  /** Canonical key → the value read (null: blank or unreadable). */
  values: z.record(z.string(), z.nullable(z.number())),
  claims: z.array(ClaimSchema),
  /** A PDF's report: canonical key → the page (from 1) its cell is printed on. */
  pages: z.optional(z.record(z.string(), z.int().check(z.minimum(1)))),
});
export type ContractReport = z.infer<typeof ContractReportSchema>;

export const ContractEntrySchema = z.object({
  /** The input file as given on the command line. */
  file: z.string(),
  isReport: z.boolean(),
  /**
   * `scanned`: a PDF of page images with no text layer, whose figures cannot be read.
   * `undecodable`: a PDF whose text is in fonts that could not be decoded (a predefined CMap
   * was not available), whose figures cannot be read either.
   */
  kind: z.union([PageKindSchema, z.literal('scanned'), z.literal('undecodable')]),
  /** `pdf` for a PDF file; absent for a page. */
  source: z.optional(z.literal('pdf')),
  /** A PDF's number of pages. */
  pdfPages: z.optional(z.int().check(z.minimum(0))),
  /** Why a PDF was not read as a report (a scan, undecodable text, no report title), in a sentence. */
  reason: z.optional(z.string()),
  /** Present when the file is a report. */
  report: z.optional(ContractReportSchema),
  findings: z.array(FindingSchema),
  /** Why the file could not be read; present only then. */
  error: z.optional(z.string()),
  /** With --portal: the address the saved file stands for (its mirror path, or its `saved from url`). */
  url: z.optional(z.string()),
  /**
   * With --portal: the file (relative to DIR) whose report served as this
   * report's previous year, or null when none did.
   */
  previous: z.optional(z.nullable(z.string())),
  /** With --portal: the files that each could have been the previous year; none of them was used. */
  previousCandidates: z.optional(z.array(z.string())),
});
export type ContractEntry = z.infer<typeof ContractEntrySchema>;

/** Canonical key → page, for a report whose cells carry pages (a PDF's); undefined otherwise. */
function pagesOfKeys(report: Report): Record<string, number> | undefined {
  const pages: Record<string, number> = {};
  let any = false;
  for (const table of report.tables) {
    for (const cell of table.cells) {
      if (cell.key === undefined || cell.page === undefined || cell.key in pages) continue;
      pages[cell.key] = cell.page;
      any = true;
    }
  }
  return any ? pages : undefined;
}

export function toContractReport(report: Report): ContractReport {
  const { identity } = report;
  const pages = pagesOfKeys(report);
  return {
    agency: identity.agency,
    year: identity.year,
    template: identity.template,
    publishedAt: identity.publishedAt,
    title: identity.title,
    bodyKind: identity.bodyKind,
    url: report.url,
    tables: report.tables.map((t) => ({
      index: t.index,
      kind: t.kind,
      rows: t.rowCount,
      cols: t.colCount,
      sourceTables: t.sourceTables,
      unreadable: t.cells.filter((c) => c.unreadable && c.key).map((c) => c.key as string),
      missingKeys: t.missingKeys ?? [],
    })),
    imageTables: report.imageTables,
    values: report.values,
    claims: report.claims,
    ...(pages ? { pages } : {}),
  };
}

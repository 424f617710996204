/**
 * The report model: the single source of every type that crosses a boundary
 * (content script ⇄ background ⇄ popup, command line JSON, exports).
 * Types are inferred from the zod schemas so that what is validated is exactly
 * what is typed.
 */
import * as z from 'zod/mini';
import { isFormatId } from '../formats/registry';
import { LIMITS } from './limits';

/**
 * Every text a report carries comes from the page, and is bounded here, in
 * the schema the background parses a report with: the extraction cuts texts
 * to the same LIMITS (lib/extract.ts), so the two cannot drift apart.
 */
const TextSchema = z.string().check(z.maxLength(LIMITS.textLength));

/** What a table cell says, kept as the page says it: blank is not zero. */
export const CellValueSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('number'),
    /** The number with its sign; `减4` is -4, `12.5%` is 12.5. */
    value: z.number(),
    /** Digits after the decimal point as printed (counts should have 0). */
    decimals: z.int().check(z.minimum(0)),
    /** Unit or suffix printed with the number: `元`, `%`, `件`… ('' when none). */
    unit: z.string(),
    /** Printed with 余/多/近/约 or similar: an approximation. */
    approximate: z.boolean(),
  }),
  /** Empty or whitespace only (`&nbsp;`). */
  z.object({ kind: z.literal('blank') }),
  /** A dash or "not applicable" mark: `—`, `-`, `/`, `无`, `不适用`. */
  z.object({ kind: z.literal('dash') }),
  /** Anything else: a label, a note, or a figure that cannot be read. */
  z.object({ kind: z.literal('text') }),
]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** One cell of a table as printed (a merged cell appears once, at its top-left slot). */
export const TableCellSchema = z.object({
  /** Top-left slot of the cell in the expanded grid. */
  row: z.int().check(z.minimum(0)),
  col: z.int().check(z.minimum(0)),
  rowSpan: z.int().check(z.minimum(1)),
  colSpan: z.int().check(z.minimum(1)),
  /** Text as printed, whitespace collapsed, line breaks kept as '\n'. */
  text: TextSchema,
  value: CellValueSchema,
  /** Part of a header row or a label column. */
  header: z.boolean(),
  /** Canonical key when the cell is a value of a known template. */
  key: z.optional(TextSchema),
  /**
   * The cell should hold a figure (a value cell of a known table) but what it
   * says cannot be read as one; it is reported, never turned into a number.
   */
  unreadable: z.optional(z.boolean()),
  /** For keyed cells: the row's own label and the column's own header, as printed. */
  rowLabel: z.optional(TextSchema),
  colLabel: z.optional(TextSchema),
  /** The page the cell is printed on, for a table read from a PDF (lib/pdf/), counted from 1. */
  page: z.optional(z.int().check(z.minimum(1))),
});
export type TableCell = z.infer<typeof TableCellSchema>;

export const TableKindSchema = z.enum([
  't2', // 主动公开 table of the 2019/2021 formats
  't3', // 收到和处理政府信息公开申请 table
  't4', // 行政复议、行政诉讼 table
  'legacy', // statistics table of a pre-2019 report
  'other', // a table read but not recognised as one of the above
]);
export type TableKind = z.infer<typeof TableKindSchema>;

/** A row of a legacy statistics table, placed in its numbering hierarchy. */
export const LegacyRowSchema = z.object({
  /** Grid row index in the table. */
  row: z.int().check(z.minimum(0)),
  label: TextSchema,
  /** Labels of the ancestors and the row itself, outermost first. */
  path: z.array(TextSchema),
  /** Numbering level: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `其中`; 0 when unnumbered. */
  level: z.int().check(z.minimum(0)),
  /** `其中` rows are subsets of their parent, not parts of a partition. */
  subset: z.boolean(),
  unit: TextSchema,
  value: CellValueSchema,
  key: z.optional(TextSchema),
});
export type LegacyRow = z.infer<typeof LegacyRowSchema>;

export const ExtractedTableSchema = z.object({
  /** Position among the report's tables (after split tables are joined). */
  index: z.int().check(z.minimum(0)),
  kind: TableKindSchema,
  /** Printed caption or nearest heading, when there is one. */
  title: TextSchema,
  rowCount: z.int().check(z.minimum(0)),
  colCount: z.int().check(z.minimum(0)),
  /** How many `<table>` elements were joined into this table. */
  sourceTables: z.int().check(z.minimum(1)),
  headerRows: z.int().check(z.minimum(0)),
  labelCols: z.int().check(z.minimum(0)),
  cells: z.array(TableCellSchema).check(z.maxLength(LIMITS.cellsPerTable)),
  /** Legacy tables only: each row in its hierarchy. */
  legacyRows: z.optional(z.array(LegacyRowSchema).check(z.maxLength(LIMITS.cellsPerTable))),
  /** Keys of the template that this table should have but were not found. */
  missingKeys: z.optional(z.array(TextSchema)),
});
export type ExtractedTable = z.infer<typeof ExtractedTableSchema>;

/** A number the narrative states about the report. */
export const ClaimSchema = z.object({
  /**
   * What the number counts, by canonical meaning: `received`, `carryIn`,
   * `answered`, `carryOut`, `open`, `partial`, `deny`, `unable`, `noProcess`,
   * `other`, `review`, `review.corrected`, `litigation`, `litigation.corrected`,
   * `channel.inPerson`/`fax`/`online`/`letter`/`other`, `active`…
   * plus `percent.<subject>` for percentages; subjects the text counts
   * together are joined by `+` (`open+partial`: 予以公开及部分公开258件).
   */
  subject: TextSchema,
  value: z.number(),
  /** Stated as 余/多/近/约/超过: only far-off values contradict the table. */
  approximate: z.boolean(),
  /** The number as written (`一百二十八`, `128`, `3.5%`). */
  raw: TextSchema,
  /** The sentence it comes from, as printed. */
  sentence: TextSchema,
  /** For percentages: the subject of the denominator when the text names it. */
  denominator: z.optional(TextSchema),
  /** Claims like 均获维持 / 全部胜诉 carry no number; value is then 0. */
  assertion: z.optional(z.enum(['allUpheld', 'none'])),
  /**
   * Where the figure is in `sentence` (UTF-16 offsets, end exclusive): from its
   * approximation mark to its unit as printed (约2613条), so that the page can
   * underline exactly that text. Absent for statements without a number.
   */
  at: z.optional(z.tuple([z.int().check(z.minimum(0)), z.int().check(z.minimum(0))])),
});
export type Claim = z.infer<typeof ClaimSchema>;

/**
 * The report's format: a registered format's id (lib/formats/registry.ts:
 * '2019', '2021', 'legacy'), or 'unknown'. Checked against the registry when
 * parsed, so a format added by one declaration flows through unchanged.
 */
export const TemplateIdSchema = z
  .string()
  .check(z.refine((id) => id === 'unknown' || isFormatId(id), 'not a registered format'));
export type TemplateId = z.infer<typeof TemplateIdSchema>;

/** Who published the report, for which year, in which format, and when. */
export const ReportIdentitySchema = z.object({
  /** The publishing body, e.g. `衢州市综合行政执法局`; '' when not found. */
  agency: TextSchema,
  /** The year the report covers (not the year it was published). */
  year: z.nullable(z.int()),
  template: TemplateIdSchema,
  /** ISO date `YYYY-MM-DD` the page says it was published. */
  publishedAt: z.nullable(TextSchema),
  title: TextSchema,
  /** Kind of body, for the publication deadline. */
  bodyKind: z.enum(['government', 'department', 'township', 'unknown']),
});
export type ReportIdentity = z.infer<typeof ReportIdentitySchema>;

/**
 * What a numbered section of the narrative is about, read from its heading
 * (lib/narrative/section-titles.ts): the six sections of the 2019/2021
 * formats, the legacy era's 收费 section, and `preamble` for the text before
 * the first heading. `unknown`: a heading of no known kind.
 */
export const SectionRoleSchema = z.enum([
  'preamble',
  'overview',
  'active',
  'requests',
  'fees',
  'appeals',
  'problems',
  'other',
  'unknown',
]);
export type SectionRole = z.infer<typeof SectionRoleSchema>;

/** A numbered section of the report's text (一、总体情况 …), as the narrative reads it. */
export const ReportSectionSchema = z.object({
  /** Its number as printed (一 is 1); 0 for the text before the first heading. */
  number: z.int().check(z.minimum(0), z.maximum(99)),
  /** The heading as printed, without its number ('' for the preamble). */
  heading: TextSchema,
  role: SectionRoleSchema,
  /** Its text, one line per paragraph, cut after a whole sentence at LIMITS.sectionChars. */
  text: z.string().check(z.maxLength(LIMITS.sectionChars)),
});
export type ReportSection = z.infer<typeof ReportSectionSchema>;

export const PageKindSchema = z.enum(['report', 'listing', 'none']);
export type PageKind = z.infer<typeof PageKindSchema>;

export const ReportSchema = z.object({
  url: z.string().check(z.maxLength(LIMITS.urlLength)),
  identity: ReportIdentitySchema,
  tables: z.array(ExtractedTableSchema).check(z.maxLength(LIMITS.tables)),
  /** Every extracted cell with a canonical key; null for a blank. */
  values: z.record(TextSchema, z.nullable(z.number())),
  claims: z.array(ClaimSchema).check(z.maxLength(LIMITS.claims)),
  /** The report's tables are published as images (or missing entirely). */
  imageTables: z.int().check(z.minimum(0)),
  /** Plain text of the report body (for provenance and narrative checks). */
  textLength: z.int().check(z.minimum(0)),
  /**
   * The narrative's numbered sections, in page order. Optional: reports
   * stored by versions before it have none, and the rules that read
   * sections say nothing then.
   */
  sections: z.optional(z.array(ReportSectionSchema).check(z.maxLength(LIMITS.sections))),
  /** Tables too large to read, by their number of cells (lib/tables/collect.ts MAX_TABLE_CELLS). */
  oversizedTables: z.optional(
    z.array(z.int().check(z.minimum(0))).check(z.maxLength(LIMITS.tables)),
  ),
});
export type Report = z.infer<typeof ReportSchema>;

export const DetectionSchema = z.object({
  kind: PageKindSchema,
  /** Why: the strongest signals, for debugging and the popup. */
  reasons: z.array(z.string()),
});
export type Detection = z.infer<typeof DetectionSchema>;

/** A printed figure a finding refers to. */
export const CellRefSchema = z.object({
  /** Canonical key, when the cell has one. */
  key: z.optional(z.string()),
  /** Index of the table in report.tables, and the cell's top-left slot there (for marking it on the page). */
  table: z.optional(z.int().check(z.minimum(0))),
  r: z.optional(z.int().check(z.minimum(0))),
  c: z.optional(z.int().check(z.minimum(0))),
  /** Row label and column header as printed. */
  row: z.string(),
  col: z.string(),
  /** The figure (null: blank or dash). */
  value: z.nullable(z.number()),
});
export type CellRef = z.infer<typeof CellRefSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const RuleFamilySchema = z.enum([
  'identity', // identities of the fixed tables
  'legacy', // legacy table hierarchies
  'narrative', // the text against the tables
  'crossTable', // one quantity in two tables
  'yearOverYear', // against the agency's previous report
  'timeliness', // the publication deadline
  'form', // missing/image tables, missing rows, blanks, negatives, fractions
]);
export type RuleFamily = z.infer<typeof RuleFamilySchema>;

export const FindingSchema = z.object({
  /** Stable id of the rule, e.g. `t3.row-total`. */
  rule: z.string(),
  family: RuleFamilySchema,
  severity: SeveritySchema,
  message: z.string(),
  messageEn: z.string(),
  /** Cells the finding marks on the page: the contradicted printed figure, or the likely culprit. */
  cells: z.array(CellRefSchema),
  /** The other cells of the arithmetic: listed, not marked. */
  terms: z.array(CellRefSchema),
  expected: z.nullable(z.union([z.number(), z.string()])),
  actual: z.nullable(z.union([z.number(), z.string()])),
  /** The arithmetic with its numbers, e.g. `一 + 二 = 476 + 25 = 501；三(七) + 四 = 467 + 31 = 498；差 3`. */
  arithmetic: z.string(),
  /**
   * The same arithmetic for an English reader: its words in English, the
   * printed labels it quotes as printed. Absent from findings stored by
   * versions before it existed; the UI shows `arithmetic` then.
   */
  arithmeticEn: z.optional(z.string()),
  /** Narrative findings: the sentence. */
  text: z.optional(z.string()),
  /**
   * `expected` is what the marked cell most likely should read: the rule
   * singled it out as the one figure that several broken relations share.
   * Absent where `expected` is only what a sum comes to.
   */
  likely: z.optional(z.literal(true)),
});
export type Finding = z.infer<typeof FindingSchema>;

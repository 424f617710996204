/**
 * What a printed report format is, as data. Each format is one declaration
 * (lib/formats/format-2019.ts, format-2021.ts, legacy.ts) registered in
 * lib/formats/registry.ts; one generic engine reads them: the table readers
 * (lib/tables/map-format.ts, lib/tables/map-legacy.ts) and the checks
 * (lib/checks/identity-rule.ts, lib/checks/form-rule.ts). A new format is a
 * new declaration, not new control flow.
 */

/** Matched against normalised labels (lib/text/normalise.ts normalizeLabel). */
export interface LabelMatcher {
  /** Matched against the innermost label (the row's own label, the column's own header). */
  leaf?: RegExp;
  /** Matched against the whole label path joined with '>' (section, group, own label). */
  path?: RegExp;
  /** The path must not match this. */
  notPath?: RegExp;
}

/** One row, column or column group of a printed table. */
export interface AxisEntry extends LabelMatcher {
  /** Its part of the canonical key; '' for a column that is recognised but carries no key. */
  key: string;
  /** The label the official form prints, to name a row or column a table lacks. */
  label: string;
  /** The column holds a change or an amount, not a count: it may be negative or fractional. */
  notCount?: true;
}

export type FormatTableKind = 't2' | 't3' | 't4';

/** A format's id as the model carries it (Report.identity.template): '2019', '2021', 'legacy'. */
export type FormatId = string;

export interface TableTitle {
  zh: string;
  en: string;
  /** The table's number as a list names it: 表二 / II. */
  numberZh: string;
  numberEn: string;
}

/** A block of the printed table: every row of `rows` carries every column of `cols`. */
export interface CellBlock {
  rows: string[];
  cols: string[];
}

/** One fixed table as a format prints it. */
export interface FormatTable {
  kind: FormatTableKind;
  title: TableTitle;
  /** Each pattern must occur in the table's normalised label text to recognise it. */
  signature: RegExp[];
  /** Row labels, most specific first: the first match wins. Empty: the table has no row labels. */
  rows: AxisEntry[];
  /**
   * Header groups over the columns, most specific first, for a table without
   * row labels (table 四: 行政复议, 行政诉讼 未经复议直接起诉 …). A cell's key is
   * then `<kind>.<group>.<column>`, and the group names the cell's row in messages.
   */
  groups?: AxisEntry[];
  /** Column headers, most specific first. */
  cols: AxisEntry[];
  /** The cells the printed table carries, in printed order. */
  cells: CellBlock[];
}

/** "The stated total equals the sum of its parts." */
export interface SumIdentity {
  rule: string;
  kind: 'sum';
  total: string;
  parts: string[];
  /** Printed names for the message: the line (row or column) the identity runs along. */
  line: string;
  lineEn: string;
}

/** "The left sum equals the right sum" (table 三's printed 勾稽关系). */
export interface BalanceIdentity {
  rule: string;
  kind: 'balance';
  left: string[];
  right: string[];
  line: string;
  lineEn: string;
  /** The two sides as the table's note names them, for the arithmetic: 一 + 二, 三(七) + 四. */
  leftName: string;
  rightName: string;
}

/** An arithmetic identity a format's tables state about themselves. */
export type TableIdentity = SumIdentity | BalanceIdentity;

/** A printed report format: one declaration per format. */
export interface FormatDeclaration {
  id: FormatId;
  /**
   * The first report year of the format's era: reports for this year and
   * later use it, until the era of a format with a later fromYear begins.
   */
  fromYear: number;
  /** The UI's name for the format (public/_locales/{zh_CN,en}/messages.json, components/message-keys.ts). */
  messageKey: string;
  /** The fixed tables the format prints; none for a format whose tables vary (legacy). */
  tables: FormatTable[];
  /** The arithmetic identities its tables state, over their canonical keys. */
  identities: TableIdentity[];
}

/**
 * What the engine matches a table of one kind against: the rows and columns
 * of that table in every registered format (lib/formats/matchers.ts).
 */
export interface FormatTableTemplate {
  kind: FormatTableKind;
  signature: RegExp[];
  /** Row keys, most specific first; the first match wins. Empty: the table has one data row per group of columns. */
  rows: AxisEntry[];
  /** Column keys (group.column where the table has groups), most specific first. */
  cols: AxisEntry[];
  /** Every key some registered format prints in this table; a key outside it names no cell of any form. */
  keys: ReadonlySet<string>;
}

export interface LegacyKeyEntry {
  key: string;
  /** Matched against the row's label with its numbering removed, normalised. */
  label: RegExp;
  /** The row must sit under a row carrying this key (any ancestor). */
  under?: string;
}

/**
 * Declarations of the report formats. A template says which printed labels
 * identify a table and which canonical key each row and column carries; one
 * generic engine (lib/tables/map-format.ts, lib/tables/map-legacy.ts) reads them.
 * A new provincial variant is a new declaration, not new control flow.
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

export interface AxisEntry extends LabelMatcher {
  key: string;
}

export type FormatTableKind = 't2' | 't3' | 't4';
export type FormatId = '2019' | '2021';

export interface FormatTableTemplate {
  kind: FormatTableKind;
  /** Each pattern must occur in the table's normalised label text to recognise it. */
  signature: RegExp[];
  /** Row keys, most specific first; the first match wins. Empty: the table has one data row per group of columns. */
  rows: AxisEntry[];
  /** Column keys, most specific first. */
  cols: AxisEntry[];
  /** Keys each format's printed table carries; a key outside these lists is not emitted. */
  keysByFormat: Record<FormatId, string[]>;
}

export interface LegacyKeyEntry {
  key: string;
  /** Matched against the row's label with its numbering removed, normalised. */
  label: RegExp;
  /** The row must sit under a row carrying this key (any ancestor). */
  under?: string;
}

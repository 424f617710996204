/**
 * What the form rule knows about the formats' history, as data.
 *
 * A row an older format printed as one and a later format splits into
 * several: a report that keeps the single row is in the older layout, but
 * its figures still add up the same (the identities hold with the one row),
 * so a reader needs a note, not a warning (lib/checks/form-rule.ts).
 */
export interface SplitRow {
  /** The table, and the row key of the older format's single row. */
  kind: 't3';
  row: string;
  /** The format that prints it as one row, and the first that splits it. */
  was: string;
  now: string;
  label: string;
  /** How many rows the later format prints instead, and which, as a reader knows them. */
  parts: number;
  partsZh: string;
  partsEn: string;
}

export const SPLIT_ROWS: SplitRow[] = [
  {
    kind: 't3',
    row: 'other',
    was: '2019',
    now: '2021',
    label: '（六）其他处理',
    parts: 3,
    partsZh: '“逾期不补正”“逾期未缴费”“其他”三行',
    partsEn:
      'three rows (no correction in time, fee not paid in time, other), so the reasons cannot be told apart',
  },
];

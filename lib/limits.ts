/**
 * Bounds on what a report may hold. The extraction stays within them (it
 * truncates a runaway text, stops at the last table it may read); the
 * background refuses any message beyond them, so a forged or runaway report
 * never reaches storage.
 */
export const LIMITS = {
  tables: 200,
  cellsPerTable: 60_000,
  /** Characters of one text: a cell, a claim's sentence, the title. */
  textLength: 2_000,
  claims: 2_000,
  findings: 5_000,
} as const;

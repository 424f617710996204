/**
 * Bounds on what a report may hold. The report's zod schema (lib/model/report.ts)
 * carries them, so the background refuses any message beyond them and a
 * forged or runaway report never reaches storage; the extraction stays
 * within the same constants (it cuts every text a page gave it, stops at the
 * last table it may read), so a real page is never refused.
 */
export const LIMITS = {
  tables: 200,
  cellsPerTable: 60_000,
  /** Characters of one text: a cell, a label, a claim's sentence, the title, the agency. */
  textLength: 2_000,
  /** Characters of the page's address: query strings run longer than any printed text. */
  urlLength: 8_000,
  claims: 2_000,
  /** Numbered sections of the narrative kept (一、总体情况 … and the text before the first). */
  sections: 16,
  /**
   * Characters of one section's text (about 6 KB in UTF-8), cut after the last
   * whole sentence that fits: enough to compare a section with last year's,
   * small enough for the history to keep every report it has seen.
   */
  sectionChars: 2_000,
  findings: 5_000,
  /**
   * History records of one portal handed to the column audit page
   * (`portalHistory`): an audit reads at most 200 reports
   * (lib/portal/column-audit.ts), and their other years come with them.
   */
  portalRecords: 600,
} as const;

/**
 * A page's text cut to LIMITS.textLength: a runaway paragraph, cell or title
 * is quoted, not carried whole (and not refused by the background).
 */
export function boundText(text: string): string {
  return text.length > LIMITS.textLength ? `${text.slice(0, LIMITS.textLength - 1)}…` : text;
}

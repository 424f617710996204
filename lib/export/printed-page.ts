/**
 * Where a finding's figures are printed in a report read from a PDF: the
 * PDF's page numbers. A journalist cites a PDF by its address and page (the
 * extension page that showed it is no source), so the memo and the
 * citation name both; a page's report has no pages and is cited as before.
 */
import type { CellRef, Finding, Report } from '../model/report';

/** Whether the report was read from a PDF: its table cells know their pages (lib/pdf/). */
export function isPdfReport(report: Report): boolean {
  return report.tables.some((table) => table.cells.some((cell) => cell.page !== undefined));
}

/** The page a cell is printed on: by its table and slot, else by its key; null when unknown. */
export function printedPageOf(report: Report, ref: CellRef): number | null {
  const table = ref.table === undefined ? undefined : report.tables[ref.table];
  const bySlot = table?.cells.find((cell) => cell.row === ref.r && cell.col === ref.c);
  if (bySlot?.page !== undefined) return bySlot.page;
  if (ref.key === undefined) return null;
  for (const t of report.tables) {
    const byKey = t.cells.find((cell) => cell.key === ref.key);
    if (byKey?.page !== undefined) return byKey.page;
  }
  return null;
}

/** The pages of the cells a finding marks, in order, each once. */
export function findingPages(report: Report, finding: Finding): number[] {
  const pages = new Set<number>();
  for (const ref of finding.cells) {
    const page = printedPageOf(report, ref);
    if (page !== null) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}

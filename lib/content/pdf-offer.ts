/**
 * When the page offers 「检查附件 PDF」 (issue 17): a report whose tables the
 * page could not read — published as images, or not on the page at all, or
 * some of its format's tables missing — may be attached as a PDF that has
 * them. A report whose HTML tables were all read is not offered its PDF: it
 * would only check the same figures twice. The links themselves are
 * lib/page/pdf-links.ts `reportPdfLinks`, read by the analyser only on a page
 * with a report title (never by the content script on every page).
 */
import { formatById } from '../formats/registry';
import type { Report } from '../model/report';

/** Whether some of the report's tables were not read from the page's HTML. */
export function tablesUnread(report: Report): boolean {
  if (report.imageTables > 0 || report.tables.length === 0) return true;
  const { template } = report.identity;
  if (template === 'unknown') return true;
  // A format with fixed tables (2019, 2021) prints each of them; a legacy report's vary.
  const printed = formatById(template)?.tables ?? [];
  const read = new Set(report.tables.map((table) => table.kind));
  return printed.some((table) => !read.has(table.kind));
}

/**
 * The PDFs the page offers to check: all it links on a page whose tables
 * were not read (`report` null: a report title over no report at all),
 * none on a report whose tables were.
 */
export function offeredPdfs(report: Report | null, links: () => string[]): string[] {
  return report === null || tablesUnread(report) ? links() : [];
}

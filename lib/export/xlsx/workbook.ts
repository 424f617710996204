/**
 * The .xlsx export: a summary, each report table as printed (flagged cells
 * filled and annotated), the findings, and the year-over-year comparison when
 * the agency's previous report is known. SpreadsheetML is written here
 * directly; fflate only builds the zip container.
 */
import type { WorkbookWriter } from '../types';
import { insideGrid } from './cell-address';
import { commentsXml, notesVml, vmlBlocksFor } from './comments';
import { findingsSheet } from './findings-sheet';
import { SHEET_NAMES } from './labels';
import { linkRelId, NOTES_DRAWING_REL, type PackagedSheet, packageWorkbook } from './package';
import { SharedStrings } from './shared-strings';
import { linkableUrl, type SheetSpec, sheetXml, usableLinks } from './sheet';
import { tableSheetName, uniqueSheetNames } from './sheet-names';
import { StyleRegistry } from './styles';
import { summarySheet } from './summary-sheet';
import { tableSheet } from './table-sheet';
import { yearOverYearSheet } from './year-over-year-sheet';

export const writeWorkbook: WorkbookWriter = (input) => {
  const { report, findings, previous } = input;
  const tables = report.tables.map((table, i) =>
    tableSheet(table, i, findings, tableSheetName(table, i)),
  );
  const yearOverYear = previous ? [yearOverYearSheet(report, previous)] : [];
  // The sheets' final names first: the findings link to the table sheets by name.
  const names = uniqueSheetNames([
    SHEET_NAMES.summary,
    ...tables.map((spec) => spec.name),
    SHEET_NAMES.findings,
    ...yearOverYear.map((spec) => spec.name),
  ]);
  const tableNames = names.slice(1, 1 + tables.length);
  const specs: SheetSpec[] = [
    summarySheet(input),
    ...tables,
    findingsSheet(findings, (table) => tableNames[table] ?? null),
    ...yearOverYear,
  ].map((spec, i) => ({ ...spec, name: names[i] ?? spec.name }));
  return packageSheets(specs, report.identity.title);
};

/**
 * Sheets, named as they are to be named (unique, Excel's rules: see
 * ./sheet-names.ts), into the bytes of a workbook; the first is the one it
 * opens on. Shared by the report's workbook and the audit's (../audit.ts).
 */
export function packageSheets(specs: readonly SheetSpec[], title: string): Uint8Array {
  const strings = new SharedStrings();
  const styles = new StyleRegistry();
  // VML shape id block 0 is reserved; each drawing takes the blocks after the previous one's.
  let nextBlock = 1;
  const sheets: PackagedSheet[] = specs.map((spec, i) => {
    const notes = spec.notes.filter((note) => insideGrid(note.row, note.col));
    const externalLinks = usableLinks(spec.links).flatMap((link) =>
      'url' in link.target ? [{ url: linkableUrl(link.target.url) ?? '' }] : [],
    );
    const linkRels = externalLinks.map((_, k) => linkRelId(k));
    const xml = sheetXml(spec, {
      strings,
      styles,
      selected: i === 0,
      notesDrawing: notes.length > 0 ? NOTES_DRAWING_REL : null,
      linkRels,
    });
    const name = spec.name;
    const links = externalLinks.map((link, k) => ({ id: linkRels[k] ?? '', url: link.url }));
    if (notes.length === 0) return { name, xml, notes: null, externalLinks: links };
    const vml = notesVml(notes, nextBlock);
    nextBlock += vmlBlocksFor(notes.length);
    return { name, xml, notes: { comments: commentsXml(notes), vml }, externalLinks: links };
  });
  return packageWorkbook({
    sheets,
    styles: styles.xml(),
    sharedStrings: strings.xml(),
    title,
  });
}

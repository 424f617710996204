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
import { NOTES_DRAWING_REL, type PackagedSheet, packageWorkbook } from './package';
import { SharedStrings } from './shared-strings';
import type { SheetSpec } from './sheet';
import { sheetXml } from './sheet';
import { tableSheetName, uniqueSheetNames } from './sheet-names';
import { StyleRegistry } from './styles';
import { summarySheet } from './summary-sheet';
import { tableSheet } from './table-sheet';
import { yearOverYearSheet } from './year-over-year-sheet';

export const writeWorkbook: WorkbookWriter = (input) => {
  const { report, findings, previous } = input;
  const specs: SheetSpec[] = [
    summarySheet(input),
    ...report.tables.map((table, i) => tableSheet(table, i, findings, tableSheetName(table, i))),
    findingsSheet(findings),
    ...(previous ? [yearOverYearSheet(report, previous)] : []),
  ];
  const names = uniqueSheetNames(specs.map((spec) => spec.name));
  const strings = new SharedStrings();
  const styles = new StyleRegistry();
  // VML shape id block 0 is reserved; each drawing takes the blocks after the previous one's.
  let nextBlock = 1;
  const sheets: PackagedSheet[] = specs.map((spec, i) => {
    const notes = spec.notes.filter((note) => insideGrid(note.row, note.col));
    const xml = sheetXml(spec, {
      strings,
      styles,
      selected: i === 0,
      notesDrawing: notes.length > 0 ? NOTES_DRAWING_REL : null,
    });
    if (notes.length === 0) return { name: names[i] ?? spec.name, xml, notes: null };
    const vml = notesVml(notes, nextBlock);
    nextBlock += vmlBlocksFor(notes.length);
    return { name: names[i] ?? spec.name, xml, notes: { comments: commentsXml(notes), vml } };
  });
  return packageWorkbook({
    sheets,
    styles: styles.xml(),
    sharedStrings: strings.xml(),
    title: report.identity.title,
  });
};

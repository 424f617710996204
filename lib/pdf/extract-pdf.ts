/**
 * Reads a PDF report into the same `Report` a page gives (lib/extract.ts):
 * text with positions and drawn borders from pdf.js, the bordered tables
 * rebuilt into grids, then the shared stages — templates, keys, narrative
 * claims, identity. The bytes come in as a Uint8Array: no file system, no
 * network, so the command line, an extension page or the background can
 * call it alike.
 */
import { boundedReport, boundTexts, tablesAndValues, templateOfTables } from '../extract';
import { boundText, LIMITS } from '../model/limits';
import type { Report, ReportIdentity } from '../model/report';
import { claimSteps } from '../narrative/claims';
import { readSections } from '../narrative/sections';
import { isReportTitle } from '../page/detect';
import { agencyFromTitle, bodyKindOf, findYear, templateOfYear } from '../page/report-identity';
import { runSteps } from '../steps';
import { type ReadTable, readTables } from '../tables/read';
import { cleanText, toHalfWidth } from '../text/normalise';
import { type Glyph, glyphsOfItem } from './glyphs';
import { groupLines, type TextLine } from './lines';
import { contentLines, type PageLines, paragraphStarts } from './page-text';
import { continuesTable, joinParts, type PdfGrid } from './pdf-grid';
import { type OpenOptions, openPdf, type PdfTextItem } from './pdfjs';
import { type RuledTable, ruledTablesOfPage } from './ruled-tables';
import { rulingsOf } from './rulings';

/**
 * What a PDF is: a report, a scan without a text layer (unreadable, not
 * judged), a PDF whose text is in fonts that could not be decoded (not
 * judged either: what was read is not what is printed), or something else.
 */
export type PdfKind = 'report' | 'scanned' | 'undecodable' | 'none';

/** Where something starts on the printed page: its page (from 1) and its top (points from the page's top). */
export interface PrintedAt {
  page: number;
  top: number;
}

/**
 * Where the report's text and tables are printed, for showing them in the
 * document's order (lib/pdf-page/render-report.ts). Kept beside the Report,
 * not in it: only the PDF page needs it, and the Report crosses to the
 * background and the exports as it is.
 */
export interface PdfLayout {
  /** The paragraphs of `text`, in order (their texts joined by '\n' are `text`), each where it starts. */
  paragraphs: (PrintedAt & { text: string })[];
  /** Where each of `report.tables` starts (same index): the top of its first part. */
  tables: PrintedAt[];
}

export interface PdfExtraction {
  kind: PdfKind;
  report: Report | null;
  pages: number;
  /** Why a PDF is not read as a report, in a sentence (a scan, no report title). */
  reason: string | null;
  /** The text read outside the tables (the narrative's input); empty unless a report. */
  text: string;
  /** Where the paragraphs of `text` and the report's tables are printed; empty unless a report. */
  layout: PdfLayout;
}

const NO_LAYOUT: PdfLayout = { paragraphs: [], tables: [] };

/** Fewer printed characters than this on every page, with images on them: a scan. */
const SCANNED_MAX_GLYPHS = 20;
/** The lines at the top of the first page the title is looked for in. */
const TITLE_LINES = 6;

interface ReadPage {
  page: number;
  height: number;
  tables: RuledTable[];
  lines: TextLine[];
  glyphs: number;
  images: number;
}

async function readPages(
  bytes: Uint8Array,
  options: OpenOptions,
): Promise<{ pages: ReadPage[]; info: Record<string, unknown>; missingCMaps: string[] }> {
  const { doc, ops, missingCMaps } = await openPdf(bytes, options);
  try {
    const pages: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const glyphs: Glyph[] = content.items.flatMap((item) =>
        typeof (item as PdfTextItem).str === 'string'
          ? glyphsOfItem(item as PdfTextItem, height)
          : [],
      );
      const rulings = rulingsOf(await page.getOperatorList(), ops, height);
      const used = new Set<Glyph>();
      const tables = ruledTablesOfPage(n, rulings, glyphs, used);
      const lines = groupLines(glyphs.filter((g) => !used.has(g)));
      pages.push({ page: n, height, tables, lines, glyphs: glyphs.length, images: rulings.images });
    }
    const info = (await doc.getMetadata()).info;
    return {
      pages,
      info: typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {},
      missingCMaps: [...missingCMaps].sort(),
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * The tables of the document, a table broken over pages as one: a page's
 * first table continues the last table of the page before when nothing but
 * page furniture (a page number, a running footer) stands between them and
 * their outer borders line up.
 */
function tableGroups(pages: ReadPage[], content: Set<TextLine>): RuledTable[][] {
  const groups: RuledTable[][] = [];
  let previousPage: ReadPage | null = null;
  for (const page of pages) {
    for (const [i, table] of page.tables.entries()) {
      const last = groups[groups.length - 1];
      const above = last?.[last.length - 1];
      const continued =
        i === 0 &&
        above !== undefined &&
        previousPage !== null &&
        above.page === previousPage.page &&
        above === previousPage.tables[previousPage.tables.length - 1] &&
        !previousPage.lines.some((l) => content.has(l) && l.top >= above.bottom) &&
        !page.lines.some((l) => content.has(l) && l.bottom <= table.top) &&
        continuesTable(above, table);
      if (continued && last) last.push(table);
      else groups.push([table]);
    }
    previousPage = page;
  }
  return groups;
}

/**
 * Each grid read alone, so that a read table is known by its grid (and its
 * cells by their pages, and the table by where its first part starts).
 */
function readPdfTables(grids: (PdfGrid & { at: PrintedAt })[]): {
  read: ReadTable[];
  at: PrintedAt[];
} {
  const out: ReadTable[] = [];
  const at: PrintedAt[] = [];
  for (const { grid, cellPages, at: start } of grids) {
    for (const read of readTables([grid])) {
      read.table.index = out.length;
      read.table.cells = read.table.cells.map((cell, i) => {
        const page = cellPages[i];
        return page === undefined ? cell : { ...cell, page };
      });
      out.push(read);
      at.push(start);
    }
  }
  return { read: out, at };
}

/**
 * The title: the first lines of the first page in its largest type, up to
 * the line that ends the report's name (报告, 年报) where the body is set in
 * the same type as the title.
 */
function titleOf(lines: TextLine[]): { title: string; lines: Set<TextLine> } {
  const top = lines.slice(0, TITLE_LINES);
  const size = Math.max(0, ...top.map((l) => l.size));
  const titleLines: TextLine[] = [];
  // Smaller lines above it (an index number, 「附件」) are not the title; those after it end it.
  const first = top.findIndex((l) => l.size >= size - 0.5);
  for (const line of top.slice(Math.max(0, first))) {
    if (line.size < size - 0.5) break;
    titleLines.push(line);
    if (/(报告|年报)[)）]?$/.test(cleanText(line.text))) break;
  }
  return { title: cleanText(titleLines.map((l) => l.text).join('')), lines: new Set(titleLines) };
}

const SIGNED_DATE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const PDF_DATE = /^D:((?:19|20)\d{2})(\d{2})(\d{2})/;

const iso = (y: string, m: string, d: string): string =>
  `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/**
 * The publication date: the date a report is signed with (a line of its
 * own after the agency, at the end), else the day the PDF was made (its
 * metadata), which an agency's export precedes publication by little.
 */
function publishedAtOf(lines: TextLine[], info: Record<string, unknown>): string | null {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    const m = toHalfWidth(cleanText(lines[i]?.text ?? '')).match(SIGNED_DATE);
    if (m) return iso(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  }
  const created = typeof info.CreationDate === 'string' ? info.CreationDate.match(PDF_DATE) : null;
  return created ? iso(created[1] ?? '', created[2] ?? '', created[3] ?? '') : null;
}

/** The agency that signs the report: the line above the signed date. */
function signingAgency(lines: TextLine[]): string {
  for (let i = lines.length - 1; i > 0 && i >= lines.length - 8; i--) {
    if (SIGNED_DATE.test(toHalfWidth(cleanText(lines[i]?.text ?? '')))) {
      return cleanText(lines[i - 1]?.text ?? '');
    }
  }
  return '';
}

/** Reads a PDF. Never judges a scan: it says it is one. */
export async function extractPdfReport(
  bytes: Uint8Array,
  url: string,
  options: OpenOptions = {},
): Promise<PdfExtraction> {
  const { pages, info, missingCMaps } = await readPages(bytes, options);
  // Text in a font named by a CMap that could not be loaded reads as nothing: what is left
  // (a title from the metadata, a table's borders without its figures) would pass for a report
  // with its tables missing, or for no report. Neither is judged: the text was not decoded.
  if (missingCMaps.length > 0) {
    return {
      kind: 'undecodable',
      report: null,
      pages: pages.length,
      reason: `text in fonts the PDF does not embed could not be decoded (CMap ${missingCMaps.join(', ')} not available); the figures cannot be read`,
      text: '',
      layout: NO_LAYOUT,
    };
  }
  const glyphs = pages.reduce((n, p) => n + p.glyphs, 0);
  if (glyphs < SCANNED_MAX_GLYPHS * Math.max(1, pages.length) && pages.some((p) => p.images > 0)) {
    return {
      kind: 'scanned',
      report: null,
      pages: pages.length,
      reason: `scanned PDF: ${pages.length} page(s) of images with no text layer; the figures cannot be read`,
      text: '',
      layout: NO_LAYOUT,
    };
  }
  const pageLines: PageLines[] = pages.map(({ page, height, lines }) => ({ page, height, lines }));
  const kept = contentLines(pageLines);
  const lines = kept.map((k) => k.line);
  const content = new Set(lines);
  const firstPage = kept.filter((k) => k.page === 1).map((k) => k.line);
  const fromText = titleOf(firstPage);
  const metaTitle = typeof info.Title === 'string' ? cleanText(info.Title) : '';
  const title =
    isReportTitle(fromText.title) || !isReportTitle(metaTitle) ? fromText.title : metaTitle;
  const grids = tableGroups(pages, content).map((parts) => ({
    ...joinParts(parts),
    at: { page: parts[0]?.page ?? 0, top: parts[0]?.top ?? 0 },
  }));
  const { read, at: tablesAt } = readPdfTables(grids);
  if (!isReportTitle(title) && !read.some((r) => r.template)) {
    return {
      kind: 'none',
      report: null,
      pages: pages.length,
      reason: 'no report title and no report table',
      text: '',
      layout: NO_LAYOUT,
    };
  }

  const body = kept.filter((k) => !fromText.lines.has(k.line));
  const placed = paragraphStarts(body.map((k) => k.line)).map(({ text: said, first }) => ({
    text: said,
    page: body[first]?.page ?? 0,
    top: body[first]?.line.top ?? 0,
  }));
  const text = placed.map((p) => p.text).join('\n');
  const year = findYear(title, text);
  const template = year !== null ? templateOfYear(year) : templateOfTables(read);
  const agency = agencyFromTitle(title) || signingAgency(lines);
  const identity: ReportIdentity = {
    agency,
    year,
    template,
    publishedAt: publishedAtOf(lines, info),
    title: boundText(title),
    bodyKind: bodyKindOf(agency),
  };
  const { tables, values } = tablesAndValues(read, template);
  const claims = boundTexts(runSteps(claimSteps(text, { year })).slice(0, LIMITS.claims));
  // The same sections as a page's, for the checks that read the text (copied year, section 五…).
  const sections = readSections(text);
  const report = boundedReport(url, identity, {
    tables,
    values,
    claims,
    imageTables: 0,
    textLength: text.length,
    ...(sections.length > 0 ? { sections } : {}),
  });
  // As many places as the report keeps tables (tablesAndValues keeps at most LIMITS.tables).
  const layout: PdfLayout = { paragraphs: placed, tables: tablesAt.slice(0, tables.length) };
  return { kind: 'report', report, pages: pages.length, reason: null, text, layout };
}

/**
 * A PDF's report as an HTML document in the extension's PDF page: the title,
 * a link back to the PDF, then the paragraphs and the tables in the order
 * the PDF prints them (page, then height on the page), as a reader of the
 * printed report meets them — 「二、主动公开政府信息情况」 then its table —
 * each table as a `<table>` with the grid's rowspan/colspan under a heading
 * naming its page(s). The same annotation a portal page gets then runs over
 * it (lib/annotate/), given the element of every cell. Text only: the PDF's
 * words are data, never markup.
 */
import type { ExtractedTable, Report } from '../model/report';
import type { PdfExtraction, PrintedAt } from '../pdf/extract-pdf';

export interface RenderLabels {
  /** The link back to the PDF. */
  source: string;
  /**
   * The heading of a table: its kind's title and the pages it is printed on.
   * `sectionAbove` is the numbered section heading (一、…) printed since the
   * table before, if any: when it already names the table, repeating the name
   * (「二、主动公开政府信息情况」 twice within a few lines) reads as a fault.
   */
  tableHeading(table: ExtractedTable, pages: number[], sectionAbove: string | null): string;
}

export interface Rendered {
  /** The article: where the narrative's sentences are looked for. */
  article: HTMLElement;
  /** Source element of each table cell: elements[tableIndex][cellIndex], as lib/extract.ts gives. */
  elements: Element[][];
}

/** The pages a table's cells are printed on, in order. */
export function pagesOf(table: ExtractedTable): number[] {
  const pages = new Set<number>();
  for (const cell of table.cells) if (cell.page !== undefined) pages.add(cell.page);
  return [...pages].sort((a, b) => a - b);
}

function renderTable(
  doc: Document,
  table: ExtractedTable,
): { el: HTMLTableElement; cells: Element[] } {
  const el = doc.createElement('table');
  el.className = 'pdf-table';
  const body = doc.createElement('tbody');
  el.append(body);
  const rows: HTMLTableRowElement[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const row = doc.createElement('tr');
    rows.push(row);
    body.append(row);
  }
  // Cells go into the row of their top-left slot, in column order: the HTML
  // table model then places them where the grid had them.
  const order = table.cells.map((cell, i) => ({ cell, i }));
  order.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  const cells: Element[] = new Array(table.cells.length);
  for (const { cell, i } of order) {
    const td = doc.createElement(cell.header ? 'th' : 'td');
    if (cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
    if (cell.colSpan > 1) td.colSpan = cell.colSpan;
    // Line breaks as printed, as text nodes and <br>: never markup from the PDF.
    cell.text.split('\n').forEach((line, n) => {
      if (n > 0) td.append(doc.createElement('br'));
      td.append(doc.createTextNode(line));
    });
    if (cell.page !== undefined) td.dataset.page = String(cell.page);
    // The cell's index in the report's table: the marks can be told apart from outside (tests).
    td.dataset.cell = String(i);
    rows[cell.row]?.append(td);
    cells[i] = td;
  }
  return { el, cells };
}

/** One thing the article shows, where the PDF prints it. */
type Block =
  | { kind: 'paragraph'; text: string; at: PrintedAt }
  | { kind: 'table'; table: number; at: PrintedAt };

const before = (a: PrintedAt, b: PrintedAt): number => a.page - b.page || a.top - b.top;

/**
 * The paragraphs and tables in the PDF's order. Sorted stably, so text and a
 * table starting at the same height keep the text first; a table whose place
 * is not known goes after the text, never left out.
 */
function documentOrder(
  report: Report,
  layout: PdfExtraction['layout'],
): { placed: Block[]; unplaced: number[] } {
  const placed: Block[] = layout.paragraphs
    .filter((p) => p.text.trim() !== '')
    .map((p) => ({ kind: 'paragraph', text: p.text, at: { page: p.page, top: p.top } }));
  const unplaced: number[] = [];
  report.tables.forEach((_, t) => {
    const at = layout.tables[t];
    if (at) placed.push({ kind: 'table', table: t, at });
    else unplaced.push(t);
  });
  placed.sort((a, b) => before(a.at, b.at));
  return { placed, unplaced };
}

/** A numbered section's heading as reports print it: 「二、主动公开政府信息情况」, short, on its own. */
const SECTION_HEADING = /^[一二三四五六七八九十]、\S{2,30}$/;

/** Fills `root` with the report; returns what the annotation needs. */
export function renderPdfReport(
  root: HTMLElement,
  report: Report,
  body: Pick<PdfExtraction, 'layout'>,
  pdfUrl: string,
  labels: RenderLabels,
): Rendered {
  const doc = root.ownerDocument;
  const article = doc.createElement('article');
  article.className = 'pdf-report';
  const title = doc.createElement('h1');
  title.textContent = report.identity.title;
  const source = doc.createElement('p');
  source.className = 'pdf-source';
  const link = doc.createElement('a');
  link.href = pdfUrl;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = `${labels.source} ${pdfUrl}`;
  source.append(link);
  article.append(title, source);

  // Elements by the report's own table order, whatever order they are shown in.
  const elements: Element[][] = report.tables.map(() => []);
  /** The numbered section heading shown since the last table. */
  let sectionAbove: string | null = null;
  const appendTable = (t: number) => {
    const table = report.tables[t];
    if (!table) return;
    const above = sectionAbove;
    sectionAbove = null;
    const section = doc.createElement('section');
    section.className = 'pdf-table-section';
    section.dataset.table = String(t);
    const heading = doc.createElement('h2');
    heading.textContent = labels.tableHeading(table, pagesOf(table), above);
    const { el, cells } = renderTable(doc, table);
    section.append(heading, el);
    article.append(section);
    elements[t] = cells;
  };
  const { placed, unplaced } = documentOrder(report, body.layout);
  for (const block of placed) {
    if (block.kind === 'table') {
      appendTable(block.table);
      continue;
    }
    const p = doc.createElement('p');
    p.textContent = block.text;
    article.append(p);
    if (SECTION_HEADING.test(block.text)) sectionAbove = block.text;
  }
  unplaced.forEach(appendTable);
  root.append(article);
  return { article, elements };
}

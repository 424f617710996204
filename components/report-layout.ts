/**
 * The boxes the panel must keep clear of (panel-dock.ts): the report's
 * tables and the blocks of its text, read from the page once the marks are
 * on. Only read: boxes, never a write to the page.
 */
import type { Box, Size } from '../lib/annotate/position';

/** The report's own elements the overlay places itself against. */
export interface ReportLayout {
  /** The article that holds the report (lib/extract.ts findContentRoot). */
  articleRoot: Element;
  /** The `<table>` elements the report's figures were read from. */
  tables: readonly Element[];
}

/** Elements whose box is a line of the report's text. */
const TEXT_BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,dd,dt';
/** Enough blocks to know the column; a huge page's thousands of paragraphs say nothing more. */
const MAX_BLOCKS = 600;
/** The page's own small tables (a document's index card, an attachment list) count too. */
const MAX_PAGE_TABLES = 200;

const boxOf = (element: Element): Box => {
  const r = element.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};

/** A `<div>` or `<span>` holding text of its own (portals that break lines with `<br>`). */
const holdsText = (element: Element): boolean =>
  Array.from(element.childNodes).some(
    (node) => node.nodeType === 3 && (node.textContent ?? '').trim() !== '',
  );

export function measureReport(layout: ReportLayout): { content: Box[]; tables: Box[] } {
  const { articleRoot } = layout;
  const inTable = (element: Element) => element.closest('table') !== null;
  const blocks: Element[] = [];
  for (const element of Array.from(articleRoot.querySelectorAll(`${TEXT_BLOCKS},div,font`))) {
    if (blocks.length >= MAX_BLOCKS) break;
    if (inTable(element)) continue;
    const local = element.localName;
    if (local === 'div' || local === 'font' ? holdsText(element) : true) blocks.push(element);
  }
  if (holdsText(articleRoot)) blocks.push(articleRoot);
  return {
    content: (blocks.length > 0 ? blocks : [articleRoot]).map(boxOf),
    tables: measureTables(layout),
  };
}

/**
 * The boxes of the report's tables and of the page's other data tables
 * (those holding no table: a table that holds others is the portal's
 * layout, whose cells hold the whole article).
 */
export function measureTables(layout: ReportLayout): Box[] {
  const tables = new Set(layout.tables);
  const doc = layout.articleRoot.ownerDocument;
  for (const table of Array.from(doc.getElementsByTagName('table'))) {
    if (tables.size >= layout.tables.length + MAX_PAGE_TABLES) break;
    if (!table.getElementsByTagName('table').length) tables.add(table);
  }
  return [...tables].map(boxOf);
}

/** The tables of a report, from its cells' elements (one list per extracted table). */
export function tablesOf(elements: readonly (readonly Element[])[]): Element[] {
  const tables = new Set<Element>();
  for (const cells of elements) {
    for (const cell of cells) {
      const table = cell.closest('table');
      if (table) tables.add(table);
    }
  }
  return [...tables];
}

/** The viewport without its scrollbars (old quirks-mode pages report the document instead). */
export function viewportOf(doc: Document): Size {
  const win = doc.defaultView;
  const width = win?.innerWidth ?? 0;
  const height = win?.innerHeight ?? 0;
  const root = doc.documentElement;
  return {
    width: root.clientWidth > 0 && root.clientWidth <= width ? root.clientWidth : width,
    height: root.clientHeight > 0 && root.clientHeight <= height ? root.clientHeight : height,
  };
}

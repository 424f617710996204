/**
 * Reads a report page into the model: identity, every table with canonical
 * keys, the narrative's claims. The same code runs in the content script and
 * in the command line (jsdom).
 */

import { keysOf } from './formats/format-table';
import { LEGACY_FORMAT } from './formats/legacy';
import { fixedFormatById, formatById, latestFixedFormat, newestOf } from './formats/registry';
import { boundText, LIMITS } from './model/limits';
import type { ExtractedTable, Report, ReportIdentity, TemplateId } from './model/report';
import { claimSteps } from './narrative/claims';
import { readSections } from './narrative/sections';
import { findReportTitle } from './page/detect';
import {
  agencyFromPage,
  agencyFromTitle,
  bodyKindOf,
  findPublishedAt,
  findYear,
  templateOfYear,
} from './page/report-identity';
import { runSteps, type Steps } from './steps';
import { collectTableSteps } from './tables/collect';
import { type ReadTable, readTableSteps } from './tables/read';
import { elementText, shortTextContent } from './text/dom-text';
import { cleanText } from './text/normalise';

/** Article containers of the portal CMSs, most specific first. */
const CONTENT_SELECTORS = [
  '#zoom',
  '.TRS_Editor',
  '.TRS_UEDITOR',
  '#ivs_content',
  '#webeditorview',
  '#UCAP-CONTENT',
  '.Custom_UnionStyle',
  '.pages_content',
  '.article-content',
  '.article_content',
  '.zw',
  '#zw',
  '.content',
  '#content',
  'article',
];
const MIN_ARTICLE_TEXT = 80;

/** All the containers in one selector: one walk of the page, not one per CMS. */
const ANY_CONTENT_SELECTOR = CONTENT_SELECTORS.join(', ');

export function findContentRoot(doc: Document): Element {
  const candidates = Array.from(doc.querySelectorAll(ANY_CONTENT_SELECTOR));
  for (const selector of CONTENT_SELECTORS) {
    for (const el of candidates) {
      if (el.matches(selector) && (el.textContent ?? '').trim().length >= MIN_ARTICLE_TEXT) {
        return el;
      }
    }
  }
  return doc.body ?? doc.documentElement;
}

const TABLE_SECTIONS = /^(二|三|四)\s*[、.．]/;
const ANY_SECTION = /^(一|二|三|四|五|六|七|八|九|十)\s*[、.．]/;
const TINY_IMAGE = 64;
/** The longest heading text countImageTables reads, cleaned. */
const HEADING_CHARS = 60;
/**
 * What it reads of an element before it judges it no heading: a heading's
 * text is a few nodes (Word's nested runs included), and even a heading
 * indented in the markup has far fewer raw characters than this.
 */
const HEADING_RAW_CHARS = 1_000;
const HEADING_NODES = 64;

/** The walker's next element after the current one's subtree (never above its root). */
function nextAfterSubtree(walker: TreeWalker): Node | null {
  do {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  } while (walker.parentNode());
  return null;
}

/**
 * Images standing in for the report's tables: pictures under the sections
 * that should hold tables (二、三、四 of the 2019/2021 formats) or under a
 * 附表/统计表 heading, not icons. `readTables` (statistics tables already
 * read) are passed over: they hold neither such pictures nor section
 * headings, and reading every cell's text again cost more than the rest of
 * the walk.
 */
function countImageTables(root: Element, readTables: ReadonlySet<Element>): number {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  let inTableSection = false;
  let count = 0;
  let node = walker.nextNode();
  while (node) {
    const el = node as Element;
    const tag = el.localName;
    if (readTables.has(el)) {
      node = nextAfterSubtree(walker);
      continue;
    }
    node = walker.nextNode();
    if (tag === 'img') {
      const w = Number(el.getAttribute('width') ?? '999');
      const h = Number(el.getAttribute('height') ?? '999');
      if (inTableSection && !(w < TINY_IMAGE || h < TINY_IMAGE) && !el.closest('a')) count++;
      continue;
    }
    if (tag === 'table' || el.childElementCount > 3) continue;
    // Not textContent: on a deep nest of elements that reads the nest once per level.
    const raw = shortTextContent(el, HEADING_RAW_CHARS, HEADING_NODES);
    if (raw === null) continue;
    const text = cleanText(raw);
    if (text.length === 0 || text.length > HEADING_CHARS) continue;
    if (TABLE_SECTIONS.test(text) || /附表|统计表|情况表/.test(text)) inTableSection = true;
    else if (ANY_SECTION.test(text)) inTableSection = false;
  }
  return count;
}

/**
 * The format a report's tables show, when the year does not say: the newest
 * any table's keys show; a fixed table whose keys tell none is read as the
 * newest format's.
 */
export function templateOfTables(tables: ReadTable[]): TemplateId {
  if (tables.some((t) => t.table.kind === 'legacy')) return LEGACY_FORMAT.id;
  const shown = tables.flatMap((t) => {
    const format = t.format === null ? undefined : formatById(t.format);
    return format ? [format] : [];
  });
  const format =
    newestOf(shown) ?? (tables.some((t) => t.template) ? latestFixedFormat() : undefined);
  return format?.id ?? 'unknown';
}

function missingKeys(read: ReadTable, template: TemplateId): string[] | undefined {
  const format = fixedFormatById(template);
  if (!read.template || !format) return undefined;
  const present = new Set(read.table.cells.map((c) => c.key).filter(Boolean));
  const missing = keysOf(format, read.template.kind).filter((k) => !present.has(k));
  return missing.length > 0 ? missing : undefined;
}

/**
 * The report's tables (each with the keys its template expects and it
 * lacks) and the value of every keyed cell: shared by a page and a PDF
 * (lib/pdf/), whatever the grids were read from.
 */
export function tablesAndValues(
  read: ReadTable[],
  template: TemplateId,
): { tables: ExtractedTable[]; values: Record<string, number | null> } {
  const tables: ExtractedTable[] = read.slice(0, LIMITS.tables).map((r) => {
    const missing = missingKeys(r, template);
    const table = boundTexts(r.table);
    return missing ? { ...table, missingKeys: missing } : table;
  });
  const values: Record<string, number | null> = {};
  for (const table of tables) {
    for (const cell of table.cells) {
      if (!cell.key || cell.unreadable || cell.key in values) continue;
      values[cell.key] = cell.value.kind === 'number' ? cell.value.value : null;
    }
  }
  return { tables, values };
}

/** A report from its parts, its address and identity cut to the model's bounds (a page's or a PDF's). */
export function boundedReport(
  url: string,
  identity: ReportIdentity,
  parts: Omit<Report, 'url' | 'identity'>,
): Report {
  return {
    url: url.length > LIMITS.urlLength ? url.slice(0, LIMITS.urlLength) : url,
    identity: boundTexts(identity),
    ...parts,
  };
}

export interface Extraction {
  report: Report;
  /** Source element of each table cell: elements[tableIndex][cellIndex]. */
  elements: Element[][];
}

/** The most of the page's text the identity is looked for in (agency, publication date). */
const HEAD_TEXT_CHARS = 4000;

/**
 * The extraction, one step per table and per stage (see lib/steps.ts), so
 * that the content script can give the page its turn in between.
 * `reportTitle` is the title detection judged by, when the caller has it;
 * otherwise it is looked for again.
 */
export function* extractionSteps(
  doc: Document,
  url: string,
  reportTitle: string | null = findReportTitle(doc),
): Steps<Extraction> {
  const root = findContentRoot(doc);
  const title = cleanText(reportTitle ?? doc.title);
  const { grids, oversized } = yield* collectTableSteps(root);
  yield;
  const read = yield* readTableSteps(grids);
  yield;
  // The narrative: the article without the tables that were read (layout tables stay).
  const text = elementText(root, { skip: new Set(read.flatMap((r) => r.sources)) });
  const headText = elementText(doc.body ?? doc.documentElement, { maxChars: HEAD_TEXT_CHARS });
  yield;
  const year = findYear(title, text);
  const template = year !== null ? templateOfYear(year) : templateOfTables(read);
  const agency = agencyFromTitle(title) || agencyFromPage(doc, headText);
  const identity: ReportIdentity = {
    agency,
    year,
    template,
    publishedAt: findPublishedAt(doc, headText),
    title,
    bodyKind: bodyKindOf(agency),
  };
  const { tables, values } = tablesAndValues(read, template);
  // The narrative is read in steps too: a long paragraph is as much work as a large table.
  const claims = boundTexts((yield* claimSteps(text, { year })).slice(0, LIMITS.claims));
  yield;
  // Bounded by section as it is read (LIMITS.sectionChars), not by boundTexts' cut.
  const sections = readSections(text);
  const report = boundedReport(url, identity, {
    tables,
    values,
    claims,
    imageTables: countImageTables(
      root,
      new Set(read.filter((r) => r.table.kind !== 'other').flatMap((r) => r.sources)),
    ),
    textLength: text.length,
    ...(sections.length > 0 ? { sections } : {}),
    ...(oversized.length > 0
      ? { oversizedTables: oversized.slice(0, LIMITS.tables).map((table) => table.cells) }
      : {}),
  });
  return { report, elements: read.slice(0, LIMITS.tables).map((r) => r.elements) };
}

/**
 * `value` with every string in it, however deep, cut to LIMITS.textLength:
 * the agency, the title, each cell's text and labels, each legacy row's
 * path, each claim. Walking every string rather than naming fields keeps a
 * text added to the model later within the bound the report's schema
 * enforces, so the background never refuses a real page for it. Objects are
 * copied only where something was cut.
 */
export function boundTexts<T>(value: T): T {
  if (typeof value === 'string') return boundText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const cut = boundTexts(item);
      if (cut !== item) {
        out ??= value.slice();
        out[i] = cut;
      }
    }
    return (out ?? value) as T;
  }
  let out: Record<string, unknown> | null = null;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const cut = boundTexts(item);
    if (cut !== item) {
      out ??= { ...record };
      out[key] = cut;
    }
  }
  return (out ?? value) as T;
}

export function extractReport(
  doc: Document,
  url: string,
  reportTitle: string | null = findReportTitle(doc),
): Extraction {
  return runSteps(extractionSteps(doc, url, reportTitle));
}

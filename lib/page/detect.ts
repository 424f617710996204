/**
 * Is this page an annual disclosure report, a column page listing them, or
 * neither? Runs on every .gov.cn page a journalist opens, so it reads only the
 * title, a few meta tags and headings; the link scan of a listing and the body
 * check of a report run only once a title has made them plausible.
 */
import type { Detection } from '../model/report';
import { normalizeLabel } from '../text/normalise';
import { hasListingWord, hasReportPhrase, isAboutReports, mentionsYear } from './report-title';

/** Evidence in the body that the page reports on disclosure work. */
const BODY_EVIDENCE = /政府信息公开申请|依申请公开|主动公开|行政复议|本年新收/;

const TITLE_META = ['ArticleTitle', 'title', 'og:title', 'Title'];
const COLUMN_META = 'ColumnName';
const HEADING_SELECTOR =
  'h1, h2, .title, .article-title, #title, .con-title, .art_title, .xxgk_title, td.title, .bt';

interface MetaTexts {
  /** The first meta of each TITLE_META name (by `name`, else by `property`), in that order. */
  titles: string[];
  columns: string[];
}

/**
 * One walk over the page's meta elements for everything detection reads from
 * them: a querySelector per name walked the whole document once for each.
 */
function metaTexts(doc: Document): MetaTexts {
  const byName = new Map<string, string>();
  const byProperty = new Map<string, string>();
  const columns: string[] = [];
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i] as Element;
    const name = meta.getAttribute('name');
    const property = meta.getAttribute('property');
    const content = meta.getAttribute('content') ?? '';
    if (name === COLUMN_META) columns.push(content);
    if (name !== null && !byName.has(name)) byName.set(name, content);
    if (property !== null && !byProperty.has(property)) byProperty.set(property, content);
  }
  const titles: string[] = [];
  for (const key of TITLE_META) {
    const content = byName.has(key) ? byName.get(key) : byProperty.get(key);
    if (content) titles.push(content);
  }
  return { titles, columns };
}

/** Portals append the site name: 标题_站点, 标题-站点, 标题--站点, 标题|站点, 标题｜站点, 标题—站点. */
const isTitleSeparator = (code: number): boolean =>
  code === 0x5f || code === 0x7c || code === 0xff5c || code === 0x2014 || code === 0x2d;

/**
 * The document title's segments, trimmed. A loop over code units rather than
 * a split on a pattern (the dearest call of a cold detection) or over
 * one-character strings (one allocation per CJK character).
 */
function titleSegments(title: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= title.length; i++) {
    if (i < title.length && !isTitleSeparator(title.charCodeAt(i))) continue;
    const part = title.slice(start, i).trim();
    if (part) out.push(part);
    start = i + 1;
  }
  return out;
}

function titlesFrom(doc: Document, meta: MetaTexts): string[] {
  return meta.titles.concat(titleSegments(doc.title));
}

/** Title candidates in order of trust: CMS meta, the document title's segments. */
export function titleCandidates(doc: Document): string[] {
  return titlesFrom(doc, metaTexts(doc));
}

function headingTexts(doc: Document): string[] {
  const out: string[] = [];
  const nodes = doc.querySelectorAll(HEADING_SELECTOR);
  for (let i = 0; i < nodes.length && i < 40; i++) {
    const text = nodes[i]?.textContent ?? '';
    if (text.length > 0 && text.length < 120) out.push(text);
  }
  return out;
}

/**
 * The text normalised when it holds the report phrase, else null. Every
 * variant of the phrase has 公, 开 and 报, and normalising never makes a CJK
 * character, so most texts (every link of a portal page) are settled by
 * three searches without a pattern.
 */
function withReportPhrase(text: string): string | null {
  if (!text.includes('报') || !text.includes('公') || !text.includes('开')) return null;
  const normalised = normalizeLabel(text);
  return hasReportPhrase(normalised) ? normalised : null;
}

/** A text already through withReportPhrase: a report's title, not a notice or explainer about one. */
function isReportPhraseTitle(phrased: string | null): boolean {
  return (
    phrased !== null &&
    mentionsYear(phrased) &&
    !isAboutReports(phrased) &&
    !phrased.includes('政府工作报告')
  );
}

export function isReportTitle(title: string): boolean {
  return isReportPhraseTitle(withReportPhrase(title));
}

/** The candidates, each with its phrase-normalised form (null without the phrase), computed once. */
interface Candidate {
  text: string;
  phrased: string | null;
}

function reportTitleAmong(doc: Document, candidates: readonly Candidate[]): string | null {
  const found = candidates.find((c) => isReportPhraseTitle(c.phrased));
  if (found) return found.text;
  // A negative title (an explainer, a notice) settles it: headings would only repeat the report it is about.
  if (candidates.some((c) => c.phrased !== null)) return null;
  return headingTexts(doc).find(isReportTitle) ?? null;
}

const candidatesOf = (texts: string[]): Candidate[] =>
  texts.map((text) => ({ text, phrased: withReportPhrase(text) }));

/** The page's report title, if any candidate is one. */
export function findReportTitle(doc: Document): string | null {
  return reportTitleAmong(doc, candidatesOf(titleCandidates(doc)));
}

const MIN_LISTING_LINKS = 4;
const REPORT_LINKS_REASON = `${MIN_LISTING_LINKS}+ report links`;

/** Whether a link has a report title as its text or its title attribute. */
function isReportLink(link: Element): boolean {
  const text = link.textContent ?? '';
  const title = link.getAttribute('title') ?? '';
  return text.length < 200 && (isReportTitle(text) || (title !== '' && isReportTitle(title)));
}

/** How many links have a report title as text or title, counting to MIN_LISTING_LINKS at most. */
function reportLinkCount(doc: Document): number {
  return reportLinks(doc, MIN_LISTING_LINKS).length;
}

/** The page's links with a report title as text or title, in document order, `max` at most. */
export function reportLinks(doc: Document, max: number): HTMLAnchorElement[] {
  const links = doc.getElementsByTagName('a');
  const found: HTMLAnchorElement[] = [];
  for (let i = 0; i < links.length && found.length < max; i++) {
    const link = links[i];
    if (link && isReportLink(link)) found.push(link);
  }
  return found;
}

/** Whether MIN_LISTING_LINKS links have a report title as text or title (the scan stops there). */
function hasReportLinks(doc: Document): boolean {
  return reportLinkCount(doc) >= MIN_LISTING_LINKS;
}

/** A paragraph of prose: a listing has none, a report has many. */
function hasProse(doc: Document): boolean {
  const blocks = doc.querySelectorAll('p, div, td, span');
  for (let i = 0; i < blocks.length; i++) {
    let own = 0;
    for (let node = blocks[i]?.firstChild ?? null; node !== null; node = node.nextSibling) {
      if (node.nodeType === 3) own += (node.nodeValue ?? '').trim().length;
    }
    if (own > 120) return true;
  }
  return false;
}

/** What detection found, with the report title it judged by (also when the body did not bear it out). */
export interface PageDetection extends Detection {
  title: string | null;
  /**
   * Set on a page that is not a report but whose titles or column name
   * call it a column of reports, when the count of its report links was
   * left to `isListingPage` (kind is then 'none' until that says otherwise).
   */
  listingToConfirm?: true;
}

export interface DetectOptions {
  /**
   * Leave the link scan of a column page to `isListingPage`. Whether a page
   * that is not a report lists reports only matters to the popup, which may
   * never open; the scan is the dearest part of detecting a column page.
   */
  deferListingScan?: boolean;
}

/** Whether a page that detection left with `listingToConfirm` links enough reports to be a listing. */
export function isListingPage(doc: Document): boolean {
  return hasReportLinks(doc);
}

/**
 * What a page detection left with `listingToConfirm` (its titles or column
 * name call it a column of reports) is, once its links are counted: a
 * listing (MIN_LISTING_LINKS report links or more); a column of one to
 * three reports — too few to call it a listing, enough to audit (a
 * department's own column of its three years); or neither.
 */
export function scanColumnPage(doc: Document): 'listing' | 'column' | 'none' {
  const n = reportLinkCount(doc);
  return n >= MIN_LISTING_LINKS ? 'listing' : n > 0 ? 'column' : 'none';
}

export function detectPage(doc: Document, options: DetectOptions = {}): PageDetection {
  const meta = metaTexts(doc);
  const candidates = candidatesOf(titlesFrom(doc, meta));
  const title = reportTitleAmong(doc, candidates);
  if (title) {
    // A report may link a few other years; a page of such links without prose is a listing.
    if (hasReportLinks(doc) && !hasProse(doc)) {
      return { kind: 'listing', reasons: [`title: ${title}`, REPORT_LINKS_REASON], title };
    }
    const body = doc.body?.textContent ?? '';
    if (BODY_EVIDENCE.test(body) || doc.getElementsByTagName('img').length > 0) {
      return { kind: 'report', reasons: [`title: ${title}`], title };
    }
    return { kind: 'none', reasons: [`title without report body: ${title}`], title };
  }
  // A notice or explainer about reports is neither a report nor a column of them.
  if (candidates.some((c) => c.phrased !== null && isAboutReports(c.phrased))) {
    return { kind: 'none', reasons: ['a page about reports'], title: null };
  }
  const texts = candidates.map((c) => c.text);
  if (texts.some(hasListingWord) || meta.columns.some(hasListingWord)) {
    if (options.deferListingScan) {
      return { kind: 'none', reasons: ['listing words'], title: null, listingToConfirm: true };
    }
    if (hasReportLinks(doc))
      return { kind: 'listing', reasons: [REPORT_LINKS_REASON], title: null };
  }
  return { kind: 'none', reasons: [], title: null };
}

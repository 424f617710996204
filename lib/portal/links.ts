/**
 * The links of a portal page that lead to other reports: a 年报 column's
 * report links and its further pages (numbered pagers, TRS's
 * createPageHTML, Hanweb's datastore, year tabs), an article's breadcrumb
 * column and its 上一篇/下一篇. What finding last year's report and auditing
 * a column both walk from.
 *
 * The page is hostile: only http(s) links on the page's own portal are kept
 * (lib/page/portal.ts), every list is bounded, and broken markup yields
 * fewer links, never an exception. It reads the DOM through the few members
 * the browser, jsdom and the command line's lean DOM (scripts/cli/dom) all
 * have: getElementsByTagName, getAttribute, textContent, parentElement and
 * siblings. A Hanweb datastore is XML inside a script's text; it is read by
 * a bounded scanner here, never handed to an HTML parser.
 */
import { isReportTitle } from '../page/detect';
import { portalOfUrl } from '../page/portal';
import { cleanText, toHalfWidth } from '../text/normalise';
import type { PageLinks, PortalLink } from './types';

/**
 * Report links kept from one page. A county's column lists a few dozen
 * reports a year and a city's a few hundred; past this a page is a link farm,
 * and whoever walks it would only spend the portal's patience.
 */
export const MAX_REPORT_LINKS = 500;
/**
 * Further listing pages kept from one page. Columns of 年报 run to a few
 * pages a year (10 to 20 items a page); a pager claiming thousands is not
 * followed past this.
 */
export const MAX_LISTING_PAGES = 50;
/** Anchors looked at on one page: more than any page a person reads; the rest are not read. */
const MAX_ANCHORS = 5000;
/** A link text longer than this is a paragraph around a link, not a title. */
const MAX_LINK_TEXT = 200;
/** Characters of one script read for a pager call or datastore records (a datastore of 500 records is ~150 KB). */
const MAX_SCRIPT_CHARS = 2_000_000;
/** Scripts looked at on one page. */
const MAX_SCRIPTS = 200;
/** Siblings looked at for a date printed beside a link, and ancestors climbed to find them. */
const DATE_SIBLINGS = 4;
const DATE_LEVELS = 2;
/** A breadcrumb is one short line: a container longer than this is not one. */
const MAX_CRUMB_TEXT = 300;

const PREVIOUS_LABELS = ['上一篇', '上一条', '上篇'];
const NEXT_LABELS = ['下一篇', '下一条', '下篇'];
const PAGER_WORDS = [
  '下一页',
  '上一页',
  '尾页',
  '末页',
  '首页',
  '下页',
  '上页',
  '最后一页',
  '第一页',
];
const CRUMB_WORDS = ['当前位置', '您的位置', '您现在的位置', '所在位置', '当前的位置', '现在位置'];
const COLUMN_WORDS = ['年报', '年度报告', '年度'];
const ATTACHMENT_WORDS = /^\s*附件\s*\d*\s*[:：.、]?\s*|\.(pdf|docx?|wps)\s*$/gi;
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const YEAR_TAB = /^(?:19|20)\d{2}\s*年?度?$/;
const ALL_TAB = ['全部', '全部年度', '全部年份'];
const TRS_PAGER =
  /createPageHTML\(\s*(\d{1,9})\s*,\s*(\d{1,9})\s*,\s*["']([\w.-]{1,64})["']\s*,\s*["']([A-Za-z]{2,5})["']\s*\)/;

/** The ISO date in a text, when it holds a valid one. */
function dateIn(text: string): string | null {
  const m = DATE.exec(toHalfWidth(text));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ELLIPSES = ['…', '...', '．．．', '..'];

/**
 * What a link shows a reader: its text, or its title when that is longer or
 * the text was cut (listings cut titles to the column's width and end them
 * with …, so the cut text can be as long as the full title).
 */
function shownText(text: string, title: string): string {
  if (title.length > text.length) return title;
  const cut = ELLIPSES.find((e) => text.endsWith(e));
  return cut && title.startsWith(text.slice(0, -cut.length)) ? title : text;
}

const stripAttachment = (text: string): string => text.replace(ATTACHMENT_WORDS, '').trim();

function stripLabel(text: string): string {
  for (const label of [...PREVIOUS_LABELS, ...NEXT_LABELS]) {
    if (text.startsWith(label)) return text.slice(label.length).replace(/^\s*[:：]\s*/, '');
  }
  return text;
}

/** The file name of an address, decoded, without its extension. */
function fileNameOf(url: URL): string {
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  try {
    return stripAttachment(decodeURIComponent(last).replace(/\.[A-Za-z]{2,5}$/, ''));
  } catch {
    // A file name that is not valid percent-encoding names nothing.
    return '';
  }
}

function isReportLink(text: string, title: string, url: URL): boolean {
  return (
    (text.length <= MAX_LINK_TEXT && isReportTitle(stripAttachment(text))) ||
    (title.length <= MAX_LINK_TEXT && isReportTitle(stripAttachment(title))) ||
    isReportTitle(fileNameOf(url))
  );
}

/** The directory of an address: a column's pages share it. */
const directoryOf = (url: URL): string =>
  `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`;

class Collector {
  readonly reports: PortalLink[] = [];
  readonly listingPages: string[] = [];
  column: PortalLink | null = null;
  previousArticle: PortalLink | null = null;
  nextArticle: PortalLink | null = null;
  private readonly seenReports = new Set<string>();
  private readonly seenPages = new Set<string>();
  private readonly portal: string | null;
  private readonly base: URL | null;
  private readonly page: string;

  constructor(pageUrl: string, baseHref: string | null) {
    this.portal = portalOfUrl(pageUrl);
    let page: URL | null = null;
    try {
      page = new URL(pageUrl);
      page.hash = '';
    } catch {
      // No address, no portal: nothing is kept.
    }
    this.page = page?.href ?? '';
    let base = page;
    if (page && baseHref) {
      try {
        base = new URL(baseHref, page);
      } catch {
        // A broken <base> is ignored, as browsers ignore it.
      }
    }
    this.base = base;
  }

  /** The address an href names, when it is http(s) on the page's portal; without its fragment. */
  resolve(href: string | null): URL | null {
    if (href === null || this.portal === null || this.base === null) return null;
    let url: URL;
    try {
      url = new URL(href.trim(), this.base);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (portalOfUrl(url.href) !== this.portal) return null;
    url.hash = '';
    return url;
  }

  isThisPage(url: URL): boolean {
    return url.href === this.page;
  }

  sameColumn(url: URL): boolean {
    try {
      return directoryOf(url) === directoryOf(new URL(this.page));
    } catch {
      return false;
    }
  }

  addReport(link: PortalLink): void {
    if (this.reports.length >= MAX_REPORT_LINKS || this.seenReports.has(link.url)) return;
    this.seenReports.add(link.url);
    this.reports.push(link);
  }

  reportsFull(): boolean {
    return this.reports.length >= MAX_REPORT_LINKS;
  }

  addListingPage(url: URL): void {
    if (this.isThisPage(url) || this.listingPages.length >= MAX_LISTING_PAGES) return;
    if (this.seenPages.has(url.href)) return;
    this.seenPages.add(url.href);
    this.listingPages.push(url.href);
  }

  result(): PageLinks {
    return {
      reports: this.reports,
      listingPages: this.listingPages,
      column: this.column,
      previousArticle: this.previousArticle,
      nextArticle: this.nextArticle,
    };
  }
}

/** The text right before an element among its siblings (up to a few characters): a 上一篇： label. */
function textBefore(el: Element): string {
  let out = '';
  for (
    let node = el.previousSibling;
    node !== null && out.length < 12;
    node = node.previousSibling
  ) {
    const text = node.nodeType === 3 ? (node.nodeValue ?? '') : (node.textContent ?? '').slice(-20);
    out = text + out;
  }
  return cleanText(out);
}

function labelOf(before: string, text: string): 'previous' | 'next' | null {
  const tail = before.replace(/[\s:：]+$/, '');
  if (PREVIOUS_LABELS.some((l) => tail.endsWith(l) || text.startsWith(l))) return 'previous';
  if (NEXT_LABELS.some((l) => tail.endsWith(l) || text.startsWith(l))) return 'next';
  return null;
}

/** The date printed beside a link: in a sibling of the link, or of its cell or item. */
function dateBeside(anchor: Element): string | null {
  let node: Element | null = anchor;
  for (let level = 0; level < DATE_LEVELS && node !== null; level++) {
    let sibling = node.nextSibling;
    for (let i = 0; i < DATE_SIBLINGS && sibling !== null; i++, sibling = sibling.nextSibling) {
      const date = dateIn((sibling.textContent ?? '').slice(0, 100));
      if (date) return date;
    }
    sibling = node.previousSibling;
    for (let i = 0; i < DATE_SIBLINGS && sibling !== null; i++, sibling = sibling.previousSibling) {
      const date = dateIn((sibling.textContent ?? '').slice(0, 100));
      if (date) return date;
    }
    node = node.parentElement;
  }
  return null;
}

const isPagerText = (text: string): boolean =>
  /^\d{1,4}$/.test(text) || /^\[\d{1,4}\]$/.test(text) || PAGER_WORDS.includes(text);

const isTabText = (text: string): boolean => YEAR_TAB.test(text) || ALL_TAB.includes(text);

/** Whether an element holds year tabs: at least two links named by a year. */
function isTabGroup(parent: Element, cache: Map<Element, boolean>): boolean {
  const known = cache.get(parent);
  if (known !== undefined) return known;
  const anchors = parent.getElementsByTagName('a');
  let years = 0;
  for (let i = 0; i < anchors.length && i < 40 && years < 2; i++) {
    if (YEAR_TAB.test(cleanText(anchors[i]?.textContent ?? ''))) years++;
  }
  cache.set(parent, years >= 2);
  return years >= 2;
}

/** Whether an element is a breadcrumb line: short, and it says where the reader is. */
function isCrumb(el: Element, cache: Map<Element, boolean>): boolean {
  const known = cache.get(el);
  if (known !== undefined) return known;
  let crumb = false;
  if (el.getElementsByTagName('a').length <= 12) {
    const text = el.textContent ?? '';
    crumb = text.length <= MAX_CRUMB_TEXT && CRUMB_WORDS.some((w) => text.includes(w));
  }
  cache.set(el, crumb);
  return crumb;
}

function readAnchor(
  anchor: Element,
  links: Collector,
  caches: { tabs: Map<Element, boolean>; crumbs: Map<Element, boolean> },
  crumb: { container: Element | null },
): void {
  const url = links.resolve(anchor.getAttribute('href'));
  if (!url) return;
  const raw = cleanText((anchor.textContent ?? '').slice(0, MAX_LINK_TEXT * 2));
  const label = labelOf(textBefore(anchor), raw);
  const text = stripLabel(raw);
  const title = cleanText(anchor.getAttribute('title') ?? '');
  const shown: PortalLink = { url: url.href, text: shownText(text, title), date: null };

  if (label === 'previous' && links.previousArticle === null) links.previousArticle = shown;
  if (label === 'next' && links.nextArticle === null) links.nextArticle = shown;

  if (!links.isThisPage(url) && !links.reportsFull() && isReportLink(text, title, url)) {
    links.addReport({ ...shown, date: dateBeside(anchor) });
    return;
  }
  const parent = anchor.parentElement;
  if (parent !== null && crumb.container === null && isCrumb(parent, caches.crumbs)) {
    crumb.container = parent;
  }
  if (parent !== null && parent === crumb.container) {
    if (COLUMN_WORDS.some((w) => text.includes(w))) links.column = shown;
    return;
  }
  if (isPagerText(text) && links.sameColumn(url)) {
    links.addListingPage(url);
  } else if (isTabText(text) && parent !== null && isTabGroup(parent, caches.tabs)) {
    links.addListingPage(url);
  }
}

/** The pages a TRS pager call names: prefix.ext, prefix_1.ext … prefix_{total-1}.ext. */
function readTrsPager(script: string, links: Collector): void {
  const m = TRS_PAGER.exec(script);
  if (!m) return;
  const total = Math.min(Number(m[1]), MAX_LISTING_PAGES + 1);
  for (let i = 0; i < total; i++) {
    const url = links.resolve(i === 0 ? `${m[3]}.${m[4]}` : `${m[3]}_${i}.${m[4]}`);
    if (url) links.addListingPage(url);
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An attribute's value in a tag's source (`href="…"`, `href='…'`, `href=…`). */
function attributeIn(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

const stripTags = (html: string): string => cleanText(decodeEntities(html.replace(/<[^>]*>/g, '')));

/** Where the next `<record>` opens (not `<recordset>`), from `at`. */
function recordStart(xml: string, from: number): number {
  for (let at = xml.indexOf('<record', from); at !== -1; at = xml.indexOf('<record', at + 1)) {
    const next = xml.charAt(at + '<record'.length);
    if (next === '>' || next === ' ' || next === '\n' || next === '\t') return at;
  }
  return -1;
}

/**
 * Hanweb's datastore: `<record><![CDATA[<li><a href=… title=…>…</a><span>date</span></li>]]></record>`.
 * Each record's anchors are read by plain string search, within the record.
 */
function readDatastore(xml: string, links: Collector): void {
  let at = 0;
  while (!links.reportsFull()) {
    const open = recordStart(xml, at);
    if (open === -1) return;
    const close = xml.indexOf('</record>', open);
    if (close === -1) return;
    at = close + '</record>'.length;
    let record = xml.slice(open, close);
    const cdata = record.indexOf('<![CDATA[');
    if (cdata !== -1) {
      const end = record.indexOf(']]>', cdata);
      record = record.slice(cdata + '<![CDATA['.length, end === -1 ? undefined : end);
    }
    readRecord(record, links);
  }
}

function readRecord(record: string, links: Collector): void {
  const lower = record.toLowerCase();
  let at = 0;
  while (!links.reportsFull()) {
    const start = lower.indexOf('<a', at);
    if (start === -1) return;
    const after = lower.charAt(start + 2);
    const tagEnd = lower.indexOf('>', start);
    if (tagEnd === -1) return;
    at = tagEnd + 1;
    if (after !== ' ' && after !== '\t' && after !== '\n' && after !== '\r') continue;
    const end = lower.indexOf('</a>', tagEnd);
    const tag = record.slice(start, tagEnd);
    const text = stripTags(
      record.slice(tagEnd + 1, end === -1 ? undefined : end).slice(0, MAX_LINK_TEXT * 2),
    );
    const url = links.resolve(attributeIn(tag, 'href'));
    if (!url) continue;
    const title = cleanText(attributeIn(tag, 'title') ?? '');
    if (!isReportLink(text, title, url)) continue;
    const rest = stripTags(`${record.slice(0, start)} ${end === -1 ? '' : record.slice(end + 4)}`);
    links.addReport({
      url: url.href,
      text: shownText(text, title),
      date: dateIn(rest.slice(0, 200)),
    });
  }
}

function readScript(script: Element, links: Collector): void {
  const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
  const text = (script.textContent ?? '').slice(0, MAX_SCRIPT_CHARS);
  if (type === 'text/xml') {
    readDatastore(text, links);
  } else if (text.includes('createPageHTML(')) {
    readTrsPager(text, links);
  }
}

/** The links of one portal page that lead to other reports (see ./types.ts). */
export function readPageLinks(doc: Document, pageUrl: string): PageLinks {
  const base = doc.getElementsByTagName('base')[0]?.getAttribute('href') ?? null;
  const links = new Collector(pageUrl, base);
  try {
    const caches = { tabs: new Map<Element, boolean>(), crumbs: new Map<Element, boolean>() };
    const crumb = { container: null as Element | null };
    const nodes = doc.querySelectorAll('a, script');
    let anchors = 0;
    let scripts = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Element;
      if (node.tagName.toLowerCase() === 'script') {
        if (++scripts <= MAX_SCRIPTS) readScript(node, links);
      } else if (++anchors <= MAX_ANCHORS) {
        readAnchor(node, links, caches, crumb);
      }
      if (anchors > MAX_ANCHORS && scripts > MAX_SCRIPTS) break;
    }
  } catch {
    // A DOM that breaks under reading (a detached or half-built tree) gives what was read so far.
  }
  return links.result();
}

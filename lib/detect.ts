/**
 * Is this page an annual disclosure report, a column page listing them, or
 * neither? Runs on every .gov.cn page a journalist opens, so it reads only the
 * title, a few meta tags and headings; the link scan of a listing and the body
 * check of a report run only once a title has made them plausible.
 */
import type { Detection } from './model';
import { normalizeLabel } from './text';

/** The report phrase in its variants: 政府信息公开工作年度报告, 政务公开工作年度报告, 信息公开年报… */
export const REPORT_PHRASE = /(信息公开|政务公开)(工作)?(年度)?(工作)?(报告|年报)/;
const YEAR = /(19|20)\d{2}\s*年|年度/;
/**
 * Pages that carry the phrase but are not a report: notices about compiling
 * reports, training, explainers, the format itself. Kept narrow, because
 * real titles contain words such as 编制 (机构编制委员会办公室).
 */
const NOT_A_REPORT =
  /的通知|通知$|培训|召开|部署|图解|解读|一图|读懂|图说|答记者问|工作会议?$|格式》|报告格式|(做好|开展|完成|推进|规范)[^。]{0,12}(编制|发布|报送)工作|情况通报|评估报告|第三方评估/;
const LISTING_HINT = /年报|年度报告|信息公开|政务公开/;
/** Evidence in the body that the page reports on disclosure work. */
const BODY_EVIDENCE = /政府信息公开申请|依申请公开|主动公开|行政复议|本年新收/;

const TITLE_META = ['ArticleTitle', 'title', 'og:title', 'Title'];
const HEADING_SELECTOR =
  'h1, h2, .title, .article-title, #title, .con-title, .art_title, .xxgk_title, td.title, .bt';

/** Title candidates in order of trust: CMS meta, the document title's segments, visible headings. */
export function titleCandidates(doc: Document): string[] {
  const out: string[] = [];
  for (const name of TITLE_META) {
    const meta =
      doc.querySelector(`meta[name="${name}"]`) ?? doc.querySelector(`meta[property="${name}"]`);
    const content = meta?.getAttribute('content');
    if (content) out.push(content);
  }
  // Portals append the site name: 标题_站点, 标题-站点, 标题--站点, 标题|站点.
  for (const part of doc.title.split(/\s*[_|｜—-]+\s*/)) if (part.trim()) out.push(part);
  return out;
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
 * variant of the phrase ends in 报告 or 年报 and normalising never makes a 报,
 * so most texts (every link of a portal page) are settled by one search.
 */
function withReportPhrase(text: string): string | null {
  if (!text.includes('报')) return null;
  const normalised = normalizeLabel(text);
  return REPORT_PHRASE.test(normalised) ? normalised : null;
}

export function isReportTitle(title: string): boolean {
  const t = withReportPhrase(title);
  return t !== null && YEAR.test(t) && !NOT_A_REPORT.test(t) && !/政府工作报告/.test(t);
}

/** The page's report title, if any candidate is one. */
export function findReportTitle(doc: Document): string | null {
  const cheap = titleCandidates(doc);
  const found = cheap.find(isReportTitle);
  if (found) return found;
  // A negative title (an explainer, a notice) settles it: headings would only repeat the report it is about.
  if (cheap.some((t) => withReportPhrase(t) !== null)) return null;
  return headingTexts(doc).find(isReportTitle) ?? null;
}

function countReportLinks(doc: Document): number {
  const links = doc.getElementsByTagName('a');
  let n = 0;
  for (let i = 0; i < links.length; i++) {
    const text = links[i]?.textContent ?? '';
    const title = links[i]?.getAttribute('title') ?? '';
    if (text.length < 200 && (isReportTitle(text) || (title && isReportTitle(title)))) n++;
  }
  return n;
}

const MIN_LISTING_LINKS = 4;

/** A paragraph of prose: a listing has none, a report has many. */
function hasProse(doc: Document): boolean {
  const blocks = doc.querySelectorAll('p, div, td, span');
  for (let i = 0; i < blocks.length; i++) {
    let own = 0;
    for (const node of Array.from(blocks[i]?.childNodes ?? [])) {
      if (node.nodeType === 3) own += (node.nodeValue ?? '').trim().length;
    }
    if (own > 120) return true;
  }
  return false;
}

export function detectPage(doc: Document): Detection {
  const title = findReportTitle(doc);
  if (title) {
    // A report may link a few other years; a page of such links without prose is a listing.
    const links = countReportLinks(doc);
    if (links >= MIN_LISTING_LINKS && !hasProse(doc)) {
      return { kind: 'listing', reasons: [`title: ${title}`, `${links} report links`] };
    }
    const body = doc.body?.textContent ?? '';
    if (BODY_EVIDENCE.test(body) || doc.getElementsByTagName('img').length > 0) {
      return { kind: 'report', reasons: [`title: ${title}`] };
    }
    return { kind: 'none', reasons: [`title without report body: ${title}`] };
  }
  const hints = titleCandidates(doc).concat(
    Array.from(
      doc.querySelectorAll('meta[name="ColumnName"]'),
      (m) => m.getAttribute('content') ?? '',
    ),
  );
  if (hints.some((h) => LISTING_HINT.test(h))) {
    const links = countReportLinks(doc);
    if (links >= MIN_LISTING_LINKS) return { kind: 'listing', reasons: [`${links} report links`] };
  }
  return { kind: 'none', reasons: [] };
}

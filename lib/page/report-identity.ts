/**
 * Who published the report, for which year, in which format, and when:
 * from the CMS's meta tags, the title, the info line (发布时间/发布日期/成文日期)
 * and the statistics-period sentence.
 */
import { formatOfYear } from '../formats/registry';
import { boundText } from '../model/limits';
import type { ReportIdentity, TemplateId } from '../model/report';
import { cleanText, toHalfWidth } from '../text/normalise';
import { REPORT_PHRASE } from './report-title';

const PUBDATE_META = ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime'];
/** Info-line labels, most trusted first: the publication date beats the date of writing. */
const DATE_LABELS = [
  /(?:发布时间|发布日期|公开日期|发表时间|发布于)/,
  /(?:信息时间|更新时间)/,
  /(?:成文日期|发文日期|生成日期|印发日期)/,
];
const DATE_AFTER = String.raw`\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`;

function isoDate(y: string, m: string, d: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function findPublishedAt(doc: Document, headText: string): string | null {
  for (const name of PUBDATE_META) {
    const content = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
    const m = content && toHalfWidth(content).match(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/);
    if (m) {
      const iso = isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
      if (iso) return iso;
    }
  }
  const text = toHalfWidth(headText);
  for (const label of DATE_LABELS) {
    const m = text.match(new RegExp(label.source + DATE_AFTER));
    if (m) {
      const iso = isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
      if (iso) return iso;
    }
  }
  return null;
}

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
const PERIOD_YEAR =
  /(?:统计|时限|期限|数据)[^。]{0,20}?(?:自|为|从)?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-|－)/;

export function findYear(title: string, text: string): number | null {
  const t = toHalfWidth(title).replace(/\s+/g, '');
  const m = t.match(TITLE_YEAR);
  if (m) return Number(m[1]);
  const p = toHalfWidth(text).match(PERIOD_YEAR);
  if (p) return Number(p[1]);
  const any = toHalfWidth(text).match(/((?:19|20)\d{2})\s*年度/);
  return any ? Number(any[1]) : null;
}

/** Where the agency ends in a title: the report phrase with its optional 政府. */
const AGENCY_END = new RegExp(`(政府)?${REPORT_PHRASE.source}`);

/** The body as the title names it: the title without its year and the report words. */
export function agencyFromTitle(title: string): string {
  let t = cleanText(toHalfWidth(title)).replace(/\s+/g, '');
  t = t.replace(/\((图片版|全文|文字版|附件)\)|（(图片版|全文|文字版)）/g, '');
  const phrase = t.search(AGENCY_END);
  if (phrase >= 0) t = t.slice(0, phrase);
  return t
    .replace(/^关于/, '')
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/年度$/, '')
    .replace(/[的:：《》"“”]+$/g, '')
    .replace(/^[《"“]+/, '')
    .trim();
}

/**
 * The agency and year a report title names, before the page is read: what
 * the background may look up early. The extraction's identity can differ
 * (an agency named only in the page, a year only in the text); the lookup
 * is then simply not used.
 */
export function identityFromTitle(title: string): { agency: string; year: number | null } {
  const cleaned = cleanText(title);
  // Bounded as the prepare message's schema is: a runaway title still prepares.
  return { agency: boundText(agencyFromTitle(cleaned)), year: findYear(cleaned, '') };
}

export function bodyKindOf(agency: string): ReportIdentity['bodyKind'] {
  if (!agency) return 'unknown';
  if (/(乡|镇|街道|街道办事处|街道办|苏木)(人民政府)?$/.test(agency)) return 'township';
  if (/人民政府$/.test(agency)) return 'government';
  if (/(局|委|委员会|办|办公室|厅|中心|署|院|所|站|队|会|部|处|室|馆|台|社)$/.test(agency)) {
    return 'department';
  }
  if (/(省|市|县|区|旗|州|盟)$/.test(agency)) return 'government';
  return 'unknown';
}

/** The format of the report's era: a report without readable tables still has one. */
export function templateOfYear(year: number | null): TemplateId {
  return (year !== null && formatOfYear(year)?.id) || 'unknown';
}

/** The agency when the title does not name it: the CMS's source fields. */
export function agencyFromPage(doc: Document, headText: string): string {
  const meta = doc.querySelector('meta[name="ContentSource"]')?.getAttribute('content');
  if (meta?.trim()) return cleanText(meta);
  const m = toHalfWidth(headText).match(
    /(?:发布机构|信息来源|来源|发文机关)\s*[:：]\s*([^\s:：|]{2,30})/,
  );
  return m ? (m[1] ?? '') : '';
}

/**
 * The annual reports a page attaches or links as PDF (「附件：XX局2023年政府信息
 * 公开工作年度报告.pdf」, a column of 「…年度报告.pdf」): the popup offers
 * 「检查附件 PDF」 on each. Run only when the popup asks (the content script
 * on every page carries it, so it stays a few lines and reads no more than
 * the links), never during detection.
 */
import { isGovCnHost, isGovCnPage } from '../background/sender-policy';
import { isReportTitle } from './detect';

/** The most PDFs a popup offers: a column lists more, and the reader picks among a few. */
export const MAX_PDF_LINKS = 5;
/** A link text longer than this is a paragraph around a link, not a file's name. */
const MAX_LINK_TEXT = 200;

const PDF_PATH = /\.pdf$/i;
/** 「附件：」「附件1.」 before a file's name, and its extension, are not part of the title. */
const ATTACHMENT_WORDS = /^\s*附件\s*\d*\s*[:：.、]?\s*|\.pdf\s*$/gi;

/** The address, normalised, when it is an http(s) address of a .pdf on a .gov.cn host. */
function govCnPdf(href: string): string | null {
  if (!isGovCnPage(href)) return null;
  const url = new URL(href);
  return PDF_PATH.test(url.pathname) ? url.href : null;
}

/**
 * A link's absolute address: the browser's resolution where there is one;
 * a document without it (the command line's DOM, reading a saved or
 * fetched page) resolves the attribute against the document's address.
 */
function addressOf(link: HTMLAnchorElement, doc: Document): string {
  if (typeof link.href === 'string') return link.href;
  const href = link.getAttribute('href');
  if (href === null) return '';
  try {
    return new URL(href.trim(), doc.baseURI || doc.URL).href;
  } catch {
    return '';
  }
}

/**
 * Whether an address names a PDF on a .gov.cn portal by its path (the popup
 * offers 「检查此 PDF」 on it): the browser's viewer runs no content script.
 */
export function isGovCnPdfAddress(url: string | undefined): boolean {
  return url !== undefined && govCnPdf(url) !== null;
}

/**
 * The document's own address when it is a PDF on .gov.cn; else the .gov.cn PDF links whose text, title or file name is a report title, or,
 * on a page whose own title is one (the article of a report published as an
 * attachment), any PDF link; in page order, at most MAX_PDF_LINKS.
 */
export function reportPdfLinks(doc: Document, pageHasReportTitle: boolean): string[] {
  // The document is the PDF itself (Chromium runs the content script in its
  // viewer's document): a download script's address says nothing, the type does.
  if (doc.contentType === 'application/pdf') {
    return isGovCnHost(doc.location?.hostname ?? '') ? [doc.URL] : [];
  }
  const found: string[] = [];
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && found.length < MAX_PDF_LINKS; i++) {
    const link = links[i];
    const pdf = link ? govCnPdf(addressOf(link, doc)) : null;
    if (!link || !pdf || found.includes(pdf)) continue;
    const text = (link.textContent ?? '').slice(0, MAX_LINK_TEXT).replace(ATTACHMENT_WORDS, '');
    const title = (link.getAttribute('title') ?? '').replace(ATTACHMENT_WORDS, '');
    let file = '';
    try {
      file = decodeURIComponent(new URL(pdf).pathname.split('/').pop() ?? '').replace(
        ATTACHMENT_WORDS,
        '',
      );
    } catch {
      // A file name that is not valid percent-encoding names nothing.
    }
    if (pageHasReportTitle || isReportTitle(text) || isReportTitle(title) || isReportTitle(file)) {
      found.push(pdf);
    }
  }
  return found;
}

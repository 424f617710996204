/**
 * A page fetched from the portal, read the way the tab would have read it:
 * the same detection and extraction (or, for a PDF, lib/pdf), so a report
 * found for last year or in a column audit is the report its own page
 * would have given. The document is parsed by the caller (DOMParser in an
 * extension page, the command line's DOM in Node); pdf.js comes in through
 * `readPdf`, loaded only when a PDF is met.
 */
import { extractReport } from '../extract';
import type { Report } from '../model/report';
import { detectPage } from '../page/detect';
import type { PdfExtraction } from '../pdf/extract-pdf';
import type { PageFetch, PageFetchFailure } from './types';

export type PortalPage =
  /** A report; `doc` is kept for its links (上一篇/下一篇, the column) when it came as HTML. */
  | { kind: 'report'; url: string; source: 'html' | 'pdf'; report: Report; doc: Document | null }
  /**
   * A column of reports, or another page: read for its links. `title` is the
   * report title a page without report tables bears (a report published as
   * an attached PDF, lib/page/pdf-links.ts).
   */
  | { kind: 'listing' | 'none'; url: string; doc: Document; title: string | null }
  /** A PDF with no text layer: its figures cannot be read. */
  | { kind: 'scanned'; url: string; reason: string | null }
  /** A PDF that is not a report. */
  | { kind: 'not-report-pdf'; url: string; reason: string | null }
  | { kind: 'failed'; url: string; failure: PageFetchFailure | 'unreadable'; status?: number };

export interface ReadPageDeps {
  /** The page's markup as a Document whose relative links resolve against `url`. */
  parse(html: string, url: string): Document;
  readPdf(bytes: Uint8Array, url: string): Promise<PdfExtraction>;
}

/** What a fetched page is and holds. Never throws: a page that breaks the reader is `unreadable`. */
export async function readPortalPage(fetched: PageFetch, deps: ReadPageDeps): Promise<PortalPage> {
  if (!fetched.ok) {
    return fetched.status === undefined
      ? { kind: 'failed', url: fetched.url, failure: fetched.failure }
      : { kind: 'failed', url: fetched.url, failure: fetched.failure, status: fetched.status };
  }
  const { url } = fetched;
  try {
    if (fetched.kind === 'pdf') {
      const read = await deps.readPdf(fetched.bytes, url);
      if (read.kind === 'report' && read.report) {
        return { kind: 'report', url, source: 'pdf', report: read.report, doc: null };
      }
      return read.kind === 'scanned'
        ? { kind: 'scanned', url, reason: read.reason }
        : { kind: 'not-report-pdf', url, reason: read.reason };
    }
    const doc = deps.parse(fetched.html, url);
    const detection = detectPage(doc);
    if (detection.kind === 'report') {
      const { report } = extractReport(doc, url, detection.title);
      return { kind: 'report', url, source: 'html', report, doc };
    }
    return {
      kind: detection.kind === 'listing' ? 'listing' : 'none',
      url,
      doc,
      title: detection.title,
    };
  } catch {
    return { kind: 'failed', url, failure: 'unreadable' };
  }
}

/**
 * The extension's PDF page, minus its wiring (entrypoints/pdf-report/): fetch
 * the PDF from its portal with progress and a cancel button, read it with
 * lib/pdf (pdf.js, loaded here only), have the background check it and keep
 * it in history (`analysedPdf`), then render it as an HTML document and run
 * the same annotation a portal page gets (marks, cards, panel, exports). A
 * scan, a PDF that is not a report and a failed fetch each say so.
 */
import { type AnnotateInput, annotatePage } from '../annotate/annotate';
import type { PageEvidence, PageUi } from '../content/analyser';
import { exportFromPage, type ShownReport } from '../export/page-export';
import type { ExportFormat, ExportOutcome, WorkbookWriter } from '../export/types';
import type { Checked, NotCheckedReason, Refused } from '../messaging/protocol';
import type { ExtractedTable } from '../model/report';
import type { OpenOptions } from '../pdf/pdfjs';
import { type FetchFailure, fetchPdf, PdfFetchError } from './fetch-pdf';
import { renderPdfReport } from './render-report';

/** The observable contract's marker (lib/content/page-pass.ts REPORT_MARKER), set once annotated. */
const REPORT_MARKER = 'data-ogi-lens';
/** On the page's <html>: what the page came to (tests and users' scripts read it). */
export const PDF_STATE = 'data-ogi-lens-pdf';

/**
 * Performance marks in the page's timeline: the budget (a 5-page PDF
 * checked in 1.5 s) runs from the bytes in hand to the marks on the tables.
 */
export const PDF_MARKS = {
  fetched: 'ogi-lens:pdf:fetched',
  read: 'ogi-lens:pdf:read',
  annotated: 'ogi-lens:pdf:annotated',
};

const markAt = (doc: Document, name: string) => doc.defaultView?.performance?.mark?.(name);

export type PdfPageKey =
  | 'pdfFetching'
  | 'pdfProgress'
  | 'pdfReading'
  | 'pdfChecking'
  | 'pdfCancel'
  | 'pdfCancelled'
  | 'pdfSource'
  | 'pdfTablePages'
  | 'pdfTablePagesOnly'
  | 'pdfScanned'
  | 'pdfUndecodable'
  | 'pdfNotReport'
  | 'pdfFetchFailed'
  | 'pdfFailStatus'
  | 'pdfFailTooLarge'
  | 'pdfFailNotPdf'
  | 'pdfFailNotGovCn'
  | 'pdfFailNetwork'
  | 'pdfReadFailed'
  | 'pdfNoAddress';

export interface PdfPageDeps {
  doc: Document;
  /** Where the page's own UI goes (status, progress, the report). */
  root: HTMLElement;
  /** The PDF's address, from the page's query string. */
  pdfUrl: string | null;
  fetch: typeof fetch;
  /** The page's strings; `tableName` names a table's kind as the popup does. */
  t(key: PdfPageKey, ...subs: string[]): string;
  tableName(kind: ExtractedTable['kind']): string;
  /** Reads the PDF (lib/pdf/extract-pdf.ts, imported lazily by the caller). */
  extract: typeof import('../pdf/extract-pdf').extractPdfReport;
  openOptions?: OpenOptions;
  /** The `analysedPdf` message to the background. */
  check(report: ShownReport['report'], url: string): Promise<Checked | Refused>;
  ui: PageUi;
  loadWorkbookWriter(): Promise<WorkbookWriter>;
  capture(): Promise<string>;
  log(what: string, error: unknown): void;
}

const MB = 1024 * 1024;
const KB = 1024;
/** How much has come, as the status says it: KB below a megabyte (a 200 KB report never reads 「0.0 MB」). */
export const sizeText = (bytes: number): string =>
  bytes < MB ? `${Math.round(bytes / KB)} KB` : `${(bytes / MB).toFixed(1)} MB`;

function failureText(deps: PdfPageDeps, failure: FetchFailure): string {
  const { t } = deps;
  switch (failure.reason) {
    case 'cancelled':
      return t('pdfCancelled');
    case 'status':
      return t('pdfFetchFailed', t('pdfFailStatus', String(failure.status)));
    case 'tooLarge':
      return t('pdfFetchFailed', t('pdfFailTooLarge'));
    case 'notPdf':
      return t('pdfFetchFailed', t('pdfFailNotPdf', failure.contentType || '?'));
    case 'notGovCn':
      return t('pdfFetchFailed', t('pdfFailNotGovCn'));
    case 'network':
      return t('pdfFetchFailed', t('pdfFailNetwork', failure.detail));
  }
}

export async function runPdfPage(deps: PdfPageDeps): Promise<void> {
  const { doc, root, t } = deps;
  const html = doc.documentElement;
  const status = doc.createElement('p');
  status.className = 'pdf-status';
  status.setAttribute('role', 'status');
  const progress = doc.createElement('progress');
  progress.className = 'pdf-progress';
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.dataset.action = 'cancel';
  cancel.textContent = t('pdfCancel');
  root.append(status, progress, cancel);
  const say = (state: string, text: string) => {
    html.setAttribute(PDF_STATE, state);
    status.textContent = text;
  };
  const settle = (state: string, text: string) => {
    say(state, text);
    progress.remove();
    cancel.remove();
  };

  const url = deps.pdfUrl;
  if (!url) return settle('error', t('pdfNoAddress'));

  const controller = new AbortController();
  cancel.addEventListener('click', (event) => {
    if (event.isTrusted) controller.abort();
  });

  say('fetching', t('pdfFetching'));
  let bytes: Uint8Array;
  try {
    bytes = await fetchPdf(url, {
      fetch: deps.fetch,
      signal: controller.signal,
      onProgress: (received, total) => {
        if (total !== null) {
          progress.max = total;
          progress.value = received;
        }
        status.textContent = `${t('pdfFetching')} ${t('pdfProgress', sizeText(received))}`;
      },
    });
  } catch (error) {
    if (error instanceof PdfFetchError) {
      return settle(
        error.failure.reason === 'cancelled' ? 'cancelled' : 'error',
        failureText(deps, error.failure),
      );
    }
    throw error;
  }

  markAt(doc, PDF_MARKS.fetched);
  cancel.remove();
  progress.removeAttribute('value');
  say('reading', t('pdfReading'));
  let extraction: Awaited<ReturnType<PdfPageDeps['extract']>>;
  try {
    extraction = await deps.extract(bytes, url, deps.openOptions);
  } catch (error) {
    deps.log('the PDF could not be read', error);
    return settle(
      'error',
      t('pdfReadFailed', error instanceof Error ? error.message : String(error)),
    );
  }
  markAt(doc, PDF_MARKS.read);
  if (extraction.kind === 'scanned')
    return settle('scanned', t('pdfScanned', String(extraction.pages)));
  if (extraction.kind === 'undecodable') return settle('undecodable', t('pdfUndecodable'));
  if (extraction.kind === 'none' || !extraction.report) return settle('none', t('pdfNotReport'));
  const { report } = extraction;
  doc.title = report.identity.title || doc.title;

  say('checking', t('pdfChecking'));
  deps.ui.load();
  let checked: Checked | null = null;
  let unchecked: NotCheckedReason | null = null;
  try {
    const answer = await deps.check(report, url);
    if ('refused' in answer) unchecked = answer.refused;
    else checked = answer;
  } catch (error) {
    // Shown unchecked, as a portal page is when the background does not answer.
    deps.log('the background did not check the PDF', error);
    unchecked = 'noAnswer';
  }

  const { article, elements } = renderPdfReport(root, report, extraction, url, {
    source: t('pdfSource'),
    tableHeading: (table, pages, sectionAbove) => {
      const name = table.title || deps.tableName(table.kind);
      const pageList = pages.join('、') || '?';
      const compact = (text: string) => text.replace(/\s+/g, '');
      return sectionAbove !== null && compact(sectionAbove) === compact(name)
        ? t('pdfTablePagesOnly', pageList)
        : t('pdfTablePages', name, pageList);
    },
  });
  settle('report', '');
  status.remove();

  const findings = checked?.findings ?? [];
  const shown: ShownReport = {
    report,
    findings,
    previous: checked?.previous ?? null,
    retrievedAt: new Date().toISOString(),
  };
  const input: AnnotateInput = {
    doc,
    report,
    elements,
    findings,
    previous: shown.previous,
    unchecked,
    pruned: checked?.pruned ?? 0,
    historyUnavailable: checked?.historyUnavailable === true,
    articleRoot: article,
  };
  const exportReport = (format: ExportFormat): Promise<ExportOutcome> =>
    exportFromPage(doc, format, shown, {
      loadWorkbookWriter: deps.loadWorkbookWriter,
      // The PDF's text, hashed as the command line hashes it: not this page's rendering of it.
      text: () => extraction.text,
    });
  const evidence: PageEvidence = {
    retrievedAt: () => shown.retrievedAt,
    save: async (element, number, refused) => {
      const { saveEvidence } = await import('../export/evidence');
      return saveEvidence(
        doc,
        { report, element, number },
        {
          capture: () =>
            deps.capture().catch(() => {
              throw new Error(refused);
            }),
        },
      );
    },
  };
  try {
    await deps.ui.show(annotatePage(input), input, exportReport, evidence);
  } catch (error) {
    deps.log('annotation failed', error);
  }
  html.setAttribute(REPORT_MARKER, 'report');
  markAt(doc, PDF_MARKS.annotated);
}

/**
 * The analyser, minus its wiring: the pass over a report page once it has
 * settled, what the page is (for the popup's `getPageState`) and the export
 * both the popup and the panel ask for. The background injects it into the
 * content script's isolated world on a page the content script's detection
 * took for a report (./detector.ts), which hands it its detection; the
 * browser's messaging and the in-page UI (components/page-ui.ts) are passed
 * in by entrypoints/analyser.ts, so the whole of it runs in jsdom with
 * stand-ins.
 */
import { type AnnotateInput, type Annotation, annotatePage } from '../annotate/annotate';
import { saveEvidence } from '../export/evidence';
import { exportFromPage, type ShownReport } from '../export/page-export';
import type { ExportFormat, ExportOutcome, WorkbookWriter } from '../export/types';
import { publishedWorkbookWriter } from '../export/writer-slot';
import { findContentRoot } from '../extract';
import { AnswerError, type Asker, createReceiver } from '../messaging/channel';
import type { PageState, Prepared } from '../messaging/protocol';
import type { Report } from '../model/report';
import { reportPdfLinks } from '../page/pdf-links';
import type { AnalyserHandoff } from './analyser-slot';
import { deferredListingCheck, deferredPdfLinks } from './listing-check';
import { type PageDeps, runPagePass } from './page-pass';
import { offeredPdfs } from './pdf-offer';
import { createPreviousYearFlow, type PreviousYearView } from './previous-year';

/** The in-page UI: its strings and settings, and the overlay. */
export interface PageUi {
  /**
   * Starts reading the panel's strings and settings, once: from the answer
   * to `prepare` when given (the background reads them while the page
   * extracts), else from storage and the background.
   */
  load(prepared?: Promise<Prepared>): void;
  /** The export's answer before the page has been analysed, in the panel's language. */
  notReadyMessage(): Promise<string>;
  /**
   * Mounts the overlay of an annotated page (in place of the one shown, when
   * the page is re-annotated); `onExport` is the panel's export button.
   */
  show(
    annotation: Annotation,
    input: AnnotateInput,
    onExport: (format: ExportFormat) => Promise<ExportOutcome>,
    evidence?: PageEvidence,
    pdfOffer?: PdfOffer,
    previousYear?: PreviousYearView,
  ): Promise<void>;
  /**
   * The bar of a page with a report title but no report, which attaches the
   * report as PDF: shown until withdrawn or dismissed by the reader.
   */
  offerPdfs(doc: Document, articleRoot: Element, offer: PdfOffer): Promise<void>;
  /** Takes the bar away (the report's tables arrived after all: the panel takes over). */
  withdrawPdfs(): void;
}

/**
 * 「检查附件 PDF」: the report PDFs the page links (lib/page/pdf-links.ts,
 * at most MAX_PDF_LINKS) and the way to open the extension's PDF page on
 * one, which the background does (message `openPdfReport`).
 */
export interface PdfOffer {
  urls: readonly string[];
  /** Resolves once the PDF page is open; rejects with the reason when it was refused or failed. */
  open(url: string): Promise<void>;
}

/** What the findings' own buttons need from the page (components/FindingActions.tsx). */
export interface PageEvidence {
  /** When the page was read, ISO 8601: the time a citation gives. */
  retrievedAt(): string;
  /**
   * Saves a PNG of the table holding `element`, finding `number` (1-based) in
   * its name; `refused` is the failure's words when the browser refuses the capture.
   */
  save(element: Element, number: number, refused: string): Promise<ExportOutcome>;
}

export interface AnalyserDeps {
  /** The frame the script runs in: its document and address. */
  window: Pick<Window, 'document' | 'location'>;
  /** Asks the background (`runtime.sendMessage` through lib/messaging/channel.ts). */
  ask: Asker<'contentScript', 'background'>;
  ui: PageUi;
  log(what: string, error: unknown): void;
  /** Stand-ins for the pass's pacing and waits, for tests. */
  pass?: Pick<PageDeps, 'pause' | 'timings'>;
}

export interface Analyser {
  /** Answers the popup's requests (the content script's listener hands them on). */
  receive(message: unknown): Promise<unknown> | undefined;
  /** Resolves once the page has been dealt with (analysed, judged not a report, or failed). */
  done: Promise<void>;
}

/** Starts the pass at once: the content script has waited for the page to settle. */
export function startAnalyser(deps: AnalyserDeps, handoff: AnalyserHandoff): Analyser {
  const { ask, ui, log } = deps;
  const doc = deps.window.document;
  let state: PageState = { kind: 'pending' };
  let shown: ShownReport | null = null;
  /** The link count of a page that may list reports, run when the popup first asks. */
  const listing = deferredListingCheck(log);

  /** The report PDFs the page links, read once: by the bar or the panel, or when the popup asks. */
  let linked: string[] | null = null;
  const linkedPdfs = (): string[] => {
    linked ??= reportPdfLinks(doc, handoff.detection.title !== null);
    return linked;
  };
  /** The PDF reports a page without tables attaches (a report published as a PDF), when the popup asks. */
  const pdfLinks = deferredPdfLinks(linkedPdfs, log);

  /**
   * 「检查附件 PDF」 on this page: for a page with a report title whose
   * report (null: none at all) has tables the page could not read, when it
   * links report PDFs (./pdf-offer.ts).
   */
  const pdfOffer = (report: Report | null): PdfOffer | undefined => {
    if (handoff.detection.title === null) return undefined;
    let urls: string[] = [];
    try {
      urls = offeredPdfs(report, linkedPdfs);
    } catch (error) {
      log('could not read the PDF links', error);
    }
    if (urls.length === 0) return undefined;
    return {
      urls,
      open: (url) => ask('openPdfReport', { url }).then(() => undefined),
    };
  };
  /** The bar is offered once per page, when the pass first finds a report title over no report. */
  let barOffered = false;
  const offerBar = () => {
    if (barOffered) return;
    barOffered = true;
    const offer = pdfOffer(null);
    if (!offer) return;
    ui.offerPdfs(doc, findContentRoot(doc), offer).catch((error: unknown) =>
      log('could not show the PDF bar', error),
    );
  };

  const currentState = (): PageState => {
    state = pdfLinks.apply(listing.apply(state));
    return state;
  };

  /** The writer is injected by the background into this isolated world on the first workbook export. */
  const loadWorkbookWriter = async (): Promise<WorkbookWriter> => {
    const loaded = publishedWorkbookWriter();
    if (loaded) return loaded;
    try {
      await ask('loadWorkbookWriter');
    } catch (error) {
      // Whether the writer arrived is what counts, not how the background put it.
      if (!(error instanceof AnswerError)) throw error;
    }
    const writer = publishedWorkbookWriter();
    if (!writer) throw new Error('The workbook writer could not be loaded.');
    return writer;
  };

  const exportReport = async (format: ExportFormat): Promise<ExportOutcome> => {
    if (!shown) return { ok: false, message: await ui.notReadyMessage() };
    return exportFromPage(doc, format, shown, { loadWorkbookWriter });
  };

  const evidence: PageEvidence = {
    retrievedAt: () => shown?.retrievedAt ?? new Date().toISOString(),
    save: async (element, number, refused) => {
      if (!shown) return { ok: false, message: await ui.notReadyMessage() };
      return saveEvidence(
        doc,
        { report: shown.report, element, number },
        {
          capture: () =>
            ask('captureTab').then(
              (answer) => answer.dataUrl,
              () => {
                throw new Error(refused);
              },
            ),
        },
      );
    },
  };

  /** The page as last annotated: re-annotated when last year's report is found on the portal. */
  let annotated: { annotation: Annotation; input: AnnotateInput } | null = null;
  /** The background said last year's report may be looked for on the portal. */
  let mayFindPrevious = false;
  const previousYear = createPreviousYearFlow({
    doc,
    url: deps.window.location.href,
    ask,
    log,
    onChecked: (checked) => {
      if (!annotated) return;
      const { annotation, input } = annotated;
      annotation.unmark();
      const next: AnnotateInput = {
        ...input,
        findings: checked.findings,
        previous: checked.previous,
      };
      const again = annotatePage(next);
      annotated = { annotation: again, input: next };
      if (state.kind === 'report') {
        state = { ...state, findings: checked.findings, previous: checked.previous };
      }
      if (shown) shown = { ...shown, findings: checked.findings, previous: checked.previous };
      ui.show(again, next, exportReport, evidence, pdfOffer(next.report), previousYear).catch(
        (error: unknown) => log('could not show the year-over-year findings', error),
      );
    },
  });

  // Only the extension's own contexts can message a content script, so the
  // sender is not checked here; the requests are still parsed.
  const receive = createReceiver<'contentScript', unknown>({
    to: 'contentScript',
    handlers: {
      getPageState: () => Promise.resolve(currentState()),
      exportReport: (request) => exportReport(request.format),
      previousYearProgress: (request) => {
        previousYear.progress(request.progress);
        return Promise.resolve({ noted: true });
      },
    },
  });

  // Whatever the page holds, the extension must not throw into it.
  const pass = () =>
    runPagePass(doc, deps.window.location.href, {
      ...deps.pass,
      detection: handoff.detection,
      startedAt: handoff.settledAt,
      check: (report) => {
        const answer = ask('analysed', { report });
        ui.load();
        return answer.then((checked) => {
          mayFindPrevious = 'mayFindPrevious' in checked && checked.mayFindPrevious === true;
          return checked;
        });
      },
      prepare: (hint) => {
        const answer = ask('prepare', hint);
        answer.catch((error: unknown) => log('could not prepare the background', error));
        // Only a report page needs settings and strings: from its detection on,
        // so that they are there when the background answers.
        ui.load(answer);
      },
      deferListing: (scan) => {
        listing.defer(scan);
      },
      setState: (next) => {
        listing.defer(null);
        state = next;
        // A report title over no report (yet): its PDF is offered at once, not after the late tables' wait.
        if (next.kind === 'none' && handoff.detection.title !== null) offerBar();
        if (next.kind === 'report') {
          ui.withdrawPdfs();
          const { report, findings, previous } = next;
          const retrievedAt =
            shown?.report === report ? shown.retrievedAt : new Date().toISOString();
          shown = { report, findings, previous, retrievedAt };
          // The popup's citations give the time the page was read, as the panel's do.
          state = { ...next, retrievedAt };
        }
      },
      onError: (error) => log('annotation failed', error),
      showOverlay: (annotation, input) => {
        annotated = { annotation, input };
        const shownNow = ui.show(
          annotation,
          input,
          exportReport,
          evidence,
          pdfOffer(input.report),
          mayFindPrevious ? previousYear : undefined,
        );
        // Last year's report is looked for once the page shows its own findings.
        if (mayFindPrevious) previousYear.start(input.report);
        return shownNow;
      },
    });
  const done = Promise.resolve()
    .then(pass)
    .catch((error: unknown) => {
      state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      log('analysis failed', error);
    });
  return { receive: (message) => receive(message, undefined), done };
}

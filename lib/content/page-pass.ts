/**
 * One pass over a page, as the content script runs it: detect, extract (after
 * waiting for late tables when the page has none yet), ask the background for
 * the checks, annotate, and only then set the marker. Browser APIs and the UI
 * are passed in, so the flow runs in jsdom with stand-ins.
 */

import { type AnnotateInput, type Annotation, annotatePage } from '../annotate/annotate';
import { isOwnNode } from '../annotate/own-nodes';
import { type Extraction, extractionSteps, findContentRoot } from '../extract';
import type { Checked, NotCheckedReason, PageState, Refused } from '../messaging/protocol';
import type { PreviousSummary } from '../model/history';
import type { Finding } from '../model/report';
import { detectPage, type PageDetection, scanColumnPage } from '../page/detect';
import { identityFromTitle } from '../page/report-identity';
import { pacer, runStepsWithPauses } from '../steps';
import { watchForLateTables } from './late-tables';
import { mark } from './marks';

/** The observable contract: set on <html> once a report has been analysed and annotated. */
export const REPORT_MARKER = 'data-ogi-lens';

export const TIMINGS = {
  /** The background has this long to answer before the page is annotated without findings. */
  answerMs: 5_000,
  /** Late tables are waited for this long at most (single-page portals load within seconds). */
  lateWindowMs: 10_000,
  /** Tables arrive in pieces; analysis waits for this much quiet. */
  quietMs: 300,
};

export interface PageDeps {
  /**
   * What the content script's detection found, before the page settled and
   * the analyser was injected; detected here when absent.
   */
  detection?: PageDetection;
  /**
   * When the pass could start (the page's clock): the moment the page
   * settled, so that a wait for the analyser after that counts in the pass.
   * Now when absent.
   */
  startedAt?: number;
  /**
   * Sends the report to the background; resolves with its answer, parsed
   * (lib/messaging/channel.ts), and rejects when there is none in shape.
   */
  check(report: Extraction['report']): Promise<Checked | Refused>;
  /**
   * Tells the background, before extracting, the agency and year the title
   * names, so that it reads what the answer needs meanwhile. Fire and forget.
   */
  prepare?(hint: { agency: string; year: number | null }): void;
  /** Renders the overlay for an annotated page; the marker waits for it. */
  showOverlay(annotation: Annotation, input: AnnotateInput): Promise<void> | void;
  /** Receives every state change, for the popup's `getPageState`. */
  setState(state: PageState): void;
  /**
   * Takes the link count of a page that may be a column of reports, to run
   * when the popup asks (the page is 'none' until then). Without it the
   * links are counted during detection.
   */
  deferListing?(scan: () => 'listing' | 'column' | 'none'): void;
  /** Told about an annotation that failed (the page stays analysed, unannotated). */
  onError?(error: unknown): void;
  /** Gives the page its turn between two steps of the extraction (by default lib/steps.ts pacer). */
  pause?(): Promise<void>;
  timings?: Partial<typeof TIMINGS>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

async function askForFindings(
  deps: PageDeps,
  report: Extraction['report'],
  ms: number,
): Promise<{
  findings: Finding[];
  previous: PreviousSummary | null;
  pruned: number;
  historyUnavailable: boolean;
  unchecked: NotCheckedReason | null;
}> {
  // A throw (an extension context gone after an update, an answer out of
  // shape) is no answer, like a silence.
  const answer = await withTimeout(
    Promise.resolve().then(() => deps.check(report)),
    ms,
  );
  if (answer !== null && !('refused' in answer)) {
    return {
      ...answer,
      pruned: answer.pruned ?? 0,
      historyUnavailable: answer.historyUnavailable === true,
      unchecked: null,
    };
  }
  return {
    findings: [],
    previous: null,
    pruned: 0,
    historyUnavailable: false,
    unchecked: answer?.refused ?? 'noAnswer',
  };
}

const hasNoTables = (extraction: Extraction): boolean =>
  extraction.report.tables.length === 0 && extraction.report.imageTables === 0;

/**
 * Names of the performance marks around each extraction, in the page's
 * timeline: the benchmark reads them, and the tests see that the page ran in
 * between the steps.
 */
export const EXTRACT_MARKS = { start: 'ogi-lens:extract:start', end: 'ogi-lens:extract:end' };

/**
 * Around the pass over a report (detection has its own marks, taken by the
 * content script on every page: ./marks.ts).
 */
export const PASS_MARKS = {
  start: 'ogi-lens:analyse:start',
  /** The background's answer arrived (or the wait for it ended). */
  answered: 'ogi-lens:check:end',
  annotated: 'ogi-lens:annotate:end',
};

async function extractInSteps(
  doc: Document,
  url: string,
  title: string | null,
  deps: PageDeps,
): Promise<Extraction> {
  mark(doc, EXTRACT_MARKS.start);
  try {
    return await runStepsWithPauses(extractionSteps(doc, url, title), deps.pause ?? pacer());
  } finally {
    mark(doc, EXTRACT_MARKS.end);
  }
}

/** Resolves once the page has been dealt with (analysed, or judged not a report). */
export async function runPagePass(doc: Document, url: string, deps: PageDeps): Promise<void> {
  const timings = { ...TIMINGS, ...deps.timings };
  mark(doc, PASS_MARKS.start, deps.startedAt);
  const detectOptions = { deferListingScan: deps.deferListing !== undefined };
  let detection = deps.detection ?? detectPage(doc, detectOptions);
  if (detection.kind === 'report' && detection.title !== null) {
    deps.prepare?.(identityFromTitle(detection.title));
  }
  let extraction: Extraction | null =
    detection.kind === 'report' ? await extractInSteps(doc, url, detection.title, deps) : null;

  // A report without tables yet, or a report title over a body still loading:
  // a single-page portal may be about to insert them.
  // Legacy reports were often narrative only: no portal of that era loads tables late.
  const mayBeLoading =
    (extraction !== null &&
      hasNoTables(extraction) &&
      extraction.report.identity.template !== 'legacy') ||
    (detection.kind === 'none' && detection.title !== null);
  if (mayBeLoading && doc.body) {
    // Until tables arrive, the page is what it looks like now (the popup asks meanwhile).
    if (detection.kind !== 'report') deps.setState({ kind: 'none' });
    const watch = watchForLateTables(doc.body, {
      windowMs: timings.lateWindowMs,
      quietMs: timings.quietMs,
      isOwnNode,
    });
    if (await watch.done) {
      detection = detectPage(doc, detectOptions);
      extraction =
        detection.kind === 'report' ? await extractInSteps(doc, url, detection.title, deps) : null;
    }
  }

  if (detection.kind !== 'report' || extraction === null) {
    deps.setState({ kind: detection.kind === 'listing' ? 'listing' : 'none' });
    if (detection.listingToConfirm) deps.deferListing?.(() => scanColumnPage(doc));
    return;
  }

  const { report, elements } = extraction;
  const { findings, previous, pruned, historyUnavailable, unchecked } = await askForFindings(
    deps,
    report,
    timings.answerMs,
  );
  mark(doc, PASS_MARKS.answered);
  try {
    const input: AnnotateInput = {
      doc,
      report,
      elements,
      findings,
      previous,
      unchecked,
      pruned,
      historyUnavailable,
      articleRoot: findContentRoot(doc),
    };
    await deps.showOverlay(annotatePage(input), input);
  } catch (error) {
    // A page the annotation stumbles on has still been analysed: the popup can show it.
    deps.onError?.(error);
  }
  deps.setState({
    kind: 'report',
    report,
    findings,
    previous,
    ...(unchecked ? { unchecked } : {}),
    ...(historyUnavailable ? { historyUnavailable: true as const } : {}),
  });
  doc.documentElement.setAttribute(REPORT_MARKER, 'report');
  mark(doc, PASS_MARKS.annotated);
}

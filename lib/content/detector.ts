/**
 * The content script on every .gov.cn page, minus its wiring: detection
 * (title, meta tags, headings), the popup's `getPageState` on a page that is
 * not a report, and on a report the request for the analyser, which the
 * background injects into this isolated world (entrypoints/analyser.ts)
 * while the page settles. Most pages a journalist opens are not reports:
 * they pay for this module alone (lib/page/detect.ts and a few lines), never
 * for the analyser, zod, Preact or the strings.
 */
import {
  isFieldlessRequest,
  LeanAnswerError,
  type LeanAsker,
  type Receive,
} from '../messaging/lean';
import type { PageState } from '../messaging/protocol';
import { detectPage, type PageDetection, scanColumnPage } from '../page/detect';
import { reportPdfLinks } from '../page/pdf-links';
import { type FrameWindow, whenPageSettled } from '../steps';
import { type AnalyserEntry, publishedAnalyser } from './analyser-slot';
import { deferredListingCheck, deferredPdfLinks } from './listing-check';
import { ANALYSER_MARKS, DETECT_MARKS, mark, now } from './marks';
import { publishPageState } from './page-state-slot';

export interface DetectorDeps {
  /** The frame the script runs in: its document and clock. */
  window: FrameWindow & Pick<Window, 'document'>;
  /** Asks the background (`runtime.sendMessage` through lib/messaging/lean.ts). */
  ask: LeanAsker;
  /**
   * Registers the one listener for the popup's requests (`runtime.onMessage`),
   * on a page that needs the analyser only.
   */
  listen(receive: Receive): void;
  /** The analyser's entry once injected: by default the isolated world's slot. */
  analyser?(): AnalyserEntry | null;
  /** Leaves the page's state for the popup: by default in the isolated world's slot. */
  publish?(read: () => PageState): void;
  log(what: string, error: unknown): void;
}

/**
 * Whether a page needs the analyser: a report, or a report's title over a
 * body without its tables yet (a single-page portal may be about to insert
 * them; the analyser watches for them).
 */
export function needsAnalyser(detection: PageDetection): boolean {
  return detection.kind === 'report' || (detection.kind === 'none' && detection.title !== null);
}

/**
 * Detects at once and answers the popup from then on. Resolves once the page
 * has been judged not to need the analyser, or the analyser has taken it over
 * (or could not be loaded).
 */
export function startDetector(deps: DetectorDeps): Promise<void> {
  const doc = deps.window.document;
  const started = now(doc);
  const detection = detectPage(doc, { deferListingScan: true });
  const detected = now(doc);
  // Written after detection at the times taken around it: creating the first
  // mark of a script world (about 0.2 ms in Chromium) is the measurement's
  // cost, not detection's, and would otherwise fall inside it.
  mark(doc, DETECT_MARKS.start, started);
  mark(doc, DETECT_MARKS.end, detected);

  const wanted = needsAnalyser(detection);
  let state: PageState = wanted
    ? { kind: 'pending' }
    : { kind: detection.kind === 'listing' ? 'listing' : 'none' };
  const listing = deferredListingCheck(deps.log);
  listing.defer(detection.listingToConfirm ? () => scanColumnPage(doc) : null);
  const pdfLinks = deferredPdfLinks(() => reportPdfLinks(doc, detection.title !== null), deps.log);
  /** The analyser's receiver, once it has taken the page over. */
  let analyser: Receive | null = null;

  const pageState = (): PageState => {
    state = pdfLinks.apply(listing.apply(state));
    return state;
  };

  // The popup reads the state from the isolated world where no listener
  // answers: a page that is not a report never touches the messaging API,
  // whose bindings Chromium builds on first use (./page-state-slot.ts).
  (deps.publish ?? publishPageState)(pageState);
  if (!wanted) return Promise.resolve();

  // One listener for the frame: the analyser answers through it once it is
  // there, so the popup never hears two answers. Before that only the page's
  // state is known here; an export asked for meanwhile gets no answer, which
  // the popup reports as nothing to export.
  deps.listen((message) => {
    if (analyser) return analyser(message);
    return isFieldlessRequest(message, 'getPageState') ? Promise.resolve(pageState()) : undefined;
  });

  // The background injects the analyser while the page paints and goes idle:
  // the round trip and the analyser's compilation overlap the wait the
  // analysis would make anyway.
  mark(doc, ANALYSER_MARKS.requested);
  const loaded = deps
    .ask('loadAnalyser')
    .catch((error: unknown) => {
      // Whether the analyser arrived is what counts, not how the background answered.
      if (!(error instanceof LeanAnswerError)) throw error;
    })
    .then(() => mark(doc, ANALYSER_MARKS.loaded));
  const settled = whenPageSettled(deps.window).then(() => now(doc));
  return Promise.all([settled, loaded])
    .then(([settledAt]) => {
      const entry = (deps.analyser ?? publishedAnalyser)();
      if (!entry) throw new Error('The analyser could not be loaded.');
      analyser = entry({ detection, settledAt });
    })
    .catch((error: unknown) => {
      state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      deps.log('analysis failed', error);
    });
}

/**
 * The performance marks the content script and the analyser leave in the
 * page's timeline (both worlds share it): the benchmark reads them, the
 * browser tests see from them which pages got the analyser. Kept apart from
 * the analyser's code, so that the detection script, which runs on every
 * .gov.cn page, carries only these few lines of it.
 */

/** Around detection, on every page the content script runs on. */
export const DETECT_MARKS = { start: 'ogi-lens:detect:start', end: 'ogi-lens:detect:end' };

/**
 * Around the request for the analyser, on a page that detection took for a
 * report: asked, and injected (the background's answer arrived). A page
 * without `requested` never got the analyser.
 */
export const ANALYSER_MARKS = {
  requested: 'ogi-lens:analyser:requested',
  loaded: 'ogi-lens:analyser:loaded',
};

/** The page's clock, or undefined where it cannot be read. */
export function now(doc: Document): number | undefined {
  try {
    return doc.defaultView?.performance.now();
  } catch {
    return undefined;
  }
}

/** A mark at `startTime` (taken earlier with now()), or at the present moment. */
export function mark(doc: Document, name: string, startTime?: number): void {
  try {
    doc.defaultView?.performance.mark(name, startTime === undefined ? undefined : { startTime });
  } catch {
    // A page that replaced `performance` gets no marks; the analysis does not depend on them.
  }
}

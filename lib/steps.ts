/**
 * Work done in steps: a generator yields between units of work (a table, a
 * stage), so the same code runs straight through in the command line and in
 * slices in the content script, which gives the page its turn between slices
 * and no single task runs long on a huge report.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, awaiting `pause` between two of them. */
export async function runStepsWithPauses<T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/** How long a slice of work may run before the page gets its turn (a long task is 50 ms). */
export const SLICE_MS = 40;

/**
 * A task for the page's turn: a message to a MessageChannel runs after what
 * is already queued (input, due timers, rendering) and, unlike a timeout, is
 * not throttled to one a second in a background tab.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A `pause` for runStepsWithPauses that yields only once the current slice
 * has run SLICE_MS: a typical report is read in one go, a huge one in slices.
 */
export function pacer(now: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < SLICE_MS) return;
    await nextTask();
    sliceStart = now();
  };
}

/** The window whenPageSettled needs (a stand-in in tests). */
export interface FrameWindow {
  document: { visibilityState: DocumentVisibilityState };
  requestAnimationFrame(callback: () => void): number;
  requestIdleCallback?(callback: () => void, options?: { timeout: number }): number;
}

/** The longest the analysis waits for the page to settle before it starts anyway. */
export const SETTLE_WAIT_MS = 300;

/**
 * Resolves once the page has rendered its next frame and then gone idle. The
 * content script starts at document_idle, usually before the page's first
 * layout: starting the analysis then made it share the cores with the page's
 * own layout and painting (a report page's first layout took 23 ms here, in
 * the middle of the analysis) and held the first paint back. A task queued
 * from an animation frame runs after that frame's style, layout and paint;
 * the idle callback after the work the frame left. A hidden tab renders
 * nothing, so there it resolves on the next task; whatever happens, it
 * resolves within `waitMs`.
 */
export function whenPageSettled(win: FrameWindow, waitMs: number = SETTLE_WAIT_MS): Promise<void> {
  if (win.document.visibilityState === 'hidden') return nextTask();
  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(settle, waitMs);
    win.requestAnimationFrame(() => {
      nextTask().then(() => {
        if (win.requestIdleCallback) win.requestIdleCallback(settle, { timeout: waitMs });
        else settle();
      });
    });
  });
}

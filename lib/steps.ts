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

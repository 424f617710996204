/**
 * What the benchmark runs inside pages, as source text (a function would be
 * wrapped in tsx's `__name` helper, which does not exist in the page; see
 * test/browser/driver.ts). Everything here runs in the page's main world;
 * the content script's marks reach it because both worlds share the
 * document's performance timeline.
 */
import { ANALYSER_MARKS, DETECT_MARKS } from '../../lib/content/marks';
import { EXTRACT_MARKS, PASS_MARKS } from '../../lib/content/page-pass';

const GLOBAL = '__ogiLensBench';

/**
 * Installed before the page's own scripts. Records every long task (a task
 * of 50 ms or more on the page's main thread, whichever world ran it, the
 * rendering of a frame included where the browser reports long animation
 * frames), and
 * tells when a mark appears: the content script's marks land in the same
 * timeline, so the benchmark waits on one promise instead of polling the
 * page while it is being analysed.
 */
export const BENCH_PROBE_SOURCE = `(() => {
  if (window.${GLOBAL}) return;
  const tasks = [];
  const keep = (entries) => { for (const e of entries) tasks.push({ start: e.startTime, duration: e.duration }); };
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  } catch (error) {
    observer = null;
  }
  // Chromium reports no 'longtask' for the task that renders a frame (style, layout, paint),
  // however long: a long animation frame's rendering, from renderStart to its end, is that task.
  const keepRendering = (entries) => {
    for (const e of entries) {
      const duration = e.startTime + e.duration - e.renderStart;
      if (e.renderStart > 0 && duration >= 50) tasks.push({ start: e.renderStart, duration });
    }
  };
  let frames = null;
  try {
    frames = new PerformanceObserver((list) => keepRendering(list.getEntries()));
    frames.observe({ type: 'long-animation-frame', buffered: true });
  } catch (error) {
    frames = null;
  }
  const waiting = new Map();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const resolvers = waiting.get(entry.name) || [];
      waiting.delete(entry.name);
      for (const resolve of resolvers) resolve(entry.startTime);
    }
  }).observe({ type: 'mark' });
  Object.defineProperty(window, '${GLOBAL}', {
    value: {
      supported: observer !== null,
      longTasks: () => {
        if (observer) keep(observer.takeRecords());
        if (frames) keepRendering(frames.takeRecords());
        return tasks.slice();
      },
      whenMark: (name) => {
        const [seen] = performance.getEntriesByName(name);
        if (seen) return Promise.resolve(seen.startTime);
        return new Promise((resolve) => waiting.set(name, (waiting.get(name) || []).concat(resolve)));
      },
    },
  });
})();`;

/** Resolves in the page once the mark is in its timeline. */
export function whenMarkExpression(name: string): string {
  return `window.${GLOBAL}.whenMark(${JSON.stringify(name)})`;
}

const firstMark = (name: string) =>
  `((performance.getEntriesByName(${JSON.stringify(name)})[0] || {}).startTime ?? null)`;

/** Resolves once the content script has detected (on every page it runs on). */
export const DETECTED_EXPRESSION = whenMarkExpression(DETECT_MARKS.end);

/** Resolves once a report page has been annotated and marked. */
export const ANNOTATED_EXPRESSION = whenMarkExpression(PASS_MARKS.annotated);

export interface Timeline {
  /** Detection, by the content script (on every page). */
  detectStart: number | null;
  detected: number | null;
  /** The analyser asked for, and its injection answered (report pages only). */
  analyserRequested: number | null;
  analyserLoaded: number | null;
  /** The pass over a report: from the moment the page settled. */
  start: number | null;
  annotated: number | null;
  /** The background's answer arrived in the page. */
  answered: number | null;
  extractStart: number | null;
  extractEnd: number | null;
  /** Null when the browser does not report long tasks. */
  longTasks: { start: number; duration: number }[] | null;
}

export const TIMELINE_EXPRESSION = `JSON.stringify({
  detectStart: ${firstMark(DETECT_MARKS.start)},
  detected: ${firstMark(DETECT_MARKS.end)},
  analyserRequested: ${firstMark(ANALYSER_MARKS.requested)},
  analyserLoaded: ${firstMark(ANALYSER_MARKS.loaded)},
  start: ${firstMark(PASS_MARKS.start)},
  annotated: ${firstMark(PASS_MARKS.annotated)},
  answered: ${firstMark(PASS_MARKS.answered)},
  extractStart: ${firstMark(EXTRACT_MARKS.start)},
  extractEnd: ${firstMark(EXTRACT_MARKS.end)},
  longTasks: window.${GLOBAL} && window.${GLOBAL}.supported ? window.${GLOBAL}.longTasks() : null,
})`;

/**
 * Resolves, in page time, once the frame after the pass has been rendered:
 * the style and layout that the marks and the overlay cause run there, after
 * the annotated mark, and are the pass's cost too.
 */
export const NEXT_FRAME_EXPRESSION = `new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))`;

export interface FloorReading {
  cells: number;
  /** Milliseconds for one read of every cell's text. */
  ms: number;
  /** Reads averaged: one read of a small page is below the clock's resolution. */
  reads: number;
}

/**
 * The floor: every cell's text read once from the page's main world. Pages
 * outside a cross-origin-isolated context get a clock coarsened to 0.1 ms,
 * so the read is repeated until 10 ms have passed and averaged.
 */
export const FLOOR_EXPRESSION = `(() => {
  const cells = document.querySelectorAll('td,th').length;
  let chars = 0;
  let reads = 0;
  let elapsed = 0;
  const t0 = performance.now();
  do {
    for (const td of document.querySelectorAll('td,th')) chars += td.textContent.length;
    reads++;
    elapsed = performance.now() - t0;
  } while (elapsed < 10 && reads < 1000);
  return JSON.stringify({ cells, ms: elapsed / reads, reads, chars });
})()`;

/** The longest task overlapping [from, to], 0 when none. */
export function longestTaskWithin(
  tasks: readonly { start: number; duration: number }[],
  from: number,
  to: number,
): number {
  let longest = 0;
  for (const task of tasks) {
    if (task.start < to && task.start + task.duration > from) {
      longest = Math.max(longest, task.duration);
    }
  }
  return longest;
}

/**
 * What the long tasks of a Chromium trace are made of: the renderer's main
 * thread's tasks of 50 ms or more, each broken down into style
 * recalculation, layout, painting and script, with the script stack that
 * forced a synchronous style or layout when the trace recorded one. Plain
 * functions over the trace's events, so that they can be tested on a
 * hand-made trace.
 */

/** One event of the Trace Event Format as Chromium's Tracing domain reports it. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

interface StackFrame {
  functionName?: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

/** A span on one thread: a complete event, or a begin and end pair. */
export interface Span {
  name: string;
  start: number;
  end: number;
  args: Record<string, unknown>;
  endArgs: Record<string, unknown>;
}

export interface TaskPart {
  /** DevTools' name for it (Recalculate Style for UpdateLayoutTree…). */
  label: string;
  ms: number;
  count: number;
  /** Elements restyled or laid out, summed, when the trace says. */
  elements: number;
  /** Where script forced it, the innermost frames first, when the trace recorded a stack. */
  forcedBy: string[];
}

export interface LongTask {
  /** Milliseconds since the origin given to longTasks. */
  at: number;
  ms: number;
  parts: TaskPart[];
  /**
   * Why layout objects were marked for layout inside the task, by reason
   * ('Fonts changed', 'Style changed'…), most frequent first: recorded only
   * with the invalidationTracking category.
   */
  layoutInvalidations: { reason: string; count: number }[];
  /** Script that invalidated style since the previous long task (innermost frames first). */
  styleInvalidatedBy: string[];
  /** The pass's marks that fall inside the task. */
  marks: string[];
}

/** The events worth naming inside a task, by trace name, with DevTools' label. */
const PARTS: Record<string, string> = {
  UpdateLayoutTree: 'Recalculate Style',
  Layout: 'Layout',
  PrePaint: 'Pre-paint',
  Paint: 'Paint',
  Layerize: 'Layerize',
  HitTest: 'Hit test',
  ParseHTML: 'Parse HTML',
  ParseAuthorStyleSheet: 'Parse stylesheet',
  FunctionCall: 'Function call',
  EvaluateScript: 'Evaluate script',
  'v8.compile': 'Compile script',
  MajorGC: 'Major GC',
  MinorGC: 'Minor GC',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Complete events and begin/end pairs of one thread, as spans. */
export function spansOf(events: readonly TraceEvent[], pid: number, tid: number): Span[] {
  const spans: Span[] = [];
  const open = new Map<string, TraceEvent[]>();
  const sorted = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    if (event.ph === 'X') {
      spans.push({
        name: event.name,
        start: event.ts,
        end: event.ts + (event.dur ?? 0),
        args: event.args ?? {},
        endArgs: {},
      });
    } else if (event.ph === 'B') {
      open.set(event.name, [...(open.get(event.name) ?? []), event]);
    } else if (event.ph === 'E') {
      const stack = open.get(event.name);
      const begin = stack?.pop();
      if (begin) {
        spans.push({
          name: event.name,
          start: begin.ts,
          end: event.ts,
          args: begin.args ?? {},
          endArgs: event.args ?? {},
        });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

function frameLabel(frame: StackFrame): string {
  const file = (frame.url ?? '').replace(/^.*\//, '');
  const where = file ? ` (${file}:${(frame.lineNumber ?? 0) + 1})` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

/** The stack a synchronous style or layout was forced from, if the trace recorded it. */
function forcingStack(span: Span): string[] {
  const data = [span.args.beginData, span.args.data].find(isObject);
  const stack = data?.stackTrace;
  if (!Array.isArray(stack)) return [];
  return stack.filter(isObject).slice(0, 4).map(frameLabel);
}

function elementCount(span: Span): number {
  for (const data of [span.args.elementCount, span.endArgs.elementCount]) {
    if (typeof data === 'number') return data;
  }
  const begin = span.args.beginData;
  if (isObject(begin) && typeof begin.dirtyObjects === 'number') return begin.dirtyObjects;
  return 0;
}

/**
 * The parts of a task: each named event counted once where it is outermost
 * (a Layout inside a Layout is not counted twice), whatever encloses it.
 */
function partsOf(task: Span, spans: readonly Span[]): TaskPart[] {
  const parts = new Map<string, TaskPart>();
  const openEnds = new Map<string, number>();
  for (const span of spans) {
    if (span.start < task.start || span.end > task.end || span === task) continue;
    const label = PARTS[span.name];
    if (!label) continue;
    // Spans are sorted by start: one still open of the same name encloses this one.
    if ((openEnds.get(span.name) ?? Number.NEGATIVE_INFINITY) > span.start) continue;
    openEnds.set(span.name, span.end);
    const part = parts.get(label) ?? { label, ms: 0, count: 0, elements: 0, forcedBy: [] };
    part.ms += (span.end - span.start) / 1000;
    part.count += 1;
    part.elements += elementCount(span);
    const stack = forcingStack(span);
    const [top] = stack;
    if (top && !part.forcedBy.includes(stack.join(' ← '))) part.forcedBy.push(stack.join(' ← '));
    parts.set(label, part);
  }
  return [...parts.values()].sort((a, b) => b.ms - a.ms);
}

/**
 * The main thread of the renderer that ran the page: the thread where the
 * pass's start mark was recorded.
 */
export function pageThread(
  events: readonly TraceEvent[],
  startMark: string,
): { pid: number; tid: number } | null {
  const mark = events.find((e) => e.name === startMark && e.cat?.includes('blink.user_timing'));
  if (mark) return { pid: mark.pid, tid: mark.tid };
  return null;
}

/** The user-timing marks' times (microseconds) by name, on any thread. */
export function markTimes(
  events: readonly TraceEvent[],
  names: readonly string[],
): Map<string, number> {
  const times = new Map<string, number>();
  for (const event of events) {
    if (!names.includes(event.name) || !event.cat?.includes('blink.user_timing')) continue;
    if (!times.has(event.name)) times.set(event.name, event.ts);
  }
  return times;
}

const LAYOUT_INVALIDATION = 'LayoutInvalidationTracking';
const STYLE_INVALIDATIONS = new Set([
  'ScheduleStyleInvalidationTracking',
  'StyleRecalcInvalidationTracking',
]);

function dataOf(event: TraceEvent): Record<string, unknown> {
  const data = event.args?.data;
  return isObject(data) ? data : {};
}

function layoutInvalidations(
  events: readonly TraceEvent[],
  from: number,
  to: number,
): LongTask['layoutInvalidations'] {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.name !== LAYOUT_INVALIDATION || event.ts < from || event.ts > to) continue;
    const reason = String(dataOf(event).reason ?? '?');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count);
}

function styleInvalidators(events: readonly TraceEvent[], from: number, to: number): string[] {
  const stacks = new Set<string>();
  for (const event of events) {
    if (!STYLE_INVALIDATIONS.has(event.name) || event.ts < from || event.ts > to) continue;
    const stack = dataOf(event).stackTrace;
    if (!Array.isArray(stack) || stack.length === 0) continue;
    const data = dataOf(event);
    const what = `${data.nodeName ?? '?'} ${data.changedAttribute ?? data.reason ?? ''}`.trim();
    stacks.add(`${what}: ${stack.filter(isObject).slice(0, 3).map(frameLabel).join(' ← ')}`);
  }
  return [...stacks];
}

/** Tasks of the thread lasting at least `minMs`, with what they were made of. */
export function longTasks(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  marks: ReadonlyMap<string, number>,
  origin: number,
  minMs = 50,
): LongTask[] {
  const spans = spansOf(events, thread.pid, thread.tid);
  const own = events.filter((e) => e.pid === thread.pid);
  let previousEnd = origin;
  return spans
    .filter((s) => s.name === 'RunTask' && (s.end - s.start) / 1000 >= minMs)
    .map((task) => {
      const long: LongTask = {
        at: (task.start - origin) / 1000,
        ms: (task.end - task.start) / 1000,
        parts: partsOf(task, spans),
        layoutInvalidations: layoutInvalidations(own, task.start, task.end),
        styleInvalidatedBy: styleInvalidators(own, previousEnd, task.end),
        marks: [...marks.entries()]
          .filter(([, ts]) => ts >= task.start && ts <= task.end)
          .map(([name]) => name),
      };
      previousEnd = task.end;
      return long;
    });
}

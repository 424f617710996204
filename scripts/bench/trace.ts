/**
 * npm run bench -- --trace PAGE
 *
 * What a long task is made of, where the longest-task figure alone cannot
 * tell: a Chromium trace (the DevTools protocol's Tracing domain, the
 * categories of DevTools' Performance panel with the stacks of forced style
 * and layout) of PAGE (a fixture name or a generated page) loaded and analysed
 * with the extension, and of the same bytes served outside *.gov.cn, where
 * the content script does not run. Prints each task of 50 ms or more on the
 * page's main thread, what it was made of (Recalculate Style, Layout, script…)
 * and which of the pass's marks fall inside it; writes both traces as JSON,
 * which DevTools' Performance panel opens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { PASS_MARKS } from '../../lib/content/page-pass';
import { type ChromiumSession, launchChromium } from '../../test/browser/chromium';
import { type FixtureServer, startFixtureServer } from '../../test/browser/fixture-server';
import { waitForExpression } from './browser-bench';
import { num } from './format';
import { ANNOTATED_EXPRESSION, BENCH_PROBE_SOURCE, NEXT_FRAME_EXPRESSION } from './probes';
import { benchPageNamed, buildUnminified } from './profile';
import { type LongTask, longTasks, markTimes, type TraceEvent } from './trace-events';

/**
 * DevTools' Performance panel's categories, with the stacks that forced style
 * and layout, and invalidation tracking: which script invalidated style, and
 * why every layout object was marked for layout.
 */
const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-devtools.timeline.invalidationTracking',
];
/** How long the page is traced after the frame that follows the marker: late layout and paint. */
const AFTER_MS = 1_000;
/** Without the extension nothing marks the end: the page is traced this long after load. */
const BASELINE_MS = 3_000;
const PASS_MARK_NAMES = Object.values(PASS_MARKS);

const sleep = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolveComplete) =>
    cdp.once('Tracing.tracingComplete', () => resolveComplete()),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

/** The renderer main thread that parsed the page at `url`. */
function threadOfPage(events: readonly TraceEvent[], url: string): { pid: number; tid: number } {
  const parse = events.find((e) => {
    if (e.name !== 'ParseHTML') return false;
    const data = e.args?.beginData as { url?: string } | undefined;
    return data?.url === url;
  });
  if (!parse) throw new Error(`the trace holds no parsing of ${url}`);
  return { pid: parse.pid, tid: parse.tid };
}

/** The navigation's start on that renderer: the origin of the page's own clock. */
function navigationStart(events: readonly TraceEvent[], pid: number, url: string): number {
  const starts = events.filter(
    (e) =>
      e.pid === pid &&
      e.name === 'navigationStart' &&
      (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === url,
  );
  const start = starts[starts.length - 1];
  if (!start) throw new Error(`the trace holds no navigationStart of ${url}`);
  return start.ts;
}

interface TracedLoad {
  events: TraceEvent[];
  tasks: LongTask[];
  marks: Map<string, number>;
  origin: number;
}

async function traceLoad(
  chromium: ChromiumSession,
  url: string,
  withExtension: boolean,
): Promise<TracedLoad> {
  const page: Page = await chromium.context.newPage();
  await page.addInitScript({ content: BENCH_PROBE_SOURCE });
  try {
    const cdp = await chromium.context.newCDPSession(page);
    // A same-site address first: the page then loads into the renderer being traced.
    await page.goto(new URL('/ogi-lens-bench-blank', url).href);
    const events = await traced(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      if (withExtension) {
        await waitForExpression(page, ANNOTATED_EXPRESSION, 60_000);
        await page.evaluate(NEXT_FRAME_EXPRESSION);
        await sleep(AFTER_MS);
      } else {
        await sleep(BASELINE_MS);
      }
    });
    const thread = threadOfPage(events, url);
    const origin = navigationStart(events, thread.pid, url);
    const marks = markTimes(
      events.filter((e) => e.pid === thread.pid),
      PASS_MARK_NAMES,
    );
    return { events, tasks: longTasks(events, thread, marks, origin), marks, origin };
  } finally {
    await page.close().catch(() => {});
  }
}

function describe(title: string, load: TracedLoad): string {
  const lines = [title];
  const since = (ts: number) => num((ts - load.origin) / 1000);
  const marks = [...load.marks.entries()].sort((a, b) => a[1] - b[1]);
  if (marks.length > 0) {
    lines.push(
      `  marks (ms since navigation): ${marks.map(([n, ts]) => `${n} ${since(ts)}`).join(', ')}`,
    );
  }
  if (load.tasks.length === 0) lines.push('  no task of 50 ms or more');
  for (const task of load.tasks) {
    const inside = task.marks.length > 0 ? `; holds ${task.marks.join(', ')}` : '';
    lines.push(`  task at ${num(task.at)} ms: ${num(task.ms)} ms${inside}`);
    for (const part of task.parts.filter((p) => p.ms >= 1)) {
      const elements = part.elements > 0 ? `, ${part.elements} elements` : '';
      lines.push(`    ${part.label}: ${num(part.ms)} ms (${part.count}×${elements})`);
      for (const stack of part.forcedBy.slice(0, 3)) lines.push(`      forced by ${stack}`);
    }
    if (task.layoutInvalidations.length > 0) {
      const reasons = task.layoutInvalidations.slice(0, 4).map((r) => `${r.reason} ×${r.count}`);
      lines.push(`    objects marked for layout in the task: ${reasons.join(', ')}`);
    }
    for (const stack of task.styleInvalidatedBy.slice(0, 4)) {
      lines.push(`    style invalidated before it by ${stack}`);
    }
  }
  return lines.join('\n');
}

export interface TraceOptions {
  page: string;
  runs: number;
  outDir: string;
  progress(line: string): void;
}

export async function runTrace(options: TraceOptions): Promise<number> {
  const { progress } = options;
  const scratch = mkdtempSync(join(tmpdir(), 'ogi-lens-trace-'));
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  try {
    const named = benchPageNamed(options.page, scratch);
    if (!named) return 2;
    const { fixtures, fixture } = named;
    // Unminified, so that the stacks that forced style or layout name our functions.
    progress('building an unminified copy of the extension');
    const extensionDir = await buildUnminified(join(scratch, 'build'));
    server = await startFixtureServer(fixtures);
    chromium = await launchChromium({ extensionDir, serverPort: server.port });
    const baselineUrl = `${server.origin}/fixtures/${fixture.name}.html`;
    progress(`warming up on ${fixture.name}`);
    await traceLoad(chromium, fixture.pageUrl, true);
    mkdirSync(options.outDir, { recursive: true });
    for (let run = 1; run <= options.runs; run++) {
      progress(`tracing ${fixture.name}, run ${run}/${options.runs}`);
      const withExtension = await traceLoad(chromium, fixture.pageUrl, true);
      const without = await traceLoad(chromium, baselineUrl, false);
      process.stdout.write(
        `${describe(`Run ${run}, ${fixture.name} with the extension`, withExtension)}\n` +
          `${describe(`Run ${run}, the same page without the extension`, without)}\n\n`,
      );
      if (run === options.runs) {
        for (const [suffix, load] of [
          ['extension', withExtension],
          ['baseline', without],
        ] as const) {
          const path = join(options.outDir, `trace-${fixture.name}-${suffix}.json`);
          writeFileSync(path, JSON.stringify({ traceEvents: load.events }));
          process.stdout.write(`trace written to ${relative(process.cwd(), path)}\n`);
        }
      }
    }
    return 0;
  } finally {
    await chromium?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

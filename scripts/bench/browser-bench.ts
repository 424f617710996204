/**
 * The in-browser half of the benchmark: the built extension in Debian's
 * Chromium (test/browser/chromium.ts), fixture and generated pages served at
 * their .gov.cn addresses, figures read from the page's performance timeline
 * and from the DevTools protocol.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { type ChromiumSession, launchChromium } from '../../test/browser/chromium';
import { type FixtureServer, startFixtureServer } from '../../test/browser/fixture-server';
import { type Fixture, loadFixtures } from '../../test/browser/fixtures';
import {
  AFTER_PARSE_MUTATION_PROBE_SOURCE,
  type MutationLog,
  TAKE_MUTATIONS_EXPRESSION,
  unexplainedChanges,
} from '../../test/browser/page-probe';
import { hostileCssReportPage, hugeReportPage } from '../pages/huge-report';
import { LONG_TEXT_PAGES, writeLongTextPages } from './long-text';
import { writeMinimalDetector } from './minimal-detector';
import {
  ANNOTATED_EXPRESSION,
  BENCH_PROBE_SOURCE,
  DETECTED_EXPRESSION,
  FLOOR_EXPRESSION,
  type FloorReading,
  longestTaskWithin,
  NEXT_FRAME_EXPRESSION,
  TIMELINE_EXPRESSION,
  type Timeline,
} from './probes';
import { type Summary, summarize } from './stats';

/** Sizes of the generated report pages, in table cells. */
export const GENERATED_SIZES = [250, 5_000, 20_000, 50_000] as const;
/**
 * The largest page again under the hostile fixture's theme
 * (`*{all:unset !important}`…): every element restyled, so any write that
 * makes the browser recompute style or lay out the page again is dear.
 */
export const HOSTILE_CSS_PAGE = { name: 'generated-50000-hostile-css', cells: 50_000 } as const;
const GENERATED_HOST = 'http://www.jiangzhou.gov.cn';
/** Bounds on a hang, not expectations of speed. */
const DETECT_TIMEOUT_MS = 15_000;
const ANNOTATE_TIMEOUT_MS = 60_000;
/**
 * Loads of each non-report page per run. A content script's clock ticks in
 * 100 µs steps (Chromium coarsens performance.now() outside cross-origin
 * isolation) and detection lasts a few ticks: a median of five such readings
 * is mostly rounding, fifteen settle it. The loads are cheap.
 */
const DETECTION_LOADS_PER_RUN = 3;
/** How long a non-report page is left alone after detection before its DOM is compared. */
const SETTLE_MS = 500;
/**
 * Pages loaded at once where only heap and DOM changes are read, which do not
 * depend on timing: fewer minutes on two cores.
 */
const BASELINE_CONCURRENCY = 3;
const UNTOUCHED_CONCURRENCY = 2;

const sleep = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

type Source = 'fixture' | 'generated' | 'long-text';

interface Target {
  name: string;
  source: Source;
  fixture: Fixture;
  /** The same bytes outside *.gov.cn, where the content script does not run. */
  baselineUrl: string;
}

export interface NonReportResult {
  name: string;
  kind: string;
  detectMs: Summary;
  /** DOM changes seen only with the extension (must be none). */
  foreignMutations: string[];
  /**
   * JS heap (after GC) with the extension minus without, KB (medians over
   * the loads): the content script's cost on every page.
   */
  heapDeltaKb: number;
  /**
   * Script time on the page's main thread (CDP ScriptDuration) with the
   * extension minus without, ms: compiling and starting the content script
   * as well as detection, the price of every .gov.cn page.
   */
  scriptDeltaMs: Summary;
  /**
   * The same two figures for the minimal title-and-meta detector
   * (./minimal-detector.ts), in its own browser, the same runs.
   */
  minimal: { heapDeltaKb: number; scriptDeltaMs: Summary };
}

export interface ReportResult {
  name: string;
  source: Source;
  /** Requested size for a generated page; null for a fixture. */
  requestedCells: number | null;
  /** td and th elements on the page. */
  cells: number;
  endToEndMs: Summary;
  /**
   * The content script's request for the analyser until the background's
   * answer (injected and run): overlapped with the wait for the page to settle.
   */
  injectMs: Summary;
  /** When the marker was set, since the navigation started: the page's load and the wait for it to settle included. */
  markerAtMs: Summary;
  detectMs: Summary;
  extractMs: Summary;
  /** From the end of extraction to the marker: the background's checks, the UI strings, the overlay. */
  afterExtractMs: Summary;
  /** Of that: from the end of extraction to the background's answer in the page (the round trip). */
  roundTripMs: Summary;
  longestTaskMs: Summary;
  /** JS heap after GC, page with the analysed report minus the same page without the extension. */
  heapDeltaKb: Summary;
  floorMs: Summary;
  /** Median end to end over median floor. */
  floorRatio: number;
  /** Runs in which the marker did not appear (the figures then come from fewer runs). */
  failedRuns: number;
}

export interface BrowserResults {
  chromiumVersion: string;
  /** Loads of each non-report page over the whole benchmark (runs × DETECTION_LOADS_PER_RUN). */
  nonReportLoads: number;
  longTasksSupported: boolean;
  nonReports: NonReportResult[];
  reports: ReportResult[];
}

/** Report pages of each size, written where the fixture server can serve them. */
export function writeGeneratedPages(dir: string): Fixture[] {
  const pages = [
    ...GENERATED_SIZES.map((cells) => ({
      name: `generated-${cells}`,
      html: hugeReportPage(cells),
    })),
    { name: HOSTILE_CSS_PAGE.name, html: hostileCssReportPage(HOSTILE_CSS_PAGE.cells) },
  ];
  return pages.map(({ name, html }) => {
    const htmlPath = join(dir, `${name}.html`);
    writeFileSync(htmlPath, html);
    const pageUrl = `${GENERATED_HOST}/generated/${name}.html`;
    // The server reads only the address and the file; the expectation is not used.
    return { name, htmlPath, pageUrl, expected: { url: pageUrl, kind: 'none' } };
  });
}

/** The size asked of a generated page, from its name (generated-<cells>[-variant]). */
export function requestedCellsOf(name: string): number | null {
  const match = /^generated-(\d+)/.exec(name);
  return match ? Number(match[1]) : null;
}

function target(fixture: Fixture, source: Target['source'], server: FixtureServer): Target {
  // The server also answers /fixtures/<name>.html at its own address, outside *.gov.cn.
  const baselineUrl = `${server.origin}/fixtures/${fixture.name}.html`;
  return { name: fixture.name, source, fixture, baselineUrl };
}

async function newPage(context: BrowserContext, initScripts: readonly string[]): Promise<Page> {
  const page = await context.newPage();
  for (const content of initScripts) await page.addInitScript({ content });
  return page;
}

/** CDP Performance.getMetrics by name (the domain must have been enabled on this session). */
async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

/**
 * A page with the Performance domain enabled before it navigates, so that
 * its script time is counted from the first script on.
 */
async function measuredPage(
  context: BrowserContext,
  initScripts: readonly string[],
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await newPage(context, initScripts);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

const scriptMsOf = (m: Map<string, number>) => (m.get('ScriptDuration') ?? Number.NaN) * 1000;

/**
 * The page's JS heap after a full collection, in KB. The heap is the
 * renderer's main-thread isolate: the page's main world and the extension's
 * isolated world together, so the difference from the same page without the
 * extension is what the content script keeps alive.
 */
async function heapAfterGcKb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await metrics(cdp)).get('JSHeapUsedSize') ?? Number.NaN) / 1024;
}

async function readTimeline(page: Page): Promise<Timeline> {
  return JSON.parse(await page.evaluate<string>(TIMELINE_EXPRESSION)) as Timeline;
}

/**
 * Evaluates an expression that yields a promise (probes.ts) and waits for it,
 * for at most `timeout` ms.
 */
export async function waitForExpression(
  page: Page,
  expression: string,
  timeout: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${expression} did not resolve within ${timeout} ms`)),
      timeout,
    );
  });
  const evaluation = page.evaluate(expression);
  // Once time is up the page is closed, which rejects the evaluation: not news.
  evaluation.catch(() => {});
  try {
    await Promise.race([evaluation, expired]);
  } finally {
    clearTimeout(timer);
  }
}

interface DetectionRun {
  detectMs: number;
  scriptMs: number;
  heapKb: number;
}

async function detectionRun(context: BrowserContext, target: Target): Promise<DetectionRun> {
  const { page, cdp } = await measuredPage(context, [BENCH_PROBE_SOURCE]);
  try {
    await page.goto(target.fixture.pageUrl, { waitUntil: 'load' });
    await waitForExpression(page, DETECTED_EXPRESSION, DETECT_TIMEOUT_MS);
    const scriptMs = scriptMsOf(await metrics(cdp));
    const { detectStart, detected } = await readTimeline(page);
    if (detectStart === null || detected === null) {
      throw new Error(`${target.name}: no detection marks`);
    }
    return { detectMs: detected - detectStart, scriptMs, heapKb: await heapAfterGcKb(cdp) };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * The same page outside *.gov.cn, where no content script runs, read the
 * same way: what the page costs by itself, subtracted from both detectors'.
 */
async function pageAloneRun(
  context: BrowserContext,
  target: Target,
): Promise<{ scriptMs: number; heapKb: number }> {
  const { page, cdp } = await measuredPage(context, [BENCH_PROBE_SOURCE]);
  try {
    await page.goto(target.baselineUrl, { waitUntil: 'load' });
    // As the measured pages evaluate their wait for the detection mark.
    await page.evaluate('Promise.resolve(performance.now())');
    const scriptMs = scriptMsOf(await metrics(cdp));
    return { scriptMs, heapKb: await heapAfterGcKb(cdp) };
  } finally {
    await page.close().catch(() => {});
  }
}

interface UntouchedCheck {
  foreignMutations: string[];
}

/** As the browser suite does: the same page with and without the extension, side by side. */
async function untouchedCheck(context: BrowserContext, target: Target): Promise<UntouchedCheck> {
  const [withExtension, baseline] = await Promise.all([
    measuredPage(context, [BENCH_PROBE_SOURCE, AFTER_PARSE_MUTATION_PROBE_SOURCE]),
    measuredPage(context, [BENCH_PROBE_SOURCE, AFTER_PARSE_MUTATION_PROBE_SOURCE]),
  ]);
  try {
    await Promise.all([
      withExtension.page.goto(target.fixture.pageUrl, { waitUntil: 'load' }),
      baseline.page.goto(target.baselineUrl, { waitUntil: 'load' }),
    ]);
    await waitForExpression(withExtension.page, DETECTED_EXPRESSION, DETECT_TIMEOUT_MS);
    await sleep(SETTLE_MS);
    const take = async (p: Page) => {
      const log = await p.evaluate<string | null>(TAKE_MUTATIONS_EXPRESSION);
      if (!log) throw new Error(`${target.name}: the mutation probe did not run`);
      return JSON.parse(log) as MutationLog;
    };
    const foreignMutations = unexplainedChanges(
      await take(withExtension.page),
      await take(baseline.page),
    );
    return { foreignMutations };
  } finally {
    await Promise.all([withExtension.page.close(), baseline.page.close()]).catch(() => {});
  }
}

interface ReportRun {
  endToEndMs: number;
  injectMs: number;
  markerAtMs: number;
  detectMs: number;
  extractMs: number;
  afterExtractMs: number;
  roundTripMs: number;
  longestTaskMs: number;
  heapKb: number;
  floor: FloorReading;
  longTasksSupported: boolean;
}

async function reportRun(context: BrowserContext, target: Target): Promise<ReportRun> {
  const { page, cdp } = await measuredPage(context, [BENCH_PROBE_SOURCE]);
  try {
    await page.goto(target.fixture.pageUrl, { waitUntil: 'load' });
    await waitForExpression(page, ANNOTATED_EXPRESSION, ANNOTATE_TIMEOUT_MS);
    const renderedAt = await page.evaluate<number>(NEXT_FRAME_EXPRESSION);
    const t = await readTimeline(page);
    if (
      t.start === null ||
      t.detectStart === null ||
      t.detected === null ||
      t.analyserRequested === null ||
      t.analyserLoaded === null ||
      t.annotated === null ||
      t.answered === null ||
      t.extractStart === null ||
      t.extractEnd === null
    ) {
      throw new Error(`${target.name}: pass marks missing (${JSON.stringify(t)})`);
    }
    const floor = JSON.parse(await page.evaluate<string>(FLOOR_EXPRESSION)) as FloorReading;
    return {
      endToEndMs: t.annotated - t.start,
      injectMs: t.analyserLoaded - t.analyserRequested,
      markerAtMs: t.annotated,
      detectMs: t.detected - t.detectStart,
      extractMs: t.extractEnd - t.extractStart,
      afterExtractMs: t.annotated - t.extractEnd,
      roundTripMs: t.answered - t.extractEnd,
      longestTaskMs: t.longTasks ? longestTaskWithin(t.longTasks, t.start, renderedAt) : 0,
      heapKb: await heapAfterGcKb(cdp),
      floor,
      longTasksSupported: t.longTasks !== null,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

async function baselineHeapKb(context: BrowserContext, target: Target): Promise<number> {
  // The same probe as the measured page, so that only the extension differs.
  const { page, cdp } = await measuredPage(context, [BENCH_PROBE_SOURCE]);
  try {
    await page.goto(target.baselineUrl, { waitUntil: 'load' });
    return await heapAfterGcKb(cdp);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface BrowserBenchOptions {
  extensionDir: string;
  runs: number;
  chromiumVersion: string;
  /** Only the pages whose names match, when given. */
  pages: RegExp | null;
  /** Progress, one line at a time (stderr), so stdout holds only the results. */
  progress(line: string): void;
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserResults> {
  const { runs, progress } = options;
  const fixtures = loadFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lens-bench-'));
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  let minimalChromium: ChromiumSession | undefined;
  try {
    const chosen = (name: string) => options.pages === null || options.pages.test(name);
    const generatedPages = writeGeneratedPages(dir);
    const inBrowser = new Set(LONG_TEXT_PAGES.filter((p) => p.inBrowser).map((p) => p.name));
    const longTextPages = writeLongTextPages(dir, (name) => inBrowser.has(name) && chosen(name));
    const fixtureServer = await startFixtureServer([
      ...fixtures,
      ...generatedPages,
      ...longTextPages,
    ]);
    server = fixtureServer;
    // Pages whose tables arrive after load (dyn-*) would measure the waiting, not the work.
    const reportFixtures = fixtures
      .filter((f) => f.expected.kind === 'report' && !f.name.startsWith('dyn-'))
      .map((f) => target(f, 'fixture', fixtureServer));
    const nonReports = fixtures
      .filter((f) => f.expected.kind !== 'report' && chosen(f.name))
      .map((f) => target(f, 'fixture', fixtureServer));
    const reportTargets = [
      ...reportFixtures.filter((t) => chosen(t.name)),
      ...generatedPages
        .filter((f) => chosen(f.name))
        .map((f) => target(f, 'generated', fixtureServer)),
      ...longTextPages.map((f) => target(f, 'long-text', fixtureServer)),
    ];
    chromium = await launchChromium({
      extensionDir: options.extensionDir,
      serverPort: server.port,
    });
    const { context } = chromium;
    // The baseline: the minimal title-and-meta detector, in a browser of its own, on the same
    // pages in the same runs (its loads alternate with ours).
    minimalChromium = await launchChromium({
      extensionDir: writeMinimalDetector(join(dir, 'minimal-detector')),
      serverPort: server.port,
    });
    const minimalContext = minimalChromium.context;
    progress('Chromium started (with the extension, and with the minimal detector); warming up');

    // Wakes the service worker and warms the caches a journalist's browser would have warm.
    const [warmReport] = reportFixtures;
    const [warmOther] = nonReports;
    if (warmReport) await reportRun(context, warmReport);
    if (warmOther) {
      await detectionRun(context, warmOther);
      await detectionRun(minimalContext, warmOther);
    }

    progress(`non-report pages: DOM writes and memory (${nonReports.length} pages)`);
    const checks = await inParallel(nonReports, UNTOUCHED_CONCURRENCY, (target) =>
      untouchedCheck(context, target),
    );
    const untouched = new Map(nonReports.map((t, i) => [t.name, checks[i] as UntouchedCheck]));
    progress(`report pages: heap without the extension (${reportTargets.length} pages)`);
    const baselineHeaps = await inParallel(reportTargets, BASELINE_CONCURRENCY, (target) =>
      baselineHeapKb(context, target),
    );
    const baselines = new Map(reportTargets.map((t, i) => [t.name, baselineHeaps[i] as number]));

    // Round robin: a burst of load from elsewhere on the machine spreads over pages, not onto one.
    const loadsOf = () => new Map<string, DetectionRun[]>(nonReports.map((t) => [t.name, []]));
    const detections = loadsOf();
    const minimalDetections = loadsOf();
    const alone = loadsOf();
    const minimalAlone = loadsOf();
    const reportRuns = new Map<string, ReportRun[]>(reportTargets.map((t) => [t.name, []]));
    const failures = new Map<string, number>();
    for (let run = 1; run <= runs; run++) {
      progress(`run ${run}/${runs}`);
      for (let load = 0; load < DETECTION_LOADS_PER_RUN; load++) {
        for (const target of nonReports) {
          detections.get(target.name)?.push(await detectionRun(context, target));
          minimalDetections.get(target.name)?.push(await detectionRun(minimalContext, target));
          if (load === 0) {
            // The page alone once a run in each browser: what both detectors' figures are less.
            const own = await pageAloneRun(context, target);
            const minimal = await pageAloneRun(minimalContext, target);
            alone.get(target.name)?.push({ ...own, detectMs: 0 });
            minimalAlone.get(target.name)?.push({ ...minimal, detectMs: 0 });
          }
        }
      }
      for (const target of reportTargets) {
        try {
          reportRuns.get(target.name)?.push(await reportRun(context, target));
        } catch (error) {
          failures.set(target.name, (failures.get(target.name) ?? 0) + 1);
          progress(`  ${target.name}: ${error instanceof Error ? error.message : error}`);
        }
      }
    }

    /** A detector's loads of a page less the page alone in the same browser (medians). */
    const costOver = (runs: readonly DetectionRun[], bare: readonly DetectionRun[]) => {
      const bareScriptMs = summarize(bare.map((r) => r.scriptMs)).median;
      return {
        heapDeltaKb:
          summarize(runs.map((r) => r.heapKb)).median - summarize(bare.map((r) => r.heapKb)).median,
        scriptDeltaMs: summarize(runs.map((r) => r.scriptMs - bareScriptMs)),
      };
    };
    const nonReportResults: NonReportResult[] = nonReports.map((target) => {
      const check = untouched.get(target.name);
      const runs = detections.get(target.name) ?? [];
      return {
        name: target.name,
        kind: target.fixture.expected.kind,
        detectMs: summarize(runs.map((r) => r.detectMs)),
        foreignMutations: check?.foreignMutations ?? [],
        ...costOver(runs, alone.get(target.name) ?? []),
        minimal: costOver(
          minimalDetections.get(target.name) ?? [],
          minimalAlone.get(target.name) ?? [],
        ),
      };
    });
    const reportResults: ReportResult[] = reportTargets.map((target) => {
      const measured = reportRuns.get(target.name) ?? [];
      const baseline = baselines.get(target.name) ?? Number.NaN;
      const endToEndMs = summarize(measured.map((r) => r.endToEndMs));
      const floorMs = summarize(measured.map((r) => r.floor.ms));
      return {
        name: target.name,
        source: target.source,
        requestedCells: target.source === 'generated' ? requestedCellsOf(target.name) : null,
        cells: measured[0]?.floor.cells ?? 0,
        endToEndMs,
        injectMs: summarize(measured.map((r) => r.injectMs)),
        markerAtMs: summarize(measured.map((r) => r.markerAtMs)),
        detectMs: summarize(measured.map((r) => r.detectMs)),
        extractMs: summarize(measured.map((r) => r.extractMs)),
        afterExtractMs: summarize(measured.map((r) => r.afterExtractMs)),
        roundTripMs: summarize(measured.map((r) => r.roundTripMs)),
        longestTaskMs: summarize(measured.map((r) => r.longestTaskMs)),
        heapDeltaKb: summarize(measured.map((r) => r.heapKb - baseline)),
        floorMs,
        floorRatio: endToEndMs.median / floorMs.median,
        failedRuns: failures.get(target.name) ?? 0,
      };
    });
    const allRuns = [...reportRuns.values()].flat();
    return {
      chromiumVersion: options.chromiumVersion,
      nonReportLoads: runs * DETECTION_LOADS_PER_RUN,
      longTasksSupported: allRuns.length > 0 && allRuns.every((r) => r.longTasksSupported),
      nonReports: nonReportResults,
      reports: reportResults,
    };
  } finally {
    await minimalChromium?.close();
    await chromium?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

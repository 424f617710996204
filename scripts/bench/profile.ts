/**
 * npm run bench -- --profile PAGE
 *
 * Where the time of one pass goes, for a budget that is missed: an
 * unminified build of the extension (so that functions keep their names) in
 * Chromium, the DevTools protocol's sampling profiler running in the page's
 * renderer (page scripts and the content script's isolated world) and in the
 * background service worker while PAGE (a fixture name or generated-<cells>)
 * is analysed. Prints the dearest functions of each and writes both profiles
 * as .cpuprofile files, which Chromium's DevTools opens.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { build, type Logger } from 'wxt';
import { type ChromiumSession, launchChromium } from '../../test/browser/chromium';
import { type FixtureServer, startFixtureServer } from '../../test/browser/fixture-server';
import { type Fixture, loadFixtures } from '../../test/browser/fixtures';
import { waitForExpression, writeGeneratedPages } from './browser-bench';
import { type CpuProfile, type FunctionCost, meanCosts, timeUnder } from './cpu-profile';
import { num, table } from './format';
import {
  ANNOTATED_EXPRESSION,
  BENCH_PROBE_SOURCE,
  DETECTED_EXPRESSION,
  TIMELINE_EXPRESSION,
  type Timeline,
} from './probes';
import { median } from './stats';

/** Sampling every 100 µs: a typical report's pass is tens of milliseconds. */
const SAMPLING_INTERVAL_US = 100;
const TOP = Number(process.env.OGI_LENS_PROFILE_TOP ?? 25);

function quietLogger(): Logger {
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`);
  const ignore = () => {};
  return {
    debug: ignore,
    log: ignore,
    info: ignore,
    success: ignore,
    warn: toStderr,
    error: toStderr,
    fatal: toStderr,
    level: 3 as Logger['level'],
  };
}

/** The same extension without minification, beside the real build. */
export async function buildUnminified(outBase: string): Promise<string> {
  await build({
    browser: 'chrome',
    outDir: outBase,
    logger: quietLogger(),
    // Vite's own warnings (annotations in dependencies) are not what a profile is for.
    vite: () => ({ logLevel: 'error', build: { minify: false } }),
  });
  return join(outBase, 'chrome-mv3');
}

/**
 * A protocol session on another target (the service worker), tunnelled
 * through a page's session: Playwright hands out sessions for pages only.
 */
class TunnelledSession {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    (message: { result?: unknown; error?: unknown }) => void
  >();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: unknown;
      };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
  }

  static async open(cdp: CDPSession, targetId: string): Promise<TunnelledSession> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new TunnelledSession(cdp, sessionId);
  }

  async send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<{ result?: unknown; error?: unknown }>((resolveAnswer) =>
      this.pending.set(id, resolveAnswer),
    );
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const message = await answer;
    if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
    return message.result as T;
  }
}

function printCosts(title: string, costs: readonly FunctionCost[]): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(
    `${table(
      ['function', 'total ms', 'self ms'],
      costs.slice(0, TOP).map((c) => [c.label, num(c.totalMs), num(c.selfMs)]),
    )}\n`,
  );
}

/**
 * Every page the benchmark serves (fixtures and generated pages, the latter
 * written to `scratch`) and the one named, or null after saying on stderr
 * which names there are.
 */
export function benchPageNamed(
  name: string,
  scratch: string,
): { fixtures: Fixture[]; fixture: Fixture } | null {
  const fixtures = [...loadFixtures(), ...writeGeneratedPages(scratch)];
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture) return { fixtures, fixture };
  process.stderr.write(
    `no page named ${name}; one of:\n  ${fixtures.map((f) => f.name).join('\n  ')}\n`,
  );
  return null;
}

export interface ProfileOptions {
  page: string;
  runs: number;
  outDir: string;
  progress(line: string): void;
}

interface ProfiledRun {
  timeline: Timeline;
  page: CpuProfile;
  worker: CpuProfile;
}

async function profiledRun(
  chromium: ChromiumSession,
  pageUrl: string,
  done: string,
): Promise<ProfiledRun> {
  const page = await chromium.context.newPage();
  await page.addInitScript({ content: BENCH_PROBE_SOURCE });
  try {
    const cdp = await chromium.context.newCDPSession(page);
    // A same-site address first: the report then loads into the renderer the profiler already runs in.
    await page.goto(new URL('/ogi-lens-bench-blank', pageUrl).href);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workerInfo = targetInfos.find(
      (t) =>
        t.type === 'service_worker' &&
        t.url.startsWith(`chrome-extension://${chromium.extensionId}/`),
    );
    if (!workerInfo) throw new Error("the extension's service worker is not running");
    const worker = await TunnelledSession.open(cdp, workerInfo.targetId);
    // Playwright types the page session's methods; the tunnelled one takes any.
    const pageSend = (method: string, params?: Record<string, unknown>) =>
      cdp.send(method as 'Profiler.start', params as never);
    for (const send of [pageSend, worker.send.bind(worker)]) {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await send('Profiler.start');
    }
    await page.goto(pageUrl);
    await waitForExpression(page, done, 60_000);
    const timeline = JSON.parse(await page.evaluate<string>(TIMELINE_EXPRESSION)) as Timeline;
    const { profile: pageProfile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const { profile: workerProfile } = await worker.send<{ profile: CpuProfile }>('Profiler.stop');
    return { timeline, page: pageProfile, worker: workerProfile };
  } finally {
    await page.close().catch(() => {});
  }
}

function markSpans(runs: readonly ProfiledRun[]): string {
  const span = (from: keyof Timeline, to: keyof Timeline) => {
    const values = runs.flatMap(({ timeline: t }) => {
      const a = t[from];
      const b = t[to];
      return typeof a === 'number' && typeof b === 'number' ? [b - a] : [];
    });
    return values.length ? num(median(values)) : '—';
  };
  return (
    `detect ${span('start', 'detected')} ms, extract ${span('extractStart', 'extractEnd')} ms, ` +
    `extract end → annotated ${span('extractEnd', 'annotated')} ms, end to end ${span('start', 'annotated')} ms`
  );
}

export async function runProfile(options: ProfileOptions): Promise<number> {
  const { progress, runs } = options;
  const scratch = mkdtempSync(join(tmpdir(), 'ogi-lens-profile-'));
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  try {
    const named = benchPageNamed(options.page, scratch);
    if (!named) return 2;
    const { fixtures, fixture } = named;
    progress('building an unminified copy of the extension');
    const extensionDir = await buildUnminified(join(scratch, 'build'));
    const isReport = fixture.expected.kind === 'report' || fixture.name.startsWith('generated-');
    const done = isReport ? ANNOTATED_EXPRESSION : DETECTED_EXPRESSION;
    server = await startFixtureServer(fixtures);
    chromium = await launchChromium({ extensionDir, serverPort: server.port });

    // Once unprofiled: the worker awake and the caches warm, as in the benchmark.
    const warm = await chromium.context.newPage();
    await warm.addInitScript({ content: BENCH_PROBE_SOURCE });
    await warm.goto(fixture.pageUrl);
    await waitForExpression(warm, done, 60_000);
    await warm.close();

    const measured: ProfiledRun[] = [];
    for (let run = 1; run <= runs; run++) {
      progress(`profiling ${fixture.name}, run ${run}/${runs}`);
      measured.push(await profiledRun(chromium, fixture.pageUrl, done));
    }
    const last = measured[measured.length - 1] as ProfiledRun;
    mkdirSync(options.outDir, { recursive: true });
    const pagePath = join(options.outDir, `profile-${fixture.name}-page.cpuprofile`);
    const workerPath = join(options.outDir, `profile-${fixture.name}-background.cpuprofile`);
    writeFileSync(pagePath, JSON.stringify(last.page));
    writeFileSync(workerPath, JSON.stringify(last.worker));

    const pages = measured.map((r) => r.page);
    const workers = measured.map((r) => r.worker);
    const perRun = (values: number[]) => num(values.reduce((a, b) => a + b, 0) / values.length);
    process.stdout.write(
      `Profile of ${fixture.name}: unminified build, sampling every ${SAMPLING_INTERVAL_US} µs, ` +
        `${runs} runs; times are per run (marks: median; functions: mean)\n` +
        `  marks (inflated by the profiler): ${markSpans(measured)}\n` +
        `  page renderer: ${perRun(pages.map((p) => timeUnder(p, /\/(detector|analyser)\.js/)))} ms with the content script on the stack\n` +
        `  background worker: ${perRun(workers.map((p) => timeUnder(p, /background\.js/)))} ms with background.js on the stack\n`,
    );
    const isContent = (c: FunctionCost) => /(detector|analyser)\.js:/.test(c.label);
    const pageCosts = meanCosts(pages);
    printCosts('Content script (page renderer), by inclusive time', pageCosts.filter(isContent));
    printCosts(
      'Page renderer, every function and engine bucket',
      pageCosts.filter((c) => c.label !== '(root)'),
    );
    printCosts(
      'Background worker, by inclusive time',
      meanCosts(workers).filter((c) => c.label !== '(root)' && c.label !== '(idle)'),
    );
    process.stdout.write(
      `\nProfiles of the last run (Chromium DevTools, Performance panel, opens them):\n  ${relative(process.cwd(), pagePath)}\n  ${relative(process.cwd(), workerPath)}\n`,
    );
    return 0;
  } finally {
    await chromium?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

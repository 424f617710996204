/** The results as text tables for the terminal. */
import type { BrowserResults } from './browser-bench';
import { type BudgetCheck, overMinimal } from './budgets';
import type { BundleSize } from './bundle-sizes';
import type { CliThroughput } from './cli-throughput';
import { type CliVsPandas, formatCliVsPandas } from './cli-vs-pandas';
import type { Linearity } from './linearity';
import type { LongTextCli } from './long-text';
import type { Machine } from './machine';
import type { PdfPageResult } from './pdf-bench';
import type { Summary } from './stats';

/** Two decimals below 10, one below 100, none above: as precise as the clock, no more. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return value.toFixed(abs < 10 ? 2 : abs < 100 ? 1 : 0);
}

const medianRange = (s: Summary) =>
  s.n === 0 ? '—' : `${num(s.median)} (${num(s.min)}–${num(s.max)})`;

export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  textOnly = false,
): string {
  const widths = headers.map((h, i) =>
    Math.max([...h].length, ...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  // Text columns left, figures right (a table of sentences, such as the budgets, all left).
  const numeric = headers.map(
    (_, i) => !textOnly && rows.every((row) => /^[-−\d.,—(]/.test(row[i] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length));
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** What each figure is, kept with the figures in the JSON. */
export const METHODS = {
  detectMs:
    'performance marks of lib/content/marks.ts DETECT_MARKS: end − start, taken by the content script (detection only, at document_idle), read from the page main world',
  endToEndMs:
    'PASS_MARKS annotated − start, where start is the moment the page settled (the analyser, injected meanwhile, may start later: that wait counts): extraction, the background checks and history, UI strings, overlay, marker',
  injectMs:
    'ANALYSER_MARKS loaded − requested: the content script asks the background for the analyser (loadAnalyser), which injects it into the frame; overlapped with the wait for the page to settle',
  minimal:
    'scripts/bench/minimal-detector.ts: an MV3 extension whose content script reads document.title and four meta tags and leaves the same detection marks, in its own Chromium, loaded in turn with ours; script +ms and heap +KB measured as for ours, each less the same page outside *.gov.cn in its own browser; ratios are the median over pages of our per-page medians over the same for the minimal detector',
  extractMs: 'EXTRACT_MARKS end − start',
  markerAtMs:
    "PASS_MARKS annotated, in the page's time (ms since navigation start): the fixture server's page load, the content script's start at document_idle, its wait for the page to paint and go idle (lib/steps.ts whenPageSettled), and the pass",
  afterExtractMs: 'PASS_MARKS annotated − EXTRACT_MARKS end',
  roundTripMs: 'PASS_MARKS answered − EXTRACT_MARKS end',
  longestTaskMs:
    "longest 'longtask' PerformanceObserver entry (installed before the page's scripts), or rendering task (a 'long-animation-frame' entry's renderStart to its end: Chromium reports no longtask for rendering), overlapping [start, the frame rendered after annotated]; 0 if none",
  heapDeltaKb:
    'CDP Performance.getMetrics JSHeapUsedSize after HeapProfiler.collectGarbage: the renderer main-thread isolate (page main world plus the extension isolated world), minus the same page served outside *.gov.cn where the content script does not run. measureUserAgentSpecificMemory needs cross-origin isolation, which portals do not have',
  scriptDeltaMs:
    'CDP Performance.getMetrics ScriptDuration (enabled before navigation) at detection, minus the median of the same page without the extension (outside *.gov.cn, once a run): compile, start-up and detection of the content script',
  foreignMutations:
    'test/browser/page-probe.ts mutation probe started at DOMContentLoaded (the content script runs at document_idle), unexplainedChanges against the same page outside *.gov.cn',
  floorMs:
    "main world: for (const td of document.querySelectorAll('td,th')) s += td.textContent.length, repeated until 10 ms and averaged (the clock is coarsened to 0.1 ms)",
  bundles: 'zlib gzip level 9 of every .js and .css under .output/chrome-mv3',
  cli: 'analyseFile (scripts/cli/analyse-file.ts) over every fixture in order, history carried as npm run check does, in process, one thread',
  cliVsPandas:
    "whole processes, alternating: package.json's check script (node scripts/cli/launch.mjs --json, worker threads as many as cores) and Debian's python3 -c 'import pandas; pandas.read_html(page) for each page', over the fixture pages; wall time per process",
  pdfPage:
    "scripts/bench/pdf-bench.ts: the built extension's pdf-report.html?url=<the 5-page fixture at its .gov.cn address>, a fresh tab a run, the first run a warm-up left out, in Chromium and then Firefox ESR; the page's performance marks (lib/pdf-page/pdf-page.ts PDF_MARKS) in its own time: fetch = fetched, read = read − fetched, check = annotated − read, total = annotated",
  longText:
    'analyseFile on each runaway-text page (scripts/pages/long-text.ts) alone, without history: parse, detection, extraction, checks',
} as const;

export interface Results {
  methods: typeof METHODS;
  generatedAt: string;
  runs: number;
  cliRuns: number;
  machine: Machine;
  browser: BrowserResults;
  linearity: Linearity | null;
  bundles: BundleSize[];
  cli: CliThroughput;
  longText: LongTextCli[];
  cliVsPandas: CliVsPandas;
  /** The PDF page in each browser; null when not run. */
  pdf: PdfPageResult[] | null;
  budgets: BudgetCheck[];
}

/** The PDF page's table: fetch, read, check and total per browser, median (min–max) in ms. */
export function formatPdfPage(pdf: readonly PdfPageResult[], runs: number): string[] {
  return [
    `PDF page (pdf-report.html) on ${pdf[0]?.fixture ?? '?'}: ${runs} runs after a warm-up, the page's own marks (ms)`,
    table(
      ['browser', 'fetch', 'read', 'check', 'total', 'failed'],
      pdf.map((r) => [
        r.browser,
        medianRange(r.fetchMs),
        medianRange(r.readMs),
        medianRange(r.checkMs),
        medianRange(r.totalMs),
        String(r.failedRuns),
      ]),
    ),
  ];
}

/** The budgets, with a loud line for each miss. */
export function formatBudgets(budgets: readonly BudgetCheck[]): string[] {
  const out = [
    'Budgets',
    table(
      ['', 'budget', 'measured'],
      budgets.map((b) => [b.verdict, b.budget, b.measured]),
      true,
    ),
  ];
  const misses = budgets.filter((b) => b.verdict === 'MISS');
  if (misses.length > 0) {
    out.push('', `!!! ${misses.length} BUDGET${misses.length > 1 ? 'S' : ''} MISSED !!!`);
    for (const miss of misses) out.push(`!!! MISS: ${miss.budget}: ${miss.measured}`);
  }
  return out;
}

export function formatResults(r: Results): string {
  const { machine } = r;
  const out: string[] = [];
  out.push(`OGI Lens benchmark, ${r.generatedAt}`);
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.chromium}; Node ${machine.node}; ` +
      `load average ${machine.loadAtStart.toFixed(2)} at start, ${machine.loadAtEnd?.toFixed(2) ?? '?'} at end`,
  );
  // The load at the end includes the benchmark's own browser; only the start tells of other work.
  if (machine.loadAtStart > machine.cores / 2) {
    out.push('WARNING: the machine was busy with other work; figures are pessimistic and noisy.');
  }
  out.push(
    `Runs: ${r.runs} per page (${r.browser.nonReportLoads} loads of each non-report page), figures are median (min–max), times in ms.`,
  );

  out.push(
    '',
    'Non-report pages: detection (detect:end − analyse:start), DOM writes, cost of the loaded content script',
  );
  out.push(
    table(
      [
        'page',
        'kind',
        'detect ms',
        'DOM writes',
        'heap +KB',
        'minimal',
        '×',
        'script +ms',
        'minimal',
        '×',
      ],
      r.browser.nonReports.map((p) => [
        p.name,
        p.kind,
        medianRange(p.detectMs),
        String(p.foreignMutations.length),
        num(p.heapDeltaKb),
        num(p.minimal.heapDeltaKb),
        num(p.heapDeltaKb / p.minimal.heapDeltaKb),
        medianRange(p.scriptDeltaMs),
        num(p.minimal.scriptDeltaMs.median),
        num(p.scriptDeltaMs.median / p.minimal.scriptDeltaMs.median),
      ]),
    ),
  );
  const o = overMinimal(r.browser.nonReports);
  out.push(
    `  Against the minimal title-and-meta detector (same pages, same run; median of the pages): script ${num(o.ownScriptMs)} ms against ${num(o.minimalScriptMs)} ms = ${num(o.scriptRatio)} ×, heap ${num(o.ownHeapKb)} KB against ${num(o.minimalHeapKb)} KB = ${num(o.heapRatio)} ×.`,
  );
  out.push(
    '  DOM writes: changes after parsing seen only with the extension (same page outside *.gov.cn as baseline).',
    '  heap +KB: see below. script +ms: CDP ScriptDuration with the extension minus without: compiling and',
    '  starting the content script and detection, paid on every .gov.cn page. minimal: the same for a content',
    '  script that reads the title and four meta tags only (scripts/bench/minimal-detector.ts), its own browser.',
  );
  for (const p of r.browser.nonReports.filter((n) => n.foreignMutations.length > 0)) {
    out.push(`  ${p.name}: ${p.foreignMutations.join('; ')}`);
  }

  out.push(
    '',
    'Report pages: end to end = analyse:start → annotate:end (detect, extract, background checks, overlay, marker)',
  );
  if (!r.browser.longTasksSupported) out.push('  (this browser reported no long tasks)');
  out.push(
    table(
      [
        'page',
        'cells',
        'end to end',
        'inject',
        'marker at',
        'detect',
        'extract',
        'after extract',
        'round trip',
        'longest task',
        'heap +KB',
        'floor',
        '×floor',
      ],
      r.browser.reports.map((p) => [
        p.name + (p.failedRuns ? ` (${p.failedRuns} runs failed)` : ''),
        String(p.cells),
        medianRange(p.endToEndMs),
        num(p.injectMs.median),
        num(p.markerAtMs.median),
        num(p.detectMs.median),
        medianRange(p.extractMs),
        num(p.afterExtractMs.median),
        num(p.roundTripMs.median),
        medianRange(p.longestTaskMs),
        num(p.heapDeltaKb.median),
        num(p.floorMs.median),
        num(p.floorRatio),
      ]),
    ),
  );
  out.push(
    '  heap +KB: JS heap after a forced GC (CDP Performance.getMetrics JSHeapUsedSize: the renderer isolate,',
    '  page and content script together) minus the same page served outside *.gov.cn, without the extension.',
    "  end to end: from the moment the page settled; inject: the content script's request for the analyser",
    '  until it was injected, made at detection and overlapped with the wait for the page to settle.',
    '  marker at: when the marker was set, in ms since the navigation started (page load included; the',
    '  pass starts once the page has painted and gone idle, at most 300 ms after the content script starts).',
    "  after extract: extract:end → annotate:end (the background's checks and history, UI strings, overlay);",
    "  round trip: extract:end → check:end, the part spent until the background's answer arrived.",
    '  longest task: the longest task (PerformanceObserver longtask, ≥ 50 ms, 0 if none) overlapping the pass',
    '  or the frame rendered after it; the rendering of a frame (the style and layout its marks and overlay',
    '  cause) counts as a task, from a long-animation-frame entry, since Chromium reports no longtask for it.',
    "  floor: one read of every td/th's textContent from the page (averaged over repeated reads).",
  );

  if (r.linearity) {
    const { endToEnd, extract, points } = r.linearity;
    out.push('', 'Linearity over the generated pages (least squares on the medians)');
    out.push(
      table(
        ['cost', 'per cell', 'fixed', 'R²', 'per-cell 20k / 5k'],
        [
          [
            'end to end',
            `${num(endToEnd.slope * 1000)} µs`,
            `${num(endToEnd.intercept)} ms`,
            endToEnd.r2.toFixed(3),
            num(endToEnd.perCellRatio),
          ],
          [
            'extract',
            `${num(extract.slope * 1000)} µs`,
            `${num(extract.intercept)} ms`,
            extract.r2.toFixed(3),
            num(extract.perCellRatio),
          ],
        ],
      ),
    );
    out.push(
      `  points: ${points.map((p) => `${p.cells} cells ${num(p.endToEndMs)} ms`).join(', ')}`,
    );
  }

  out.push('', 'Bundles (.output/chrome-mv3, zlib gzip level 9; KB = 1,024 bytes)');
  out.push(
    table(
      ['file', 'loaded', 'KB', 'gzip KB'],
      r.bundles.map((b) => [b.file, b.role, num(b.bytes / 1024), num(b.gzipBytes / 1024)]),
    ),
  );

  out.push(
    '',
    `Command line: analyseFile over ${r.cli.files} fixture pages in one process, ${r.cliRuns} runs` +
      (r.cli.errors ? ` (${r.cli.errors} files failed)` : ''),
  );
  out.push(
    `  ${medianRange(r.cli.pagesPerSecond)} pages/s; ${medianRange(r.cli.secondsPerRun)} s per run`,
  );

  if (r.longText.length > 0) {
    out.push('', `Command line on runaway-text pages, each alone, ${r.cliRuns} runs (seconds)`);
    out.push(
      table(
        ['page', 'seconds', 'of which parse', 'read as a report'],
        r.longText.map((p) => [
          p.name,
          `${p.seconds.median.toFixed(2)} (${p.seconds.min.toFixed(2)}–${p.seconds.max.toFixed(2)})`,
          p.parseSeconds.median.toFixed(2),
          p.isReport ? 'yes' : `no${p.error ? `: ${p.error}` : ''}`,
        ]),
      ),
    );
  }

  out.push('', ...formatCliVsPandas(r.cliVsPandas));

  if (r.pdf) out.push('', ...formatPdfPage(r.pdf, r.runs));

  out.push('', ...formatBudgets(r.budgets));
  return out.join('\n');
}

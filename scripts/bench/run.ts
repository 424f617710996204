/**
 * npm run bench -- [--runs N] [--cli-runs N] [--json FILE] [--no-build] [--strict] [--pages REGEX]
 * npm run bench -- --pdf [--runs N] [--json FILE] [--no-build] [--strict]  (the PDF page alone)
 * npm run bench -- --profile PAGE  (see profile.ts)
 * npm run bench -- --trace PAGE    (see trace.ts)
 *
 * Builds the Chrome extension, loads it in Debian's Chromium and measures what
 * it costs on the fixture pages and on generated report pages of 250 to
 * 50,000 cells; then the bundles' gzipped sizes and the command line's
 * throughput; then the PDF page on a 5-page report in Chromium and Firefox
 * (pdf-bench.ts, which builds the Firefox extension too). Prints a table (stdout; progress goes to stderr) and writes the
 * figures as JSON. A missed budget is printed loudly; the exit code stays 0
 * unless --strict, because this is a measurement, not a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH } from '../../test/browser/chromium';
import { loadFixtures } from '../../test/browser/fixtures';
import { buildChromeExtension, buildFirefoxExtension } from '../build-chrome';
import { runBrowserBench } from './browser-bench';
import { checkBudgets, pdfChecks } from './budgets';
import { bundleSizes } from './bundle-sizes';
import { cliThroughput } from './cli-throughput';
import { cliVsPandas, pandasBudget } from './cli-vs-pandas';
import { formatBudgets, formatPdfPage, formatResults, METHODS, type Results } from './format';
import { measureLinearity } from './linearity';
import { type LongTextCli, longTextCli, writeLongTextPages } from './long-text';
import { currentLoad, describeMachine } from './machine';
import { type PdfPageResult, runPdfBench } from './pdf-bench';
import { runProfile } from './profile';
import { runTrace } from './trace';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const DEFAULT_JSON = join(ROOT, 'artifacts/bench/latest.json');
const DEFAULT_PDF_JSON = join(ROOT, 'artifacts/bench/pdf.json');
const USAGE = `usage: npm run bench -- [--runs N] [--cli-runs N] [--json FILE] [--no-build] [--strict] [--pages REGEX]
       npm run bench -- --pdf [--runs N] [--json FILE] [--no-build] [--strict]   (the PDF page alone)
       npm run bench -- --profile PAGE   (a fixture name or generated-250|5000|20000|50000)
       npm run bench -- --trace PAGE     (the same names, or generated-50000-hostile-css)`;

interface BenchOptions {
  runs: number;
  cliRuns: number;
  jsonPath: string;
  build: boolean;
  strict: boolean;
  /** A page to profile instead of benchmarking. */
  profile: string | null;
  /** A page to trace instead of benchmarking. */
  trace: string | null;
  /** Only the browser pages whose names match (budgets about the others read N/A). */
  pages: RegExp | null;
  /** Only the PDF page, in Chromium and Firefox (pdf-bench.ts). */
  pdfOnly: boolean;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return n;
}

function pagePattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw new Error(`--pages needs a regular expression, not ${JSON.stringify(source)}`);
  }
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      'cli-runs': { type: 'string' },
      json: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      profile: { type: 'string' },
      trace: { type: 'string' },
      pages: { type: 'string' },
      pdf: { type: 'boolean', default: false },
    },
  });
  const runs = positiveInt(values.runs, '--runs', 5);
  return {
    runs,
    // Three runs of the in-process measures keep the whole benchmark within
    // about three minutes on two cores.
    cliRuns: positiveInt(values['cli-runs'], '--cli-runs', Math.min(runs, 3)),
    jsonPath: resolve(values.json ?? (values.pdf ? DEFAULT_PDF_JSON : DEFAULT_JSON)),
    build: !values['no-build'],
    strict: values.strict ?? false,
    profile: values.profile ?? null,
    trace: values.trace ?? null,
    pages: values.pages === undefined ? null : pagePattern(values.pages),
    pdfOnly: values.pdf ?? false,
  };
}

const startedAt = performance.now();
const progress = (line: string) =>
  process.stderr.write(
    `[bench ${String(Math.round((performance.now() - startedAt) / 1000)).padStart(3)} s] ${line}\n`,
  );

function buildExtension(): void {
  progress('building the Chrome extension (npm run build:chrome)');
  buildChromeExtension();
}

function buildFirefox(): void {
  progress('building the Firefox extension (npm run build:firefox)');
  buildFirefoxExtension();
}

/**
 * The PDF page alone (`--pdf`): both builds, both browsers, its table and its
 * budget lines, the figures as JSON (artifacts/bench/pdf.json unless --json).
 */
async function pdfOnly(options: BenchOptions): Promise<number> {
  const machine = describeMachine(CHROMIUM_PATH);
  if (options.build) {
    buildExtension();
    buildFirefox();
  }
  const pdf = await runPdfBench({ runs: options.runs, progress });
  machine.loadAtEnd = currentLoad();
  const budgets = pdfChecks(pdf);
  const results = {
    methods: { pdfPage: METHODS.pdfPage },
    generatedAt: new Date().toISOString(),
    runs: options.runs,
    machine,
    pdf,
    budgets,
  };
  mkdirSync(dirname(options.jsonPath), { recursive: true });
  writeFileSync(options.jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `${[
      `OGI Lens benchmark (PDF page only), ${results.generatedAt}`,
      `Machine: ${machine.cpu}, ${machine.cores} cores; ${machine.chromium}; load average ${machine.loadAtStart.toFixed(2)} at start, ${machine.loadAtEnd?.toFixed(2) ?? '?'} at end`,
      '',
      ...formatPdfPage(pdf, options.runs),
      '',
      ...formatBudgets(budgets),
    ].join('\n')}\n`,
  );
  progress(`figures written to ${relative(process.cwd(), options.jsonPath)}`);
  return options.strict && budgets.some((b) => b.verdict === 'MISS') ? 1 : 0;
}

/** The command line on each runaway-text page the --pages pattern chooses, on its own. */
async function longTextCliRuns(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<LongTextCli[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lens-bench-cli-'));
  try {
    const pages = writeLongTextPages(dir, (name) => options.pages?.test(name) ?? true);
    return await longTextCli(pages, options.cliRuns, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n${USAGE}\n`);
    return 2;
  }
  if (options.profile) {
    return runProfile({
      page: options.profile,
      runs: options.runs,
      outDir: dirname(options.jsonPath),
      progress,
    });
  }
  if (options.trace) {
    return runTrace({
      page: options.trace,
      // Traces are large (tens of MB) and each is read by eye: one run unless more are asked for.
      runs: argv.some((arg) => arg === '--runs' || arg.startsWith('--runs=')) ? options.runs : 1,
      outDir: dirname(options.jsonPath),
      progress,
    });
  }
  if (options.pdfOnly) return pdfOnly(options);
  const machine = describeMachine(CHROMIUM_PATH);
  if (options.build) {
    buildExtension();
    buildFirefox();
  }

  const started = performance.now();
  const browser = await runBrowserBench({
    extensionDir: EXTENSION_DIR,
    runs: options.runs,
    pages: options.pages,
    chromiumVersion: machine.chromium,
    progress,
  });
  const bundles = bundleSizes(EXTENSION_DIR);
  // After the browser has closed, so that the two do not compete for the cores.
  const cli = await cliThroughput(
    loadFixtures().map((f) => f.htmlPath),
    options.cliRuns,
    progress,
  );
  const longText = await longTextCliRuns(options, progress);
  // Whole processes, the command line against pandas.read_html (issue 19); see cli-vs-pandas.ts.
  const sideBySide = cliVsPandas(
    loadFixtures().map((f) => f.htmlPath),
    options.runs,
    progress,
  );
  // Last, each browser alone: the 5-page PDF report in the extension's PDF page.
  const pdf: PdfPageResult[] = await runPdfBench({ runs: options.runs, progress });
  machine.loadAtEnd = currentLoad();

  const linearity = measureLinearity(browser.reports);
  const results: Results = {
    methods: METHODS,
    generatedAt: new Date().toISOString(),
    runs: options.runs,
    cliRuns: options.cliRuns,
    machine,
    browser,
    linearity,
    bundles,
    cli,
    longText,
    cliVsPandas: sideBySide,
    pdf,
    budgets: checkBudgets({
      nonReports: browser.nonReports,
      reports: browser.reports,
      bundles,
      linearity,
      longText,
      longTasksSupported: browser.longTasksSupported,
      pdf,
    }).concat(pandasBudget(sideBySide)),
  };
  // The figures are saved first: minutes of measuring must survive a problem in printing them.
  mkdirSync(dirname(options.jsonPath), { recursive: true });
  writeFileSync(options.jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\n`);
  progress(
    `figures written to ${relative(process.cwd(), options.jsonPath)} in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  const missed = results.budgets.some((b) => b.verdict === 'MISS');
  return options.strict && missed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exitCode = 1;
  },
);

/**
 * Issue 19's yardstick for the command line: pandas.read_html on the same
 * pages, both as whole processes, side by side. The command line is run as
 * package.json's "check" script runs it (node scripts/cli/launch.mjs --json
 * PAGES: Node's start-up, the worker threads' start-up, the reading,
 * detection, mapping and checking of every page, the JSON written);
 * npm's own launcher is left out, as a user may call the same command
 * directly. pandas is run by Debian's python3 (python3-pandas, lxml):
 * `import pandas` and read_html on each page, a page without tables raising
 * ValueError. The runs alternate between the two, so a busy moment of the
 * machine falls on both. Without pandas the comparison is skipped and says
 * so; it never prints a figure it did not measure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Summary, summarize } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');

/** Debian's interpreter first: python3-pandas is installed for it, and a PATH python3 may be another. */
const PYTHONS = ['/usr/bin/python3', 'python3'];

const PANDAS_SCRIPT = `
import sys, pandas
for page in sys.argv[1:]:
    try:
        pandas.read_html(page)
    except ValueError:
        pass  # no <table> on the page
`;

export interface ProcessRuns {
  /** The command, for the record. */
  command: string;
  seconds: Summary;
  pagesPerSecond: Summary;
}

export interface CliVsPandas {
  pages: number;
  runs: number;
  cli: ProcessRuns;
  /** Null when pandas could not be run here: `skipped` says why. */
  pandas: (ProcessRuns & { python: string; version: string }) | null;
  skipped: string | null;
  /** A run of either that did not exit 0 (its time would not be a reading of every page). */
  failures: string[];
}

/** A python3 that imports pandas and lxml, with pandas' version; null when there is none. */
export function findPandas(): { python: string; version: string } | null {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', 'import pandas, lxml; print(pandas.__version__)'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return null;
}

/** The "check" script of package.json as argv (node and its flags, the script). */
function checkCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = (pkg.scripts.check as string).split(/\s+/);
  return [program === 'node' ? process.execPath : (program as string), ...args];
}

/** Seconds of one whole process over the pages; null with a reason when it failed. */
function timeProcess(argv: readonly string[]): { seconds: number } | { failure: string } {
  const [program, ...args] = argv as [string, ...string[]];
  const t0 = performance.now();
  const run = spawnSync(program, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) {
    return { failure: `${program} exited ${run.status ?? run.signal}: ${run.stderr.slice(-300)}` };
  }
  return { seconds };
}

export function cliVsPandas(
  pages: readonly string[],
  runs: number,
  progress: (line: string) => void,
): CliVsPandas {
  const cliArgv = [...checkCommand(), '--json', ...pages];
  const pandas = findPandas();
  const pandasArgv = pandas ? [pandas.python, '-c', PANDAS_SCRIPT, ...pages] : null;
  const cliSeconds: number[] = [];
  const pandasSeconds: number[] = [];
  const failures: string[] = [];
  for (let run = 1; run <= runs; run++) {
    progress(
      `command line against pandas.read_html: run ${run}/${runs} over ${pages.length} pages`,
    );
    const cli = timeProcess(cliArgv);
    if ('seconds' in cli) cliSeconds.push(cli.seconds);
    else failures.push(`command line: ${cli.failure}`);
    if (pandasArgv) {
      const py = timeProcess(pandasArgv);
      if ('seconds' in py) pandasSeconds.push(py.seconds);
      else failures.push(`pandas: ${py.failure}`);
    }
  }
  const runsOf = (command: string, seconds: number[]): ProcessRuns => ({
    command,
    seconds: summarize(seconds),
    pagesPerSecond: summarize(seconds.map((s) => pages.length / s)),
  });
  return {
    pages: pages.length,
    runs,
    cli: runsOf(
      `${checkCommand().slice(1).join(' ')} --json PAGES (node ${process.version})`,
      cliSeconds,
    ),
    pandas: pandas
      ? {
          ...runsOf(
            `${pandas.python} -c 'import pandas; pandas.read_html(page) for each page'`,
            pandasSeconds,
          ),
          ...pandas,
        }
      : null,
    skipped: pandas
      ? null
      : 'pandas is not installed (Debian: apt-get install python3-pandas python3-lxml; scripts/setup.sh installs them)',
    failures,
  };
}

/** The budget line: the command line's median pages/s at least pandas'. */
export function pandasBudget(result: CliVsPandas): {
  budget: string;
  measured: string;
  verdict: 'PASS' | 'MISS' | 'N/A';
} {
  const budget = `command line ≥ pandas.read_html, pages/s over ${result.pages} fixture pages, whole processes (median of ${result.runs})`;
  const cli = result.cli.pagesPerSecond;
  if (!result.pandas || result.pandas.pagesPerSecond.n === 0 || cli.n === 0) {
    return {
      budget,
      measured: result.skipped ?? `not measured: ${result.failures.join('; ')}`,
      verdict: 'N/A',
    };
  }
  const py = result.pandas.pagesPerSecond;
  return {
    budget,
    measured: `command line ${cli.median.toFixed(1)} pages/s, pandas ${py.median.toFixed(1)} pages/s (${(cli.median / py.median).toFixed(2)} ×)`,
    verdict: cli.median >= py.median && result.failures.length === 0 ? 'PASS' : 'MISS',
  };
}

/** The lines the benchmark prints for the comparison. */
export function formatCliVsPandas(result: CliVsPandas): string[] {
  const line = (name: string, r: ProcessRuns) =>
    `  ${name}: ${r.pagesPerSecond.median.toFixed(1)} pages/s (${r.pagesPerSecond.min.toFixed(1)}–${r.pagesPerSecond.max.toFixed(1)}), ${r.seconds.median.toFixed(2)} s per process — ${r.command}`;
  const out = [
    `Command line against pandas.read_html: ${result.pages} fixture pages, whole processes, ${result.runs} runs each, alternating`,
    line('command line', result.cli),
  ];
  if (result.pandas) out.push(line(`pandas ${result.pandas.version}`, result.pandas));
  else out.push(`  pandas: skipped — ${result.skipped}`);
  for (const failure of result.failures) out.push(`  failed: ${failure}`);
  return out;
}

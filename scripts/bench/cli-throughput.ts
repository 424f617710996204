/**
 * The command line's speed on the fixture corpus: every saved page through
 * analyseFile in one process, in order, each report serving as history for
 * later ones, as `npm run check` does.
 */
import type { Report } from '../../lib/model/report';
import { analyseFile } from '../cli/analyse-file';
import { type Summary, summarize } from './stats';

export interface CliThroughput {
  files: number;
  /** Files that came back with an error entry: a slow path skipped is not a fast run. */
  errors: number;
  pagesPerSecond: Summary;
  secondsPerRun: Summary;
}

async function oneRun(files: readonly string[]): Promise<{ seconds: number; errors: number }> {
  const history: Report[] = [];
  let errors = 0;
  const t0 = performance.now();
  for (const file of files) {
    const { entry, report } = await analyseFile(file, { history });
    if (report) history.push(report);
    if (entry.error) errors++;
  }
  return { seconds: (performance.now() - t0) / 1000, errors };
}

export async function cliThroughput(
  files: readonly string[],
  runs: number,
  progress: (line: string) => void,
): Promise<CliThroughput> {
  const seconds: number[] = [];
  let errors = 0;
  for (let run = 1; run <= runs; run++) {
    progress(`command line: run ${run}/${runs} over ${files.length} pages`);
    const result = await oneRun(files);
    seconds.push(result.seconds);
    errors = Math.max(errors, result.errors);
  }
  return {
    files: files.length,
    errors,
    pagesPerSecond: summarize(seconds.map((s) => files.length / s)),
    secondsPerRun: summarize(seconds),
  };
}

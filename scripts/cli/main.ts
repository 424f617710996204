/**
 * The command line (`npm run check`, scripts/check.ts): checks saved report
 * pages with the extension's lib/, and with --export writes the files the
 * browser's export writes. The pages are read across the cores (./batch.ts),
 * then checked in the order given.
 */
import type { Report } from '../../lib/model/report';
import { parseCliArgs, USAGE } from './args';
import { analyseBatch, defaultJobs } from './batch';
import type { BatchReport } from './combined-csv';
import {
  exportInputOf,
  FileNamer,
  prepareOutDir,
  writeCombinedCsv,
  writeReportExport,
} from './export';
import { runPortalAudit } from './portal';
import { progressLine } from './progress';
import { formatSummary } from './summary';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs the command line on `argv` (without node and the script); resolves to the exit code. */
export async function runCommandLine(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.problem ? `${parsed.problem}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const { portal } = parsed.options;
  if (portal !== null) return runPortalAudit({ ...parsed.options, portal });
  const { json, jobs, files, export: target } = parsed.options;
  if (target) {
    try {
      await prepareOutDir(target);
    } catch (err) {
      process.stderr.write(`cannot create ${target.outDir}: ${messageOf(err)}\n`);
      return 1;
    }
  }
  // With --json, stdout carries the JSON array and nothing else; the list of written files moves to stderr.
  const written = (path: string) =>
    (json ? process.stderr : process.stdout).write(`wrote ${path}\n`);
  const entries = [];
  const progress = progressLine(process.stderr, files.length);
  // Checked in order: earlier reports of an agency serve as history for later ones, as in the browser.
  const analyses = await analyseBatch(files, {
    jobs: jobs ?? defaultJobs(),
    provenance: target !== null,
    onExtracted: progress.update,
  });
  progress.clear();
  // When each report of the run was read, for the previous-year summary of later ones.
  const retrievedAt = new Map<Report, string>();
  const batch: BatchReport[] = [];
  const namer = new FileNamer();
  let exportFailed = false;
  for (const [i, analysis] of analyses.entries()) {
    const file = files[i] as string;
    const { entry, report, provenance } = analysis;
    if (report && provenance) retrievedAt.set(report, provenance.retrievedAt);
    entries.push(entry);
    if (!json) process.stdout.write(`${formatSummary(entry)}\n`);
    const input = target ? exportInputOf(analysis, retrievedAt) : null;
    if (target && !input) {
      const why = entry.error ? `unreadable: ${entry.error}` : `not a report (${entry.kind})`;
      process.stderr.write(`not exported, ${why}: ${file}\n`);
    }
    if (target && input) {
      batch.push({
        file,
        report: input.report,
        findings: input.findings,
        retrievedAt: input.retrievedAt,
      });
      try {
        written(await writeReportExport(input, target, namer));
      } catch (err) {
        // One report that cannot be written must not cost the rest of the batch its files.
        process.stderr.write(`export failed for ${file}: ${messageOf(err)}\n`);
        exportFailed = true;
      }
    }
    if (!json) process.stdout.write('\n');
  }
  if (target) written(await writeCombinedCsv(target, batch));
  if (json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return exportFailed ? 1 : 0;
}

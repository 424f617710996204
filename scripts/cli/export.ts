/**
 * `--export FORMAT --out DIR`: writes, for each report of the batch, the same
 * file the browser's export writes (lib/export/build.ts), into DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildExport } from '../../lib/export/build';
import type { ExportInput } from '../../lib/export/types';
import { writeWorkbook } from '../../lib/export/xlsx/workbook';
import type { PreviousSummary } from '../../lib/model/history';
import type { Report } from '../../lib/model/report';
import type { Analysis } from './analyse-file';
import type { ExportTarget } from './args';
import { type BatchReport, COMBINED_CSV_NAME, combinedCsv } from './combined-csv';

/**
 * Hands out file names within one run. Two saved copies of one report share
 * agency and year, hence a file name; the later one gets -2, -3… rather than
 * silently replacing the first. Names are compared case-insensitively because
 * the file systems of Windows and macOS are. A file left in DIR by an earlier
 * run is replaced: running the same command again gives the same files.
 */
export class FileNamer {
  private readonly taken = new Set<string>([COMBINED_CSV_NAME.toLowerCase()]);

  claim(filename: string): string {
    const dot = filename.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ''];
    let candidate = filename;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** The export input of an analysed report, as the browser would assemble it. */
export function exportInputOf(
  analysis: Analysis,
  /** When each earlier report of the run was read: its file's retrievedAt. */
  retrievedAtOf: ReadonlyMap<Report, string>,
): ExportInput | null {
  const { report, previous, provenance, entry } = analysis;
  if (!report || !provenance) return null;
  return {
    report,
    findings: entry.findings,
    previous: previous ? previousSummary(previous, retrievedAtOf.get(previous)) : null,
    retrievedAt: provenance.retrievedAt,
    textSha256: provenance.textSha256,
  };
}

function previousSummary(previous: Report, seenAt: string | undefined): PreviousSummary | null {
  // findPrevious only returns a report with a year; the check keeps the type honest.
  if (previous.identity.year === null) return null;
  return {
    year: previous.identity.year,
    url: previous.url,
    title: previous.identity.title,
    seenAt: seenAt ?? '',
    agency: previous.identity.agency,
    values: previous.values,
  };
}

export async function prepareOutDir(target: ExportTarget): Promise<void> {
  await mkdir(target.outDir, { recursive: true });
}

/** Builds and writes one report's file; returns the path written. */
export async function writeReportExport(
  input: ExportInput,
  target: ExportTarget,
  namer: FileNamer,
): Promise<string> {
  const file = buildExport(target.format, input, writeWorkbook);
  const path = join(target.outDir, namer.claim(file.filename));
  await writeFile(path, file.bytes);
  return path;
}

/** Writes DIR/ogi-lens-reports.csv for the whole batch; returns its path. */
export async function writeCombinedCsv(
  target: ExportTarget,
  reports: readonly BatchReport[],
): Promise<string> {
  const path = join(target.outDir, COMBINED_CSV_NAME);
  await writeFile(path, combinedCsv(reports), 'utf8');
  return path;
}

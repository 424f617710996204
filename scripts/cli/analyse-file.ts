/**
 * Runs the extension's own lib/ on a saved page in Node: jsdom parses the
 * bytes (it sniffs the page's charset, so GBK pages read correctly), then the
 * same detection, extraction and checks as the extension.
 */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { findPrevious, runChecks } from '../../lib/checks/run';
import { reportText } from '../../lib/export/report-text';
import { sha256Hex } from '../../lib/export/sha256';
import { extractReport } from '../../lib/extract';
import { type ContractEntry, toContractReport } from '../../lib/model/contract';
import type { Report } from '../../lib/model/report';
import { detectPage } from '../../lib/page/detect';

/** Parses a saved page; `url` is where it was served, when known (else its file URL). */
export function parsePage(bytes: Buffer, url: string): Document {
  // No scripts, no resources: a saved page is data, not a program.
  return new JSDOM(bytes, { url, contentType: 'text/html' }).window.document;
}

/** Where a report's text came from and when, for the memo's provenance. */
export interface Provenance {
  /**
   * The file's modification time, ISO 8601: a saved page was read when it was
   * saved, so this is the command line's counterpart of the browser's visit time.
   */
  retrievedAt: string;
  /** sha256Hex of reportText: the same text the browser hashes for the same page. */
  textSha256: string;
}

export interface Analysis {
  entry: ContractEntry;
  /** The report, to serve as history for later files of the same agency. */
  report: Report | null;
  /** The earlier report from `history` the year-over-year checks compared it with. */
  previous: Report | null;
  /** Null when the file is not a report, could not be read, or provenance was not asked for. */
  provenance: Provenance | null;
}

export interface AnalyseOptions {
  /** Where the page was served (else its file URL). */
  url?: string;
  /** Reports already seen in this run, oldest first. */
  history?: readonly Report[];
  /** Also hash the report's text and read the file's time (for exports; a plain check needs neither). */
  provenance?: boolean;
}

export async function analyseFile(file: string, options: AnalyseOptions = {}): Promise<Analysis> {
  try {
    const bytes = await readFile(file);
    const pageUrl = options.url ?? pathToFileURL(file).href;
    const doc = parsePage(bytes, pageUrl);
    const detection = detectPage(doc);
    if (detection.kind !== 'report') {
      return {
        entry: { file, isReport: false, kind: detection.kind, findings: [] },
        report: null,
        previous: null,
        provenance: null,
      };
    }
    const { report } = extractReport(doc, pageUrl, detection.title);
    const previous = findPrevious(report, options.history ?? []);
    const findings = runChecks(report, previous);
    const provenance = options.provenance
      ? {
          retrievedAt: (await stat(file)).mtime.toISOString(),
          textSha256: await sha256Hex(reportText(doc)),
        }
      : null;
    return {
      entry: { file, isReport: true, kind: 'report', report: toContractReport(report), findings },
      report,
      previous,
      provenance,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      entry: { file, isReport: false, kind: 'none', findings: [], error: message },
      report: null,
      previous: null,
      provenance: null,
    };
  }
}

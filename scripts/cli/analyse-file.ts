/**
 * Runs the extension's own lib/ on a saved page in Node: jsdom parses the
 * bytes (it sniffs the page's charset, so GBK pages read correctly), then the
 * same detection, extraction and checks as the extension.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { findPrevious, runChecks } from '../../lib/checks/run';
import { type ContractEntry, toContractReport } from '../../lib/contract';
import { detectPage } from '../../lib/detect';
import { extractReport } from '../../lib/extract';
import type { Report } from '../../lib/model';

/** Parses a saved page; `url` is where it was served, when known (else its file URL). */
export function parsePage(bytes: Buffer, url: string): Document {
  // No scripts, no resources: a saved page is data, not a program.
  return new JSDOM(bytes, { url, contentType: 'text/html' }).window.document;
}

export interface Analysis {
  entry: ContractEntry;
  /** The report, to serve as history for later files of the same agency. */
  report: Report | null;
}

export interface AnalyseOptions {
  /** Where the page was served (else its file URL). */
  url?: string;
  /** Reports already seen in this run, oldest first. */
  history?: readonly Report[];
}

export async function analyseFile(file: string, options: AnalyseOptions = {}): Promise<Analysis> {
  try {
    const bytes = await readFile(file);
    const pageUrl = options.url ?? pathToFileURL(file).href;
    const doc = parsePage(bytes, pageUrl);
    const detection = detectPage(doc);
    if (detection.kind !== 'report') {
      return { entry: { file, isReport: false, kind: detection.kind, findings: [] }, report: null };
    }
    const { report } = extractReport(doc, pageUrl);
    const findings = runChecks(report, findPrevious(report, options.history ?? []));
    return {
      entry: { file, isReport: true, kind: 'report', report: toContractReport(report), findings },
      report,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      entry: { file, isReport: false, kind: 'none', findings: [], error: message },
      report: null,
    };
  }
}

/**
 * Runs the extension's own lib/ on a saved page in Node: jsdom parses the
 * bytes (it sniffs the page's charset, so GBK pages read correctly), then the
 * same detection and extraction as the content script.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { type ContractEntry, toContractReport } from '../../lib/contract';
import { detectPage } from '../../lib/detect';
import { extractReport } from '../../lib/extract';

/** Parses a saved page; `url` is where it was served, when known (else its file URL). */
export function parsePage(bytes: Buffer, url: string): Document {
  // No scripts, no resources: a saved page is data, not a program.
  return new JSDOM(bytes, { url, contentType: 'text/html' }).window.document;
}

export async function analyseFile(file: string, url?: string): Promise<ContractEntry> {
  try {
    const bytes = await readFile(file);
    const pageUrl = url ?? pathToFileURL(file).href;
    const doc = parsePage(bytes, pageUrl);
    const detection = detectPage(doc);
    if (detection.kind !== 'report') {
      return { file, isReport: false, kind: detection.kind, findings: [] };
    }
    const { report } = extractReport(doc, pageUrl);
    return { file, isReport: true, kind: 'report', report: toContractReport(report), findings: [] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { file, isReport: false, kind: 'none', findings: [], error: message };
  }
}

/**
 * Runs the extension's own lib/ on a saved page in Node: the bytes are decoded
 * as a browser decodes them (BOM, <meta> charset, so GBK pages read
 * correctly), parsed by parse5 into a lean DOM (./dom/), then the same
 * detection, extraction and checks as the extension.
 *
 * In two steps, so that a batch can extract its pages in worker threads:
 * extractFile needs only the page; checkExtraction needs the reports read
 * before it (the year-over-year checks compare with last year's report).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findPrevious, runChecks } from '../../lib/checks/run';
import { reportText } from '../../lib/export/report-text';
import { sha256Hex } from '../../lib/export/sha256';
import { extractReport } from '../../lib/extract';
import { type ContractEntry, toContractReport } from '../../lib/model/contract';
import type { Report } from '../../lib/model/report';
import { detectPage } from '../../lib/page/detect';
import { extractPdfReport } from '../../lib/pdf/extract-pdf';
import { hasPdfSignature } from '../../lib/pdf/signature';
import { asDocument } from './dom/lean-dom';
import { parseHtmlBytes } from './dom/parse';

/** Parses a saved page; `url` is where it was served, when known (else its file URL). */
export function parsePage(bytes: Uint8Array, url: string): Document {
  // No scripts, no resources: a saved page is data, not a program.
  return asDocument(parseHtmlBytes(bytes, url));
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

/**
 * What a page gives before any other page is looked at: plain data, so that
 * a worker thread can hand it over (structured clone).
 */
export interface Extraction {
  file: string;
  kind: ContractEntry['kind'];
  /** What a PDF adds to its entry: where it came from, its pages, why it is not a report. */
  pdf?: Pick<ContractEntry, 'source' | 'pdfPages' | 'reason'>;
  /** The report, when the page is one. */
  report: Report | null;
  /** Null when the file is not a report, could not be read, or provenance was not asked for. */
  provenance: Provenance | null;
  /** Why the file could not be read. */
  error: string | null;
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

export interface ExtractOptions {
  /** Where the page was served (else its file URL). */
  url?: string;
  /** Also hash the report's text and read the file's time (for exports; a plain check needs neither). */
  provenance?: boolean;
}

export interface AnalyseOptions extends ExtractOptions {
  /** Reports already seen in this run, oldest first. */
  history?: readonly Report[];
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A file's bytes, or why they could not be read: a read can start early without a stray rejection. */
export type PageBytes = Promise<{ bytes: Buffer } | { error: unknown }>;

/**
 * Starts reading a file. A batch reads its next page while it parses the
 * current one, so that the thread does not wait on the disk between pages.
 */
export function readPage(file: string): PageBytes {
  return readFile(file).then(
    (bytes) => ({ bytes }),
    (error: unknown) => ({ error }),
  );
}

/** Reads, detects and extracts one page. Never throws: an unreadable file is an Extraction with an error. */
export async function extractFile(
  file: string,
  options: ExtractOptions = {},
  pageBytes: PageBytes = readPage(file),
): Promise<Extraction> {
  try {
    const read = await pageBytes;
    if ('error' in read) throw read.error;
    const { bytes } = read;
    const pageUrl = options.url ?? pathToFileURL(file).href;
    if (hasPdfSignature(bytes)) return await extractPdfFile(file, bytes, pageUrl, options);
    const doc = parsePage(bytes, pageUrl);
    const detection = detectPage(doc);
    if (detection.kind !== 'report') {
      return { file, kind: detection.kind, report: null, provenance: null, error: null };
    }
    const { report } = extractReport(doc, pageUrl, detection.title);
    const provenance = options.provenance
      ? {
          retrievedAt: (await stat(file)).mtime.toISOString(),
          textSha256: await sha256Hex(reportText(doc)),
        }
      : null;
    return { file, kind: 'report', report, provenance, error: null };
  } catch (err) {
    return { file, kind: 'none', report: null, provenance: null, error: messageOf(err) };
  }
}

/**
 * pdf.js's packed CMap files, from the installed pdfjs-dist: lib/pdf/ reads
 * text in fonts a PDF names by Adobe's predefined CMaps with them. Found on
 * the first request, not at start-up (a run of pages never needs them, and a
 * bundle copied elsewhere may not see node_modules): from the library's own
 * module (a path in the bundle, a file URL from the sources), three folders
 * up. Where it cannot be found, such text reads as nothing, as without it.
 */
let cmapDir: string | null = null;

async function loadCMap(filename: string): Promise<Uint8Array> {
  if (cmapDir === null) {
    const entry = import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const path = entry.startsWith('file:') ? fileURLToPath(entry) : entry;
    cmapDir = join(dirname(dirname(dirname(path))), 'cmaps');
  }
  return new Uint8Array(await readFile(join(cmapDir, filename)));
}

async function extractPdfFile(
  file: string,
  bytes: Uint8Array,
  url: string,
  options: ExtractOptions,
): Promise<Extraction> {
  const read = await extractPdfReport(bytes, url, { loadCMap });
  const pdf = {
    source: 'pdf' as const,
    pdfPages: read.pages,
    ...(read.reason !== null ? { reason: read.reason } : {}),
  };
  const provenance =
    read.report && options.provenance
      ? {
          retrievedAt: (await stat(file)).mtime.toISOString(),
          textSha256: await sha256Hex(read.text),
        }
      : null;
  return { file, kind: read.kind, pdf, report: read.report, provenance, error: null };
}

function unreadable(file: string, error: string): Analysis {
  return {
    entry: { file, isReport: false, kind: 'none', findings: [], error },
    report: null,
    previous: null,
    provenance: null,
  };
}

/** The checks of an extracted page, with `history` (the reports before it, oldest first). */
export function checkExtraction(extraction: Extraction, history: readonly Report[] = []): Analysis {
  const { file, report, error } = extraction;
  if (error !== null) return unreadable(file, error);
  if (report === null) {
    return {
      entry: { file, isReport: false, kind: extraction.kind, ...extraction.pdf, findings: [] },
      report: null,
      previous: null,
      provenance: null,
    };
  }
  try {
    const previous = findPrevious(report, history);
    const findings = runChecks(report, previous);
    return {
      entry: {
        file,
        isReport: true,
        kind: 'report',
        ...extraction.pdf,
        report: toContractReport(report),
        findings,
      },
      report,
      previous,
      provenance: extraction.provenance,
    };
  } catch (err) {
    return unreadable(file, messageOf(err));
  }
}

export async function analyseFile(file: string, options: AnalyseOptions = {}): Promise<Analysis> {
  return checkExtraction(await extractFile(file, options), options.history ?? []);
}

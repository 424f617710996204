/**
 * Where the PDF reader's script (entrypoints/pdf-reader.ts) leaves lib/pdf
 * for Firefox's background page, which loads it with a `<script>` only when
 * a search for last year's report meets a PDF: the background's own bundle
 * is built as one script, where a dynamic import would inline pdf.js (2 MB)
 * into every start of the background. The global is the extension's own
 * page's: no web page can see or replace it.
 */
import type { extractPdfReport } from './extract-pdf';

const SLOT = '__ogiLensPdfReader';

export type PdfReader = typeof extractPdfReport;

type Slots = Record<string, unknown>;

export function publishPdfReader(reader: PdfReader): void {
  (globalThis as Slots)[SLOT] = reader;
}

export function publishedPdfReader(): PdfReader | null {
  const reader = (globalThis as Slots)[SLOT];
  return typeof reader === 'function' ? (reader as PdfReader) : null;
}

/**
 * Loads pdf.js (pdfjs-dist, legacy build) on first use and opens a PDF from
 * its bytes. Nothing here touches Node or the extension APIs: the bytes come
 * in as a Uint8Array, and pdf.js runs in the calling thread (its "fake
 * worker", the worker module imported here), so the same code serves the
 * command line, a worker thread, and an extension page or the background.
 *
 * The legacy build, not the modern one: the modern build calls APIs that
 * Node 20 lacks (Promise.withResolvers, Map.groupBy…); the legacy build
 * carries its own polyfills and is otherwise the same library.
 */

/** The part of pdf.js this folder uses, declared here so the rest never imports its types. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e, f the glyph run's origin in PDF user space (y up). */
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

export interface PdfOperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface PdfPageProxy {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<PdfOperatorList>;
  view: number[];
}

export interface PdfDocumentProxy {
  numPages: number;
  getPage(number: number): Promise<PdfPageProxy>;
  getMetadata(): Promise<{ info: unknown }>;
  destroy(): Promise<void>;
}

export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

interface PdfjsModule {
  getDocument(source: Record<string, unknown>): { promise: Promise<PdfDocumentProxy> };
  OPS: PdfOps;
}

let loading: Promise<PdfjsModule> | null = null;

/** pdf.js, loaded once, with its worker module in this thread. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    // pdf.js looks here for the worker's message handler before it would start a
    // Worker from a URL: no separate worker, no code fetched from anywhere.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs as unknown as PdfjsModule;
  })();
  return loading;
}

/**
 * Gives the bytes of one of pdf.js's packed CMap files (`cmaps/<name>.bcmap`
 * in pdfjs-dist), for text in fonts a PDF does not embed and names by
 * Adobe's predefined CMaps (UniGB-UCS2-H…): without them such text reads as
 * nothing. The command line reads them from node_modules; an extension page
 * would fetch its own packaged copy.
 */
export type LoadCMap = (filename: string) => Promise<Uint8Array>;

export interface OpenOptions {
  loadCMap?: LoadCMap;
}

/** CMap file names as pdf.js asks for them: nothing else is ever loaded through loadCMap. */
const CMAP_FILE = /^[A-Za-z0-9-]+\.bcmap$/;

/**
 * pdf.js's hook for its binary data, answering CMap requests only, from
 * `loadCMap`. A CMap that cannot be had is written down in `missing` before
 * pdf.js hears of it: pdf.js then reads that font's text as nothing, without
 * a word, and only this list can say that text was there and was not decoded.
 */
function binaryDataFactory(loadCMap: LoadCMap | undefined, missing: Set<string>) {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl' || !CMAP_FILE.test(filename)) {
        throw new Error(`no ${kind} data for ${filename}`);
      }
      try {
        if (!loadCMap) throw new Error('no CMap loader');
        return await loadCMap(filename);
      } catch (error) {
        missing.add(filename.replace(/\.bcmap$/, ''));
        throw error;
      }
    }
  };
}

export interface OpenedPdf {
  doc: PdfDocumentProxy;
  ops: PdfOps;
  /** The predefined CMaps pdf.js asked for and could not have (so far): text in their fonts was lost. */
  missingCMaps: Set<string>;
}

/** Opens a PDF from its bytes (left untouched). */
export async function openPdf(bytes: Uint8Array, options: OpenOptions = {}): Promise<OpenedPdf> {
  const pdfjs = await loadPdfjs();
  const missingCMaps = new Set<string>();
  const doc = await pdfjs.getDocument({
    // Named only so that pdf.js asks; the files come from options.loadCMap, never from a URL.
    cMapUrl: 'cmaps/',
    cMapPacked: true,
    BinaryDataFactory: binaryDataFactory(options.loadCMap, missingCMaps),
    // A plain Uint8Array copy: pdf.js refuses a Node Buffer, and transfers what it is given.
    data: new Uint8Array(bytes),
    // No eval, no fonts loaded into a document, no fetches: text and drawing only.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  return { doc, ops: pdfjs.OPS, missingCMaps };
}

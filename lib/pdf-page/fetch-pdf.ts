/**
 * Fetches a PDF from its own portal for the extension's PDF page: GET only,
 * through the host permission the extension already holds (so no other
 * origin is contacted), bounded in size, cancellable, with progress. The
 * fetch function comes in, so the whole of it runs in Node's tests.
 */
import { isGovCnPage } from '../background/sender-policy';
import { hasPdfSignature } from '../pdf/signature';
import { readBoundedBody } from '../portal/read-body';

/** The largest PDF read: annual reports are a few MB; a bigger file is not one, or a scan. */
export const MAX_PDF_BYTES = 30 * 1024 * 1024;

/** Why a fetch failed, for the page to say in the reader's language. */
export type FetchFailure =
  | { reason: 'notGovCn' }
  | { reason: 'status'; status: number }
  | { reason: 'tooLarge'; bytes: number }
  | { reason: 'notPdf'; contentType: string }
  | { reason: 'network'; detail: string }
  | { reason: 'cancelled' };

export class PdfFetchError extends Error {
  constructor(readonly failure: FetchFailure) {
    super(`PDF fetch failed: ${failure.reason}`);
  }
}

export interface FetchPdfOptions {
  fetch: typeof fetch;
  signal: AbortSignal;
  /** Bytes received so far, and the total when the server says it. */
  onProgress?(received: number, total: number | null): void;
  maxBytes?: number;
}

/** The bytes of the PDF at `url`, or a PdfFetchError saying why not. */
export async function fetchPdf(url: string, options: FetchPdfOptions): Promise<Uint8Array> {
  if (!isGovCnPage(url)) throw new PdfFetchError({ reason: 'notGovCn' });
  const max = options.maxBytes ?? MAX_PDF_BYTES;
  const aborted = () => options.signal.aborted;
  let response: Response;
  try {
    // The portal's own cookies go with it, as the tab's did: some portals serve attachments only so.
    response = await options.fetch(url, {
      method: 'GET',
      signal: options.signal,
      credentials: 'include',
      redirect: 'follow',
    });
  } catch (error) {
    if (aborted()) throw new PdfFetchError({ reason: 'cancelled' });
    throw new PdfFetchError({ reason: 'network', detail: String(error) });
  }
  // A redirect off .gov.cn would be another origin's file: refused like any other address.
  if (response.url && !isGovCnPage(response.url)) {
    throw new PdfFetchError({ reason: 'notGovCn' });
  }
  if (!response.ok) throw new PdfFetchError({ reason: 'status', status: response.status });
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (total !== null && total > max) throw new PdfFetchError({ reason: 'tooLarge', bytes: total });
  const contentType = response.headers.get('content-type') ?? '';
  // An HTML page (a login wall, a 404 dressed as 200) is said as such, not fed to pdf.js.
  if (/text\/html/i.test(contentType)) {
    throw new PdfFetchError({ reason: 'notPdf', contentType });
  }

  if (!response.body) throw new PdfFetchError({ reason: 'network', detail: 'no body' });
  let read: Awaited<ReturnType<typeof readBoundedBody>>;
  try {
    read = await readBoundedBody(response, max, (received) =>
      options.onProgress?.(received, total),
    );
  } catch (error) {
    if (aborted()) throw new PdfFetchError({ reason: 'cancelled' });
    throw new PdfFetchError({ reason: 'network', detail: String(error) });
  }
  if ('tooLarge' in read) throw new PdfFetchError({ reason: 'tooLarge', bytes: read.tooLarge });
  const { bytes } = read;
  if (!hasPdfSignature(bytes)) throw new PdfFetchError({ reason: 'notPdf', contentType });
  return bytes;
}

/**
 * A response's body, read chunk by chunk up to a bound: a portal's answer
 * may be far larger than it says (or say nothing), and what is past the
 * bound is never read. Shared by the fetch of a portal page
 * (./fetch-page.ts) and of a PDF for the PDF page (lib/pdf-page/fetch-pdf.ts).
 */

/** The bytes, or how many had come when the bound was passed (the rest is cancelled unread). */
export async function readBoundedBody(
  response: Response,
  max: number,
  onChunk?: (received: number) => void,
): Promise<{ bytes: Uint8Array } | { tooLarge: number }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > max) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: received };
    }
    chunks.push(value);
    onChunk?.(received);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes };
}

/**
 * Whether bytes are a PDF by its signature: 「%PDF-」 within the first
 * kilobyte, as readers accept it, whatever the file's name or the type a
 * server declared. Shared by the command line (which tells a .pdf from a
 * saved page) and the extension's PDF page (which refuses an HTML login
 * wall served as a PDF).
 */
export function hasPdfSignature(bytes: Uint8Array): boolean {
  return String.fromCharCode(...bytes.subarray(0, 1024)).includes('%PDF-');
}

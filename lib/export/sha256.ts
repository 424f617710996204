/**
 * SHA-256 of a report's text, for provenance in the memo: anyone holding the
 * same text can show it is the one that was checked. Web Crypto is in every
 * browser context and in Node 20 (globalThis.crypto), so no library is needed.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

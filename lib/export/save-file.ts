/**
 * Saves an export through the browser's own download mechanism from a page
 * context: a Blob, an object URL and a click on an anchor with `download`.
 * The anchor is never attached to the page, so the page's click handlers do
 * not see it; the URL is revoked once the browser has had time to read it.
 */
import type { ExportFile } from './types';

/** Generous: a slow disk or a save dialog must not find the URL gone. */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(doc: Document, file: ExportFile): void {
  const view = doc.defaultView;
  if (!view) throw new Error('This page has no window to save from.');
  // A copy: a Blob keeps a view of a shared buffer otherwise, and the caller may reuse it.
  const blob = new Blob([file.bytes.slice()], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = file.filename;
  anchor.rel = 'noopener';
  anchor.click();
  view.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Where the workbook writer's script, injected on demand into the content
 * script's isolated world, leaves the writer for the content script to find.
 * The isolated world's global is the extension's own: the page cannot see or
 * replace it.
 */
import type { WorkbookWriter } from './types';

const SLOT = '__ogiLensWorkbookWriter';

type Slots = Record<string, unknown>;

export function publishWorkbookWriter(writer: WorkbookWriter): void {
  (globalThis as Slots)[SLOT] = writer;
}

export function publishedWorkbookWriter(): WorkbookWriter | null {
  const writer = (globalThis as Slots)[SLOT];
  return typeof writer === 'function' ? (writer as WorkbookWriter) : null;
}

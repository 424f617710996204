/**
 * Where the analyser's script, injected by the background into the content
 * script's isolated world on a report page, leaves its entry for the
 * detection script to call (as the workbook writer does, lib/export/writer-slot.ts).
 * The isolated world's global is the extension's own: the page can neither
 * see nor fill the slot.
 *
 * Types only from the analyser's side: the detection script imports this
 * module and must stay free of the analyser's code.
 */
import type { Receive } from '../messaging/lean';
import type { PageDetection } from '../page/detect';

const SLOT = '__ogiLensAnalyser';

/** What the detection script hands the analyser when the page has settled. */
export interface AnalyserHandoff {
  /** Detection as the content script made it, before the page settled. */
  detection: PageDetection;
  /** When the page settled (the page's clock): the pass starts there. */
  settledAt: number | undefined;
}

/**
 * Starts the analysis of the page and returns the receiver that answers the
 * popup from then on. Called once per frame; a later call returns the
 * first call's receiver and starts nothing.
 */
export type AnalyserEntry = (handoff: AnalyserHandoff) => Receive;

type Slots = Record<string, unknown>;

/**
 * Publishes the analyser's entry unless one is already there: a frame into
 * which the analyser was injected twice keeps the first, so it never runs
 * two analyses or answers the popup twice. Returns whether this one was
 * published.
 */
export function publishAnalyser(entry: AnalyserEntry, global: object = globalThis): boolean {
  const slots = global as Slots;
  if (typeof slots[SLOT] === 'function') return false;
  slots[SLOT] = entry;
  return true;
}

export function publishedAnalyser(global: object = globalThis): AnalyserEntry | null {
  const entry = (global as Slots)[SLOT];
  return typeof entry === 'function' ? (entry as AnalyserEntry) : null;
}

/** Makes an entry callable once: later calls get the first call's receiver. */
export function once(start: AnalyserEntry): AnalyserEntry {
  let receive: Receive | null = null;
  return (handoff) => {
    receive ??= start(handoff);
    return receive;
  };
}

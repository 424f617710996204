/**
 * J and K go to the next and the previous finding that has a place on the
 * page, as in a mail reader: the overlay scrolls to its cell and focuses it
 * (which opens its card), and the panel says which one it is. Only the
 * user's own key presses count, never with a modifier (the browser's and
 * the page's shortcuts stay theirs), and never while the focus is in
 * something that takes text, on the page or in the overlay.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AcceptEvent } from '../lib/annotate/trusted';

export interface CurrentFinding {
  /** The finding's index in the panel's list. */
  index: number;
  /** Its place among the findings that have a place on the page, from 1. */
  position: number;
  count: number;
}

const NEXT = new Set(['j', 'J']);
const PREVIOUS = new Set(['k', 'K']);

/** Where typing goes: an input of text, a text area, a select, an editable element. */
export function takesText(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return (
    element.closest('input,textarea,select,[contenteditable=""],[contenteditable="true"]') !== null
  );
}

/** The step a key press takes through `count` findings from `from` (null: none chosen yet). */
export function step(from: number | null, count: number, forward: boolean): number {
  if (from === null) return forward ? 0 : count - 1;
  return (from + (forward ? 1 : count - 1)) % count;
}

export function useFindingKeys(
  doc: Document,
  targets: readonly (Element | null)[],
  active: boolean,
  accept: AcceptEvent,
  select: (index: number) => void,
): CurrentFinding | null {
  const [position, setPosition] = useState<number | null>(null);
  const located = targets.flatMap((target, index) => (target ? [index] : []));
  // The handler is registered once; it reads the latest of these.
  const latest = useRef({ located, select, position });
  latest.current = { located, select, position };

  useEffect(() => {
    const win = doc.defaultView;
    if (!win || !active) return;
    const onKey = (event: KeyboardEvent) => {
      const forward = NEXT.has(event.key);
      if (!forward && !PREVIOUS.has(event.key)) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (!accept(event) || takesText(event.composedPath()[0] ?? event.target)) return;
      const { located: places, select: go, position: from } = latest.current;
      if (places.length === 0) return;
      const next = step(from, places.length, forward);
      setPosition(next);
      go(places[next] as number);
    };
    win.addEventListener('keydown', onKey, true);
    return () => win.removeEventListener('keydown', onKey, true);
  }, [doc, active, accept]);

  if (position === null || position >= located.length) return null;
  return { index: located[position] as number, position: position + 1, count: located.length };
}

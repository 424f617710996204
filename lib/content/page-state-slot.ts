/**
 * Where the content script leaves what it knows of the page, for the popup
 * to read without a message. A page that is not a report never touches the
 * extension's messaging: in Chromium the first use of `runtime` in a
 * content script builds its bindings, which cost about as much again as the
 * whole detection, on every page. The popup reads the state instead by
 * running `readPublishedPageState` in the tab's isolated world
 * (`scripting.executeScript`), the content script's own world, which the
 * page can neither see nor fill. A report page also answers `getPageState`
 * as a message, through the content script's listener, for the analyser's
 * state.
 */
import type { PageState } from '../messaging/protocol';

/** The slot's name: written out again in readPublishedPageState, which must stand alone. */
export const PAGE_STATE_SLOT = '__ogiLensPageState';

/** Leaves the content script's way to read the page's state in its isolated world. */
export function publishPageState(read: () => PageState, global: object = globalThis): void {
  (global as Record<string, unknown>)[PAGE_STATE_SLOT] = read;
}

/**
 * The page's state as the content script knows it, or null where no content
 * script of this extension has run. Self-contained (no module scope): the
 * browser serialises it into the tab (`scripting.executeScript({ func })`).
 */
export function readPublishedPageState(): unknown {
  const read = (globalThis as Record<string, unknown>).__ogiLensPageState;
  return typeof read === 'function' ? read() : null;
}

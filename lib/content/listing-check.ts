/**
 * Whether a page that is not a report lists reports: the link count, the
 * dearest part of detecting such a page, is run only when the popup first
 * asks for the page's state (it only matters to the popup, which may never
 * open), and then once. Small and dependency-free: the detection script on
 * every page carries it.
 */
import type { PageState } from '../messaging/protocol';

/** What the count found (lib/page/detect.ts scanColumnPage). */
export type ColumnScan = 'listing' | 'column' | 'none';

export interface DeferredListingCheck {
  /** The link count to run on first read, or null when there is none to run (any more). */
  defer(scan: (() => ColumnScan) | null): void;
  /**
   * The state as the popup should see it: 'none' becomes 'listing' if the
   * deferred count says so, or is marked `column` (a column of a few
   * reports, which the popup offers to audit).
   */
  apply(state: PageState): PageState;
}

export function deferredListingCheck(
  log: (what: string, error: unknown) => void,
): DeferredListingCheck {
  let pending: (() => ColumnScan) | null = null;
  return {
    defer(scan) {
      pending = scan;
    },
    apply(state) {
      if (!pending || state.kind !== 'none') return state;
      const scan = pending;
      pending = null;
      try {
        const found = scan();
        if (found === 'listing') return { kind: 'listing' };
        return found === 'column' ? { ...state, column: true } : state;
      } catch (error) {
        log('could not count the report links', error);
        return state;
      }
    },
  };
}

/**
 * The PDF reports a page that is not a report links (lib/page/pdf-links.ts),
 * read when the popup first sees the page as 'none' or 'listing', then kept.
 */
export function deferredPdfLinks(
  read: () => string[],
  log: (what: string, error: unknown) => void,
): { apply(state: PageState): PageState } {
  let pdfs: string[] | null = null;
  return {
    apply(state) {
      if (state.kind !== 'none' && state.kind !== 'listing') return state;
      if (pdfs === null) {
        try {
          pdfs = read();
        } catch (error) {
          log('could not read the PDF links', error);
          pdfs = [];
        }
      }
      return pdfs.length > 0 ? { ...state, pdfs } : state;
    },
  };
}

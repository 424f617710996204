/**
 * The in-page 「核查本栏目全部年报」 (issue 18): on a tab that has finished
 * loading a .gov.cn page, when the reader turned the bar on (setting
 * `listingBar`, off by default), the background asks the content script
 * what the page is — the state it left in its isolated world, which the
 * popup reads the same way (lib/content/page-state-slot.ts) — and, on a
 * column of reports (a listing, or a column of one to three), injects the
 * bar (entrypoints/listing-bar.ts) into that world.
 *
 * Why from here and not from the content script: the content script runs
 * on every .gov.cn page and must cost next to nothing there. Asking for the
 * setting would touch the extension's messaging or storage on every column
 * page, whose bindings cost Chromium as much again as the whole detection;
 * from here a page costs nothing at all while the setting is off, and only
 * a page the reader opened and the content script took for a column is
 * touched when it is on.
 */
import { type PageState, PageStateSchema, type Settings } from '../messaging/protocol';
import { isGovCnPage } from './sender-policy';

/** The content script may run just after the tab reports 'complete': its state is read at most this many times. */
export const STATE_ATTEMPTS = 3;
export const STATE_RETRY_MS = 400;

export interface ListingBarDeps {
  readSettings(): Promise<Settings>;
  /** The state the content script left in the tab's top frame, or null where it has not run (yet). */
  readPageState(tabId: number): Promise<unknown>;
  /** Runs the bar's bundle in the content script's isolated world of the tab's top frame. */
  injectBar(tabId: number): Promise<void>;
  wait(ms: number): Promise<void>;
  warn(...details: unknown[]): void;
}

/** What a tab update came to, for tests and the log. */
export type ListingBarOutcome = 'ignored' | 'off' | 'notColumn' | 'unknown' | 'shown';

/** Whether the page is a column the audit can take: the popup's own test (components/popup-page.tsx). */
export function isAuditableColumn(state: { kind: string; column?: boolean }): boolean {
  return state.kind === 'listing' || (state.kind === 'none' && state.column === true);
}

export interface ListingBarOffer {
  /** `tabs.onUpdated`'s listener: acts once per finished load of a .gov.cn page. */
  tabUpdated(tabId: number, change: { status?: string }, tab: { url?: string }): void;
  /** The same, awaited and with its outcome (the listener's body). */
  offer(tabId: number, url: string | undefined): Promise<ListingBarOutcome>;
}

export function createListingBarOffer(deps: ListingBarDeps): ListingBarOffer {
  /** The load each tab is being looked at for: a later load of the tab supersedes it. */
  const looking = new Map<number, string>();

  async function readState(tabId: number, url: string): Promise<PageState | null> {
    for (let attempt = 0; attempt < STATE_ATTEMPTS; attempt++) {
      if (attempt > 0) await deps.wait(STATE_RETRY_MS);
      if (looking.get(tabId) !== url) return null;
      const raw = await deps.readPageState(tabId);
      if (raw === null || raw === undefined) continue;
      const parsed = PageStateSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    }
    return null;
  }

  async function offer(tabId: number, url: string | undefined): Promise<ListingBarOutcome> {
    if (!url || !isGovCnPage(url)) return 'ignored';
    const settings = await deps.readSettings();
    if (!settings.listingBar) return 'off';
    looking.set(tabId, url);
    try {
      const state = await readState(tabId, url);
      if (state === null) return 'unknown';
      if (!isAuditableColumn(state)) return 'notColumn';
      if (looking.get(tabId) !== url) return 'unknown';
      await deps.injectBar(tabId);
      return 'shown';
    } finally {
      if (looking.get(tabId) === url) looking.delete(tabId);
    }
  }

  return {
    offer,
    tabUpdated(tabId, change, tab) {
      if (change.status !== 'complete') return;
      offer(tabId, tab.url).catch((error: unknown) => {
        // The tab closed or navigated away meanwhile, or the page refused the script: no bar.
        deps.warn('OGI Lens: the column bar could not be offered', error);
      });
    },
  };
}

/**
 * The page's side of finding last year's report (issue 18, item 1): when
 * the background says the history has no report of the year before (the
 * `mayFindPrevious` of its answer), the page's own links go to it with the
 * report (message `findPreviousYear`); the background keeps only those on
 * the page's portal, searches and answers the checks redone. What the panel
 * shows — searching with its progress, cancelled, which report was
 * compared and the others to choose from, not found and why — is the state
 * kept here, which the panel's line (components/PreviousYearLine.tsx)
 * follows.
 */
import type { Asker } from '../messaging/channel';
import type { Checked, NotFoundReason, PortalLinkWire } from '../messaging/protocol';
import type { Report } from '../model/report';
import { readPageLinks } from '../portal/links';
import type { PortalProgress } from '../portal/types';

export type PreviousYearState =
  | { phase: 'idle' }
  | { phase: 'searching'; progress: PortalProgress }
  | { phase: 'cancelled' }
  | {
      phase: 'found';
      compared: { url: string; title: string };
      /** The other reports the search met that name the year before ("not this one"). */
      others: PortalLinkWire[];
    }
  | { phase: 'notFound'; reason: NotFoundReason; candidates: PortalLinkWire[] }
  /** The background did not answer (a worker gone, an extension updated under the page). */
  | { phase: 'failed' };

/** What the panel's line reads and does. */
export interface PreviousYearView {
  get(): PreviousYearState;
  subscribe(listener: (state: PreviousYearState) => void): () => void;
  cancel(): void;
  /** Compare with this candidate instead. */
  choose(url: string): void;
}

export interface PreviousYearFlow extends PreviousYearView {
  /** Starts the search for the page's report, once. */
  start(report: Report): void;
  /** The background's progress message. */
  progress(progress: PortalProgress): void;
}

export interface PreviousYearDeps {
  doc: Document;
  /** The page's address as the browser has it. */
  url: string;
  ask: Asker<'contentScript', 'background'>;
  /** The checks redone with the report found: the page re-annotates. */
  onChecked(checked: Checked): void;
  log(what: string, error: unknown): void;
}

export function createPreviousYearFlow(deps: PreviousYearDeps): PreviousYearFlow {
  let state: PreviousYearState = { phase: 'idle' };
  let report: Report | null = null;
  /** Every candidate met, for "not this one". */
  const candidates: PortalLinkWire[] = [];
  /** Each search's turn: the answer of one replaced by another is not shown. */
  let turn = 0;
  const listeners = new Set<(state: PreviousYearState) => void>();
  const set = (next: PreviousYearState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  const search = (choose?: string) => {
    if (!report) return;
    const mine = ++turn;
    set({ phase: 'searching', progress: { done: 0, planned: 1, requests: 0 } });
    let links: ReturnType<typeof readPageLinks>;
    try {
      links = readPageLinks(deps.doc, deps.url);
    } catch (error) {
      deps.log('could not read the page links', error);
      links = {
        reports: [],
        listingPages: [],
        column: null,
        previousArticle: null,
        nextArticle: null,
      };
    }
    deps
      .ask('findPreviousYear', {
        report,
        links,
        ...(choose ? { choose: { url: choose, candidates } } : {}),
      })
      .then(
        (answer) => {
          if (mine !== turn) return;
          if (answer.outcome === 'skipped') {
            set({ phase: 'idle' });
            return;
          }
          for (const link of answer.candidates) {
            if (!candidates.some((known) => known.url === link.url)) candidates.push(link);
          }
          if (answer.outcome === 'notFound') {
            set(
              answer.reason === 'cancelled'
                ? { phase: 'cancelled' }
                : { phase: 'notFound', reason: answer.reason, candidates: [...candidates] },
            );
            return;
          }
          deps.onChecked(answer.checked);
          set({
            phase: 'found',
            compared: answer.compared,
            others: candidates.filter((link) => link.url !== answer.compared.url),
          });
        },
        (error: unknown) => {
          if (mine !== turn) return;
          deps.log('the search for last year’s report failed', error);
          set({ phase: 'failed' });
        },
      );
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(current) {
      if (report) return;
      report = current;
      search();
    },
    progress(progress) {
      if (state.phase === 'searching') set({ phase: 'searching', progress });
    },
    cancel() {
      if (state.phase !== 'searching') return;
      turn++;
      set({ phase: 'cancelled' });
      deps.ask('cancelPreviousYear').catch((error: unknown) => deps.log('could not cancel', error));
    },
    choose(url) {
      if (candidates.some((link) => link.url === url)) search(url);
    },
  };
}

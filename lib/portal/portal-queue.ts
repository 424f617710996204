/**
 * The requests of one action over a portal (finding last year's report,
 * auditing a column), paced for a portal run by a county's small server:
 * at most two at a time, each address fetched once however often it is
 * asked for, never more than the action's budget in all, all of them
 * stopped by one cancel. Progress counts pages, so a bar can show it.
 */
import type { PageFetch, PortalProgress } from './types';

/** Two at a time, as the issue asks: a reader's audit must not look like an attack on a small portal. */
export const MAX_CONCURRENT_REQUESTS = 2;

export interface PortalQueueOptions {
  /** One page's fetch (./fetch-page.ts with the portal bound). */
  fetchPage(url: string, signal: AbortSignal): Promise<PageFetch>;
  /** The most requests this action sends; later ones answer `limit` unsent. */
  maxRequests: number;
  signal: AbortSignal;
  onProgress?(progress: PortalProgress): void;
  /** Fewer than two at a time (tests); never more. */
  concurrency?: number;
}

export interface PortalQueue {
  /** The page at `url`: one request per address, in the order asked. */
  get(url: string): Promise<PageFetch>;
  /** `count` more pages are wanted: the bar's length grows. */
  plan(count: number): void;
  /** A wanted page came from history: done without a request. */
  settled(): void;
  progress(): PortalProgress;
}

export function createPortalQueue(options: PortalQueueOptions): PortalQueue {
  const concurrency = Math.max(
    1,
    Math.min(options.concurrency ?? MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS),
  );
  const answers = new Map<string, Promise<PageFetch>>();
  const waiting: { url: string; resolve(result: PageFetch): void }[] = [];
  let active = 0;
  const state: PortalProgress = { done: 0, planned: 0, requests: 0 };

  const report = () => {
    state.planned = Math.max(state.planned, state.done);
    options.onProgress?.({ ...state });
  };

  const pump = () => {
    while (active < concurrency && waiting.length > 0) {
      const next = waiting.shift() as (typeof waiting)[number];
      if (options.signal.aborted) {
        next.resolve({ ok: false, url: next.url, failure: 'cancelled' });
        continue;
      }
      active++;
      state.requests++;
      report();
      options
        .fetchPage(next.url, options.signal)
        .catch((): PageFetch => ({ ok: false, url: next.url, failure: 'network' }))
        .then((result) => {
          active--;
          state.done++;
          report();
          next.resolve(result);
          pump();
        });
    }
  };

  // A cancel answers every waiting request at once instead of one by one.
  options.signal.addEventListener(
    'abort',
    () => {
      for (const item of waiting.splice(0)) {
        item.resolve({ ok: false, url: item.url, failure: 'cancelled' });
      }
    },
    { once: true },
  );

  return {
    get(url) {
      const known = answers.get(url);
      if (known) return known;
      let answer: Promise<PageFetch>;
      if (options.signal.aborted) {
        answer = Promise.resolve({ ok: false, url, failure: 'cancelled' });
      } else if (answers.size >= options.maxRequests) {
        answer = Promise.resolve({ ok: false, url, failure: 'limit' });
      } else {
        answer = new Promise<PageFetch>((resolve) => {
          waiting.push({ url, resolve });
        });
        pump();
      }
      answers.set(url, answer);
      return answer;
    },
    plan(count) {
      state.planned += count;
      report();
    },
    settled() {
      state.done++;
      report();
    },
    progress: () => ({ ...state }),
  };
}

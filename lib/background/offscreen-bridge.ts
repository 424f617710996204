/**
 * The MV3 worker has no DOMParser, so in Chrome the search for last year's
 * report runs in an offscreen document (entrypoints/offscreen/, reason
 * DOM_PARSER), created on first need and reused. This is the worker's end:
 * a SearchRunner that hands the search to that document (`portalSearch`),
 * forwards its progress (`portalSearchProgress`, which the handler passes to
 * `progress`) and aborts it on cancel (`portalSearchCancel`). The document's
 * end (./offscreen-receiver.ts) answers only this worker.
 */
import { createAsker, type Transport } from '../messaging/channel';
import type { SearchRunner } from '../portal/portal-search';
import type { PortalProgress } from '../portal/types';

export interface OffscreenBridgeDeps {
  /** Creates the offscreen document unless it is there; resolves once it listens. */
  ensureDocument(): Promise<void>;
  /** `runtime.sendMessage`, which reaches the offscreen document. */
  send: Transport;
  /** A fresh id for a search. */
  newId(): string;
}

export interface OffscreenBridge {
  search: SearchRunner;
  /** The offscreen document's progress of search `id`. */
  progress(id: string, progress: PortalProgress): void;
}

export function createOffscreenBridge(deps: OffscreenBridgeDeps): OffscreenBridge {
  const ask = createAsker('background', 'offscreen', deps.send);
  const listeners = new Map<string, (progress: PortalProgress) => void>();
  return {
    async search(request, control) {
      await deps.ensureDocument();
      const id = deps.newId();
      listeners.set(id, control.onProgress);
      const cancel = () => {
        ask('portalSearchCancel', { id }).catch(() => undefined);
      };
      control.signal.addEventListener('abort', cancel, { once: true });
      try {
        if (control.signal.aborted) {
          return { found: false, reason: 'cancelled', candidates: [], requests: 0 };
        }
        return await ask('portalSearch', { id, search: request });
      } finally {
        control.signal.removeEventListener('abort', cancel);
        listeners.delete(id);
      }
    },
    progress(id, progress) {
      listeners.get(id)?.(progress);
    },
  };
}

/**
 * The offscreen document's end of the search for last year's report
 * (./offscreen-bridge.ts is the worker's): it runs each `portalSearch` with
 * the document's fetch and DOMParser (lib/portal/portal-search.ts), reports
 * progress back and aborts on `portalSearchCancel`. It acts only on the
 * background worker's messages, as the browser names their sender: a
 * content script, or any page, that reaches it is not heard.
 */
import { type Asker, createReceiver } from '../messaging/channel';
import type { SearchRunner } from '../portal/portal-search';
import { type ExtensionIdentity, isOwnBackground, type SenderInfo } from './sender-policy';

export interface OffscreenReceiverDeps {
  self: ExtensionIdentity;
  search: SearchRunner;
  ask: Asker<'offscreen', 'background'>;
  warn(...details: unknown[]): void;
}

export function createOffscreenReceiver(deps: OffscreenReceiverDeps) {
  const running = new Map<string, AbortController>();
  return createReceiver<'offscreen', SenderInfo>({
    to: 'offscreen',
    handlers: {
      portalSearch: async ({ id, search }) => {
        running.get(id)?.abort();
        const controller = new AbortController();
        running.set(id, controller);
        try {
          return await deps.search(search, {
            signal: controller.signal,
            onProgress: (progress) => {
              deps.ask('portalSearchProgress', { id, progress }).catch(() => undefined);
            },
          });
        } finally {
          if (running.get(id) === controller) running.delete(id);
        }
      },
      portalSearchCancel: ({ id }) => {
        const controller = running.get(id);
        controller?.abort();
        return Promise.resolve({ noted: controller !== undefined });
      },
    },
    mayReceive: (_from, sender) => isOwnBackground(sender, deps.self),
    onDisallowed: (name, sender) =>
      deps.warn(`OGI Lens: the offscreen document refused "${name}" from`, sender.url),
  });
}

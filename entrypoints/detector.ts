/**
 * The content script on every .gov.cn page: lib/content/detector.ts with the
 * browser's messaging. It is declared in wxt.config.ts's manifest and built
 * as an unlisted script, so that WXT's content-script wrapper stays out of
 * every page: its context object, webextension-polyfill, and the event and
 * window message it posts to the page at start. The browser's own promise
 * API is enough for one request and one listener.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startDetector } from '../lib/content/detector';
import { callbackListener, createLeanAsker, type LeanRuntime } from '../lib/messaging/lean';

type Api = { runtime: LeanRuntime };

/** Firefox's `browser`; Chrome's `chrome`, whose calls return promises in MV3. */
function extensionApi(): Api {
  const scope = globalThis as { browser?: Api; chrome?: Api };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!api) throw new Error('OGI Lens: no extension API in this context');
  return api;
}

export default defineUnlistedScript(() => {
  // Looked up on a report only: in Chromium, touching `chrome.runtime` builds
  // the messaging bindings, a cost a page that is not a report never needs.
  void startDetector({
    window,
    ask: createLeanAsker((message) => {
      const browser = extensionApi();
      return browser.runtime.sendMessage(message);
    }),
    listen: (receive) => {
      const browser = extensionApi();
      const listener = callbackListener(receive);
      browser.runtime.onMessage.addListener(listener);
    },
    log: (what, error) => console.warn(`[OGI Lens] ${what}:`, error),
  });
});

/**
 * Chrome's offscreen document (reason DOM_PARSER): the DOM context the MV3
 * worker searches the portal in for last year's report, with the
 * extension's host permission for its fetches. lib/background/offscreen-receiver.ts
 * with the browser's messaging; it answers the worker only.
 */
import browser from 'webextension-polyfill';
import { createOffscreenReceiver } from '../../lib/background/offscreen-receiver';
import { createAsker } from '../../lib/messaging/channel';
import { createSearchRunner } from '../../lib/portal/portal-search';

async function loadCMap(name: string): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(`/cmaps/${name}` as '/'));
  if (!response.ok) throw new Error(`no CMap ${name}`);
  return new Uint8Array(await response.arrayBuffer());
}

const receive = createOffscreenReceiver({
  self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  search: createSearchRunner({
    fetch: (input, init) => fetch(input, init),
    DOMParser,
    // pdf.js only when a PDF is met, with the Chinese CMaps packaged at build (wxt.config.ts).
    readPdf: async (bytes, url) =>
      (await import('../../lib/pdf/extract-pdf')).extractPdfReport(bytes, url, { loadCMap }),
  }),
  ask: createAsker('offscreen', 'background', (message) => browser.runtime.sendMessage(message)),
  warn: (...details) => console.warn(...details),
});
browser.runtime.onMessage.addListener(receive);

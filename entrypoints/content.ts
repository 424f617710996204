import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectPage } from '../lib/detect';
import { extractReport } from '../lib/extract';
import { parseContentRequest } from '../lib/messages';
import type { PageState } from '../lib/page-state';

/** The observable contract: set on <html> once a report has been analysed. */
const REPORT_MARKER = 'data-ogi-lens';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    let state: PageState = { kind: 'pending' };

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!parseContentRequest(message)) return undefined;
      return Promise.resolve(state);
    });

    // Whatever the page holds, the extension must not throw into it.
    try {
      const detection = detectPage(document);
      if (detection.kind !== 'report') {
        state = { kind: detection.kind };
        return;
      }
      const { report } = extractReport(document, location.href);
      state = { kind: 'report', report, findings: [], previous: null };
      document.documentElement.setAttribute(REPORT_MARKER, 'report');
    } catch (err) {
      state = { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  },
});

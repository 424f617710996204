/**
 * The extension's column audit page (audit.html?url=LISTING):
 * lib/audit-page/audit-page.ts with the browser's fetch (the host permission
 * reaches the portal; lib/portal/fetch-page.ts keeps every request on the
 * listing's own portal), DOMParser, the background's history, and pdf.js —
 * imported only when a column holds a PDF.
 */
import browser from 'webextension-polyfill';
import { loadTranslator } from '../../components/i18n';
import { runAuditPage } from '../../lib/audit-page/audit-page';
import { saveFile } from '../../lib/export/save-file';
import { createAsker } from '../../lib/messaging/channel';
import { parseFetchedPage } from '../../lib/portal/portal-search';
import './style.css';

const log = (what: string, error: unknown) => console.warn(`[OGI Lens] ${what}:`, error);

/**
 * A fetched page as a Document whose relative links resolve against the
 * address it came from (a page's own <base> only while it stays on the
 * portal): the same reading as the search for last year's report.
 */
function parse(html: string, url: string): Document {
  return parseFetchedPage(new DOMParser(), html, url);
}

async function start(): Promise<void> {
  const translate = await loadTranslator();
  document.documentElement.lang = translate.language === 'en' ? 'en' : 'zh-CN';
  const ask = createAsker('extensionPage', 'background', (message) =>
    browser.runtime.sendMessage(message),
  );
  await runAuditPage({
    doc: document,
    root: document.getElementById('app') as HTMLElement,
    language: translate.language,
    listingUrl: new URLSearchParams(location.search).get('url'),
    fetch: (input, init) => fetch(input, init),
    parse,
    readPdf: async (bytes, url) => {
      const { extractPdfReport } = await import('../../lib/pdf/extract-pdf');
      return extractPdfReport(bytes, url, {
        // The Chinese CMaps packaged at build (wxt.config.ts), read from the extension itself.
        loadCMap: async (name) => {
          const response = await fetch(browser.runtime.getURL(`/cmaps/${name}` as '/'));
          if (!response.ok) throw new Error(`no CMap ${name}`);
          return new Uint8Array(await response.arrayBuffer());
        },
      });
    },
    history: async (portal) =>
      (await ask('portalHistory', { portal })).map((record) => ({
        url: record.url,
        report: record.report,
      })),
    store: async (report, url) => {
      await ask('auditedReport', { report, url });
    },
    t: (key, ...subs) => translate(key, ...subs),
    pdfPageUrl: (pdfUrl) =>
      `${browser.runtime.getURL('/pdf-report.html')}?url=${encodeURIComponent(pdfUrl)}`,
    save: (file) => saveFile(document, file),
    log,
  });
}

start().catch((error: unknown) => log('the audit page failed', error));

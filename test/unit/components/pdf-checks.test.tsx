/**
 * 「检查附件 PDF」 in the page (components/PdfChecks.tsx): each PDF with its
 * file's name as text, a click that acts only when accepted (the page's own
 * synthetic clicks are not, by default), and a refusal said in the line.
 */
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfChecks } from '../../../components/PdfChecks';
import type { PdfOffer } from '../../../lib/content/analyser';
import { translatorFor } from '../../support/translator';

const dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
const app = dom.window.document.getElementById('app') as HTMLElement;
beforeAll(() => {
  globalThis.document = dom.window.document;
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

const PDF = 'http://www.jiangzhou.gov.cn/attach/2024/%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf';
const HOSTILE = 'http://www.jiangzhou.gov.cn/attach/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.pdf';

function show(offer: PdfOffer, accept?: (event: Event) => boolean) {
  render(null, app);
  render(
    <PdfChecks
      offer={offer}
      note="note"
      t={translatorFor('zh_CN')}
      {...(accept ? { acceptEvent: accept } : {})}
    />,
    app,
  );
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('PdfChecks', () => {
  it('names each PDF by its file, as text', () => {
    show({ urls: [PDF, HOSTILE], open: async () => {} });
    const names = Array.from(app.querySelectorAll('.pdf-name'), (el) => el.textContent);
    expect(names).toEqual(['年度报告.pdf', '<img src=x onerror=alert(1)>.pdf']);
    expect(app.querySelector('img')).toBeNull();
    const labels = Array.from(
      app.querySelectorAll('[data-action="check-pdf"]'),
      (el) => el.textContent,
    );
    expect(labels).toEqual(['检查附件 PDF', '检查附件 PDF']);
  });

  it('opens nothing on a synthetic click (a page script’s), by default', async () => {
    const opened: string[] = [];
    show({ urls: [PDF], open: async (url) => void opened.push(url) });
    (app.querySelector('[data-action="check-pdf"]') as HTMLElement).click();
    await settle();
    expect(opened).toEqual([]);
  });

  it('opens the PDF clicked, and says why when it was refused', async () => {
    const opened: string[] = [];
    show(
      {
        urls: [PDF],
        open: async (url) => {
          opened.push(url);
          throw new Error("Only a PDF on the page's own portal can be checked from the page.");
        },
      },
      () => true,
    );
    (app.querySelector('[data-action="check-pdf"]') as HTMLElement).click();
    await settle();
    expect(opened).toEqual([PDF]);
    expect(app.querySelector('[data-ogi-pdf-failed]')?.textContent).toBe(
      "无法打开 PDF 页面：Only a PDF on the page's own portal can be checked from the page.",
    );
  });
});

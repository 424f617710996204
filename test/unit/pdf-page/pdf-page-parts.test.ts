import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/model/report';
import { isGovCnPdfAddress, reportPdfLinks } from '../../../lib/page/pdf-links';
import { extractPdfReport } from '../../../lib/pdf/extract-pdf';
import { fetchPdf, PdfFetchError } from '../../../lib/pdf-page/fetch-pdf';
import { sizeText } from '../../../lib/pdf-page/pdf-page';
import { pagesOf, renderPdfReport } from '../../../lib/pdf-page/render-report';
import { PDF_FIXTURE_DIR } from '../../support/pdf-fixtures';

const PDF = join(import.meta.dirname, '../../fixtures/pdf/pdf-2021-review-contradiction.pdf');
const URL_PDF = 'http://www.jiangzhou.gov.cn/attach/report.pdf';

const respond = (body: Uint8Array | string, headers: Record<string, string> = {}, status = 200) =>
  (async () => new Response(body as BodyInit, { status, headers })) as unknown as typeof fetch;

const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PdfFetchError) return error.failure;
    throw error;
  }
  throw new Error('no failure');
};

describe('fetching a PDF from its portal', () => {
  const signal = new AbortController().signal;
  const pdf = new TextEncoder().encode('%PDF-1.7\n…');

  it('gives the bytes, with progress', async () => {
    const seen: number[] = [];
    const bytes = await fetchPdf(URL_PDF, {
      fetch: respond(pdf, { 'content-type': 'application/pdf' }),
      signal,
      onProgress: (received) => seen.push(received),
    });
    expect(bytes).toEqual(pdf);
    expect(seen.at(-1)).toBe(pdf.length);
  });

  it('says why not: off .gov.cn, a status, too large, an HTML page, cancelled', async () => {
    const ok = respond(pdf);
    expect(await failureOf(fetchPdf('http://example.com/a.pdf', { fetch: ok, signal }))).toEqual({
      reason: 'notGovCn',
    });
    expect(await failureOf(fetchPdf(URL_PDF, { fetch: respond('', {}, 404), signal }))).toEqual({
      reason: 'status',
      status: 404,
    });
    expect(
      await failureOf(fetchPdf(URL_PDF, { fetch: respond(pdf), signal, maxBytes: 4 })),
    ).toMatchObject({ reason: 'tooLarge' });
    expect(
      await failureOf(
        fetchPdf(URL_PDF, { fetch: respond('<html>', { 'content-type': 'text/html' }), signal }),
      ),
    ).toMatchObject({ reason: 'notPdf' });
    // A .gov.cn address that redirects off the portal: another origin's file, refused like its address.
    const redirected = (async () =>
      Object.defineProperty(new Response(pdf), 'url', {
        value: 'http://files.example.com/a.pdf',
      })) as unknown as typeof fetch;
    expect(await failureOf(fetchPdf(URL_PDF, { fetch: redirected, signal }))).toEqual({
      reason: 'notGovCn',
    });
    const controller = new AbortController();
    controller.abort();
    const aborting = (async () => {
      throw new DOMException('aborted', 'AbortError');
    }) as unknown as typeof fetch;
    expect(
      await failureOf(fetchPdf(URL_PDF, { fetch: aborting, signal: controller.signal })),
    ).toEqual({ reason: 'cancelled' });
  });

  it('counts the download in KB under a megabyte, never 「0.0 MB」', () => {
    expect(sizeText(4096)).toBe('4 KB');
    expect(sizeText(181_835)).toBe('178 KB');
    expect(sizeText(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('knows a PDF address on .gov.cn', () => {
    expect(isGovCnPdfAddress(URL_PDF)).toBe(true);
    expect(isGovCnPdfAddress('http://www.jiangzhou.gov.cn/a.html')).toBe(false);
    expect(isGovCnPdfAddress('http://example.com/a.pdf')).toBe(false);
  });
});

describe('the PDF reports a page links', () => {
  const page = (title: string, body: string) =>
    new JSDOM(`<title>${title}</title><body>${body}</body>`, {
      url: 'http://www.jiangzhou.gov.cn/art/1.html',
    }).window.document;

  it('an attachment named as a report, a report page’s any PDF, never another host’s', () => {
    const links =
      '<a href="/f/a.pdf">附件：江州市自然资源和规划局2023年政府信息公开工作年度报告.pdf</a>' +
      '<a href="/f/b.pdf">下载</a><a href="http://example.com/c.pdf">江州市2023年政府信息公开工作年度报告</a>';
    expect(reportPdfLinks(page('通知', links), false)).toEqual([
      'http://www.jiangzhou.gov.cn/f/a.pdf',
    ]);
    expect(reportPdfLinks(page('年报', links), true)).toEqual([
      'http://www.jiangzhou.gov.cn/f/a.pdf',
      'http://www.jiangzhou.gov.cn/f/b.pdf',
    ]);
  });
});

describe('rendering a PDF report as a document', () => {
  it('one table per read table, spans from the grid, an element per cell, pages in the heading', async () => {
    const read = await extractPdfReport(new Uint8Array(readFileSync(PDF)), URL_PDF);
    if (!read.report) throw new Error('not read');
    const doc = new JSDOM('<main></main>').window.document;
    const root = doc.querySelector('main') as HTMLElement;
    const { elements } = renderPdfReport(root, read.report, read, URL_PDF, {
      source: 'PDF:',
      tableHeading: (table, pages) => `${table.kind} ${pages.join(',')}`,
    });
    const tables = root.querySelectorAll('table');
    expect(tables).toHaveLength(read.report.tables.length);
    read.report.tables.forEach((table, t) => {
      expect(elements[t]).toHaveLength(table.cells.length);
      table.cells.forEach((cell, i) => {
        const el = elements[t]?.[i] as HTMLTableCellElement;
        expect(el.rowSpan).toBe(cell.rowSpan);
        expect(el.colSpan).toBe(cell.colSpan);
        expect(el.textContent).toBe(cell.text.replace(/\n/g, ''));
      });
    });
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(read.report.tables.map((t) => `${t.kind} ${pagesOf(t).join(',')}`));
    expect(root.querySelector('a')?.getAttribute('href')).toBe(URL_PDF);
  });
});

/**
 * What a reader meets, in order: the numbered sections (一、…六、) by their
 * numeral, each table by its kind, and the signed date; other paragraphs left out.
 */
function readingOrder(root: HTMLElement): string[] {
  const article = root.querySelector('article.pdf-report') as HTMLElement;
  const out: string[] = [];
  for (const child of Array.from(article.children)) {
    if (child.matches('section.pdf-table-section')) {
      out.push(`table ${child.querySelector('h2')?.textContent ?? '?'}`);
      continue;
    }
    if (child.tagName !== 'P' || child.classList.contains('pdf-source')) continue;
    const text = child.textContent ?? '';
    const numbered = /^([一二三四五六七八])、/.exec(text);
    if (numbered) out.push(numbered[1] as string);
    else if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(text)) out.push('signed');
  }
  return out;
}

async function rendered(name: string) {
  const read = await extractPdfReport(
    new Uint8Array(readFileSync(join(PDF_FIXTURE_DIR, `${name}.pdf`))),
    URL_PDF,
  );
  const report = read.report as Report;
  const root = new JSDOM('<main></main>').window.document.querySelector('main') as HTMLElement;
  const labels = { source: 'PDF:', tableHeading: (table: { kind: string }) => table.kind };
  return { read, report, root, labels };
}

describe('a table under its printed section heading', () => {
  it('is told the numbered heading printed above it, and no other', async () => {
    const { read, report, root } = await rendered('pdf-2021-clean');
    const above: (string | null)[] = [];
    renderPdfReport(root, report, read, URL_PDF, {
      source: 'PDF:',
      tableHeading: (_table, _pages, sectionAbove) => {
        above.push(sectionAbove);
        return '';
      },
    });
    expect(above).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const unplaced: (string | null)[] = [];
    renderPdfReport(root, report, { layout: { paragraphs: [], tables: [] } }, URL_PDF, {
      source: 'PDF:',
      tableHeading: (_table, _pages, sectionAbove) => {
        unplaced.push(sectionAbove);
        return '';
      },
    });
    expect(unplaced).toEqual(report.tables.map(() => null));
  });
});

describe('the PDF page reads in the PDF’s order', () => {
  it('each section heading, then its table, as the 2021 and 2019 templates print them', async () => {
    for (const name of ['pdf-2021-clean', 'pdf-2021-review-contradiction', 'pdf-2019-chromium']) {
      const { read, report, root, labels } = await rendered(name);
      renderPdfReport(root, report, read, URL_PDF, labels);
      expect(readingOrder(root), name).toEqual([
        '一',
        '二',
        'table t2',
        '三',
        'table t3',
        '四',
        'table t4',
        '五',
        '六',
        'signed',
      ]);
    }
  });

  it('the legacy statistics table after 「七、附表」, the signed date after the table', async () => {
    const { read, report, root, labels } = await rendered('pdf-legacy-2016');
    renderPdfReport(root, report, read, URL_PDF, labels);
    expect(readingOrder(root)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      'table legacy',
      'signed',
    ]);
  });

  it('every paragraph of the text shown once, in the text’s order', async () => {
    const { read, report, root, labels } = await rendered('pdf-2021-clean');
    renderPdfReport(root, report, read, URL_PDF, labels);
    const shown = [...root.querySelectorAll('article > p:not(.pdf-source)')].map(
      (p) => p.textContent,
    );
    expect(shown.join('\n')).toBe(read.text);
  });

  it('the cells stay indexed by the report’s tables, whatever order they are shown in', async () => {
    const { read, report, root, labels } = await rendered('pdf-2021-review-contradiction');
    // Printed in reverse: table 四 first. The elements still follow report.tables.
    const reversed = {
      layout: {
        ...read.layout,
        tables: read.layout.tables.map((_, t, all) => ({ page: 0, top: all.length - t })),
      },
    };
    const { elements } = renderPdfReport(root, report, reversed, URL_PDF, labels);
    expect(readingOrder(root).slice(0, 3)).toEqual(['table t4', 'table t3', 'table t2']);
    report.tables.forEach((table, t) => {
      expect(elements[t]).toHaveLength(table.cells.length);
      table.cells.forEach((cell, i) => {
        const el = elements[t]?.[i] as HTMLElement;
        expect(el.closest('section')?.getAttribute('data-table')).toBe(String(t));
        expect(el.dataset.cell).toBe(String(i));
        expect(el.textContent).toBe(cell.text.replace(/\n/g, ''));
      });
    });
  });

  it('a table whose place is not known is shown after the text, never left out', async () => {
    const { read, report, root, labels } = await rendered('pdf-2021-clean');
    const onlyFirst = { layout: { ...read.layout, tables: read.layout.tables.slice(0, 1) } };
    const { elements } = renderPdfReport(root, report, onlyFirst, URL_PDF, labels);
    expect(readingOrder(root)).toEqual([
      '一',
      '二',
      'table t2',
      '三',
      '四',
      '五',
      '六',
      'signed',
      'table t3',
      'table t4',
    ]);
    expect(elements.map((cells) => cells.length)).toEqual(report.tables.map((t) => t.cells.length));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createBackgroundHandler } from '../../lib/background/handler';
import { createHistoryStore } from '../../lib/background/history-store';
import { runChecks } from '../../lib/checks/run';
import { extractionSteps, extractReport, findContentRoot } from '../../lib/extract';
import { MESSAGES } from '../../lib/messaging/messages';
import { CheckedSchema } from '../../lib/messaging/protocol';
import { LIMITS } from '../../lib/model/limits';
import { CLAIM_STEP_CHARS } from '../../lib/narrative/claims';
import { MAX_SENTENCE_CHARS } from '../../lib/narrative/sentences';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  type FrameWindow,
  pacer,
  runSteps,
  runStepsWithPauses,
  SETTLE_WAIT_MS,
  SLICE_MS,
  whenPageSettled,
} from '../../lib/steps';
import { MAX_TABLE_CELLS } from '../../lib/tables/collect';
import { GRID_STEP_CELLS } from '../../lib/tables/grid';
import { BASE_FIXTURE, hugeReportPage } from '../../scripts/pages/huge-report';
import { longParagraphPage, nestedSpansPage } from '../../scripts/pages/long-text';
import { FIXTURE_DIR } from '../support/fixtures';

const URL_OF_PAGE = 'http://www.jiangzhou.gov.cn/art/2024/1/18/art_1229_3581470.html';
const parse = (html: string | Buffer) => new JSDOM(html, { url: URL_OF_PAGE }).window.document;

/** How often the extraction of a page gives the page its turn. */
async function pausesWhileExtracting(html: string): Promise<number> {
  let count = 0;
  await runStepsWithPauses(extractionSteps(parse(html), URL_OF_PAGE), async () => {
    count++;
  });
  return count;
}

describe('extraction in steps', () => {
  it('gives the page a turn between tables and between stages, and reads the same report', async () => {
    const html = readFileSync(join(FIXTURE_DIR, `${BASE_FIXTURE}.html`));
    const doc = parse(html);
    let pauses = 0;
    const stepped = await runStepsWithPauses(extractionSteps(doc, URL_OF_PAGE), async () => {
      pauses++;
    });
    const tables = doc.querySelectorAll('table').length;
    expect(tables).toBeGreaterThanOrEqual(3);
    // One pause after each table built, each table read, and each later stage.
    expect(pauses).toBeGreaterThanOrEqual(tables * 2);
    expect(stepped.report).toEqual(extractReport(parse(html), URL_OF_PAGE).report);
  });

  it('gives the page a turn while it reads a long paragraph of the narrative', async () => {
    const chars = 20_000;
    const extra =
      (await pausesWhileExtracting(longParagraphPage(chars))) -
      (await pausesWhileExtracting(hugeReportPage(0)));
    // No step reads more than a step's worth of narrative and one more sentence.
    expect(extra).toBeGreaterThanOrEqual(
      Math.floor(chars / (CLAIM_STEP_CHARS + MAX_SENTENCE_CHARS)),
    );
  });

  it('gives the page a turn inside one huge table, not only between tables', async () => {
    const cells = 20_000;
    // The generated page adds its cells as one more table after the report's own.
    const extra =
      (await pausesWhileExtracting(hugeReportPage(cells))) -
      (await pausesWhileExtracting(hugeReportPage(0)));
    expect(extra).toBeGreaterThanOrEqual(Math.floor(cells / GRID_STEP_CELLS));
  });

  it('runs straight through for the command line', () => {
    const doc = parse(readFileSync(join(FIXTURE_DIR, `${BASE_FIXTURE}.html`)));
    const { report } = runSteps(extractionSteps(doc, URL_OF_PAGE));
    expect(report.tables.map((t) => t.kind)).toEqual(['t2', 't3', 't4']);
  });
});

describe('tables published as pictures', () => {
  it('counts a picture under a table heading, not a picture inside a statistics table already read', () => {
    const doc = parse(readFileSync(join(FIXTURE_DIR, `${BASE_FIXTURE}.html`)));
    expect(extractReport(doc, URL_OF_PAGE).report.imageTables).toBe(0);
    const picture = () => Object.assign(doc.createElement('img'), { src: '/tj.png' });
    // A stamp pasted into the last cell of the requests table (section 三).
    const requests = Array.from(doc.querySelectorAll('table')).find((t) =>
      t.textContent?.includes('本年新收'),
    );
    requests?.querySelector('tr:last-child td:last-child')?.append(picture());
    // The appendix as a picture, in a layout table at the foot of the article.
    const layout = doc.createElement('table');
    layout.innerHTML = '<tr><td><p>附表：政府信息公开情况统计表</p></td></tr><tr><td></td></tr>';
    layout.querySelector('tr:last-child td')?.append(picture());
    findContentRoot(doc).append(layout);
    expect(extractReport(doc, URL_OF_PAGE).report.imageTables).toBe(1);
  });
});

describe('a deep nest of elements', () => {
  it('is read in text once, not once per level', () => {
    const win = new JSDOM(nestedSpansPage(2_000), { url: URL_OF_PAGE }).window;
    const textContent = Object.getOwnPropertyDescriptor(win.Node.prototype, 'textContent');
    const bodyChars = win.document.body.textContent?.length ?? 0;
    let chars = 0;
    Object.defineProperty(win.Node.prototype, 'textContent', {
      ...textContent,
      get(this: Node) {
        const text: string | null = textContent?.get?.call(this);
        chars += text?.length ?? 0;
        return text;
      },
    });
    const { report } = extractReport(win.document, URL_OF_PAGE);
    expect(report.tables.map((t) => t.kind)).toEqual(['t2', 't3', 't4']);
    // Reading each level's textContent read the nest's text 2,000 times.
    expect(chars).toBeLessThan(3 * bodyChars);
  });
});

describe('a table too large to read', () => {
  it('is reported by its size, not read, and the rest of the report is read and checked as usual', () => {
    const doc = parse(hugeReportPage(MAX_TABLE_CELLS + 2_000));
    const { report } = extractReport(doc, URL_OF_PAGE);
    const catalogue = doc.querySelectorAll('table')[3];
    const cells = catalogue?.querySelectorAll('td,th').length ?? 0;
    expect(cells).toBeGreaterThan(MAX_TABLE_CELLS);
    expect(report.oversizedTables).toEqual([cells]);
    expect(report.tables.map((t) => t.kind)).toEqual(['t2', 't3', 't4']);

    const findings = runChecks(report, null);
    const tooLarge = findings.filter((f) => f.rule === 'form.table-too-large');
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0]?.severity).toBe('info');
    expect(tooLarge[0]?.messageEn).toContain(`${cells} cells`);
    // The base page is clean: nothing else is said about it.
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a large table under the limit is read like any other', () => {
    const { report } = extractReport(parse(hugeReportPage(20_000)), URL_OF_PAGE);
    expect(report.oversizedTables).toBeUndefined();
    expect(report.tables.length).toBeGreaterThanOrEqual(3);
  });
});

describe('pacer', () => {
  /** Whether `promise` settles while only microtasks run (no task of the event loop). */
  async function settlesWithinMicrotasks(promise: Promise<void>): Promise<boolean> {
    let settled = false;
    promise.then(() => {
      settled = true;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    return settled;
  }

  it('lets work run on while its slice lasts and gives the event loop a task once the slice is spent', async () => {
    let clock = 0;
    const pause = pacer(() => clock);
    clock = SLICE_MS - 1;
    expect(await settlesWithinMicrotasks(pause())).toBe(true);
    clock = SLICE_MS + 1;
    const spent = pause();
    expect(await settlesWithinMicrotasks(spent)).toBe(false);
    await spent;
    // A new slice starts after the yield.
    clock = SLICE_MS * 2;
    expect(await settlesWithinMicrotasks(pause())).toBe(true);
  });
});

describe('texts within the message limits', () => {
  it('quotes a runaway cell and sentence cut to the limit, so the background accepts the report', () => {
    const html = readFileSync(join(FIXTURE_DIR, `${BASE_FIXTURE}.html`), 'utf8');
    const long = '申请'.repeat(LIMITS.textLength);
    const page = html
      .replace('>行政许可</td>', `>行政许可${long}</td>`)
      .replace('本报告根据', `本报告根据${'有关规定'.repeat(LIMITS.textLength)}收到申请92件。`);
    const { report } = extractReport(parse(page), URL_OF_PAGE);
    const texts = [
      ...report.tables.flatMap((t) => t.cells.map((c) => c.text)),
      ...report.claims.flatMap((c) => [c.sentence, c.raw]),
      report.identity.title,
    ];
    expect(Math.max(...texts.map((text) => text.length))).toBe(LIMITS.textLength);
    expect(texts.some((text) => text.startsWith('行政许可申请申请') && text.endsWith('…'))).toBe(
      true,
    );
  });
});

describe('a report with a runaway agency name', () => {
  it('is extracted within the limits, and the background checks it instead of refusing it', async () => {
    const html = readFileSync(join(FIXTURE_DIR, 'fmt-2021-hanweb.html'), 'utf8');
    const agency = '江州市'.repeat(3_400).slice(0, 10_000);
    const page = html.replaceAll('江州市自然资源和规划局', agency);
    const { report } = extractReport(parse(page), URL_OF_PAGE);
    expect(report.identity.agency.length).toBe(LIMITS.textLength);
    expect(report.identity.agency.startsWith('江州市江州市')).toBe(true);
    expect(report.identity.title.length).toBeLessThanOrEqual(LIMITS.textLength);
    expect(report.tables.map((table) => table.kind)).toEqual(['t2', 't3', 't4']);
    // The schema the background parses a report with, and the background itself.
    expect(MESSAGES.analysed.request.safeParse({ report }).success).toBe(true);
    const handle = createBackgroundHandler({
      self: { id: 'ogi-lens', baseUrl: 'chrome-extension://ogi-lens/' },
      store: createHistoryStore(new IDBFactory()),
      readSettings: async () => DEFAULT_SETTINGS,
      showBadge: async () => {},
      loadLocale: async () => ({}),
      uiLanguage: () => 'en',
      storageHasRoom: async () => false,
      injectWorkbookWriter: async () => {},
      captureVisibleTab: async () => 'data:image/png;base64,',
      injectAnalyser: async () => {},
      openPdfPage: async () => {},
      openAuditPage: async () => {},
      now: () => new Date('2024-02-01T00:00:00Z'),
      warn: () => {},
    });
    const answer = await handle(
      { type: 'analysed', report },
      { id: 'ogi-lens', url: URL_OF_PAGE, tab: { id: 1 } },
    );
    expect(CheckedSchema.safeParse(answer).success).toBe(true);
  });
});

describe('a table whose grid cannot be held', () => {
  it('a very long first row over very many one-cell rows is reported as too large, not built', () => {
    const html = readFileSync(join(FIXTURE_DIR, `${BASE_FIXTURE}.html`), 'utf8');
    const wide = `<tr>${'<td>1</td>'.repeat(3_000)}</tr>`;
    const tall = '<tr><td>2</td></tr>'.repeat(3_000);
    const end = html.lastIndexOf('</table>') + '</table>'.length;
    const page = `${html.slice(0, end)}<table>${wide}${tall}</table>${html.slice(end)}`;
    const { report } = extractReport(parse(page), URL_OF_PAGE);
    // 3,000 × 3,001 slots: over MAX_SLOTS although the table has only 6,000 cells.
    expect(report.oversizedTables).toEqual([6_000]);
    expect(report.tables.map((t) => t.kind)).toEqual(['t2', 't3', 't4']);
  });
});

describe('whenPageSettled: the analysis starts once the page has painted and gone idle', () => {
  /** A window whose animation frames and idle periods come when the test says. */
  function pageWindow(visibilityState: DocumentVisibilityState, idle = true) {
    const frames: (() => void)[] = [];
    const idles: { callback: () => void; timeout?: number }[] = [];
    const win: FrameWindow = {
      document: { visibilityState },
      requestAnimationFrame: (callback) => frames.push(callback),
      ...(idle
        ? {
            requestIdleCallback: (callback: () => void, options?: { timeout: number }) =>
              idles.push({ callback, timeout: options?.timeout }),
          }
        : {}),
    };
    return {
      win,
      idles,
      runFrame: () => {
        for (const callback of frames.splice(0)) callback();
      },
      goIdle: () => {
        for (const { callback } of idles.splice(0)) callback();
      },
    };
  }
  const settled = (promise: Promise<void>) => {
    let done = false;
    promise.then(() => {
      done = true;
    });
    return () => done;
  };
  const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

  it('waits for the next frame, the task after it, then an idle moment', async () => {
    const page = pageWindow('visible');
    const isDone = settled(whenPageSettled(page.win, 10_000));
    await tick(20);
    expect(isDone()).toBe(false);
    page.runFrame();
    await tick(5);
    expect(isDone()).toBe(false);
    expect(page.idles.map((idle) => idle.timeout)).toEqual([10_000]);
    page.goIdle();
    await tick(0);
    expect(isDone()).toBe(true);
  });

  it('starts after the frame where the browser has no idle callbacks', async () => {
    const page = pageWindow('visible', false);
    const isDone = settled(whenPageSettled(page.win, 10_000));
    page.runFrame();
    await tick(5);
    expect(isDone()).toBe(true);
  });

  it('does not wait for a frame in a hidden tab, which renders none', async () => {
    const page = pageWindow('hidden');
    const isDone = settled(whenPageSettled(page.win, 10_000));
    await tick(5);
    expect(isDone()).toBe(true);
  });

  it('goes ahead within its wait when no frame comes (a tab hidden while waiting)', async () => {
    const page = pageWindow('visible');
    const isDone = settled(whenPageSettled(page.win, 30));
    await tick(5);
    expect(isDone()).toBe(false);
    await tick(60);
    expect(isDone()).toBe(true);
    expect(SETTLE_WAIT_MS).toBeLessThanOrEqual(300);
  });
});

/**
 * The content script and the analyser as entrypoints/detector.ts and
 * entrypoints/analyser.ts wire them, with stand-ins for the browser: the
 * background is a transport (its `loadAnalyser` publishes the analyser's
 * entry in a stand-in isolated world, as the injected script does), the popup
 * a listener call, the in-page UI a recorder. What the popup hears and the
 * background is asked go through the message table's helpers, as in the
 * browser.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { type PageUi, startAnalyser } from '../../../lib/content/analyser';
import {
  type AnalyserEntry,
  once,
  publishAnalyser,
  publishedAnalyser,
} from '../../../lib/content/analyser-slot';
import { startDetector } from '../../../lib/content/detector';
import { ANALYSER_MARKS, DETECT_MARKS } from '../../../lib/content/marks';
import { PASS_MARKS, REPORT_MARKER } from '../../../lib/content/page-pass';
import { publishPageState, readPublishedPageState } from '../../../lib/content/page-state-slot';
import { createAsker } from '../../../lib/messaging/channel';
import { createLeanAsker, type Receive } from '../../../lib/messaging/lean';
import { attachmentArticleHtml, fixtureWithAttachedPdf } from '../../support/attached-pdf-pages';
import { checkLikeBackground, fixtureUrl, openFixture } from '../annotate/support';

const FAST = { answerMs: 200, lateWindowMs: 300, quietMs: 20 };

interface StartOptions {
  /** A page of its own (html at url) instead of the fixture named. */
  page?: { html: string; url: string };
  /** What the background's injection does; by default it publishes the analyser. */
  inject?: 'publish' | 'nothing' | 'fail';
  /** Injections the stand-in background makes per request (a page asking twice, an injection repeated). */
  copies?: number;
}

function start(
  name: string,
  answer: (message: { type: string }) => Promise<unknown>,
  options: StartOptions = {},
) {
  const dom = options.page
    ? new JSDOM(options.page.html, {
        url: options.page.url,
        contentType: 'text/html',
        pretendToBeVisual: true,
      })
    : openFixture(name);
  const win = dom.window as unknown as Window & typeof globalThis;
  // jsdom has no performance timeline: the marks are recorded here instead.
  const recorded: string[] = [];
  win.performance.mark = ((name: string) => {
    recorded.push(name);
  }) as typeof win.performance.mark;
  /** The content script's isolated world, where the injected analyser publishes its entry. */
  const isolatedWorld = {};
  const asked: string[] = [];
  const shown: unknown[] = [];
  const warnings: string[] = [];
  /** The PDFs each bar offered (a page with a report title and no report). */
  const bars: string[][] = [];
  /** The PDFs each panel offered, null for none. */
  const panelPdfs: (string[] | null)[] = [];
  let withdrawn = 0;
  /** The last offer's way to open a PDF page, as its button calls it. */
  let opener: ((url: string) => Promise<void>) | null = null;
  let analysersStarted = 0;
  let analysed: Promise<void> | null = null;
  const ui: PageUi = {
    load: () => {},
    notReadyMessage: async () => 'not ready',
    show: async (annotation, _input, _onExport, _evidence, pdfOffer) => {
      shown.push(annotation.overlay);
      panelPdfs.push(pdfOffer ? [...pdfOffer.urls] : null);
      if (pdfOffer) opener = pdfOffer.open;
    },
    offerPdfs: async (_doc, _root, offer) => {
      bars.push([...offer.urls]);
      opener = offer.open;
    },
    withdrawPdfs: () => {
      withdrawn++;
    },
  };
  const ask = createAsker('contentScript', 'background', async (message) => {
    const request = message as { type: string };
    asked.push(request.type);
    return answer(request);
  });
  // What entrypoints/analyser.ts does when the background injects it.
  const injectedScript = () => {
    const entry: AnalyserEntry = (handoff) => {
      analysersStarted++;
      const analyser = startAnalyser(
        {
          window: win,
          ask,
          ui,
          log: (what) => warnings.push(what),
          pass: { timings: FAST, pause: () => Promise.resolve() },
        },
        handoff,
      );
      analysed = analyser.done;
      return analyser.receive;
    };
    publishAnalyser(once(entry), isolatedWorld);
  };
  const injections: number[] = [];
  let listener: Receive | null = null;
  const detected = startDetector({
    window: win,
    ask: createLeanAsker(async (message) => {
      const request = message as { type: string };
      asked.push(request.type);
      if (options.inject === 'fail') throw new Error('Frame was removed.');
      for (let i = 0; i < (options.copies ?? 1); i++) {
        injections.push(i);
        if (options.inject !== 'nothing') injectedScript();
      }
      return { loaded: true };
    }),
    listen: (receive) => {
      if (listener) throw new Error('a second listener');
      listener = receive;
    },
    analyser: () => publishedAnalyser(isolatedWorld),
    publish: (read) => publishPageState(read, isolatedWorld),
    log: (what) => warnings.push(what),
  });
  const done = detected.then(() => analysed ?? undefined);
  const popup = (message: unknown) => {
    if (!listener) throw new Error('no listener registered');
    return listener(message);
  };
  /** What the popup reads from the isolated world where no listener answers. */
  const published = () => {
    const read = (isolatedWorld as Record<string, unknown>).__ogiLensPageState;
    return typeof read === 'function' ? read() : null;
  };
  const marks = (mark: string) => recorded.filter((name) => name === mark).length;
  return {
    dom,
    done,
    asked,
    shown,
    warnings,
    popup,
    published,
    listening: () => listener !== null,
    marks,
    injections,
    started: () => analysersStarted,
    bars,
    panelPdfs,
    withdrawn: () => withdrawn,
    open: (url: string) => {
      if (!opener) throw new Error('nothing was offered');
      return opener(url);
    },
  };
}

const checkedAnswer = (name: string) => {
  const checked = checkLikeBackground(openFixture(name).window.document, fixtureUrl(name));
  return async (message: { type: string }) =>
    message.type === 'prepare'
      ? { prepared: true }
      : { findings: checked.findings, previous: null };
};

describe('the content script', () => {
  it('on a page that is not a report: detects, leaves the state for the popup, and touches no messaging', async () => {
    const { published, listening, done, asked, marks, dom } = start(
      'nonreport-training-news',
      async () => {
        throw new Error('the background was asked');
      },
    );
    await done;
    expect(asked).toEqual([]);
    expect(listening()).toBe(false);
    expect(published()).toEqual({ kind: 'none' });
    expect(marks(DETECT_MARKS.end)).toBe(1);
    expect(marks(ANALYSER_MARKS.requested)).toBe(0);
    expect(dom.window.document.documentElement.getAttribute(REPORT_MARKER)).toBeNull();
  });

  it('on a column of reports: counts the links only when the popup asks', async () => {
    const { published, done, asked, listening } = start(
      'listing-hanweb-column',
      async () => undefined,
    );
    await done;
    expect(asked).toEqual([]);
    expect(listening()).toBe(false);
    expect(published()).toEqual({ kind: 'listing' });
  });

  it('leaves the state where the popup reads it, with a reader that stands alone', () => {
    const world = {};
    publishPageState(() => ({ kind: 'listing' }), world);
    expect((world as Record<string, unknown>).__ogiLensPageState).toBeTypeOf('function');
    // The reader is serialised into the tab: it must not lean on its module.
    const standalone = new Function(`return (${readPublishedPageState.toString()})();`);
    expect(standalone()).toBeNull();
    publishPageState(() => ({ kind: 'none' }));
    try {
      expect(standalone()).toEqual({ kind: 'none' });
    } finally {
      delete (globalThis as Record<string, unknown>).__ogiLensPageState;
    }
  });

  it('drops what is not a request it answers before the analyser is there', async () => {
    const { popup, done } = start('chk-identity-culprit', async () => undefined, {
      inject: 'nothing',
    });
    await done;
    expect(popup({ type: 'exportReport', format: 'csv' })).toBeUndefined();
    expect(popup({ type: 'analysed', report: {} })).toBeUndefined();
    expect(popup('getPageState')).toBeUndefined();
    expect(popup(null)).toBeUndefined();
  });

  it('on a report: asks for the analyser once, which prepares, checks, shows and tells the popup', async () => {
    const name = 'chk-identity-culprit';
    const { dom, done, asked, shown, popup, marks, started } = start(name, checkedAnswer(name));
    // Pending while the analyser is on its way and the page settles.
    await expect(popup({ type: 'getPageState' })).resolves.toEqual({ kind: 'pending' });
    await done;
    expect(asked).toEqual(['loadAnalyser', 'prepare', 'analysed']);
    expect(started()).toBe(1);
    expect(shown).toEqual([expect.objectContaining({ unchecked: null })]);
    expect(dom.window.document.documentElement.getAttribute(REPORT_MARKER)).toBe('report');
    expect(marks(ANALYSER_MARKS.requested)).toBe(1);
    expect(marks(ANALYSER_MARKS.loaded)).toBe(1);
    expect(marks(PASS_MARKS.annotated)).toBe(1);
    const state = await popup({ type: 'getPageState' });
    expect(state).toMatchObject({ kind: 'report' });
    // The analyser answers through the content script's one listener now, and parses what it gets.
    expect(popup({ type: 'exportReport', format: 'exe' })).toBeUndefined();
  });

  it('starts one analysis when the analyser is injected twice into the frame', async () => {
    const name = 'chk-identity-culprit';
    const { done, injections, started, shown } = start(name, checkedAnswer(name), { copies: 2 });
    await done;
    expect(injections).toHaveLength(2);
    expect(started()).toBe(1);
    expect(shown).toHaveLength(1);
  });

  it('says so to the popup when the analyser could not be injected or did not arrive', async () => {
    for (const inject of ['fail', 'nothing'] as const) {
      const { done, popup, warnings, shown } = start(
        'chk-identity-culprit',
        async () => undefined,
        {
          inject,
        },
      );
      await done;
      expect(shown).toEqual([]);
      expect(warnings).toEqual(['analysis failed']);
      await expect(popup({ type: 'getPageState' })).resolves.toMatchObject({ kind: 'error' });
    }
  });

  it('exports nothing before the analysis, through the analyser', async () => {
    const dom = openFixture('chk-identity-culprit');
    const analyser = startAnalyser(
      {
        window: dom.window as unknown as Window,
        ask: createAsker('contentScript', 'background', async () => undefined),
        ui: {
          load: () => {},
          notReadyMessage: async () => 'not ready',
          show: async () => {},
          offerPdfs: async () => {},
          withdrawPdfs: () => {},
        },
        log: () => {},
        pass: { timings: FAST, pause: () => Promise.resolve() },
      },
      {
        detection: { kind: 'report', reasons: [], title: dom.window.document.title },
        settledAt: undefined,
      },
    );
    await expect(analyser.receive({ type: 'getPageState' })).resolves.toEqual({ kind: 'pending' });
    await expect(analyser.receive({ type: 'exportReport', format: 'csv' })).resolves.toEqual({
      ok: false,
      message: 'not ready',
    });
    await analyser.done;
  });

  it('takes a background answer out of shape as no answer', async () => {
    const { done, shown } = start('chk-identity-culprit', async (message) =>
      message.type === 'prepare' ? { prepared: true } : { findings: 'all of them' },
    );
    await done;
    expect(shown).toEqual([expect.objectContaining({ unchecked: 'noAnswer', findings: [] })]);
  });
});

describe('「检查附件 PDF」 on the page', () => {
  const ARTICLE = 'http://www.jiangzhou.gov.cn/art/2024/1/18/art_1.html';
  const PDF = 'http://www.jiangzhou.gov.cn/attach/2024/P020240118.pdf';
  /** The background: opens what it is asked to, answers the rest as for a report. */
  const background = (opened: string[]) => async (message: { type: string }) => {
    if (message.type === 'openPdfReport') {
      opened.push((message as unknown as { url: string }).url);
      return { opened: true };
    }
    return message.type === 'prepare' ? { prepared: true } : { findings: [], previous: null };
  };

  it('a report title over 「附件：….pdf」 and no report: a bar offers each PDF, and opens it through the background', async () => {
    const opened: string[] = [];
    const second = 'http://xxgk.jiangzhou.gov.cn/attach/2024/P020240118_2.pdf';
    const { done, bars, panelPdfs, popup, asked, open, shown } = start('', background(opened), {
      page: { html: attachmentArticleHtml([PDF, second]), url: ARTICLE },
    });
    await done;
    expect(bars).toEqual([[PDF, second]]);
    expect(shown).toEqual([]);
    expect(panelPdfs).toEqual([]);
    // The popup's answer for the page is unchanged.
    await expect(popup({ type: 'getPageState' })).resolves.toEqual({
      kind: 'none',
      pdfs: [PDF, second],
    });
    await open(PDF);
    expect(opened).toEqual([PDF]);
    expect(asked).toEqual(['loadAnalyser', 'openPdfReport']);
  });

  it('says why when the background refuses to open it', async () => {
    const { done, open } = start(
      '',
      async (message) => {
        if (message.type === 'openPdfReport')
          throw new Error("Only a PDF on the page's own portal can be checked from the page.");
        return undefined;
      },
      { page: { html: attachmentArticleHtml([PDF]), url: ARTICLE } },
    );
    await done;
    await expect(open(PDF)).rejects.toThrow(/own portal/);
  });

  it('no bar on a report title that links no PDF, nor on a page without a report title that links one', async () => {
    const noPdf = start('', async () => undefined, {
      page: { html: attachmentArticleHtml(['/attach/2024/report.docx']), url: ARTICLE },
    });
    await noPdf.done;
    expect(noPdf.bars).toEqual([]);
    await expect(noPdf.popup({ type: 'getPageState' })).resolves.toEqual({ kind: 'none' });

    // A column of reports with a 「…年度报告.pdf」 entry: the content script walks no link for a bar,
    // and no analyser is asked for.
    const column = start('listing-epoint-year-tabs', async () => {
      throw new Error('the background was asked');
    });
    await column.done;
    expect(column.asked).toEqual([]);
    expect(column.bars).toEqual([]);
    expect(column.published()).toMatchObject({ kind: 'listing' });

    // A news article linking a report PDF, whose own title is no report title.
    const news = start(
      '',
      async () => {
        throw new Error('the background was asked');
      },
      {
        page: {
          html: fixtureWithAttachedPdf('nonreport-news-article', '/attach/2024/ndbg.pdf'),
          url: fixtureUrl('nonreport-news-article'),
        },
      },
    );
    await news.done;
    expect(news.asked).toEqual([]);
    expect(news.bars).toEqual([]);
  });

  it('a report whose tables are images, with its PDF attached: the panel offers the PDF', async () => {
    const name = 'fmt-image-only';
    const url = fixtureUrl(name);
    const pdf = new URL('/attach/2021/0326/ndbg2020.pdf', url).href;
    const withPdf = start(name, background([]), {
      page: {
        html: fixtureWithAttachedPdf(
          name,
          '/attach/2021/0326/ndbg2020.pdf',
          '<p style="text-align:right">2021年3月26日</p>',
        ),
        url,
      },
    });
    await withPdf.done;
    expect(withPdf.shown).toHaveLength(1);
    expect(withPdf.panelPdfs).toEqual([[pdf]]);
    expect(withPdf.bars).toEqual([]);
    // The popup still shows the report, not an attachment offer.
    await expect(withPdf.popup({ type: 'getPageState' })).resolves.toMatchObject({
      kind: 'report',
    });

    const without = start(name, background([]));
    await without.done;
    expect(without.panelPdfs).toEqual([null]);
  });

  it('a report whose HTML tables were all read is not offered its PDF', async () => {
    const name = 'fmt-2021-hanweb';
    const { done, panelPdfs, bars, shown } = start(name, background([]), {
      page: {
        html: fixtureWithAttachedPdf(name, '/attach/2024/ndbg2023.pdf'),
        url: fixtureUrl(name),
      },
    });
    await done;
    expect(shown).toHaveLength(1);
    expect(panelPdfs).toEqual([null]);
    expect(bars).toEqual([]);
  });

  it('withdraws the bar when the report’s tables arrive late', async () => {
    const name = 'fmt-2021-hanweb';
    const page = openFixture(name).window.document;
    const tables = Array.from(page.querySelectorAll('table'), (table) => table.outerHTML).join('');
    const html = attachmentArticleHtml([PDF]);
    const run = start('', background([]), { page: { html, url: ARTICLE } });
    // The single-page portal inserts the tables while the analyser watches.
    await new Promise((resolve) => setTimeout(resolve, 50));
    run.dom.window.document.getElementById('zoom')?.insertAdjacentHTML('beforeend', tables);
    await run.done;
    expect(run.bars).toEqual([[PDF]]);
    expect(run.withdrawn()).toBe(1);
    expect(run.shown).toHaveLength(1);
    expect(run.panelPdfs).toEqual([null]);
  });
});

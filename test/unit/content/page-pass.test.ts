import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { HOST_ATTRIBUTE } from '../../../lib/annotate/host';
import { FINDING_ATTRIBUTE } from '../../../lib/annotate/marks';
import { watchForLateTables } from '../../../lib/content/late-tables';
import { REPORT_MARKER, runPagePass } from '../../../lib/content/page-pass';
import { createAsker } from '../../../lib/messaging/channel';
import type { PageState } from '../../../lib/messaging/protocol';
import type { Report } from '../../../lib/model/report';
import { checkLikeBackground, fixtureUrl, openFixture } from '../annotate/support';

const FAST = { answerMs: 100, lateWindowMs: 1_000, quietMs: 30 };

/**
 * The content script's `check`, as lib/content/analyser.ts wires it:
 * the report asked of a background that answers with `answer(report)`, raw,
 * and the answer parsed on the way back.
 */
function checkAnswering(answer: (report: unknown) => Promise<unknown>) {
  const ask = createAsker('contentScript', 'background', (message) =>
    answer((message as { report: unknown }).report),
  );
  return (report: Report) => ask('analysed', { report });
}

/** For pages that are not reports: the background is never asked. */
const neverAsked = async (): Promise<never> => {
  throw new Error('the background was asked');
};

function run(dom: JSDOM, answer: (report: unknown) => Promise<unknown>) {
  const states: PageState[] = [];
  const check = vi.fn(answer);
  const overlays: unknown[] = [];
  const done = runPagePass(dom.window.document, dom.window.location.href, {
    check: checkAnswering(check),
    setState: (s) => states.push(s),
    showOverlay: (annotation) => {
      // The marker must wait for the overlay: it is not set yet while the overlay renders.
      expect(dom.window.document.documentElement.hasAttribute(REPORT_MARKER)).toBe(false);
      overlays.push(annotation.overlay);
    },
    timings: FAST,
  });
  return { done, states, check, overlays };
}

const marked = (dom: JSDOM) =>
  Array.from(dom.window.document.querySelectorAll(`[${FINDING_ATTRIBUTE}]`));

describe('one pass over a page', () => {
  it('checks a report, marks its findings, then sets the marker', async () => {
    const dom = openFixture('chk-identity-culprit');
    const url = fixtureUrl('chk-identity-culprit');
    const answer = checkLikeBackground(openFixture('chk-identity-culprit').window.document, url);
    const { done, states, check, overlays } = run(dom, async () => ({
      findings: answer.findings,
      previous: null,
    }));
    await done;
    expect(check).toHaveBeenCalledTimes(1);
    expect(overlays).toHaveLength(1);
    expect(marked(dom).map((el) => el.textContent?.trim())).toEqual(['32']);
    expect(dom.window.document.documentElement.getAttribute(REPORT_MARKER)).toBe('report');
    const last = states.at(-1);
    expect(last?.kind).toBe('report');
    if (last?.kind === 'report') expect(last.findings).toHaveLength(answer.findings.length);
  });

  it('tells the background the agency and year of a report as soon as it is detected, before the report', async () => {
    const dom = openFixture('chk-identity-culprit');
    const order: string[] = [];
    const prepare = vi.fn(() => order.push('prepare'));
    const done = runPagePass(dom.window.document, dom.window.location.href, {
      check: async (report) => {
        order.push('check');
        expect(report.identity.year).toBe(2023);
        return { findings: [], previous: null };
      },
      prepare,
      setState: () => {},
      showOverlay: () => {},
      timings: FAST,
    });
    await done;
    expect(order).toEqual(['prepare', 'check']);
    const [hint] = prepare.mock.calls[0] as unknown as [{ agency: string; year: number | null }];
    expect(hint.year).toBe(2023);
    expect(hint.agency).not.toBe('');
  });

  it('prepares nothing for a page that is not a report', async () => {
    const dom = openFixture('nonreport-check-notice');
    const prepare = vi.fn();
    await runPagePass(dom.window.document, dom.window.location.href, {
      check: neverAsked,
      prepare,
      setState: () => {},
      showOverlay: () => {},
      timings: FAST,
    });
    expect(prepare).not.toHaveBeenCalled();
  });

  it('passes on how many cached reports the background pruned to store this one', async () => {
    const dom = openFixture('chk-identity-culprit');
    const url = fixtureUrl('chk-identity-culprit');
    const answer = checkLikeBackground(openFixture('chk-identity-culprit').window.document, url);
    const { done, overlays } = run(dom, async () => ({ ...answer, pruned: 3 }));
    await done;
    expect(overlays).toEqual([expect.objectContaining({ pruned: 3, unchecked: null })]);
  });

  it('passes on that the history is unavailable, and still shows the findings', async () => {
    const dom = openFixture('chk-identity-culprit');
    const url = fixtureUrl('chk-identity-culprit');
    const answer = checkLikeBackground(openFixture('chk-identity-culprit').window.document, url);
    const { done, overlays, states } = run(dom, async () => ({
      ...answer,
      historyUnavailable: true,
    }));
    await done;
    expect(overlays).toEqual([
      expect.objectContaining({
        historyUnavailable: true,
        unchecked: null,
        findings: answer.findings,
      }),
    ]);
    // The popup says so too, instead of advising a visit to last year's report.
    expect(states.at(-1)).toMatchObject({ kind: 'report', historyUnavailable: true });
  });

  it('still marks the page as analysed when the background never answers', async () => {
    const dom = openFixture('chk-identity-culprit');
    const { done, states, overlays } = run(dom, () => new Promise(() => {}));
    await done;
    expect(marked(dom)).toEqual([]);
    expect(overlays).toEqual([expect.objectContaining({ unchecked: 'noAnswer', findings: [] })]);
    expect(dom.window.document.documentElement.getAttribute(REPORT_MARKER)).toBe('report');
    expect(states.at(-1)).toMatchObject({
      kind: 'report',
      findings: [],
      previous: null,
      unchecked: 'noAnswer',
    });
  });

  it('says why when the background refuses the report, in the overlay and the popup state', async () => {
    const dom = openFixture('chk-identity-culprit');
    const { done, states, overlays } = run(dom, async () => ({ refused: 'tooLarge' }));
    await done;
    expect(marked(dom)).toEqual([]);
    expect(overlays).toEqual([expect.objectContaining({ unchecked: 'tooLarge', findings: [] })]);
    expect(states.at(-1)).toMatchObject({ kind: 'report', findings: [], unchecked: 'tooLarge' });
  });

  it('treats an answer in the wrong shape as no answer', async () => {
    const dom = openFixture('chk-identity-culprit');
    const forged = { findings: [{ rule: 'x', severity: 'fatal', cells: 'all' }], previous: null };
    const { done, overlays } = run(dom, async () => forged);
    await done;
    expect(marked(dom)).toEqual([]);
    expect(overlays).toEqual([expect.objectContaining({ unchecked: 'noAnswer' })]);
  });

  it('leaves a page that is not a report exactly as it was', async () => {
    const dom = openFixture('nonreport-training-news');
    const before = dom.serialize();
    const { done, states, check } = run(dom, async () => null);
    await done;
    expect(check).not.toHaveBeenCalled();
    expect(states).toEqual([{ kind: 'none' }]);
    expect(dom.serialize()).toBe(before);
    expect(dom.window.document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });

  it('says a page with a report-like title is no report while it waits for tables that never come', async () => {
    const dom = new JSDOM(
      `<!doctype html><html><head><meta charset="utf-8"><title>某某县2023年政府信息公开工作年度报告_某某县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a></div><div class="article"><h1>某某县2023年政府信息公开工作年度报告</h1>
<div class="content" id="zoom">正在加载……</div></div></body></html>`,
      { url: 'http://www.mmx.gov.cn/art/2024/1/20/art_1_1.html' },
    );
    const before = dom.serialize();
    const { done, states, check } = run(dom, async () => null);
    expect(states).toEqual([{ kind: 'none' }]);
    await done;
    expect(check).not.toHaveBeenCalled();
    expect(states.at(-1)).toEqual({ kind: 'none' });
    expect(dom.serialize()).toBe(before);
  });

  it('tells a listing apart, and leaves it alone', async () => {
    const dom = openFixture('listing-hanweb-column');
    const before = dom.serialize();
    const { done, states } = run(dom, async () => null);
    await done;
    expect(states).toEqual([{ kind: 'listing' }]);
    expect(dom.serialize()).toBe(before);
  });

  it('leaves the link count of a column page to whoever asks later, when it can take it', async () => {
    const confirmations: (() => 'listing' | 'column' | 'none')[] = [];
    const pass = async (name: string) => {
      const dom = openFixture(name);
      const states: PageState[] = [];
      await runPagePass(dom.window.document, dom.window.location.href, {
        check: neverAsked,
        setState: (s) => states.push(s),
        deferListing: (scan) => confirmations.push(scan),
        showOverlay: () => {},
        timings: FAST,
      });
      return states;
    };
    // Until asked, a column page is a page like any other; asked, its links tell.
    expect(await pass('listing-hanweb-column')).toEqual([{ kind: 'none' }]);
    expect(confirmations.map((scan) => scan())).toEqual(['listing']);
    // A page about the disclosure work (信息公开 in its title) that links no reports.
    expect(await pass('nonreport-disclosure-guide')).toEqual([{ kind: 'none' }]);
    expect(confirmations.map((scan) => scan())).toEqual(['listing', 'none']);
    // A page without the column's words has nothing left to count.
    expect(await pass('nonreport-news-article')).toEqual([{ kind: 'none' }]);
    expect(confirmations).toHaveLength(2);
  });

  it('waits for tables a page inserts after load, and analyses them once', async () => {
    const dom = openFixture('dyn-late-tables');
    const doc = dom.window.document;
    const url = fixtureUrl('dyn-late-tables');
    const reports: { tables: unknown[] }[] = [];
    const { done, check } = run(dom, async (report) => {
      reports.push(report as { tables: unknown[] });
      return { findings: checkLikeBackground(doc, url).findings, previous: null };
    });
    // What the page's own script does two seconds after load (scripts do not run in jsdom).
    setTimeout(() => {
      const template = doc.getElementById('report-tables') as HTMLTemplateElement;
      const tables = template.content.querySelectorAll('table');
      doc.querySelectorAll('.table-slot').forEach((slot, i) => {
        const table = tables[i];
        if (table) slot.replaceWith(table.cloneNode(true));
      });
    }, 50);
    await done;
    expect(check).toHaveBeenCalledTimes(1);
    expect(reports[0]?.tables).toHaveLength(3);
    // Table 三's 本年新收 总计 reads 94 over columns adding up to 92.
    expect(marked(dom).map((el) => el.textContent?.trim())).toEqual(['94']);
    expect(doc.documentElement.getAttribute(REPORT_MARKER)).toBe('report');
  });

  it('analyses a report whose tables never come once the wait is over', async () => {
    const dom = openFixture('dyn-late-tables');
    const { done, check } = run(dom, async () => ({ findings: [], previous: null }));
    await done;
    expect(check).toHaveBeenCalledTimes(1);
    expect(dom.window.document.documentElement.getAttribute(REPORT_MARKER)).toBe('report');
  });
});

describe('waiting for late tables', () => {
  const page = () => new JSDOM('<body><div id="app"></div></body>').window.document;
  const options = { windowMs: 300, quietMs: 20, isOwnNode: (n: Node) => n.nodeName === 'OWN' };

  it('ends when a table has arrived and the page went quiet', async () => {
    const doc = page();
    const watch = watchForLateTables(doc.body, options);
    const wrapper = doc.createElement('section');
    wrapper.innerHTML = '<table><tr><td>1</td></tr></table>';
    doc.getElementById('app')?.append(wrapper);
    await expect(watch.done).resolves.toBe(true);
  });

  it('ignores other content and the extension’s own nodes, and gives up after its window', async () => {
    const doc = page();
    const watch = watchForLateTables(doc.body, options);
    const own = doc.createElement('own');
    own.innerHTML = '<table></table>';
    doc.body.append(own);
    doc.getElementById('app')?.append(doc.createElement('p'));
    await expect(watch.done).resolves.toBe(false);
  });

  it('stops watching once it is over', async () => {
    const doc = page();
    const observe = vi.spyOn(
      doc.defaultView?.MutationObserver.prototype as MutationObserver,
      'disconnect',
    );
    const watch = watchForLateTables(doc.body, options);
    watch.cancel();
    await expect(watch.done).resolves.toBe(false);
    expect(observe).toHaveBeenCalled();
  });
});

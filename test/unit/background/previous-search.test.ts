/**
 * The background's part in finding last year's report (lib/background/previous-search.ts
 * through the handler): it looks only without last year's in history and
 * with the setting on, drops the page's links that leave the sender's
 * portal before anything is fetched, stores the report found as a visit at
 * its own address, and answers the page's checks redone with it — the
 * year-over-year findings the command line gives with the 2022 page as
 * history. A malformed request, or one from anything but the content
 * script, starts nothing. The search itself is the real one on the mock
 * portal (jsdom, a fetch serving the mirror); the offscreen document's end
 * hears only the background.
 */
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandler } from '../../../lib/background/handler';
import { createHistoryStore, recordId } from '../../../lib/background/history-store';
import { createOffscreenBridge } from '../../../lib/background/offscreen-bridge';
import {
  createOffscreenReceiver,
  type OffscreenReceiverDeps,
} from '../../../lib/background/offscreen-receiver';
import { runChecks } from '../../../lib/checks/run';
import { extractReport } from '../../../lib/extract';
import {
  CheckedSchema,
  PreviousSearchSchema,
  type Settings,
} from '../../../lib/messaging/protocol';
import type { Report } from '../../../lib/model/report';
import { detectPage } from '../../../lib/page/detect';
import { extractPdfReport } from '../../../lib/pdf/extract-pdf';
import { readPageLinks } from '../../../lib/portal/links';
import {
  type PortalSearchRequest,
  runPortalSearch,
  type SearchRunner,
} from '../../../lib/portal/portal-search';
import type { PortalProgress } from '../../../lib/portal/types';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { mockPortalFetch } from '../../support/portal-fetch';
import { manifest, pageAt, parsed } from '../portal/pages';

const SELF = { id: 'ogi-lens-test', baseUrl: 'chrome-extension://ogi-lens-test/' };
const URL_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240114_4102161.html';
const URL_2022 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202301/t20230114_4102154.html';
const { DOMParser } = new JSDOM('').window;

function reportAt(url: string): Report {
  const doc = parsed('jsdom', pageAt(url));
  const detection = detectPage(doc);
  return extractReport(doc, url, detection.title).report;
}

const contentScript = { id: SELF.id, url: URL_2023, tab: { id: 7, url: URL_2023 }, frameId: 0 };

function harness(settings: Partial<Settings> = {}, standIn?: SearchRunner) {
  const store = createHistoryStore(new IDBFactory());
  const searches: PortalSearchRequest[] = [];
  const progress: { tabId: number; frameId: number; progress: PortalProgress }[] = [];
  const portal = mockPortalFetch(manifest);
  let signal: AbortSignal | null = null;
  const search: SearchRunner = (request, control) => {
    searches.push(request);
    signal = control.signal;
    if (standIn) return standIn(request, control);
    return runPortalSearch(request, {
      fetch: portal.fetch,
      parser: () => new DOMParser(),
      readPdf: (bytes, url) => extractPdfReport(bytes, url),
      signal: control.signal,
      onProgress: control.onProgress,
    });
  };
  const handle = createBackgroundHandler({
    self: SELF,
    store,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    storageHasRoom: async () => false,
    showBadge: async () => undefined,
    loadLocale: async () => ({}),
    uiLanguage: () => 'zh-CN',
    injectWorkbookWriter: async () => undefined,
    captureVisibleTab: async () => '',
    injectAnalyser: async () => undefined,
    openPdfPage: async () => undefined,
    openAuditPage: async () => undefined,
    searchPortal: search,
    sendSearchProgress: (tabId, frameId, p) => progress.push({ tabId, frameId, progress: p }),
    now: () => new Date('2024-05-06T07:08:09.000Z'),
    warn: () => undefined,
  });
  return { handle, store, searches, progress, portal, signal: () => signal };
}

const report2023 = reportAt(URL_2023);
const links2023 = () => readPageLinks(parsed('jsdom', pageAt(URL_2023)), URL_2023);

describe('the search for last year’s report, in the background', () => {
  it('is offered only without last year’s report in history and with the setting on', async () => {
    const on = harness();
    const first = CheckedSchema.parse(
      await on.handle({ type: 'analysed', report: report2023 }, contentScript),
    );
    expect(first.mayFindPrevious).toBe(true);

    const off = harness({ findPreviousYear: false });
    const checked = CheckedSchema.parse(
      await off.handle({ type: 'analysed', report: report2023 }, contentScript),
    );
    expect(checked.mayFindPrevious).toBeUndefined();
    const answer = PreviousSearchSchema.parse(
      await off.handle(
        { type: 'findPreviousYear', report: report2023, links: links2023() },
        contentScript,
      ),
    );
    expect(answer).toEqual({ outcome: 'skipped', why: 'off' });
    expect(off.searches).toEqual([]);
    expect(off.portal.requests).toEqual([]);

    // Last year's visited: nothing is offered, nothing looked for.
    const known = harness();
    await known.handle(
      { type: 'analysed', report: reportAt(URL_2022) },
      { ...contentScript, url: URL_2022, tab: { id: 7, url: URL_2022 } },
    );
    const again = CheckedSchema.parse(
      await known.handle({ type: 'analysed', report: report2023 }, contentScript),
    );
    expect(again.mayFindPrevious).toBeUndefined();
    expect(
      await known.handle(
        { type: 'findPreviousYear', report: report2023, links: links2023() },
        contentScript,
      ),
    ).toEqual({ outcome: 'skipped', why: 'hasPrevious' });
    expect(known.searches).toEqual([]);
  });

  it('finds a government’s last year in history under either spelling of its name, and looks for nothing', async () => {
    const GOV_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240110_4100161.html';
    const GOV_2022 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202301/t20230110_4100154.html';
    const named = (url: string, agency: string): Report => {
      const report = reportAt(url);
      return { ...report, identity: { ...report.identity, agency } };
    };
    for (const [earlier, later] of [
      ['鹤鸣区人民政府', '鹤鸣区'],
      ['鹤鸣区', '鹤鸣区人民政府'],
    ] as const) {
      const h = harness();
      const sender = (url: string) => ({ ...contentScript, url, tab: { id: 7, url } });
      await h.handle({ type: 'analysed', report: named(GOV_2022, earlier) }, sender(GOV_2022));
      const checked = CheckedSchema.parse(
        await h.handle({ type: 'analysed', report: named(GOV_2023, later) }, sender(GOV_2023)),
      );
      expect(checked.previous?.url, `${later} after ${earlier}`).toBe(GOV_2022);
      expect(checked.mayFindPrevious).toBeUndefined();
      expect(h.searches).toEqual([]);
    }
  });

  it('drops every link off the sender’s portal before the search', async () => {
    const h = harness();
    const links = links2023();
    const foreign = [
      {
        url: 'http://www.yunqi.gov.cn/art/2023/1/10/art_1229_5012154.html',
        text: '鹤鸣区自然资源局2022年政府信息公开工作年度报告',
        date: null,
      },
      {
        url: 'http://heming.gov.cn.evil.com/2022.html',
        text: '鹤鸣区自然资源局2022年政府信息公开工作年度报告',
        date: null,
      },
    ];
    await h.handle(
      {
        type: 'findPreviousYear',
        report: report2023,
        links: {
          ...links,
          reports: [...foreign, ...links.reports],
          listingPages: ['http://www.yunqi.gov.cn/col/col1229/index.html', ...links.listingPages],
          column: { url: 'http://evil.example.com/col/', text: '年报', date: null },
        },
      },
      contentScript,
    );
    const [request] = h.searches;
    expect(request?.kind).toBe('find');
    if (request?.kind !== 'find') return;
    const urls = [
      ...request.links.reports.map((l) => l.url),
      ...request.links.listingPages,
      request.links.column?.url,
    ].filter(Boolean);
    expect(urls.every((url) => new URL(url as string).hostname.endsWith('.heming.gov.cn'))).toBe(
      true,
    );
    expect(request.links.column).toBeNull();
    expect(h.portal.requests.every((r) => new URL(r.url).hostname.endsWith('heming.gov.cn'))).toBe(
      true,
    );
  });

  it('stores the report found at its own address and re-checks with it, as the command line would', async () => {
    const h = harness();
    await h.handle({ type: 'analysed', report: report2023 }, contentScript);
    const answer = PreviousSearchSchema.parse(
      await h.handle(
        { type: 'findPreviousYear', report: report2023, links: links2023() },
        contentScript,
      ),
    );
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.compared.url).toBe(URL_2022);
    expect(answer.compared.title).toContain('2022');
    // The year-over-year finding planted in 2023's 上年结转, as with 2022's page in history.
    const expected = runChecks(report2023, reportAt(URL_2022), { disabled: new Set() });
    expect(answer.checked.findings).toEqual(expected);
    expect(answer.checked.findings.some((f) => f.rule.startsWith('yoy.'))).toBe(true);
    expect(answer.checked.previous?.url).toBe(URL_2022);
    expect(answer.checked.previous?.year).toBe(2022);

    const stored = await h.store.get('heming.gov.cn', '鹤鸣区自然资源局', 2022);
    expect(stored?.url).toBe(URL_2022);
    expect(stored?.id).toBe(recordId('heming.gov.cn', '鹤鸣区自然资源局', 2022));
    // A later visit of the 2023 page has it, and looks for nothing.
    const later = CheckedSchema.parse(
      await h.handle({ type: 'analysed', report: report2023 }, contentScript),
    );
    expect(later.previous?.url).toBe(URL_2022);
    expect(later.mayFindPrevious).toBeUndefined();
    // Progress went to the frame that asked.
    expect(h.progress.length).toBeGreaterThan(0);
    expect(h.progress.every((p) => p.tabId === 7 && p.frameId === 0)).toBe(true);
  });

  it('keeps the government’s comparison with its departments in history in the re-checked answer', async () => {
    const GOV_2023 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/t20240110_4100161.html';
    const GOV_2022 = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202301/t20230110_4100154.html';
    const government = reportAt(GOV_2023);
    // The reader chose one of the two copies of 2022's report: the search returns it.
    const h = harness({}, async () => ({
      found: true,
      url: GOV_2022,
      title: '鹤鸣区2022年政府信息公开工作年度报告',
      source: 'html',
      report: reportAt(GOV_2022),
      candidates: [],
      requests: 1,
    }));
    const auditPage = { id: SELF.id, url: `${SELF.baseUrl}audit.html?url=x`, tab: { id: 9 } };
    const departments = manifest.pages.filter(
      (p) => p.kind === 'report' && p.portal === 'A' && p.report?.year === 2023,
    );
    for (const page of departments.filter((p) => p.report?.expected.bodyKind === 'department')) {
      const report = reportAt(page.url);
      await h.handle({ type: 'auditedReport', report, url: page.url }, auditPage);
    }
    const sender = { ...contentScript, url: GOV_2023, tab: { id: 7, url: GOV_2023 } };
    const first = CheckedSchema.parse(
      await h.handle({ type: 'analysed', report: government }, sender),
    );
    const beside = first.findings.filter((f) => f.rule === 'hierarchy.t3-sum');
    expect(beside.length).toBeGreaterThan(0);
    const answer = PreviousSearchSchema.parse(
      await h.handle({ type: 'findPreviousYear', report: government, links: links2023() }, sender),
    );
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.checked.findings.filter((f) => f.rule === 'hierarchy.t3-sum')).toEqual(beside);
    const own = runChecks(government, reportAt(GOV_2022), { disabled: new Set() });
    expect(answer.checked.findings).toEqual([...own, ...beside]);
  });

  it('refuses a malformed request, and one from anything but the content script', async () => {
    const h = harness();
    expect(
      await h.handle({ type: 'findPreviousYear', report: report2023, links: 'all' }, contentScript),
    ).toBeUndefined();
    const request = { type: 'findPreviousYear', report: report2023, links: links2023() };
    // A page (no tab: an extension page of another extension), the offscreen document, another extension.
    for (const sender of [
      { id: SELF.id, url: `${SELF.baseUrl}options.html` },
      { id: SELF.id, url: `${SELF.baseUrl}offscreen.html` },
      { id: 'someone-else', url: URL_2023, tab: { id: 7, url: URL_2023 } },
    ]) {
      expect(await h.handle(request, sender)).toBeUndefined();
    }
    expect(h.searches).toEqual([]);
    expect(h.portal.requests).toEqual([]);
  });

  it('cancels the frame’s search: its signal aborts and the page is told', async () => {
    // A search that runs until it is cancelled, as on a slow portal.
    const h = harness({}, (_request, control) => {
      control.onProgress({ done: 0, planned: 1, requests: 1 });
      return new Promise((resolve) =>
        control.signal.addEventListener('abort', () =>
          resolve({ found: false, reason: 'cancelled', candidates: [], requests: 1 }),
        ),
      );
    });
    const pending = h.handle(
      { type: 'findPreviousYear', report: report2023, links: links2023() },
      contentScript,
    );
    await vi.waitFor(() => expect(h.searches).toHaveLength(1));
    // Another tab's cancel does not reach it.
    expect(
      await h.handle(
        { type: 'cancelPreviousYear' },
        { ...contentScript, tab: { id: 8, url: URL_2023 } },
      ),
    ).toEqual({ noted: false });
    expect(h.signal()?.aborted).toBe(false);
    expect(await h.handle({ type: 'cancelPreviousYear' }, contentScript)).toEqual({ noted: true });
    expect(h.signal()?.aborted).toBe(true);
    const answer = PreviousSearchSchema.parse(await pending);
    expect(answer.outcome === 'notFound' && answer.reason).toBe('cancelled');
  });
});

describe('the offscreen document', () => {
  const background = { id: SELF.id, url: `${SELF.baseUrl}background.js` };
  const request = {
    type: 'portalSearch',
    id: 's1',
    search: {
      kind: 'find',
      current: { url: URL_2023, agency: '鹤鸣区自然资源局', year: 2023 },
      links: links2023(),
    },
  };

  it('runs a search the background asks for, and none a content script or page asks for', async () => {
    const runs: PortalSearchRequest[] = [];
    const receive = createOffscreenReceiver({
      self: SELF,
      search: async (search) => {
        runs.push(search);
        return { found: false, reason: 'not-listed', candidates: [], requests: 0 };
      },
      ask: (async () => ({ noted: true })) as OffscreenReceiverDeps['ask'],
      warn: () => undefined,
    });
    expect(receive(request, contentScript)).toBeUndefined();
    expect(receive(request, { id: SELF.id, url: `${SELF.baseUrl}popup.html` })).toBeUndefined();
    expect(
      receive(request, { id: 'other', url: `chrome-extension://other/background.js` }),
    ).toBeUndefined();
    expect(runs).toEqual([]);
    expect(await receive(request, background)).toEqual({
      found: false,
      reason: 'not-listed',
      candidates: [],
      requests: 0,
    });
    expect(runs).toHaveLength(1);
  });

  it('hands progress back and aborts on the background’s cancel (the bridge and the receiver together)', async () => {
    let receive: ReturnType<typeof createOffscreenReceiver> | null = null;
    const seen: PortalProgress[] = [];
    let aborted = false;
    const bridge = createOffscreenBridge({
      ensureDocument: async () => undefined,
      send: async (message) => receive?.(message, background),
      newId: () => 's1',
    });
    receive = createOffscreenReceiver({
      self: SELF,
      search: (_search, control) =>
        new Promise((resolve) => {
          control.onProgress({ done: 1, planned: 3, requests: 1 });
          control.signal.addEventListener('abort', () => {
            aborted = true;
            resolve({ found: false, reason: 'cancelled', candidates: [], requests: 1 });
          });
        }),
      ask: (async (_name: string, fields: { id: string; progress: PortalProgress }) => {
        bridge.progress(fields.id, fields.progress);
        return { noted: true };
      }) as OffscreenReceiverDeps['ask'],
      warn: () => undefined,
    });
    const controller = new AbortController();
    const result = bridge.search(request.search as PortalSearchRequest, {
      signal: controller.signal,
      onProgress: (p) => seen.push(p),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([{ done: 1, planned: 3, requests: 1 }]);
    controller.abort();
    expect(await result).toMatchObject({ found: false, reason: 'cancelled' });
    expect(aborted).toBe(true);
  });
});

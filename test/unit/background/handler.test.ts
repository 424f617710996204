import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BADGE_COLORS,
  type BackgroundDeps,
  type Badge,
  badgeFor,
  createBackgroundHandler,
  type InjectionTarget,
  type NextTo,
} from '../../../lib/background/handler';
import {
  createHistoryStore,
  DB_NAME,
  DB_VERSION,
  type HistoryStore,
  recordId,
  STORAGE_ROOM_BYTES,
  storageHasRoom,
} from '../../../lib/background/history-store';
import { runChecks } from '../../../lib/checks/run';
import {
  type Checked,
  CheckedSchema,
  HistoryListingSchema,
  LIMITS,
  type Settings,
  type UiLanguage,
} from '../../../lib/messaging/protocol';
import type { HistoryEntry } from '../../../lib/model/history';
import type { Finding, Report } from '../../../lib/model/report';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { loadFixtures } from '../../support/fixtures';
import { bytesOf, quota, restorePut, usedBytes } from '../../support/idb-faults';

afterEach(restorePut);

const SELF = { id: 'ogi-lens-test', baseUrl: 'chrome-extension://ogi-lens-test/' };
const OPTIONS_PAGE = { id: SELF.id, url: `${SELF.baseUrl}options.html` };

/** The portal of the chk-yoy-* fixtures (www.jiangzhou.gov.cn). */
const JIANGZHOU = 'jiangzhou.gov.cn';

/** The entries of a history answer that must be available. */
function entriesOf(answer: unknown): HistoryEntry[] {
  const listing = HistoryListingSchema.parse(answer);
  if (!listing.available) throw new Error(`history unavailable: ${listing.detail}`);
  return listing.entries;
}

/** The extension's own content script in tab 3, on the report's page. */
const contentScript = (report: Report) => ({ id: SELF.id, url: report.url, tab: { id: 3 } });

const fixtures = new Map(loadFixtures().map((f) => [f.name, f]));
async function fixtureReport(name: string): Promise<Report> {
  const fixture = fixtures.get(name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  const { report } = await analyseFile(fixture.htmlPath, { url: fixture.url });
  if (!report) throw new Error(`${name} is not a report`);
  return report;
}

interface Harness {
  handle: ReturnType<typeof createBackgroundHandler>;
  store: HistoryStore;
  badges: { tabId: number; badge: Badge }[];
  warnings: unknown[][];
  injections: { tabId: number; frameId: number }[];
  analysers: InjectionTarget[];
  captures: number[];
  /** The PDF pages opened, and beside which tab. */
  pdfPages: { pdfUrl: string; nextTo: NextTo }[];
  /** The column audit pages opened, and beside which tab. */
  auditPages: { listingUrl: string; nextTo: NextTo }[];
}

function harness(
  factory: IDBFactory,
  overrides: Partial<BackgroundDeps> & { settings?: Partial<Settings> } = {},
): Harness {
  const badges: Harness['badges'] = [];
  const warnings: unknown[][] = [];
  const injections: Harness['injections'] = [];
  const analysers: Harness['analysers'] = [];
  const captures: number[] = [];
  const pdfPages: Harness['pdfPages'] = [];
  const auditPages: Harness['auditPages'] = [];
  const store = overrides.store ?? createHistoryStore(factory);
  const handle = createBackgroundHandler({
    self: SELF,
    store,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...overrides.settings }),
    // Unknown unless a test says: the answer then waits for the write, as near the quota.
    storageHasRoom: overrides.storageHasRoom ?? (async () => false),
    showBadge: async (tabId, badge) => {
      badges.push({ tabId, badge });
    },
    loadLocale: overrides.loadLocale ?? (async () => ({})),
    uiLanguage: overrides.uiLanguage ?? (() => 'zh-CN'),
    injectWorkbookWriter: async (tabId, frameId) => {
      injections.push({ tabId, frameId });
    },
    captureVisibleTab: async (windowId) => {
      captures.push(windowId);
      return 'data:image/png;base64,iVBORw0KGgo=';
    },
    injectAnalyser:
      overrides.injectAnalyser ??
      (async (target) => {
        analysers.push(target);
      }),
    openPdfPage: async (pdfUrl, nextTo) => {
      pdfPages.push({ pdfUrl, nextTo });
    },
    openAuditPage: async (listingUrl, nextTo) => {
      auditPages.push({ listingUrl, nextTo });
    },
    now: () => new Date('2024-05-06T07:08:09.000Z'),
    warn: (...details) => warnings.push(details),
    ...(overrides.afterAnswer ? { afterAnswer: overrides.afterAnswer } : {}),
  });
  return {
    handle,
    store,
    badges,
    warnings,
    injections,
    analysers,
    captures,
    pdfPages,
    auditPages,
  };
}

async function analysed(h: Harness, report: Report): Promise<Checked> {
  return CheckedSchema.parse(await h.handle({ type: 'analysed', report }, contentScript(report)));
}

let base2022: Report;
let broken2023: Report;
let clean2023: Report;
beforeAll(async () => {
  base2022 = await fixtureReport('chk-yoy-base-2022');
  broken2023 = await fixtureReport('chk-yoy-broken-2023');
  clean2023 = await fixtureReport('chk-yoy-clean-2023');
});

describe('background: analysis and history', () => {
  it('checks a report, keeps it, and answers without a previous year on a first visit', async () => {
    const h = harness(new IDBFactory());
    const checked = await analysed(h, base2022);
    expect(checked.previous).toBeNull();
    expect(checked.pruned).toBeUndefined();
    expect(checked.findings.some((f) => f.family === 'yearOverYear')).toBe(false);
    const entries = await h.store.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      agency: base2022.identity.agency,
      year: 2022,
      url: base2022.url,
      seenAt: '2024-05-06T07:08:09.000Z',
    });
  });

  it("compares this year's report with last year's from the history, after a worker restart", async () => {
    const factory = new IDBFactory();
    await analysed(harness(factory), base2022);
    // A new handler and a new store on the same database: the worker was stopped in between.
    const checked = await analysed(harness(factory), broken2023);
    const carryOver = checked.findings.filter((f) => f.rule === 'yoy.carry-over');
    expect(carryOver.map((f) => f.cells[0]?.key).sort()).toEqual([
      't3.carryIn.natural',
      't3.carryIn.total',
    ]);
    expect(checked.previous).toMatchObject({ year: 2022, url: base2022.url });
    expect(checked.previous?.values['t3.carryOut.total']).toBe(
      base2022.values['t3.carryOut.total'],
    );
  });

  it('the findings are those of the command line for the same pair of pages', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    const checked = await analysed(h, broken2023);
    const fixture = fixtures.get('chk-yoy-broken-2023');
    const expected = fixture?.report?.findings ?? [];
    const shown = checked.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} ${f.severity}`)
      .sort();
    expect(shown).toEqual(
      expected
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.rule} ${f.severity}`)
        .sort(),
    );
  });

  it('the same page analysed twice (a reload, a retried message) is stored once', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    await analysed(h, base2022);
    expect(await h.store.list()).toHaveLength(1);
  });

  it('rule families switched off in the options are not run', async () => {
    const factory = new IDBFactory();
    await analysed(harness(factory), base2022);
    const checked = await analysed(
      harness(factory, { settings: { disabledFamilies: ['yearOverYear'] } }),
      broken2023,
    );
    expect(checked.findings.some((f) => f.family === 'yearOverYear')).toBe(false);
    expect(checked.previous?.year).toBe(2022);
  });

  it("shows the errors on the sender's tab", async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    const checked = await analysed(h, broken2023);
    const errors = checked.findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(h.badges.at(-1)).toEqual({
      tabId: 3,
      badge: expect.objectContaining({ text: String(errors), color: BADGE_COLORS.error }),
    });
  });

  it('a report without agency or year is checked but not kept', async () => {
    const h = harness(new IDBFactory());
    const anonymous = { ...base2022, identity: { ...base2022.identity, agency: '' } };
    const checked = await analysed(h, anonymous);
    expect(checked.previous).toBeNull();
    expect(await h.store.list()).toEqual([]);
  });

  it('the page still gets its findings when the history cannot be written', async () => {
    const factory = new IDBFactory();
    await analysed(harness(factory), base2022);
    const store = createHistoryStore(factory);
    const failing: HistoryStore = {
      ...store,
      put: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const h = harness(factory, { store: failing });
    const checked = await analysed(h, broken2023);
    expect(checked.findings.some((f) => f.rule === 'yoy.carry-over')).toBe(true);
    expect(h.badges).toHaveLength(1);
    expect(h.warnings).toHaveLength(1);
  });

  it('when storage is full, prunes the least recently seen reports, keeps this one and tells the page', async () => {
    const factory = new IDBFactory();
    const h = harness(factory);
    await analysed(h, base2022);
    const stored = await h.store.get(JIANGZHOU, base2022.identity.agency, 2022);
    if (!stored) throw new Error('the 2022 report was not stored');
    // Two other agencies' reports, seen before it: 甲区 the least recently.
    for (const [i, agency] of ['甲区', '乙区'].entries()) {
      const seenAt = `2023-0${i + 1}-01T00:00:00.000Z`;
      await h.store.put({ ...stored, id: recordId(JIANGZHOU, agency, 2022), agency, seenAt });
    }
    quota((await usedBytes(factory)) + bytesOf(stored) / 2);

    const checked = await analysed(h, broken2023);
    expect(checked.pruned).toBe(1);
    expect(checked.previous?.year).toBe(2022);
    expect(checked.findings.some((f) => f.rule === 'yoy.carry-over')).toBe(true);
    const kept = (await h.store.list()).map((e) => e.id).sort();
    expect(kept).toEqual(
      [
        stored.id,
        recordId(JIANGZHOU, broken2023.identity.agency, 2023),
        recordId(JIANGZHOU, '乙区', 2022),
      ].sort(),
    );
    expect(h.warnings.map((details) => String(details[0]))).toEqual([
      expect.stringContaining('pruned the 1 least recently seen'),
    ]);
  });
});

describe('background: a report read from a PDF', () => {
  const PDF_PAGE = { id: SELF.id, url: `${SELF.baseUrl}pdf-report.html?url=x`, tab: { id: 9 } };

  it('checks it against the same portal’s last year and keeps it under the PDF’s portal', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    const url = 'http://www.jiangzhou.gov.cn/attach/2024/report.pdf';
    const checked = CheckedSchema.parse(
      await h.handle({ type: 'analysedPdf', report: { ...broken2023, url }, url }, PDF_PAGE),
    );
    expect(checked.previous?.year).toBe(2022);
    expect(checked.findings.some((f) => f.rule === 'yoy.carry-over')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const kept = await h.store.get(JIANGZHOU, broken2023.identity.agency, 2023);
    expect(kept?.url).toBe(url);
  });

  it('refuses a PDF off .gov.cn, and the message from a content script', async () => {
    const h = harness(new IDBFactory());
    const url = 'http://example.com/report.pdf';
    await expect(
      h.handle({ type: 'analysedPdf', report: broken2023, url }, PDF_PAGE),
    ).rejects.toThrow();
    expect(
      h.handle(
        { type: 'analysedPdf', report: broken2023, url: broken2023.url },
        contentScript(broken2023),
      ),
    ).toBeUndefined();
    expect(await h.store.list()).toEqual([]);
  });
});

describe('background: one history per portal', () => {
  /** The same page served by another portal (any *.gov.cn host can name any agency). */
  const IMPOSTOR_URL = 'http://www.elsewhere.gov.cn/art/2023/1/16/art_1.html';
  /** The extension's content script in tab 4, on a page of another portal. */
  const fromImpostor = () => ({ id: SELF.id, url: IMPOSTOR_URL, tab: { id: 4 } });
  /**
   * A page naming the agency and year of chk-yoy-base-2022 with other
   * figures: chk-yoy-broken-2023's tables under last year's title.
   */
  const impostor2022 = (): Report => ({
    ...broken2023,
    url: IMPOSTOR_URL,
    identity: { ...broken2023.identity, year: 2022 },
  });
  const yoyErrors = (checked: Checked) =>
    checked.findings.filter((f) => f.family === 'yearOverYear' && f.severity === 'error');

  it('a report from another portal naming the same agency and year does not replace the record', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    const genuine = await h.store.get(JIANGZHOU, base2022.identity.agency, 2022);
    expect(genuine).not.toBeNull();
    const impostor = impostor2022();
    await h.handle({ type: 'analysed', report: impostor }, fromImpostor());

    expect(await h.store.get(JIANGZHOU, base2022.identity.agency, 2022)).toEqual(genuine);
    // It is kept, as that portal's own report.
    const entries = await h.store.list();
    expect(entries.map((e) => [e.portal, e.agency, e.year]).sort()).toEqual([
      ['elsewhere.gov.cn', base2022.identity.agency, 2022],
      [JIANGZHOU, base2022.identity.agency, 2022],
    ]);
  });

  it("the genuine portal's next report is compared with its own last year, whatever another portal said", async () => {
    // Without the impostor: no year-over-year error.
    const alone = harness(new IDBFactory());
    await analysed(alone, base2022);
    const expected = await analysed(alone, clean2023);
    expect(yoyErrors(expected)).toEqual([]);

    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    const impostor = impostor2022();
    await h.handle({ type: 'analysed', report: impostor }, fromImpostor());
    // Compared with the impostor, the same report would have year-over-year errors.
    const againstImpostor = runChecks(clean2023, impostor).filter(
      (f) => f.family === 'yearOverYear' && f.severity === 'error',
    );
    expect(againstImpostor.length).toBeGreaterThan(0);

    const checked = await analysed(h, clean2023);
    expect(yoyErrors(checked)).toEqual([]);
    expect(checked.findings).toEqual(expected.findings);
    expect(checked.previous).toMatchObject({ year: 2022, url: base2022.url });
  });

  it("never serves another portal's report as the previous year, read early or late", async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    // This year's report of the same agency, read on another portal.
    const elsewhere = { ...broken2023, url: IMPOSTOR_URL };
    await h.handle(
      { type: 'prepare', agency: elsewhere.identity.agency, year: 2023 },
      fromImpostor(),
    );
    const checked = CheckedSchema.parse(
      await h.handle({ type: 'analysed', report: elsewhere }, fromImpostor()),
    );
    expect(checked.previous).toBeNull();
    expect(checked.findings.some((f) => f.family === 'yearOverYear')).toBe(false);
  });

  it('takes the portal from the frame the browser names, not from the address the report claims', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    // A report claiming the genuine address, sent from a frame on another portal.
    const claiming = { ...impostor2022(), url: base2022.url };
    await h.handle({ type: 'analysed', report: claiming }, fromImpostor());
    const genuine = await h.store.get(JIANGZHOU, base2022.identity.agency, 2022);
    expect(genuine?.report.values).toEqual(base2022.values);
    const other = await h.store.get('elsewhere.gov.cn', base2022.identity.agency, 2022);
    // Kept with the frame's address, which names the portal it is filed under.
    expect(other?.url).toBe(IMPOSTOR_URL);
  });

  it('a frame that moved to another portal after preparing reads afresh', async () => {
    const factory = new IDBFactory();
    const real = createHistoryStore(factory);
    const reads: string[] = [];
    const store: HistoryStore = {
      ...real,
      get: (portal, agency, year) => {
        reads.push(portal);
        return real.get(portal, agency, year);
      },
    };
    const h = harness(factory, { store });
    await analysed(h, base2022);
    reads.length = 0;
    await h.handle(
      { type: 'prepare', agency: broken2023.identity.agency, year: 2023 },
      contentScript(broken2023),
    );
    const moved = { ...broken2023, url: IMPOSTOR_URL };
    const checked = CheckedSchema.parse(
      await h.handle({ type: 'analysed', report: moved }, { ...fromImpostor(), tab: { id: 3 } }),
    );
    expect(reads).toEqual([JIANGZHOU, 'elsewhere.gov.cn']);
    expect(checked.previous).toBeNull();
  });
});

/** A database left by a later version of the extension. */
async function createNewerDatabase(factory: IDBFactory): Promise<void> {
  const open = factory.open(DB_NAME, DB_VERSION + 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('something-else');
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  db.close();
}

describe('background: a history database it cannot open', () => {
  it('still checks the page, says history is unavailable, and writes nothing', async () => {
    const factory = new IDBFactory();
    await createNewerDatabase(factory);
    const real = createHistoryStore(factory);
    let writes = 0;
    const store: HistoryStore = {
      ...real,
      put: (record) => {
        writes++;
        return real.put(record);
      },
    };
    const h = harness(factory, { store });
    const checked = await analysed(h, broken2023);
    expect(checked.historyUnavailable).toBe(true);
    expect(checked.previous).toBeNull();
    // The same findings as a first visit's: only the comparison with last year is missing.
    expect(checked.findings).toEqual(runChecks(broken2023, null));
    // The badge follows the answer.
    await expect.poll(() => h.badges.length).toBe(1);
    expect(writes).toBe(0);
  });

  it('answers the options page with the state, and "delete all" deletes the database so history works again', async () => {
    const factory = new IDBFactory();
    await createNewerDatabase(factory);
    const h = harness(factory);
    expect(await h.handle({ type: 'listHistory' }, OPTIONS_PAGE)).toEqual({
      available: false,
      reason: 'newerVersion',
      detail: expect.stringContaining('VersionError'),
    });
    expect(
      HistoryListingSchema.parse(
        await h.handle({ type: 'deleteHistory', id: 'x|y|2022' }, OPTIONS_PAGE),
      ).available,
    ).toBe(false);

    expect(await h.handle({ type: 'clearHistory' }, OPTIONS_PAGE)).toEqual({
      available: true,
      entries: [],
    });
    // History works again: a visit is kept and serves the next year.
    const first = await analysed(h, base2022);
    expect(first.historyUnavailable).toBeUndefined();
    expect(entriesOf(await h.handle({ type: 'listHistory' }, OPTIONS_PAGE))).toHaveLength(1);
    expect((await analysed(h, broken2023)).previous?.year).toBe(2022);
  });
});

describe('background: answering before the write when storage has room', () => {
  /** A store whose writes wait until the test lets them through. */
  function heldStore(factory: IDBFactory) {
    const real = createHistoryStore(factory);
    const releases: (() => void)[] = [];
    const store: HistoryStore = {
      ...real,
      put: (record) =>
        new Promise<void>((resolve) => releases.push(resolve)).then(() => real.put(record)),
    };
    const release = () => {
      for (const letThrough of releases.splice(0)) letThrough();
    };
    return { store, release, waiting: () => releases.length };
  }

  it('answers while the report is still being written, and the write lands after', async () => {
    const factory = new IDBFactory();
    const held = heldStore(factory);
    const h = harness(factory, { store: held.store, storageHasRoom: async () => true });
    const checked = await analysed(h, base2022);
    expect(checked.pruned).toBeUndefined();
    expect(await h.store.list()).toHaveLength(0);
    // The write starts once the answer has gone.
    await expect.poll(() => held.waiting()).toBe(1);
    held.release();
    await expect.poll(async () => (await h.store.list()).length).toBe(1);
  });

  it('starts neither the badge nor the write before the answer has gone', async () => {
    const factory = new IDBFactory();
    const real = createHistoryStore(factory);
    let writes = 0;
    const store: HistoryStore = {
      ...real,
      put: (record) => {
        writes++;
        return real.put(record);
      },
    };
    const later: (() => void)[] = [];
    const h = harness(factory, {
      store,
      storageHasRoom: async () => true,
      afterAnswer: (work) => later.push(work),
    });
    const checked = await analysed(h, base2022);
    expect(checked.findings).toBeDefined();
    expect(h.badges).toEqual([]);
    expect(writes).toBe(0);
    for (const work of later.splice(0)) work();
    expect(h.badges).toHaveLength(1);
    await expect.poll(async () => (await h.store.list()).length).toBe(1);
  });

  it('waits for the write near the quota', async () => {
    const factory = new IDBFactory();
    const held = heldStore(factory);
    const h = harness(factory, { store: held.store, storageHasRoom: async () => false });
    let answered = false;
    const answer = analysed(h, base2022).then((checked) => {
      answered = true;
      return checked;
    });
    // Released only once the write is held: on a busy machine the write may start late.
    await expect.poll(() => held.waiting()).toBe(1);
    expect(answered).toBe(false);
    held.release();
    await answer;
    expect(await h.store.list()).toHaveLength(1);
  });

  it('only warns when a write it did not wait for fails', async () => {
    const factory = new IDBFactory();
    const store: HistoryStore = {
      ...createHistoryStore(factory),
      put: async () => {
        throw new DOMException('the disk went away', 'UnknownError');
      },
    };
    const h = harness(factory, { store, storageHasRoom: async () => true });
    const checked = await analysed(h, base2022);
    expect(checked.findings).toBeDefined();
    await expect.poll(() => h.warnings.length).toBe(1);
    expect(String(h.warnings[0]?.[0])).toContain('could not be stored');
  });

  it('judges room from the storage estimate, and none when the browser cannot say', async () => {
    const estimate = (usage?: number, quota?: number) => ({
      estimate: async () => ({ usage, quota }),
    });
    expect(await storageHasRoom(undefined)).toBe(false);
    expect(await storageHasRoom(estimate(undefined, 10 * STORAGE_ROOM_BYTES))).toBe(false);
    expect(await storageHasRoom(estimate(0, STORAGE_ROOM_BYTES))).toBe(false);
    expect(await storageHasRoom(estimate(1000, STORAGE_ROOM_BYTES + 1000))).toBe(false);
    expect(await storageHasRoom(estimate(1000, STORAGE_ROOM_BYTES + 1001))).toBe(true);
  });
});

describe('background: reading early for a detected report', () => {
  /** A store that counts its reads. */
  function countingStore(factory: IDBFactory) {
    const real = createHistoryStore(factory);
    const reads: string[] = [];
    const store: HistoryStore = {
      ...real,
      get: (portal, agency, year) => {
        reads.push(`${agency}/${year}`);
        return real.get(portal, agency, year);
      },
    };
    return { store, reads };
  }
  const prepare = (h: Harness, report: Report, sender = contentScript(report)) =>
    h.handle(
      { type: 'prepare', agency: report.identity.agency, year: report.identity.year },
      sender,
    );

  it('answers the report with what it read when the report was detected', async () => {
    const factory = new IDBFactory();
    const counting = countingStore(factory);
    const h = harness(factory, { store: counting.store });
    await analysed(h, base2022);
    counting.reads.length = 0;
    expect(await prepare(h, broken2023)).toMatchObject({ prepared: true });
    expect(counting.reads).toEqual([`${broken2023.identity.agency}/2022`]);
    const checked = await analysed(h, broken2023);
    expect(counting.reads).toHaveLength(1);
    expect(checked.previous?.year).toBe(2022);
    expect(checked.findings.some((f) => f.rule === 'yoy.carry-over')).toBe(true);
  });

  it("answers with the settings and the strings of the language they choose, for the page's panel", async () => {
    const strings = (language: string) => ({ extName: { message: `OGI Lens (${language})` } });
    const asked: string[] = [];
    const loadLocale = async (language: UiLanguage) => {
      asked.push(language);
      return strings(language);
    };
    // 'auto' follows the browser's UI language, mapped as the browser maps it.
    const auto = harness(new IDBFactory(), { loadLocale, uiLanguage: () => 'en-GB' });
    expect(await prepare(auto, broken2023)).toEqual({
      prepared: true,
      ui: { settings: DEFAULT_SETTINGS, language: 'en', messages: strings('en') },
    });
    const chosen = harness(new IDBFactory(), {
      loadLocale,
      uiLanguage: () => 'en-US',
      settings: {
        language: 'zh_CN',
        panelHidden: [{ scope: 'agency' as const, portal: 'example.gov.cn', agency: '某区' }],
      },
    });
    expect(await prepare(chosen, broken2023)).toEqual({
      prepared: true,
      ui: {
        settings: {
          ...DEFAULT_SETTINGS,
          language: 'zh_CN',
          panelHidden: [{ scope: 'agency' as const, portal: 'example.gov.cn', agency: '某区' }],
        },
        language: 'zh_CN',
        messages: strings('zh_CN'),
      },
    });
    expect(asked).toEqual(['en', 'zh_CN']);
    // Without the strings the page reads for itself: the answer says only that it prepared.
    const failing = harness(new IDBFactory(), {
      loadLocale: async () => {
        throw new Error('no such file');
      },
    });
    expect(await prepare(failing, broken2023)).toEqual({ prepared: true });
    expect(failing.warnings).toHaveLength(1);
  });

  it('reads afresh when the report names another agency or year than its title did', async () => {
    const factory = new IDBFactory();
    const counting = countingStore(factory);
    const h = harness(factory, { store: counting.store });
    await h.handle({ type: 'prepare', agency: '别的机关', year: 2023 }, contentScript(broken2023));
    await analysed(h, broken2023);
    expect(counting.reads).toEqual(['别的机关/2022', `${broken2023.identity.agency}/2022`]);
  });

  it('keeps the early reads of a bounded number of frames', async () => {
    const factory = new IDBFactory();
    const counting = countingStore(factory);
    const h = harness(factory, { store: counting.store });
    for (let tab = 1; tab <= 40; tab++) {
      await prepare(h, broken2023, { ...contentScript(broken2023), tab: { id: tab } });
    }
    // Tab 1 was forgotten: its report is read again; tab 40's is not.
    await h.handle(
      { type: 'analysed', report: broken2023 },
      { ...contentScript(broken2023), tab: { id: 1 } },
    );
    expect(counting.reads).toHaveLength(41);
    await h.handle(
      { type: 'analysed', report: broken2023 },
      { ...contentScript(broken2023), tab: { id: 40 } },
    );
    expect(counting.reads).toHaveLength(41);
  });

  it('takes early reads only from its content script, and only in the right shape', async () => {
    const factory = new IDBFactory();
    const counting = countingStore(factory);
    const h = harness(factory, { store: counting.store });
    expect(
      await h.handle({ type: 'prepare', agency: '某局', year: 2023 }, OPTIONS_PAGE),
    ).toBeUndefined();
    expect(
      await h.handle(
        { type: 'prepare', agency: '某局', year: 'last year' },
        contentScript(broken2023),
      ),
    ).toBeUndefined();
    expect(
      await h.handle(
        { type: 'prepare', agency: 'x'.repeat(LIMITS.textLength + 1), year: 2023 },
        contentScript(broken2023),
      ),
    ).toBeUndefined();
    expect(counting.reads).toEqual([]);
  });
});

describe('background: who may ask', () => {
  it('refuses analysis from anything but its content script on a .gov.cn tab', async () => {
    const h = harness(new IDBFactory());
    const message = { type: 'analysed', report: base2022 };
    const senders = [
      OPTIONS_PAGE,
      { id: SELF.id, url: 'https://www.example.com/report.html', tab: { id: 3 } },
      { id: 'another-extension', url: base2022.url, tab: { id: 3 } },
      { id: SELF.id, url: base2022.url },
    ];
    for (const sender of senders) expect(h.handle(message, sender)).toBeUndefined();
    expect(h.warnings).toHaveLength(senders.length);
    expect(await h.store.list()).toEqual([]);
    expect(h.badges).toEqual([]);
  });

  it('refuses history requests from content scripts', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    const page = contentScript(base2022);
    expect(h.handle({ type: 'listHistory' }, page)).toBeUndefined();
    expect(h.handle({ type: 'clearHistory' }, page)).toBeUndefined();
    expect(h.handle({ type: 'exportHistory' }, page)).toBeUndefined();
    expect(await h.store.list()).toHaveLength(1);
  });

  it('refuses malformed messages and oversized reports, telling only its own content script why', async () => {
    const h = harness(new IDBFactory());
    const page = contentScript(base2022);
    // Its own content script is told, so that its page does not show "no findings".
    expect(await h.handle({ type: 'analysed' }, page)).toEqual({ refused: 'invalid' });
    expect(h.handle({ type: 'dropTables' }, OPTIONS_PAGE)).toBeUndefined();
    expect(h.handle('listHistory', OPTIONS_PAGE)).toBeUndefined();
    const table = base2022.tables[0];
    if (!table) throw new Error('fixture has no table');
    const huge = { ...base2022, tables: Array.from({ length: 201 }, () => table) };
    expect(await h.handle({ type: 'analysed', report: huge }, page)).toEqual({
      refused: 'tooLarge',
    });
    // Anyone else gets no answer at all.
    const stranger = { id: 'another-extension', url: base2022.url, tab: { id: 3 } };
    expect(h.handle({ type: 'analysed', report: huge }, stranger)).toBeUndefined();
    expect(h.handle({ type: 'analysed', report: huge }, OPTIONS_PAGE)).toBeUndefined();
    expect(h.warnings).toHaveLength(6);
    expect(await h.store.list()).toEqual([]);
  });
});

describe('background: bounds', () => {
  it('refuses a report carrying a text beyond the limit, wherever it is', async () => {
    const h = harness(new IDBFactory());
    const page = contentScript(base2022);
    const long = 'x'.repeat(LIMITS.textLength + 1);
    const [table] = base2022.tables;
    const [claim] = base2022.claims;
    if (!table || !claim) throw new Error('fixture has no table or claim');
    const forged: Report[] = [
      {
        ...base2022,
        tables: [
          { ...table, cells: table.cells.map((c, i) => (i === 0 ? { ...c, text: long } : c)) },
        ],
      },
      { ...base2022, claims: [{ ...claim, sentence: long }] },
      { ...base2022, identity: { ...base2022.identity, title: long } },
      { ...base2022, identity: { ...base2022.identity, agency: long } },
      { ...base2022, identity: { ...base2022.identity, publishedAt: long } },
      { ...base2022, url: `${base2022.url}?${'q'.repeat(LIMITS.urlLength)}` },
      {
        ...base2022,
        tables: [
          { ...table, cells: table.cells.map((c) => (c.key ? { ...c, rowLabel: long } : c)) },
        ],
      },
    ];
    for (const report of forged)
      expect(await h.handle({ type: 'analysed', report }, page)).toEqual({ refused: 'tooLarge' });
    expect(h.warnings).toHaveLength(forged.length);
    expect(await h.store.list()).toEqual([]);
    // The same report within the limits is accepted.
    expect(await h.handle({ type: 'analysed', report: base2022 }, page)).toBeTruthy();
  });
});

describe('background: export', () => {
  it('loads the workbook writer into the frame of its own content script that asks, and only there', async () => {
    const h = harness(new IDBFactory());
    const inFrame = { ...contentScript(base2022), frameId: 7 };
    expect(await h.handle({ type: 'loadWorkbookWriter' }, inFrame)).toEqual({ loaded: true });
    expect(h.injections).toEqual([{ tabId: 3, frameId: 7 }]);

    const refused = [
      OPTIONS_PAGE,
      { id: SELF.id, url: 'https://www.example.com/report.html', tab: { id: 3 } },
      { id: 'another-extension', url: base2022.url, tab: { id: 3 } },
    ];
    for (const sender of refused)
      expect(h.handle({ type: 'loadWorkbookWriter' }, sender)).toBeUndefined();
    expect(h.injections).toHaveLength(1);
    expect(h.warnings).toHaveLength(refused.length);
  });
});

describe('background: evidence capture', () => {
  it('captures the window of the active tab whose top frame asks, and nothing else', async () => {
    const h = harness(new IDBFactory());
    const active = {
      ...contentScript(base2022),
      tab: { id: 3, windowId: 9, active: true },
      frameId: 0,
    };
    expect(await h.handle({ type: 'captureTab' }, active)).toEqual({
      dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(h.captures).toEqual([9]);

    // A background tab would get the active tab's pixels; a subframe's box is not the viewport's.
    const inactive = { ...active, tab: { id: 3, windowId: 9, active: false } };
    const subframe = { ...active, frameId: 4 };
    await expect(h.handle({ type: 'captureTab' }, inactive)).rejects.toThrow(/active tab/);
    await expect(h.handle({ type: 'captureTab' }, subframe)).rejects.toThrow(/top frame/);
    // Not this extension's content script on a .gov.cn page: refused before any capture.
    for (const sender of [OPTIONS_PAGE, { ...active, url: 'https://www.example.com/a.html' }])
      expect(h.handle({ type: 'captureTab' }, sender)).toBeUndefined();
    expect(h.captures).toEqual([9]);
  });
});

describe('background: the analyser', () => {
  it('is injected into the frame and document of its own content script that asks', async () => {
    const h = harness(new IDBFactory());
    const chrome = { ...contentScript(base2022), frameId: 7, documentId: 'DOC-1' };
    expect(await h.handle({ type: 'loadAnalyser' }, chrome)).toEqual({ loaded: true });
    // Firefox names no document: the frame is the target.
    const firefox = { ...contentScript(base2022), frameId: 0 };
    expect(await h.handle({ type: 'loadAnalyser' }, firefox)).toEqual({ loaded: true });
    expect(h.analysers).toEqual([
      { tabId: 3, frameId: 7, documentId: 'DOC-1' },
      { tabId: 3, frameId: 0 },
    ]);
    expect(h.injections).toEqual([]);
  });

  it('goes where the browser says the request came from, never where the message says', async () => {
    const h = harness(new IDBFactory());
    const sender = { ...contentScript(base2022), frameId: 2 };
    await h.handle({ type: 'loadAnalyser', tabId: 99, frameId: 5, documentId: 'X' }, sender);
    expect(h.analysers).toEqual([{ tabId: 3, frameId: 2 }]);
  });

  it('is refused to pages, extension pages, other extensions and content scripts off .gov.cn', async () => {
    const h = harness(new IDBFactory());
    const refused = [
      OPTIONS_PAGE,
      // A page has no extension API; were one to forge the sender, it would have no tab of ours.
      { url: base2022.url, tab: { id: 3 } },
      { id: SELF.id, url: 'https://www.example.com/report.html', tab: { id: 3 } },
      { id: SELF.id, url: 'https://www.gov.cn.example.com/report.html', tab: { id: 3 } },
      { id: 'another-extension', url: base2022.url, tab: { id: 3 } },
      // Not from a tab: the background itself, or a worker of this extension.
      { id: SELF.id, url: base2022.url },
    ];
    for (const sender of refused)
      expect(h.handle({ type: 'loadAnalyser' }, sender)).toBeUndefined();
    expect(h.analysers).toEqual([]);
    expect(h.warnings).toHaveLength(refused.length);
  });

  it('answers a failed injection with the failure, not with "loaded"', async () => {
    const h = harness(new IDBFactory(), {
      injectAnalyser: async () => {
        throw new Error('Frame with ID 7 was removed.');
      },
    });
    await expect(
      h.handle({ type: 'loadAnalyser' }, { ...contentScript(base2022), frameId: 7 }),
    ).rejects.toThrow('removed');
  });
});

describe('background: opening the PDF page from a page (「检查附件 PDF」)', () => {
  const ARTICLE = 'http://www.jiangzhou.gov.cn/art/2024/1/18/art_1.html';
  const PDF = 'http://www.jiangzhou.gov.cn/attach/2024/report.pdf';
  /** The extension's content script in the top frame of tab 4, third in window 2. */
  const fromArticle = (url = ARTICLE) => ({
    id: SELF.id,
    url,
    frameId: 0,
    tab: { id: 4, url, windowId: 2, index: 3, active: true },
  });

  it('opens a PDF of the page’s own portal beside its tab, also from another host of that portal', async () => {
    const h = harness(new IDBFactory());
    expect(await h.handle({ type: 'openPdfReport', url: PDF }, fromArticle())).toEqual({
      opened: true,
    });
    const xxgk = 'https://xxgk.jiangzhou.gov.cn/module/download/2023年度报告.PDF';
    expect(await h.handle({ type: 'openPdfReport', url: xxgk }, fromArticle())).toEqual({
      opened: true,
    });
    expect(h.pdfPages).toEqual([
      { pdfUrl: PDF, nextTo: { tabId: 4, windowId: 2, index: 3 } },
      { pdfUrl: xxgk, nextTo: { tabId: 4, windowId: 2, index: 3 } },
    ]);
  });

  it('refuses, opening nothing, a PDF of another portal, off .gov.cn, or an address that is no PDF', async () => {
    const h = harness(new IDBFactory());
    for (const [url, reason] of [
      ['http://www.hailing.gov.cn/attach/2024/report.pdf', /own portal/],
      ['http://www.jiangzhou.gov.cn.evil.com/attach/report.pdf', /\.gov\.cn/],
      ['https://example.com/jiangzhou.gov.cn/report.pdf', /\.gov\.cn/],
      ['http://www.jiangzhou.gov.cn/art/2024/1/18/art_2.html', /PDF/],
      ['javascript:alert(1)//.pdf', /\.gov\.cn/],
      ['not an address', /\.gov\.cn/],
    ] as const) {
      await expect(h.handle({ type: 'openPdfReport', url }, fromArticle())).rejects.toThrow(reason);
    }
    // A frame of another portal inside the tab, or a tab that moved to another portal.
    const framed = { ...fromArticle(), url: 'http://www.hailing.gov.cn/embed.html', frameId: 5 };
    await expect(h.handle({ type: 'openPdfReport', url: PDF }, framed)).rejects.toThrow(
      /own portal/,
    );
    const moved = {
      ...fromArticle(),
      tab: { ...fromArticle().tab, url: 'http://www.hailing.gov.cn/' },
    };
    await expect(h.handle({ type: 'openPdfReport', url: PDF }, moved)).rejects.toThrow(
      /own portal/,
    );
    expect(h.pdfPages).toEqual([]);
  });

  it('drops a malformed request and one from anyone but its content script, opening nothing', async () => {
    const h = harness(new IDBFactory());
    for (const message of [
      { type: 'openPdfReport' },
      { type: 'openPdfReport', url: 42 },
      { type: 'openPdfReport', url: `${PDF}?${'x'.repeat(LIMITS.urlLength)}` },
    ]) {
      expect(h.handle(message, fromArticle())).toBeUndefined();
    }
    for (const sender of [
      // The options page, another extension, a page outside .gov.cn, no tab at all.
      OPTIONS_PAGE,
      { ...fromArticle(), id: 'another-extension' },
      { ...fromArticle('http://www.jiangzhou.example.com/art_1.html') },
      { id: SELF.id, url: ARTICLE },
    ]) {
      expect(h.handle({ type: 'openPdfReport', url: PDF }, sender)).toBeUndefined();
    }
    expect(h.pdfPages).toEqual([]);
  });
});

describe('background: the column audit (「核查本栏目全部年报」)', () => {
  const LISTING = 'http://www.jiangzhou.gov.cn/col/col1229/index.html';
  const fromListing = (url = LISTING) => ({
    id: SELF.id,
    url,
    frameId: 0,
    tab: { id: 6, url, windowId: 2, index: 1, active: true },
  });

  it('opens the audit page on a column of the tab’s own portal, and refuses any other', async () => {
    const h = harness(new IDBFactory());
    expect(await h.handle({ type: 'openColumnAudit', url: LISTING }, fromListing())).toEqual({
      opened: true,
    });
    for (const [url, reason] of [
      ['http://www.hailing.gov.cn/col/col1/index.html', /own portal/],
      ['http://www.jiangzhou.gov.cn.evil.com/col/index.html', /\.gov\.cn/],
      ['javascript:alert(1)//.gov.cn', /\.gov\.cn/],
    ] as const) {
      await expect(h.handle({ type: 'openColumnAudit', url }, fromListing())).rejects.toThrow(
        reason,
      );
    }
    // From the options page (not a content script): dropped.
    expect(h.handle({ type: 'openColumnAudit', url: LISTING }, OPTIONS_PAGE)).toBeUndefined();
    expect(h.auditPages).toEqual([
      { listingUrl: LISTING, nextTo: { tabId: 6, windowId: 2, index: 1 } },
    ]);
  });

  it('keeps an audited report under its own portal without touching a badge, and lists a portal’s history to the audit page only', async () => {
    const h = harness(new IDBFactory());
    const url = 'http://www.jiangzhou.gov.cn/art/2023/1/18/art_9.html';
    const pageUrl = `${SELF.baseUrl}audit.html?url=x`;
    const auditPage = { id: SELF.id, url: pageUrl, tab: { id: 9, url: pageUrl, windowId: 1 } };
    const checked = CheckedSchema.parse(
      await h.handle({ type: 'auditedReport', report: { ...base2022, url }, url }, auditPage),
    );
    expect(checked.findings).toBeDefined();
    expect(h.badges).toEqual([]);
    const listed = (await h.handle(
      { type: 'portalHistory', portal: 'jiangzhou.gov.cn' },
      auditPage,
    )) as { url: string; agency: string }[];
    expect(listed.map((r) => [r.url, r.agency])).toEqual([[url, base2022.identity.agency]]);
    expect(await h.handle({ type: 'portalHistory', portal: 'hailing.gov.cn' }, auditPage)).toEqual(
      [],
    );
    // A content script may neither read a portal's history nor store an audit's report.
    expect(
      h.handle({ type: 'portalHistory', portal: 'jiangzhou.gov.cn' }, contentScript(base2022)),
    ).toBeUndefined();
    await expect(
      h.handle(
        { type: 'auditedReport', report: base2022, url: 'http://example.com/a.html' },
        auditPage,
      ),
    ).rejects.toThrow(/\.gov\.cn/);
  });
});

describe('background: the options page', () => {
  it('lists, deletes and clears the history, and exports it whole', async () => {
    const h = harness(new IDBFactory());
    await analysed(h, base2022);
    await analysed(h, broken2023);
    const listed = entriesOf(await h.handle({ type: 'listHistory' }, OPTIONS_PAGE));
    expect(listed.map((e) => e.portal)).toEqual([JIANGZHOU, JIANGZHOU]);
    expect(listed.map((e) => e.year).sort()).toEqual([2022, 2023]);
    const exported = (await h.handle({ type: 'exportHistory' }, OPTIONS_PAGE)) as {
      report: Report;
      findings: Finding[];
    }[];
    expect(exported.map((r) => r.report.identity.year)).toEqual([2022, 2023]);
    const id2022 = listed.find((e) => e.year === 2022)?.id ?? '';
    const afterDelete = await h.handle({ type: 'deleteHistory', id: id2022 }, OPTIONS_PAGE);
    expect(entriesOf(afterDelete).map((e) => e.year)).toEqual([2023]);
    // With last year deleted, this year's report no longer finds it.
    expect((await analysed(h, broken2023)).previous).toBeNull();
    expect(await h.handle({ type: 'clearHistory' }, OPTIONS_PAGE)).toEqual({
      available: true,
      entries: [],
    });
    expect(await h.store.list()).toEqual([]);
  });

  it('serves a UI language to content scripts and pages', async () => {
    const asked: string[] = [];
    const h = harness(new IDBFactory(), {
      loadLocale: async (language) => {
        asked.push(language);
        return { popupLoading: { message: language } };
      },
    });
    expect(await h.handle({ type: 'getLocale', language: 'en' }, contentScript(base2022))).toEqual({
      popupLoading: { message: 'en' },
    });
    expect(await h.handle({ type: 'getLocale', language: 'zh_CN' }, OPTIONS_PAGE)).toBeTruthy();
    expect(h.handle({ type: 'getLocale', language: 'fr' }, OPTIONS_PAGE)).toBeUndefined();
    expect(asked).toEqual(['en', 'zh_CN']);
  });
});

describe('badge', () => {
  const finding = (severity: Finding['severity']) => ({ severity }) as Finding;
  it('counts errors in red, else warnings in orange, else nothing', () => {
    expect(badgeFor([finding('error'), finding('warning'), finding('error')])).toMatchObject({
      text: '2',
      color: BADGE_COLORS.error,
    });
    expect(badgeFor([finding('warning'), finding('info')])).toMatchObject({
      text: '1',
      color: BADGE_COLORS.warning,
    });
    expect(badgeFor([finding('info')]).text).toBe('');
    expect(badgeFor(Array.from({ length: 1200 }, () => finding('error'))).text).toBe('999+');
  });
});

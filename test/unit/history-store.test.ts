import { forceCloseDatabase, IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHistoryStore,
  DB_VERSION,
  type HistoryRecord,
  historyToCsv,
  historyToJson,
  MIGRATIONS,
  recordId,
} from '../../lib/history-store';
import type { Finding } from '../../lib/model';
import {
  abortWith,
  afterEveryPut,
  bytesOf,
  quota,
  refuseNextPuts,
  request,
  restorePut,
  usedBytes,
  withDatabase,
} from '../support/idb-faults';
import { reportOf, tableOf } from '../support/report-builder';

afterEach(restorePut);

function finding(severity: Finding['severity']): Finding {
  return {
    rule: 't3.row-total',
    family: 'identity',
    severity,
    message: '合计不符',
    messageEn: 'Total does not add up',
    cells: [],
    terms: [],
    expected: 1,
    actual: 2,
    arithmetic: '1 + 1 = 2',
  };
}

function record(
  agency: string,
  year: number,
  seenAt: string,
  values: Record<string, string> = { 't3.new.total': '12' },
  findings: Finding[] = [],
): HistoryRecord {
  const report = reportOf([tableOf('t3', values)], { agency, year });
  return {
    id: recordId(agency, year),
    agency,
    year,
    url: `https://www.example.gov.cn/${year}.html`,
    seenAt,
    report,
    findings,
  };
}

function rawPut(factory: IDBFactory, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open('ogi-lens');
    open.onsuccess = () => {
      const tx = open.result.transaction('reports', 'readwrite');
      tx.objectStore('reports').put(value);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

describe('history store', () => {
  it('finds a stored report by agency and year', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('青山区', 2022, '2024-01-02T03:04:05.000Z'));
    const found = await store.get('青山区', 2022);
    expect(found?.report.values['t3.new.total']).toBe(12);
    expect(await store.get('青山区', 2021)).toBeNull();
    expect(await store.get('红山区', 2022)).toBeNull();
  });

  it('storing the same agency and year again replaces it instead of adding a duplicate', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await store.put(record('青山区', 2022, '2024-02-01T00:00:00.000Z', { 't3.new.total': '30' }));
    const entries = await store.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.seenAt).toBe('2024-02-01T00:00:00.000Z');
    expect((await store.get('青山区', 2022))?.report.values['t3.new.total']).toBe(30);
  });

  it('lists entries most recently seen first, with their error and warning counts', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('青山区', 2021, '2024-01-01T00:00:00.000Z'));
    await store.put(
      record('青山区', 2022, '2024-03-01T00:00:00.000Z', undefined, [
        finding('error'),
        finding('error'),
        finding('warning'),
        finding('info'),
      ]),
    );
    await store.put(record('红山区', 2022, '2024-02-01T00:00:00.000Z'));
    const entries = await store.list();
    expect(entries.map((e) => e.id)).toEqual(['青山区|2022', '红山区|2022', '青山区|2021']);
    expect(entries[0]).toEqual({
      id: '青山区|2022',
      agency: '青山区',
      year: 2022,
      url: 'https://www.example.gov.cn/2022.html',
      seenAt: '2024-03-01T00:00:00.000Z',
      errors: 2,
      warnings: 1,
    });
  });

  it('deletes one report, or all', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('青山区', 2021, '2024-01-01T00:00:00.000Z'));
    await store.put(record('青山区', 2022, '2024-01-02T00:00:00.000Z'));
    await store.delete('青山区|2021');
    expect((await store.list()).map((e) => e.id)).toEqual(['青山区|2022']);
    expect(await store.get('青山区', 2021)).toBeNull();
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it('a new store on the same database (a restarted worker) sees everything stored before', async () => {
    const factory = new IDBFactory();
    await createHistoryStore(factory).put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    const restarted = createHistoryStore(factory);
    expect((await restarted.get('青山区', 2022))?.agency).toBe('青山区');
  });

  it('keeps the reports in database ogi-lens, store reports, keyed by agency|year', async () => {
    const factory = new IDBFactory();
    await createHistoryStore(factory).put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open('ogi-lens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('reports', 'readonly').objectStore('reports');
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames]).toEqual(['agency', 'seenAt']);
    const keys = await new Promise((resolve) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    expect(keys).toEqual(['青山区|2022']);
    db.close();
  });

  it('skips a corrupted record instead of failing', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, { id: '红山区|2022', agency: '红山区', year: 2022, report: 'broken' });
    await rawPut(factory, { ...record('白山区', 2022, '2024-01-01T00:00:00.000Z'), id: 'x|1' });
    expect(await store.get('红山区', 2022)).toBeNull();
    expect((await store.list()).map((e) => e.id)).toEqual(['青山区|2022']);
    expect((await store.exportAll()).map((r) => r.id)).toEqual(['青山区|2022']);
  });

  it('refuses to store a record that is not one', async () => {
    const store = createHistoryStore(new IDBFactory());
    const bad = { ...record('青山区', 2022, '2024-01-01T00:00:00.000Z'), id: '红山区|2022' };
    await expect(store.put(bad)).rejects.toThrow();
    await expect(store.put({ ...bad, year: 2022.5 } as HistoryRecord)).rejects.toThrow();
    expect(await store.list()).toEqual([]);
  });
});

function storedKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  return withDatabase(factory, (db) =>
    request(db.transaction('reports', 'readonly').objectStore('reports').getAllKeys()),
  );
}

/** Agencies whose names are the same length, so that their records are the same size. */
const AGENCIES = ['甲区', '乙区', '丙区', '丁区', '戊区'] as const;

/** A store holding `count` reports seen on consecutive days, 甲区 the least recently. */
async function seeded(factory: IDBFactory, count: number, warn?: (...d: unknown[]) => void) {
  const store = createHistoryStore(factory, { warn });
  for (const agency of AGENCIES.slice(0, count)) {
    await store.put(record(agency, 2022, `2024-01-0${AGENCIES.indexOf(agency) + 1}T00:00:00.000Z`));
  }
  return store;
}

/** Values enough to make a record several times the size of a seeded one. */
const manyValues = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`t3.new.row${i}`, String(i)]),
);

describe('history store: a full quota', () => {
  it('prunes the least recently seen report and stores the new one whole', async () => {
    const factory = new IDBFactory();
    const store = await seeded(factory, 4);
    const incoming = record('己区', 2022, '2024-05-01T00:00:00.000Z');
    quota((await usedBytes(factory)) + bytesOf(incoming) / 2);

    expect(await store.put(incoming)).toEqual({ pruned: 1 });
    expect((await store.list()).map((e) => e.agency)).toEqual(['己区', '丁区', '丙区', '乙区']);
    expect(await store.get('己区', 2022)).toEqual(incoming);
  });

  it('prunes as many as it takes, oldest first, and says how many', async () => {
    const factory = new IDBFactory();
    const store = await seeded(factory, 5);
    const seededSize = bytesOf(record('甲区', 2022, '2024-01-01T00:00:00.000Z'));
    const incoming = record('己区', 2022, '2024-05-01T00:00:00.000Z', manyValues);
    expect(bytesOf(incoming)).toBeGreaterThan(2 * seededSize);
    const limit = (await usedBytes(factory)) + seededSize / 2;
    quota(limit);

    const { pruned } = await store.put(incoming);
    expect(pruned).toBeGreaterThanOrEqual(2);
    const agencies = (await store.list()).map((e) => e.agency);
    // What is left is the newest of the rest: the pruned are the least recently seen.
    expect(agencies).toEqual(['己区', ...AGENCIES.slice(pruned).reverse()]);
    expect(await usedBytes(factory)).toBeLessThanOrEqual(limit);
    expect(await store.get('己区', 2022)).toEqual(incoming);
  });

  it('never prunes the report being stored; with nothing else left it fails and keeps the old copy', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = await seeded(factory, 3, (...d) => warned.push(d));
    const old = record('甲区', 2022, '2024-01-01T00:00:00.000Z');
    // 甲区 is the least recently seen, and seen again with a report too big for the quota.
    const incoming = record('甲区', 2022, '2024-05-01T00:00:00.000Z', manyValues);
    quota(bytesOf(old) + 10);

    await expect(store.put(incoming)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    restorePut();
    expect(await storedKeys(factory)).toEqual(['甲区|2022']);
    expect(await store.get('甲区', 2022)).toEqual(old);
    expect(warned.map((d) => String(d[0]))).toEqual([expect.stringContaining('still no room')]);
  });

  it('treats a put that throws QuotaExceededError like a write the quota aborted', async () => {
    const factory = new IDBFactory();
    const store = await seeded(factory, 3);
    refuseNextPuts(1, 'QuotaExceededError');
    const incoming = record('己区', 2022, '2024-05-01T00:00:00.000Z');
    expect(await store.put(incoming)).toEqual({ pruned: 1 });
    expect((await store.list()).map((e) => e.agency)).toEqual(['己区', '丙区', '乙区']);
  });

  it('prunes nothing when a write fails for another reason', async () => {
    const factory = new IDBFactory();
    const store = await seeded(factory, 3);
    afterEveryPut((s) => abortWith(s.transaction, 'UnknownError'));
    await expect(store.put(record('己区', 2022, '2024-05-01T00:00:00.000Z'))).rejects.toMatchObject(
      { name: 'UnknownError' },
    );
    restorePut();
    expect(await storedKeys(factory)).toEqual(['丙区|2022', '乙区|2022', '甲区|2022']);
  });
});

describe('history store: records that cannot be read', () => {
  const broken = { id: '红山区|2022', agency: '红山区', year: 2022, report: 'broken' };
  const misfiled = { ...record('白山区', 2022, '2024-01-01T00:00:00.000Z'), id: 'x|1' };

  it('removes them the first time a list or export meets them, and says so', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, broken);
    await rawPut(factory, misfiled);

    expect((await store.list()).map((e) => e.id)).toEqual(['青山区|2022']);
    expect(await storedKeys(factory)).toEqual(['青山区|2022']);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContainEqual(['x|1', '红山区|2022']);

    await rawPut(factory, broken);
    expect((await store.exportAll()).map((r) => r.id)).toEqual(['青山区|2022']);
    expect(await storedKeys(factory)).toEqual(['青山区|2022']);
    expect(warned).toHaveLength(2);
  });

  it('get answers null for one and removes it', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, broken);
    expect(await store.get('红山区', 2022)).toBeNull();
    expect(await storedKeys(factory)).toEqual(['青山区|2022']);
    expect(warned).toHaveLength(1);
  });

  it('still answers the read when the removal fails', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, broken);
    const realDelete = IDBObjectStore.prototype.delete;
    IDBObjectStore.prototype.delete = () => {
      throw new DOMException('refused by the test', 'UnknownError');
    };
    try {
      expect((await store.list()).map((e) => e.id)).toEqual(['青山区|2022']);
    } finally {
      IDBObjectStore.prototype.delete = realDelete;
    }
    expect(await storedKeys(factory)).toEqual(['红山区|2022', '青山区|2022']);
    expect(warned).toHaveLength(1);
  });
});

/** A database as the version-1 code left it: the store, its agency index, these records. */
async function createVersion1(factory: IDBFactory, records: HistoryRecord[]): Promise<void> {
  const open = factory.open('ogi-lens', 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('reports', { keyPath: 'id' });
    store.createIndex('agency', 'agency', { unique: false });
  };
  const db = await request(open);
  const tx = db.transaction('reports', 'readwrite');
  for (const r of records) tx.objectStore('reports').put(r);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

describe('history store: migrations', () => {
  it('runs one migration per version, in order, up to the current version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
  });

  it('opens a version-1 database at version 2 with its records kept and indexed by seenAt', async () => {
    const factory = new IDBFactory();
    const old = [
      record('丙区', 2022, '2024-01-03T00:00:00.000Z'),
      record('甲区', 2022, '2024-01-01T00:00:00.000Z'),
      record('乙区', 2021, '2024-01-02T00:00:00.000Z'),
    ];
    await createVersion1(factory, old);

    const store = createHistoryStore(factory);
    expect((await store.list()).map((e) => e.id)).toEqual(['丙区|2022', '乙区|2021', '甲区|2022']);
    expect(await store.get('乙区', 2021)).toEqual(old[2]);
    await withDatabase(factory, async (db) => {
      expect(db.version).toBe(2);
      const reports = db.transaction('reports', 'readonly').objectStore('reports');
      expect([...reports.indexNames]).toEqual(['agency', 'seenAt']);
      expect(await request(reports.index('seenAt').getAllKeys())).toEqual([
        '甲区|2022',
        '乙区|2021',
        '丙区|2022',
      ]);
    });

    // Pruning finds the oldest of the migrated records through the new index.
    const incoming = record('丁区', 2022, '2024-05-01T00:00:00.000Z');
    quota((await usedBytes(factory)) + bytesOf(incoming) / 2);
    expect(await store.put(incoming)).toEqual({ pruned: 1 });
    expect(await store.get('甲区', 2022)).toBeNull();
  });
});

describe('history store: a write cut off', () => {
  it('leaves the old record whole when the worker stops before the commit, and keeps working', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    const old = record('青山区', 2022, '2024-01-01T00:00:00.000Z');
    const updated = record('青山区', 2022, '2024-05-01T00:00:00.000Z', manyValues);
    await store.put(old);
    // A stopped worker commits nothing and loses its connection.
    afterEveryPut((s) => {
      s.transaction.abort();
      forceCloseDatabase(s.transaction.db as never);
    });
    await expect(store.put(updated)).rejects.toThrow();
    restorePut();

    expect(await store.get('青山区', 2022)).toEqual(old);
    expect(await store.put(updated)).toEqual({ pruned: 0 });
    expect(await store.get('青山区', 2022)).toEqual(updated);
    expect(await createHistoryStore(factory).get('青山区', 2022)).toEqual(updated);
  });

  it('leaves nothing of a new report cut off before the commit', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    await store.put(record('青山区', 2021, '2024-01-01T00:00:00.000Z'));
    afterEveryPut((s) => s.transaction.abort());
    await expect(store.put(record('青山区', 2022, '2024-05-01T00:00:00.000Z'))).rejects.toThrow();
    restorePut();
    expect(await storedKeys(factory)).toEqual(['青山区|2021']);
    expect((await store.list()).map((e) => e.id)).toEqual(['青山区|2021']);
  });

  it('reopens a connection closed under it without a close event', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    const incoming = record('青山区', 2022, '2024-05-01T00:00:00.000Z');
    // A close waits for the running write, which commits whole.
    afterEveryPut((s) => s.transaction.db.close());
    expect(await store.put(incoming)).toEqual({ pruned: 0 });
    restorePut();
    expect(await store.get('青山区', 2022)).toEqual(incoming);
    await store.delete('青山区|2022');
    expect(await store.list()).toEqual([]);
  });
});

describe('history as a dataset', () => {
  it('JSON holds every record with its report and findings', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(
      record('青山区', 2022, '2024-01-01T00:00:00.000Z', undefined, [finding('error')]),
    );
    const parsed = JSON.parse(historyToJson(await store.exportAll()));
    expect(parsed).toHaveLength(1);
    expect(parsed[0].report.values).toEqual({ 't3.new.total': 12 });
    expect(parsed[0].findings[0].rule).toBe('t3.row-total');
  });

  it('CSV has a BOM, a header and one row per report and key, blanks empty', () => {
    const csv = historyToCsv([
      record('青山区', 2022, '2024-01-01T00:00:00.000Z', {
        't3.new.total': '12',
        't3.carryIn.total': '',
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'agency,year,url,seenAt,key,value',
      '青山区,2022,https://www.example.gov.cn/2022.html,2024-01-01T00:00:00.000Z,t3.carryIn.total,',
      '青山区,2022,https://www.example.gov.cn/2022.html,2024-01-01T00:00:00.000Z,t3.new.total,12',
      '',
    ]);
  });

  it('CSV cells a spreadsheet would run as formulas become text; negative numbers stay numbers', () => {
    const hostile = record('=HYPERLINK("http://x","y")', 2022, '2024-01-01T00:00:00.000Z', {
      't2.rules.delta': '-4',
    });
    hostile.url = '@SUM(1+1),x';
    const [, row] = historyToCsv([hostile]).slice(1).split('\r\n');
    expect(row).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",2022,"'@SUM(1+1),x",2024-01-01T00:00:00.000Z,t2.rules.delta,-4`,
    );
    const plus = record('+cmd', 2022, '2024-01-01T00:00:00.000Z');
    expect(historyToCsv([plus]).split('\r\n')[1]?.startsWith("'+cmd,")).toBe(true);
    const dash = record('-1+2', 2022, '2024-01-01T00:00:00.000Z');
    expect(historyToCsv([dash]).split('\r\n')[1]?.startsWith("'-1+2,")).toBe(true);
  });
});

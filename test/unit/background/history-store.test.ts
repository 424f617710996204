import { forceCloseDatabase, IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHistoryStore,
  DB_VERSION,
  HistoryUnavailableError,
  historyToCsv,
  historyToJson,
  isHistoryUnavailable,
  MAX_PORTAL_RECORDS,
  MAX_PORTAL_YEAR_RECORDS,
  MIGRATIONS,
  recordId,
} from '../../../lib/background/history-store';
import type { HistoryRecord } from '../../../lib/model/history';
import type { Finding } from '../../../lib/model/report';
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
} from '../../support/idb-faults';
import { reportOf, tableOf } from '../../support/report-builder';

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

/** The portal the records of these tests were read on, unless a test says otherwise. */
const PORTAL = 'example.gov.cn';
const key = (agency: string, year: number, portal = PORTAL) => recordId(portal, agency, year);

function record(
  agency: string,
  year: number,
  seenAt: string,
  values: Record<string, string> = { 't3.new.total': '12' },
  findings: Finding[] = [],
  portal = PORTAL,
): HistoryRecord {
  const report = reportOf([tableOf('t3', values)], { agency, year });
  return {
    id: recordId(portal, agency, year),
    portal,
    agency,
    year,
    url: `https://www.${portal}/${year}.html`,
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
    const found = await store.get(PORTAL, '青山区', 2022);
    expect(found?.report.values['t3.new.total']).toBe(12);
    expect(await store.get(PORTAL, '青山区', 2021)).toBeNull();
    expect(await store.get(PORTAL, '红山区', 2022)).toBeNull();
  });

  it('storing the same agency and year again replaces it instead of adding a duplicate', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await store.put(record('青山区', 2022, '2024-02-01T00:00:00.000Z', { 't3.new.total': '30' }));
    const entries = await store.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.seenAt).toBe('2024-02-01T00:00:00.000Z');
    expect((await store.get(PORTAL, '青山区', 2022))?.report.values['t3.new.total']).toBe(30);
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
    expect(entries.map((e) => e.id)).toEqual([
      key('青山区', 2022),
      key('红山区', 2022),
      key('青山区', 2021),
    ]);
    expect(entries[0]).toEqual({
      id: key('青山区', 2022),
      portal: PORTAL,
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
    await store.delete(key('青山区', 2021));
    expect((await store.list()).map((e) => e.id)).toEqual([key('青山区', 2022)]);
    expect(await store.get(PORTAL, '青山区', 2021)).toBeNull();
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it('a new store on the same database (a restarted worker) sees everything stored before', async () => {
    const factory = new IDBFactory();
    await createHistoryStore(factory).put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    const restarted = createHistoryStore(factory);
    expect((await restarted.get(PORTAL, '青山区', 2022))?.agency).toBe('青山区');
  });

  it('keeps the reports in database ogi-lens, store reports, keyed by portal|agency|year', async () => {
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
    expect(keys).toEqual(['example.gov.cn|青山区|2022']);
    db.close();
  });

  it('skips a corrupted record instead of failing', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, {
      id: key('红山区', 2022),
      agency: '红山区',
      year: 2022,
      report: 'broken',
    });
    await rawPut(factory, { ...record('白山区', 2022, '2024-01-01T00:00:00.000Z'), id: 'x|1' });
    expect(await store.get(PORTAL, '红山区', 2022)).toBeNull();
    expect((await store.list()).map((e) => e.id)).toEqual([key('青山区', 2022)]);
    expect((await store.exportAll()).map((r) => r.id)).toEqual([key('青山区', 2022)]);
  });

  it('refuses to store a record that is not one', async () => {
    const store = createHistoryStore(new IDBFactory());
    const bad = { ...record('青山区', 2022, '2024-01-01T00:00:00.000Z'), id: key('红山区', 2022) };
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
    expect(await store.get(PORTAL, '己区', 2022)).toEqual(incoming);
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
    expect(await store.get(PORTAL, '己区', 2022)).toEqual(incoming);
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
    expect(await storedKeys(factory)).toEqual([key('甲区', 2022)]);
    expect(await store.get(PORTAL, '甲区', 2022)).toEqual(old);
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
    expect(await storedKeys(factory)).toEqual([
      key('丙区', 2022),
      key('乙区', 2022),
      key('甲区', 2022),
    ]);
  });
});

describe('history store: records that cannot be read', () => {
  const broken = { id: key('红山区', 2022), agency: '红山区', year: 2022, report: 'broken' };
  const misfiled = { ...record('白山区', 2022, '2024-01-01T00:00:00.000Z'), id: 'x|1' };

  it('removes them the first time a list or export meets them, and says so', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, broken);
    await rawPut(factory, misfiled);

    expect((await store.list()).map((e) => e.id)).toEqual([key('青山区', 2022)]);
    expect(await storedKeys(factory)).toEqual([key('青山区', 2022)]);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContainEqual([key('红山区', 2022), 'x|1']);

    await rawPut(factory, broken);
    expect((await store.exportAll()).map((r) => r.id)).toEqual([key('青山区', 2022)]);
    expect(await storedKeys(factory)).toEqual([key('青山区', 2022)]);
    expect(warned).toHaveLength(2);
  });

  it('get answers null for one and removes it', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await rawPut(factory, broken);
    expect(await store.get(PORTAL, '红山区', 2022)).toBeNull();
    expect(await storedKeys(factory)).toEqual([key('青山区', 2022)]);
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
      expect((await store.list()).map((e) => e.id)).toEqual([key('青山区', 2022)]);
    } finally {
      IDBObjectStore.prototype.delete = realDelete;
    }
    expect(await storedKeys(factory)).toEqual([key('红山区', 2022), key('青山区', 2022)]);
    expect(warned).toHaveLength(1);
  });
});

/** A record as versions 1 and 2 stored it: keyed `agency|year`, no portal. */
function legacyRecord(agency: string, year: number, seenAt: string, url: string) {
  const { portal: _portal, ...rest } = record(agency, year, seenAt);
  return { ...rest, id: `${agency}|${year}`, url };
}
type LegacyRecord = ReturnType<typeof legacyRecord>;

/** A database as the version-1 code left it: the store, its agency index, these records. */
async function createVersion1(factory: IDBFactory, records: LegacyRecord[]): Promise<void> {
  const open = factory.open('ogi-lens', 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('reports', { keyPath: 'id' });
    store.createIndex('agency', 'agency', { unique: false });
  };
  await fill(await request(open), records);
}

/** A database as the version-2 code left it: version 1 and the seenAt index. */
async function createVersion2(factory: IDBFactory, records: unknown[]): Promise<void> {
  const open = factory.open('ogi-lens', 2);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('reports', { keyPath: 'id' });
    store.createIndex('agency', 'agency', { unique: false });
    store.createIndex('seenAt', 'seenAt', { unique: false });
  };
  await fill(await request(open), records);
}

async function fill(db: IDBDatabase, records: unknown[]): Promise<void> {
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

  it('opens a version-1 database at the current version with its records kept and indexed by seenAt', async () => {
    const factory = new IDBFactory();
    const url = (year: number) => `https://www.example.gov.cn/${year}.html`;
    const old = [
      legacyRecord('丙区', 2022, '2024-01-03T00:00:00.000Z', url(2022)),
      legacyRecord('甲区', 2022, '2024-01-01T00:00:00.000Z', url(2022)),
      legacyRecord('乙区', 2021, '2024-01-02T00:00:00.000Z', url(2021)),
    ];
    await createVersion1(factory, old);

    const store = createHistoryStore(factory);
    expect((await store.list()).map((e) => e.id)).toEqual([
      key('丙区', 2022),
      key('乙区', 2021),
      key('甲区', 2022),
    ]);
    expect(await store.get(PORTAL, '乙区', 2021)).toEqual(
      record('乙区', 2021, old[2]?.seenAt ?? ''),
    );
    await withDatabase(factory, async (db) => {
      expect(db.version).toBe(DB_VERSION);
      const reports = db.transaction('reports', 'readonly').objectStore('reports');
      expect([...reports.indexNames]).toEqual(['agency', 'seenAt']);
      expect(await request(reports.index('seenAt').getAllKeys())).toEqual([
        key('甲区', 2022),
        key('乙区', 2021),
        key('丙区', 2022),
      ]);
    });

    // Pruning finds the oldest of the migrated records through the new index.
    const incoming = record('丁区', 2022, '2024-05-01T00:00:00.000Z');
    quota((await usedBytes(factory)) + bytesOf(incoming) / 2);
    expect(await store.put(incoming)).toEqual({ pruned: 1 });
    expect(await store.get(PORTAL, '甲区', 2022)).toBeNull();
  });

  it('moves each record of a version-2 database under the portal of the address it was stored with', async () => {
    const factory = new IDBFactory();
    const genuine = legacyRecord(
      '海陵区',
      2022,
      '2024-01-02T00:00:00.000Z',
      'https://xxgk.hailing.gov.cn/art/2023/1/5/a.html',
    );
    const other = legacyRecord(
      '青山区',
      2021,
      '2024-01-01T00:00:00.000Z',
      'http://WWW.Qingshan.GOV.CN:8080/b.html',
    );
    const noPortal = legacyRecord('白山区', 2020, '2023-12-01T00:00:00.000Z', 'file:///saved.html');
    const broken = { id: '红山区|2022', agency: '红山区', year: 2022, report: 'broken' };
    await createVersion2(factory, [genuine, other, noPortal, broken]);

    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    const moved = await store.get('hailing.gov.cn', '海陵区', 2022);
    expect(moved).toEqual({
      ...genuine,
      portal: 'hailing.gov.cn',
      id: 'hailing.gov.cn|海陵区|2022',
    });
    // Under its own portal only: no other portal's lookup finds it.
    expect(await store.get('', '海陵区', 2022)).toBeNull();
    expect(await store.get('taizhou.gov.cn', '海陵区', 2022)).toBeNull();
    expect((await store.get('qingshan.gov.cn', '青山区', 2021))?.url).toBe(other.url);
    // An address that names no portal keeps the record, under the empty portal.
    expect((await store.get('', '白山区', 2020))?.seenAt).toBe(noPortal.seenAt);
    expect(await storedKeys(factory)).toEqual([
      'hailing.gov.cn|海陵区|2022',
      'qingshan.gov.cn|青山区|2021',
      '|白山区|2020',
      // What is not a record at all is left for the reads to remove.
      '红山区|2022',
    ]);
    expect((await store.list()).map((e) => [e.portal, e.id])).toEqual([
      ['hailing.gov.cn', 'hailing.gov.cn|海陵区|2022'],
      ['qingshan.gov.cn', 'qingshan.gov.cn|青山区|2021'],
      ['', '|白山区|2020'],
    ]);
    expect(await storedKeys(factory)).toHaveLength(3);
    expect(warned).toHaveLength(1);
  });
});

/** A database left by a later version of the extension, with one record in it. */
async function createNewerVersion(factory: IDBFactory): Promise<void> {
  const open = factory.open('ogi-lens', DB_VERSION + 5);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('reports-v9', { keyPath: 'key' });
  };
  const db = await request(open);
  const tx = db.transaction('reports-v9', 'readwrite');
  tx.objectStore('reports-v9').put({ key: 'x', value: 1 });
  await new Promise<void>((resolve) => {
    tx.oncomplete = () => resolve();
  });
  db.close();
}

describe('history store: a database it cannot open', () => {
  it('reports a newer version as such, on every read and write', async () => {
    const factory = new IDBFactory();
    await createNewerVersion(factory);
    const store = createHistoryStore(factory);
    const newer = { name: 'HistoryUnavailableError', reason: 'newerVersion' };
    await expect(store.get(PORTAL, '青山区', 2022)).rejects.toMatchObject(newer);
    await expect(store.list()).rejects.toMatchObject(newer);
    await expect(store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'))).rejects.toSatisfy(
      isHistoryUnavailable,
    );
    const error = await store.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryUnavailableError);
    expect((error as HistoryUnavailableError).detail).toContain('VersionError');
  });

  it('clear deletes the database, after which the history works again', async () => {
    const factory = new IDBFactory();
    await createNewerVersion(factory);
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await expect(store.list()).rejects.toSatisfy(isHistoryUnavailable);

    await store.clear();
    expect(await store.list()).toEqual([]);
    const incoming = record('青山区', 2022, '2024-01-01T00:00:00.000Z');
    await store.put(incoming);
    expect(await store.get(PORTAL, '青山区', 2022)).toEqual(incoming);
    await withDatabase(factory, async (db) => {
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames]).toEqual(['reports']);
    });
    expect(warned).toHaveLength(1);
  });

  it('steps aside for a newer version that arrives while it holds the database, then recovers', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    // A newer version arrives while this store holds its connection open (another worker
    // after an update): this store steps aside, then can no longer open it.
    await createNewerVersion(factory);
    await expect(store.list()).rejects.toSatisfy(isHistoryUnavailable);
    // Open connection or not, clear() deletes the database and opens a fresh one.
    await store.clear();
    expect(await store.list()).toEqual([]);
    expect(warned.some((d) => String(d[0]).includes('waits for another connection'))).toBe(false);
  });

  it('clear of a database that opens only empties it', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    await store.put(record('青山区', 2022, '2024-01-01T00:00:00.000Z'));
    await store.clear();
    expect(await store.list()).toEqual([]);
    await withDatabase(factory, async (db) => {
      expect(db.version).toBe(DB_VERSION);
    });
  });
});

describe('history store: portals', () => {
  it('keeps one report per portal, agency and year: another portal neither replaces nor is found', async () => {
    const store = createHistoryStore(new IDBFactory());
    const genuine = record(
      '海陵区',
      2022,
      '2024-01-01T00:00:00.000Z',
      undefined,
      [],
      'hailing.gov.cn',
    );
    const impostor = record(
      '海陵区',
      2022,
      '2024-02-01T00:00:00.000Z',
      { 't3.new.total': '999' },
      [],
      'elsewhere.gov.cn',
    );
    await store.put(genuine);
    await store.put(impostor);
    expect(await store.get('hailing.gov.cn', '海陵区', 2022)).toEqual(genuine);
    expect(await store.get('elsewhere.gov.cn', '海陵区', 2022)).toEqual(impostor);
    expect((await store.list()).map((e) => e.portal)).toEqual([
      'elsewhere.gov.cn',
      'hailing.gov.cn',
    ]);
  });

  it('refuses a record whose id is not its portal, agency and year', async () => {
    const store = createHistoryStore(new IDBFactory());
    const genuine = record(
      '海陵区',
      2022,
      '2024-01-01T00:00:00.000Z',
      undefined,
      [],
      'hailing.gov.cn',
    );
    await expect(store.put({ ...genuine, portal: 'elsewhere.gov.cn' })).rejects.toThrow();
    expect(await store.list()).toEqual([]);
  });
});

describe('history store: the reports of one portal and year', () => {
  const seen = '2024-01-01T00:00:00.000Z';

  it('gives the year’s reports of the portal only, not of a neighbouring portal or another year', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('江州市人民政府', 2023, seen));
    await store.put(record('江州市教育局', 2023, seen));
    await store.put(record('江州市教育局', 2022, seen));
    // Portals whose keys sort just before and after this one's, and one that contains its name.
    for (const portal of [
      'aexample.gov.cn',
      'example.gov.cn.evil.cn',
      'example.gov.cnz',
      'zexample.gov.cn',
    ]) {
      await store.put(record('江州市卫生健康委员会', 2023, seen, undefined, [], portal));
    }
    const found = await store.portalYear(PORTAL, 2023);
    expect(found.map((r) => r.id).sort()).toEqual(
      [key('江州市人民政府', 2023), key('江州市教育局', 2023)].sort(),
    );
    expect(await store.portalYear(PORTAL, 2021)).toEqual([]);
    expect(await store.portalYear('other.gov.cn', 2023)).toEqual([]);
  });

  it('skips, and removes, a value under the portal’s key that is not a record', async () => {
    const factory = new IDBFactory();
    const warned: unknown[][] = [];
    const store = createHistoryStore(factory, { warn: (...d) => warned.push(d) });
    await store.put(record('江州市教育局', 2023, seen));
    await rawPut(factory, {
      id: key('红山区', 2023),
      agency: '红山区',
      year: 2023,
      report: 'broken',
    });
    expect((await store.portalYear(PORTAL, 2023)).map((r) => r.id)).toEqual([
      key('江州市教育局', 2023),
    ]);
    expect(await storedKeys(factory)).toEqual([key('江州市教育局', 2023)]);
    expect(warned).toHaveLength(1);
  });

  it('reads at most MAX_PORTAL_YEAR_RECORDS reports', async () => {
    const store = createHistoryStore(new IDBFactory());
    for (let i = 0; i < MAX_PORTAL_YEAR_RECORDS + 5; i++) {
      await store.put(record(`部门${String(i).padStart(4, '0')}`, 2023, seen));
    }
    expect(await store.portalYear(PORTAL, 2023)).toHaveLength(MAX_PORTAL_YEAR_RECORDS);
  });

  it('gives the column audit every year of the portal’s own reports, at most MAX_PORTAL_RECORDS, never a neighbour’s', async () => {
    const store = createHistoryStore(new IDBFactory());
    await store.put(record('江州市教育局', 2023, seen));
    await store.put(record('江州市教育局', 2022, seen));
    await store.put(record('江州市教育局', 2022, seen, undefined, [], 'example.gov.cnz'));
    await store.put(record('江州市教育局', 2022, seen, undefined, [], 'aexample.gov.cn'));
    expect((await store.portal(PORTAL)).map((r) => r.id).sort()).toEqual(
      [key('江州市教育局', 2022), key('江州市教育局', 2023)].sort(),
    );
    expect(await store.portal('other.gov.cn')).toEqual([]);
    expect(await store.portal('')).toEqual([]);
    for (let i = 0; i < MAX_PORTAL_RECORDS + 3; i++) {
      await store.put(record(`部门${String(i).padStart(4, '0')}`, 2021, seen));
    }
    expect(await store.portal(PORTAL)).toHaveLength(MAX_PORTAL_RECORDS);
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

    expect(await store.get(PORTAL, '青山区', 2022)).toEqual(old);
    expect(await store.put(updated)).toEqual({ pruned: 0 });
    expect(await store.get(PORTAL, '青山区', 2022)).toEqual(updated);
    expect(await createHistoryStore(factory).get(PORTAL, '青山区', 2022)).toEqual(updated);
  });

  it('leaves nothing of a new report cut off before the commit', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    await store.put(record('青山区', 2021, '2024-01-01T00:00:00.000Z'));
    afterEveryPut((s) => s.transaction.abort());
    await expect(store.put(record('青山区', 2022, '2024-05-01T00:00:00.000Z'))).rejects.toThrow();
    restorePut();
    expect(await storedKeys(factory)).toEqual([key('青山区', 2021)]);
    expect((await store.list()).map((e) => e.id)).toEqual([key('青山区', 2021)]);
  });

  it('reopens a connection closed under it without a close event', async () => {
    const factory = new IDBFactory();
    const store = createHistoryStore(factory);
    const incoming = record('青山区', 2022, '2024-05-01T00:00:00.000Z');
    // A close waits for the running write, which commits whole.
    afterEveryPut((s) => s.transaction.db.close());
    expect(await store.put(incoming)).toEqual({ pruned: 0 });
    restorePut();
    expect(await store.get(PORTAL, '青山区', 2022)).toEqual(incoming);
    await store.delete(key('青山区', 2022));
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
      'portal,agency,year,url,seenAt,key,value',
      'example.gov.cn,青山区,2022,https://www.example.gov.cn/2022.html,2024-01-01T00:00:00.000Z,t3.carryIn.total,',
      'example.gov.cn,青山区,2022,https://www.example.gov.cn/2022.html,2024-01-01T00:00:00.000Z,t3.new.total,12',
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
      `example.gov.cn,"'=HYPERLINK(""http://x"",""y"")",2022,"'@SUM(1+1),x",2024-01-01T00:00:00.000Z,t2.rules.delta,-4`,
    );
    const plus = record('+cmd', 2022, '2024-01-01T00:00:00.000Z');
    expect(historyToCsv([plus]).split('\r\n')[1]?.startsWith("example.gov.cn,'+cmd,")).toBe(true);
    const dash = record('-1+2', 2022, '2024-01-01T00:00:00.000Z');
    expect(historyToCsv([dash]).split('\r\n')[1]?.startsWith("example.gov.cn,'-1+2,")).toBe(true);
  });
});

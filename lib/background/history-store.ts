/**
 * The reports already seen, in IndexedDB (database `ogi-lens`, store
 * `reports`, key `${portal}|${agency}|${year}`): the history the
 * year-over-year checks compare against, and the dataset the options page
 * exports. The portal (lib/page/portal.ts) is the registrable domain of the page
 * the report was read on, as the browser reported it: a page on another
 * portal that names the same agency and year is another record, so it can
 * neither replace this portal's report nor serve as its previous year.
 *
 * The MV3 worker can be stopped between any two events, so nothing here lives
 * only in memory: the database is opened lazily on first use (and again after
 * the browser closes the connection), and every write of a report is one
 * transaction, so a report is stored whole or not at all, and storing it again
 * replaces it.
 *
 * Storage faults are survived, not passed on to the page: a full quota prunes
 * the least recently seen reports (never the one being stored), records that
 * no longer read as records are removed when met, and the database's shape
 * changes only through the numbered migrations below. A database that cannot
 * be opened at all (one left by a newer version of the extension, a broken
 * profile) is reported as HistoryUnavailableError, and clear() then deletes
 * it so that the history works again.
 */
import { BOM, csvLine } from '../export/csv';
import type { HistoryUnavailableReason } from '../messaging/protocol';
import type { HistoryEntry } from '../model/history';
import { type HistoryRecord, HistoryRecordSchema } from '../model/history';
import { LIMITS } from '../model/limits';
import { portalOfUrl } from '../page/portal';
import { agencyNames } from '../text/agency-name';

export const DB_NAME = 'ogi-lens';
export const STORE_NAME = 'reports';
const AGENCY_INDEX = 'agency';
/**
 * The history is a cache of what the pages said: a write lost to a power cut
 * comes back on the next visit. Chromium flushes a "default" write to disk
 * before it completes (Firefox does not), which held every page's answer
 * back by about 15 ms; "relaxed" completes once the operating system has the
 * data.
 */
const TRANSACTION_OPTIONS: IDBTransactionOptions = { durability: 'relaxed' };

/** Least recently seen first: what a full quota prunes. */
const SEEN_AT_INDEX = 'seenAt';

/**
 * One step of the database's shape, run inside the upgrade transaction for
 * every version above the one the browser has. Steps are never edited once
 * released (a browser that already ran one never runs it again): a new shape
 * is a new step. A change to HistoryRecordSchema (lib/model/history.ts) belongs here too, as a step
 * that rewrites the stored records with a cursor; what no step can read is
 * removed when met (see repair in createHistoryStore).
 */
interface Migration {
  version: number;
  apply(db: IDBDatabase, upgrade: IDBTransaction): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    apply(db) {
      const store = db.createObjectStore(STORE_NAME, { keyPath: 'id' });
      store.createIndex(AGENCY_INDEX, 'agency', { unique: false });
    },
  },
  {
    // Existing records are indexed by the browser as the index is created.
    version: 2,
    apply(_db, upgrade) {
      upgrade.objectStore(STORE_NAME).createIndex(SEEN_AT_INDEX, 'seenAt', { unique: false });
    },
  },
  {
    // Records move from `agency|year` to `portal|agency|year`, the portal
    // taken from the address each was stored with: until now that address
    // was the page's (a .gov.cn page the content script ran on), so it names
    // the portal the report was read on.
    //
    // A record whose address names no portal (none the extension wrote; a
    // hand-edited or foreign value) is kept under the empty portal rather
    // than dropped: nothing of the user's history is lost silently, and the
    // options page still lists, exports and deletes it. No page has the
    // empty portal, so it never serves as a previous year and no visit
    // replaces it. What does not look like a record at all is left as it is,
    // for the reads to remove when they meet it (it fails the schema).
    version: 3,
    apply(_db, upgrade) {
      const store = upgrade.objectStore(STORE_NAME);
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const value: unknown = at.value;
        const keyed = keyedByPortal(value);
        // A record this step already moved can come round again (its new
        // key may sort after the cursor): it keys to where it is.
        if (keyed && keyed.id !== at.primaryKey) {
          at.delete();
          store.put(keyed);
        }
        at.continue();
      };
    },
  },
];

/** A stored value of version 2 with the portal its address names, and the key that goes with it. */
function keyedByPortal(value: unknown): { id: string; portal: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { agency, year, url } = value as Record<string, unknown>;
  if (typeof agency !== 'string' || typeof url !== 'string') return null;
  if (typeof year !== 'number' || !Number.isInteger(year)) return null;
  const portal = portalOfUrl(url) ?? '';
  return { ...value, portal, id: recordId(portal, agency, year) };
}

export const DB_VERSION = MIGRATIONS.length;

export const recordId = (portal: string, agency: string, year: number): string =>
  `${portal}|${agency}|${year}`;

/**
 * The database cannot be opened: a newer version of the extension left it
 * (VersionError), or the browser refused it. Nothing can be read or stored
 * until it is deleted (clear()).
 */
export class HistoryUnavailableError extends Error {
  override readonly name = 'HistoryUnavailableError';
  constructor(
    readonly reason: HistoryUnavailableReason,
    /** What the browser said, for the options page and a bug report. */
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`The history database could not be opened (${reason}): ${detail}`, options);
  }
}

export function isHistoryUnavailable(error: unknown): error is HistoryUnavailableError {
  return error instanceof HistoryUnavailableError;
}

/** What storing a report cost: how many older reports were pruned to make room. */
export interface PutOutcome {
  pruned: number;
}

export interface HistoryStore {
  /**
   * The report of this portal, agency and year, the agency as given or
   * under its other spelling (「鹤鸣区」, 「鹤鸣区人民政府」: one body,
   * lib/text/agency-name.ts); another portal's is never returned.
   */
  get(portal: string, agency: string, year: number): Promise<HistoryRecord | null>;
  /**
   * Stores a report, replacing the one of the same portal, agency and year. When the
   * quota is full, the least recently seen other reports are pruned until it
   * fits; when nothing is left to prune, it fails with the quota error.
   */
  put(record: HistoryRecord): Promise<PutOutcome>;
  /** Every stored report as the options page lists it, most recently seen first. */
  list(): Promise<HistoryEntry[]>;
  delete(id: string): Promise<void>;
  /**
   * Removes every report. When the database cannot be opened at all (see
   * HistoryUnavailableError), deletes the database instead, after which the
   * history works again (at this version, empty).
   */
  clear(): Promise<void>;
  /** Every stored report with its findings, by portal, agency, then year. */
  exportAll(): Promise<HistoryRecord[]>;
  /**
   * The reports of one portal and year (at most MAX_PORTAL_YEAR_RECORDS, of
   * the first MAX_PORTAL_KEYS keys of the portal), for the government's
   * comparison with its departments. Another portal's are never returned.
   */
  portalYear(portal: string, year: number): Promise<HistoryRecord[]>;
  /**
   * The reports of one portal (at most MAX_PORTAL_RECORDS, of the first
   * MAX_PORTAL_KEYS keys of the portal), for the column audit: never
   * another portal's, and none of them read.
   */
  portal(portal: string): Promise<HistoryRecord[]>;
}

export interface HistoryStoreOptions {
  /** Where repairs and pruning failures are reported; console.warn by default. */
  warn?: (...details: unknown[]) => void;
}

/**
 * Bounds of portalYear: the keys of one portal are read (cheap: no values),
 * then the values of the year's only. A portal's history rarely holds more
 * than a column of a few dozen bodies over a few years.
 */
export const MAX_PORTAL_KEYS = 2000;
export const MAX_PORTAL_YEAR_RECORDS = 300;
export const MAX_PORTAL_RECORDS = LIMITS.portalRecords;

/**
 * The keys of one portal, in key order, at most `limit`: every key is
 * `${portal}|agency|year`, and a portal (a registrable domain) holds no `|`,
 * so the keys beginning with `${portal}|` are exactly its own, side by side.
 * A key cursor jumps to the first of them and stops after the last, reading
 * no values on the way. No index is needed, so the database's version and
 * migrations stay as they are; and no IDBKeyRange, which belongs to the
 * global IndexedDB rather than to the factory the store was given.
 */
function scanPortalKeys(
  store: IDBObjectStore,
  portal: string,
  limit: number,
  found: (keys: string[]) => void,
  failed: (error: unknown) => void,
): void {
  const prefix = `${portal}|`;
  const keys: string[] = [];
  const cursor = store.openKeyCursor();
  cursor.onerror = () => failed(cursor.error);
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at || keys.length >= limit) return found(keys);
    const key = at.key;
    // Numbers and dates sort before every string: jump over them to the portal's first key.
    if (typeof key === 'number' || key instanceof Date || (typeof key === 'string' && key < prefix))
      return at.continue(prefix);
    if (typeof key !== 'string' || !key.startsWith(prefix)) return found(keys);
    keys.push(key);
    at.continue();
  };
}

/** Pruning deletes 1, 2, 4 … up to this many records per round: few round trips, little over-pruning. */
const MAX_PRUNE_BATCH = 16;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Settles when the transaction commits or aborts. Only the abort is listened
 * to for failures: a failed request always ends in one (nothing here prevents
 * it), and the transaction's error is then the cause (QuotaExceededError),
 * where the requests' own errors may be a mere AbortError.
 */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
  });
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String(error.name)
    : undefined;
}

/** An open that failed, as the typed error the background and the options page understand. */
function unavailable(error: unknown): HistoryUnavailableError {
  const name = errorName(error);
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
  const detail = [name, message].filter(Boolean).join(': ') || String(error);
  return new HistoryUnavailableError(
    name === 'VersionError' ? 'newerVersion' : 'openFailed',
    detail,
    { cause: error },
  );
}

/** Chrome aborts the transaction at commit with it, Firefox fails the request (and so the transaction). */
export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError';
}

/** A stored value read back as a record, or null when it is not one (corrupted, or from another version). */
function readRecord(value: unknown): HistoryRecord | null {
  const parsed = HistoryRecordSchema.safeParse(value);
  if (!parsed.success) return null;
  const record = parsed.data;
  return record.id === recordId(record.portal, record.agency, record.year) ? record : null;
}

export function toEntry(record: HistoryRecord): HistoryEntry {
  let errors = 0;
  let warnings = 0;
  for (const finding of record.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  return {
    id: record.id,
    portal: record.portal,
    agency: record.agency,
    year: record.year,
    url: record.url,
    seenAt: record.seenAt,
    errors,
    warnings,
  };
}

/** @param factory the IndexedDB to use; the global one by default (tests pass fake-indexeddb's). */
export function createHistoryStore(
  factory?: IDBFactory,
  options: HistoryStoreOptions = {},
): HistoryStore {
  const warn = options.warn ?? ((...details: unknown[]) => console.warn(...details));
  const idb = () => factory ?? indexedDB;
  let connection: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    if (connection) return connection;
    let request: IDBOpenDBRequest;
    try {
      request = idb().open(DB_NAME, DB_VERSION);
    } catch (error) {
      // Some browsers throw at once where IndexedDB is switched off (private windows of old Firefox).
      return Promise.reject(unavailable(error));
    }
    request.onupgradeneeded = (event) => {
      const upgrade = request.transaction;
      // Always set during upgradeneeded; the guard is for the type only.
      if (!upgrade) return;
      for (const migration of MIGRATIONS) {
        if (migration.version > event.oldVersion) migration.apply(request.result, upgrade);
      }
    };
    const opening = done(request).then(
      (db) => {
        // A connection the browser closes, or a newer version waiting, is
        // dropped here and reopened by the next call.
        db.onclose = () => {
          if (connection === opening) connection = null;
        };
        db.onversionchange = () => {
          db.close();
          if (connection === opening) connection = null;
        };
        return db;
      },
      (error: unknown) => {
        throw unavailable(error);
      },
    );
    connection = opening;
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    return opening;
  }

  /**
   * Closes this store's connection (an open still under way is closed once
   * it settles), so that deleting the database is not blocked by ourselves.
   */
  async function closeConnection(): Promise<void> {
    const current = connection;
    connection = null;
    if (!current) return;
    const db = await current.catch(() => null);
    db?.close();
  }

  /**
   * Deletes the database. Our own connection is closed first; any other
   * (another worker of this extension, still running) gets a versionchange
   * event and closes itself (see open), so a 'blocked' deletion goes on
   * once it has: it is logged, not failed.
   */
  async function deleteDatabase(): Promise<void> {
    await closeConnection();
    const request = idb().deleteDatabase(DB_NAME);
    request.onblocked = () => {
      warn('OGI Lens: deleting the history waits for another connection to close');
    };
    await done(request);
  }

  /**
   * A transaction on the store. A connection can be closed without a close
   * event (a plain close(), a connection lost with the worker that held it):
   * it then refuses transactions with InvalidStateError, and is reopened once.
   */
  async function begin(mode: IDBTransactionMode): Promise<IDBTransaction> {
    const opening = open();
    const db = await opening;
    try {
      return db.transaction(STORE_NAME, mode, TRANSACTION_OPTIONS);
    } catch (error) {
      if (errorName(error) !== 'InvalidStateError') throw error;
      if (connection === opening) connection = null;
      return (await open()).transaction(STORE_NAME, mode, TRANSACTION_OPTIONS);
    }
  }

  async function write(change: (store: IDBObjectStore) => void): Promise<void> {
    const transaction = await begin('readwrite');
    try {
      change(transaction.objectStore(STORE_NAME));
    } catch (error) {
      // Left alone, the transaction would commit whatever the change did before throwing.
      try {
        transaction.abort();
      } catch {
        // Already over: nothing of it to undo.
      }
      throw error;
    }
    await committed(transaction);
  }

  /**
   * Removes the stored values under these keys that still do not read as
   * records (checked again inside the write: the key may hold a new record by
   * now). Never fails the read that found them.
   */
  async function repair(keys: readonly IDBValidKey[]): Promise<void> {
    if (keys.length === 0) return;
    const removed: IDBValidKey[] = [];
    try {
      await write((store) => {
        for (const key of keys) {
          const request = store.get(key);
          request.onsuccess = () => {
            if (request.result === undefined || readRecord(request.result) !== null) return;
            store.delete(key);
            removed.push(key);
          };
        }
      });
      if (removed.length > 0) {
        warn('OGI Lens: removed history records that could not be read', removed);
      }
    } catch (error) {
      warn('OGI Lens: history records that could not be read were not removed', keys, error);
    }
  }

  async function readAll(): Promise<HistoryRecord[]> {
    const store = (await begin('readonly')).objectStore(STORE_NAME);
    const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
    const records: HistoryRecord[] = [];
    const unreadable: IDBValidKey[] = [];
    values.forEach((value, i) => {
      const record = readRecord(value);
      if (record) records.push(record);
      else if (keys[i] !== undefined) unreadable.push(keys[i]);
    });
    await repair(unreadable);
    return records;
  }

  /**
   * Deletes up to `limit` of the least recently seen records other than
   * `keep`, in one transaction; resolves to how many went.
   */
  async function pruneOldest(keep: string, limit: number): Promise<number> {
    let deleted = 0;
    await write((store) => {
      const cursor = store.index(SEEN_AT_INDEX).openKeyCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || deleted >= limit) return;
        if (at.primaryKey !== keep) {
          store.delete(at.primaryKey);
          deleted++;
        }
        at.continue();
      };
    });
    return deleted;
  }

  /**
   * Records of one portal, by a key cursor over its own keys (scanPortalKeys,
   * MAX_PORTAL_KEYS at most), then the values of the keys `wanted` keeps,
   * `limit` at most; each record must say what its key said. Another
   * portal's are never read.
   */
  async function readPortal(
    portal: string,
    wanted: (key: string) => boolean,
    limit: number,
    agrees: (record: HistoryRecord) => boolean,
  ): Promise<HistoryRecord[]> {
    if (portal === '' || portal.includes('|')) return [];
    const store = (await begin('readonly')).objectStore(STORE_NAME);
    // The values are asked for inside the cursor's last event, while the transaction is surely active.
    const read = await new Promise<{ keys: string[]; values: unknown[] }>((resolve, reject) =>
      scanPortalKeys(
        store,
        portal,
        MAX_PORTAL_KEYS,
        (all) => {
          const keys = all.filter(wanted).slice(0, limit);
          Promise.all(keys.map((key) => done(store.get(key)))).then(
            (values) => resolve({ keys, values }),
            reject,
          );
        },
        reject,
      ),
    );
    const records: HistoryRecord[] = [];
    const unreadable: IDBValidKey[] = [];
    read.values.forEach((value, i) => {
      if (value === undefined) return;
      const record = readRecord(value);
      if (!record) unreadable.push(read.keys[i] as string);
      // The key said so; the record must say so too.
      else if (record.portal === portal && agrees(record)) records.push(record);
    });
    await repair(unreadable);
    return records;
  }

  return {
    async get(portal, agency, year) {
      const store = (await begin('readonly')).objectStore(STORE_NAME);
      // Both spellings asked at once, while the transaction is surely active; the name as given wins.
      const ids = agencyNames(agency).map((name) => recordId(portal, name, year));
      const values = await Promise.all(ids.map((id) => done(store.get(id))));
      const at = values.findIndex((value) => value !== undefined);
      if (at < 0) return null;
      const record = readRecord(values[at]);
      if (!record) await repair([ids[at] as string]);
      return record;
    },
    async put(record) {
      const valid = HistoryRecordSchema.parse(record);
      if (valid.id !== recordId(valid.portal, valid.agency, valid.year)) {
        throw new Error(`History record id ${valid.id} does not match its portal, agency and year`);
      }
      // Each prune is committed on its own before the retry: browsers measure
      // the quota against what is committed, so deletes in the same
      // transaction as the put would free nothing it could use.
      let pruned = 0;
      let batch = 1;
      for (;;) {
        try {
          await write((store) => store.put(valid));
          return { pruned };
        } catch (error) {
          if (!isQuotaError(error)) throw error;
          const deleted = await pruneOldest(valid.id, batch);
          if (deleted === 0) {
            if (pruned > 0) {
              warn(`OGI Lens: pruned ${pruned} cached reports and still no room for`, valid.id);
            }
            throw error;
          }
          pruned += deleted;
          batch = Math.min(batch * 2, MAX_PRUNE_BATCH);
        }
      }
    },
    async list() {
      const records = await readAll();
      return records
        .map(toEntry)
        .sort((a, b) => b.seenAt.localeCompare(a.seenAt) || a.id.localeCompare(b.id));
    },
    delete(id) {
      return write((store) => store.delete(id));
    },
    async clear() {
      try {
        await write((store) => store.clear());
      } catch (error) {
        if (!isHistoryUnavailable(error)) throw error;
        warn('OGI Lens: deleting a history database that cannot be opened', error);
        await deleteDatabase();
      }
    },
    portalYear(portal, year) {
      return readPortal(
        portal,
        (key) => key.endsWith(`|${year}`),
        MAX_PORTAL_YEAR_RECORDS,
        (record) => record.year === year,
      );
    },
    portal(portal) {
      return readPortal(
        portal,
        () => true,
        MAX_PORTAL_RECORDS,
        () => true,
      );
    },
    async exportAll() {
      const records = await readAll();
      return records.sort(
        (a, b) =>
          a.portal.localeCompare(b.portal) ||
          a.agency.localeCompare(b.agency, 'zh') ||
          a.year - b.year,
      );
    },
  };
}

/** The JSON dataset: every record with its report and findings. */
export function historyToJson(records: readonly HistoryRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

const CSV_COLUMNS = ['portal', 'agency', 'year', 'url', 'seenAt', 'key', 'value'] as const;

/**
 * The CSV dataset: one row per report and canonical key (blank cells have an
 * empty value), UTF-8 with a byte-order mark so that spreadsheet programs read
 * the Chinese agency names correctly, CRLF line ends (RFC 4180).
 */
export function historyToCsv(records: readonly HistoryRecord[]): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const record of records) {
    for (const key of Object.keys(record.report.values).sort()) {
      const value = record.report.values[key];
      const row = [
        record.portal,
        record.agency,
        String(record.year),
        record.url,
        record.seenAt,
        key,
        value === null || value === undefined ? '' : String(value),
      ];
      lines.push(csvLine(row));
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Room left below the quota under which a write may need pruning: far more
 * than the largest report the limits let through, and a sliver of any
 * browser's quota (a share of the disk).
 */
export const STORAGE_ROOM_BYTES = 64 * 1024 * 1024;

/** Whether the origin's storage has STORAGE_ROOM_BYTES to spare; false when the browser cannot say. */
export async function storageHasRoom(
  storage: Pick<StorageManager, 'estimate'> | undefined,
): Promise<boolean> {
  if (!storage) return false;
  const { usage, quota } = await storage.estimate();
  if (usage === undefined || quota === undefined) return false;
  return quota - usage > STORAGE_ROOM_BYTES;
}

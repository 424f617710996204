/**
 * The reports already seen, in IndexedDB (database `ogi-lens`, store
 * `reports`, key `${agency}|${year}`): the history the year-over-year checks
 * compare against, and the dataset the options page exports.
 *
 * The MV3 worker can be stopped between any two events, so nothing here lives
 * only in memory: the database is opened lazily on first use (and again after
 * the browser closes the connection), and every write is one transaction, so a
 * report is stored whole or not at all, and storing it again replaces it.
 */
import * as z from 'zod/mini';
import { BOM, csvLine } from './export/csv';
import { FindingSchema, ReportSchema } from './model';
import type { HistoryEntry } from './protocol';

export const DB_NAME = 'ogi-lens';
export const DB_VERSION = 1;
export const STORE_NAME = 'reports';
const AGENCY_INDEX = 'agency';

export const HistoryRecordSchema = z.object({
  id: z.string(),
  agency: z.string(),
  year: z.int(),
  url: z.string(),
  /** ISO timestamp of the visit that stored it. */
  seenAt: z.string(),
  report: ReportSchema,
  findings: z.array(FindingSchema),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

export const recordId = (agency: string, year: number): string => `${agency}|${year}`;

export interface HistoryStore {
  get(agency: string, year: number): Promise<HistoryRecord | null>;
  /** Stores a report, replacing the one of the same agency and year. */
  put(record: HistoryRecord): Promise<void>;
  /** Every stored report as the options page lists it, most recently seen first. */
  list(): Promise<HistoryEntry[]>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Every stored report with its findings, by agency then year. */
  exportAll(): Promise<HistoryRecord[]>;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** A stored value read back as a record, or null when it is not one (corrupted, or from another version). */
function readRecord(value: unknown): HistoryRecord | null {
  const parsed = HistoryRecordSchema.safeParse(value);
  if (!parsed.success) return null;
  const record = parsed.data;
  return record.id === recordId(record.agency, record.year) ? record : null;
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
    agency: record.agency,
    year: record.year,
    url: record.url,
    seenAt: record.seenAt,
    errors,
    warnings,
  };
}

/** @param factory the IndexedDB to use; the global one by default (tests pass fake-indexeddb's). */
export function createHistoryStore(factory?: IDBFactory): HistoryStore {
  let connection: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    if (connection) return connection;
    const request = (factory ?? indexedDB).open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE_NAME)) {
        const store = db.createObjectStore(STORE_NAME, { keyPath: 'id' });
        store.createIndex(AGENCY_INDEX, 'agency', { unique: false });
      }
    };
    const opening = done(request).then((db) => {
      // A connection the browser closes, or a newer version waiting, is
      // dropped here and reopened by the next call.
      db.onclose = () => {
        connection = null;
      };
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      return db;
    });
    connection = opening;
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    return opening;
  }

  async function readAll(): Promise<HistoryRecord[]> {
    const db = await open();
    const values = await done(
      db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME).getAll(),
    );
    return values.map(readRecord).filter((record): record is HistoryRecord => record !== null);
  }

  async function write(change: (store: IDBObjectStore) => void): Promise<void> {
    const db = await open();
    const transaction = db.transaction(STORE_NAME, 'readwrite');
    change(transaction.objectStore(STORE_NAME));
    await committed(transaction);
  }

  return {
    async get(agency, year) {
      const db = await open();
      const value = await done(
        db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME).get(recordId(agency, year)),
      );
      return value === undefined ? null : readRecord(value);
    },
    async put(record) {
      const valid = HistoryRecordSchema.parse(record);
      if (valid.id !== recordId(valid.agency, valid.year)) {
        throw new Error(`History record id ${valid.id} does not match its agency and year`);
      }
      await write((store) => store.put(valid));
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
    clear() {
      return write((store) => store.clear());
    },
    async exportAll() {
      const records = await readAll();
      return records.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
    },
  };
}

/** The JSON dataset: every record with its report and findings. */
export function historyToJson(records: readonly HistoryRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

const CSV_COLUMNS = ['agency', 'year', 'url', 'seenAt', 'key', 'value'] as const;

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

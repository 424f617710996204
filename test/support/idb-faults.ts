/**
 * Storage faults for fake-indexeddb: a quota, aborted writes, lost
 * connections. They hook the object store's put for every database of the
 * test file; call restorePut() after each test (afterEach).
 */
import { IDBObjectStore } from 'fake-indexeddb';

const realPut = IDBObjectStore.prototype.put;

export function restorePut(): void {
  IDBObjectStore.prototype.put = realPut;
}

/** Runs `after` on every put once the real put is queued in its transaction. */
export function afterEveryPut(after: (store: IDBObjectStore) => void): void {
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    const request = realPut.apply(this, args);
    after(this);
    return request;
  };
}

/** Makes the next `times` puts throw this DOMException instead of writing. */
export function refuseNextPuts(times: number, name: string): void {
  let left = times;
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (left-- > 0) throw new DOMException('refused by the test', name);
    return realPut.apply(this, args);
  };
}

/**
 * Aborts a transaction as the browser does, with a named error: the public
 * abort() leaves the error null, so this uses fake-indexeddb's own abort step.
 */
export function abortWith(transaction: IDBTransaction, name: string): void {
  (transaction as unknown as { _abort(name: string): void })._abort(name);
}

/** The size a value is counted with against the test quota. */
export const bytesOf = (value: unknown): number => JSON.stringify(value).length;

/**
 * A storage quota of `maxBytes` for the stored values: a put that leaves the
 * store above it aborts its transaction with QuotaExceededError, as Chrome does
 * at commit (and Firefox on the request).
 */
export function quota(maxBytes: number): void {
  afterEveryPut((store) => {
    const all = store.getAll();
    all.onsuccess = () => {
      const used = all.result.reduce((sum: number, value) => sum + bytesOf(value), 0);
      if (used > maxBytes) abortWith(store.transaction, 'QuotaExceededError');
    };
  });
}

/** Total size of the stored values, as the quota counts it. */
export function usedBytes(factory: IDBFactory): Promise<number> {
  return withDatabase(factory, (db) =>
    request(db.transaction('reports', 'readonly').objectStore('reports').getAll()).then((values) =>
      values.reduce((sum: number, value) => sum + bytesOf(value), 0),
    ),
  );
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens the database at its current version, as another context would, and closes it after. */
export async function withDatabase<T>(
  factory: IDBFactory,
  use: (db: IDBDatabase) => Promise<T>,
): Promise<T> {
  const db = await request(factory.open('ogi-lens'));
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

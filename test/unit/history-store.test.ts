import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  createHistoryStore,
  type HistoryRecord,
  historyToCsv,
  historyToJson,
  recordId,
} from '../../lib/history-store';
import type { Finding } from '../../lib/model';
import { reportOf, tableOf } from '../support/report-builder';

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
    expect([...store.indexNames]).toEqual(['agency']);
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

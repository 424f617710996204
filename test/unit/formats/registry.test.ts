/**
 * A new format is one declaration: registering a hypothetical 2025 format,
 * whose table 三 adds a row 五、本年度撤回的申请数量 and its own balance, makes a
 * page in it read, keyed and checked as that format, with no other change;
 * removing the registration takes it all away again.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../lib/checks/run';
import { extractReport } from '../../../lib/extract';
import { FORMAT_2021 } from '../../../lib/formats/format-2021';
import { keysOf } from '../../../lib/formats/format-table';
import {
  formatById,
  formatOfKeys,
  formatOfYear,
  formats,
  registerFormat,
  withFormat,
} from '../../../lib/formats/registry';
import { T3_COLUMNS, t3ColumnName, t3RowTotals } from '../../../lib/formats/table-3';
import type { BalanceIdentity, FormatDeclaration } from '../../../lib/formats/types';
import { ReportSchema } from '../../../lib/model/report';
import { page2025 } from './format-2025-page';

const balance2025 = (col: string): BalanceIdentity => {
  const [zh, en] = t3ColumnName(col);
  return {
    rule: 't3.withdrawn-balance',
    kind: 'balance',
    left: [`t3.new.${col}`, `t3.carryIn.${col}`],
    right: [`t3.totalHandled.${col}`, `t3.carryOut.${col}`, `t3.withdrawn.${col}`],
    line: zh,
    lineEn: en,
    leftName: '一 + 二',
    rightName: '三(七) + 四 + 五',
  };
};

/** The whole 2025 format: the 2021 format's tables, table 三 with one row more. */
const FORMAT_2025: FormatDeclaration = {
  id: '2025',
  fromYear: 2025,
  messageKey: 'template2025',
  tables: FORMAT_2021.tables.map((table) =>
    table.kind !== 't3'
      ? table
      : {
          ...table,
          rows: [
            { key: 'withdrawn', label: '五、本年度撤回的申请数量', leaf: /撤回的申请/ },
            ...table.rows,
          ],
          cells: table.cells.map((block) => ({ ...block, rows: [...block.rows, 'withdrawn'] })),
        },
  ),
  identities: [
    ...FORMAT_2021.identities.filter((identity) => identity.rule !== 't3.balance'),
    ...t3RowTotals(['withdrawn']),
    ...T3_COLUMNS.map(balance2025),
  ],
};

/** Table 三's 自然人 column, consistent: 5 + 1 = (3 + 1 + 1) + 1 + 0. */
const CONSISTENT = {
  一: 5,
  二: 1,
  '（一）': 3,
  '（二）': 1,
  '4.保护第三方合法权益': 1,
  '（七）': 5,
  四: 1,
  五: 0,
};
/** One request withdrawn that 一 and 二 do not account for: 5 + 1 ≠ 5 + 1 + 1. */
const WRONG = { ...CONSISTENT, 五: 1 };

const URL = 'http://www.qingshan.gov.cn/art/2026/1/20/art_1229_4411.html';
const read = (natural: Record<string, number>) =>
  extractReport(new JSDOM(page2025(natural), { url: URL }).window.document, URL).report;
const rulesOf = (natural: Record<string, number>) => {
  const report = read(natural);
  return runChecks(report, null).map((f) => f.rule);
};

let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  unregister = null;
});

describe('a format added by one declaration', () => {
  it('reads a page in that format as that format, with its new row keyed', () => {
    unregister = registerFormat(FORMAT_2025);
    const report = read(CONSISTENT);
    expect(report.identity.template).toBe('2025');
    expect(report.values['t3.withdrawn.natural']).toBe(0);
    expect(report.values['t3.withdrawn.total']).toBe(0);
    expect(report.values['t3.carryOut.natural']).toBe(1);
    // The report crosses the background's boundary: its schema accepts the registered id.
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const t3 = report.tables.find((t) => t.kind === 't3');
    expect(t3?.missingKeys).toBeUndefined();
    const keys = t3?.cells.flatMap((c) => (c.key ? [c.key] : [])) ?? [];
    expect(formatOfKeys(keys, ['t3'])?.id).toBe('2025');
  });

  it('checks its own identity: clean when it holds, an error where the total is wrong', () => {
    unregister = registerFormat(FORMAT_2025);
    expect(rulesOf(CONSISTENT).filter((r) => r.startsWith('t3.') || r.startsWith('form.'))).toEqual(
      [],
    );
    const findings = runChecks(read(WRONG), null).filter((f) => f.family === 'identity');
    expect(findings.map((f) => [f.rule, f.severity, f.cells.map((c) => c.key)])).toEqual([
      ['t3.withdrawn-balance', 'error', ['t3.withdrawn.natural']],
      ['t3.withdrawn-balance', 'error', ['t3.withdrawn.total']],
    ]);
    expect(findings[0]?.arithmetic).toBe(
      '一 + 二 = 5 + 1 = 6；三(七) + 四 + 五 = 5 + 1 + 1 = 7；差 1',
    );
    expect(findings[0]?.message).toContain('表三「自然人」');
  });

  it('disappears with its registration', () => {
    unregister = registerFormat(FORMAT_2025);
    unregister();
    unregister = null;
    expect(formatById('2025')).toBeUndefined();
    expect(formatOfYear(2025)?.id).toBe('2021');
    const report = read(WRONG);
    expect(report.identity.template).toBe('2021');
    expect(Object.keys(report.values).some((k) => k.startsWith('t3.withdrawn.'))).toBe(false);
    expect(
      ReportSchema.safeParse({ ...report, identity: { ...report.identity, template: '2025' } })
        .success,
    ).toBe(false);
    // The 2021 balance knows no 五: the page is consistent as a 2021 report.
    expect(rulesOf(WRONG).filter((r) => r.startsWith('t3.'))).toEqual([]);
  });

  it('is registered only within withFormat, however the callback ends', () => {
    expect(withFormat(FORMAT_2025, () => formatOfYear(2030)?.id)).toBe('2025');
    expect(formatOfYear(2030)?.id).toBe('2021');
    expect(() =>
      withFormat(FORMAT_2025, () => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(formats().map((f) => f.id)).toEqual(['legacy', '2019', '2021']);
  });
});

describe('registration refuses a declaration the engine would not read as declared', () => {
  it('refuses an id or era that is taken', () => {
    expect(() => registerFormat({ ...FORMAT_2025, id: '2021' })).toThrow(/id 2021 is taken/);
    expect(() => registerFormat({ ...FORMAT_2025, fromYear: 2021 })).toThrow(/begin in 2021/);
  });

  it('refuses a printed row that no pattern matches, so its cells cannot vanish unnoticed', () => {
    const unmatched: FormatDeclaration = {
      ...FORMAT_2025,
      tables: FORMAT_2025.tables.map((t) =>
        t.kind === 't3' ? { ...t, rows: t.rows.filter((r) => r.key !== 'withdrawn') } : t,
      ),
    };
    expect(() => registerFormat(unmatched)).toThrow(
      /no row and column pattern produce t3.withdrawn/,
    );
  });

  it('refuses a row matched by another pattern than the other formats match it by', () => {
    const rematched: FormatDeclaration = {
      ...FORMAT_2025,
      tables: FORMAT_2025.tables.map((t) =>
        t.kind === 't3'
          ? { ...t, rows: t.rows.map((r) => (r.key === 'new' ? { ...r, leaf: /新收/ } : r)) }
          : t,
      ),
    };
    expect(() => registerFormat(rematched)).toThrow(/t3 row new is matched by another pattern/);
  });

  it('refuses an identity over a cell the format does not print', () => {
    const stray: FormatDeclaration = {
      ...FORMAT_2025,
      identities: [...FORMAT_2025.identities, ...t3RowTotals(['nowhere'])],
    };
    expect(() => registerFormat(stray)).toThrow(/uses t3.nowhere.total, not printed/);
  });
});

describe('which format a table’s keys show', () => {
  const t3Of = (id: string) => keysOf(formatById(id) as FormatDeclaration, 't3');

  it('tells 2019 from 2021 by the keys only one of them prints, and nothing from table 四', () => {
    expect(formatOfKeys(t3Of('2019'), ['t3'])?.id).toBe('2019');
    expect(formatOfKeys(t3Of('2021'), ['t3'])?.id).toBe('2021');
    expect(formatOfKeys(['t3.new.total', 't3.open.total'], ['t3'])).toBeNull();
    expect(formatOfKeys(keysOf(FORMAT_2021, 't4'), ['t4'])).toBeNull();
    expect(formatOfKeys([], ['t3'])).toBeNull();
  });

  it('reads a table without a later format’s added row as the earlier format', () => {
    unregister = registerFormat(FORMAT_2025);
    expect(formatOfKeys(t3Of('2021'), ['t3'])?.id).toBe('2021');
    expect(formatOfKeys(t3Of('2025'), ['t3'])?.id).toBe('2025');
    expect(formatOfKeys(t3Of('2019'), ['t3'])?.id).toBe('2019');
  });
});

import { describe, expect, it } from 'vitest';
import { checkContext } from '../../../lib/checks/context';
import { findPrevious, runChecks } from '../../../lib/checks/run';
import { yearOverYearRule } from '../../../lib/checks/year-over-year-rule';
import type { Report } from '../../../lib/model/report';
import { reportOf, tableOf } from '../../support/report-builder';

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];

/** Table 三's carry rows from seven printed figures per row. */
const carry = (row: 'carryIn' | 'carryOut', figures: string[]): Record<string, string> =>
  Object.fromEntries(COLS.map((c, i) => [`t3.${row}.${c}`, figures[i] ?? '']));

const report = (
  year: number,
  t3: Record<string, string>,
  extra: {
    t2?: Record<string, string>;
    t4?: Record<string, string>;
    legacy?: Record<string, string>;
  } = {},
  template: Report['identity']['template'] = year >= 2021
    ? '2021'
    : year >= 2019
      ? '2019'
      : 'legacy',
): Report => {
  const tables = [];
  if (extra.legacy) tables.push(tableOf('legacy', extra.legacy, tables.length));
  if (extra.t2) tables.push(tableOf('t2', extra.t2, tables.length));
  if (Object.keys(t3).length > 0) tables.push(tableOf('t3', t3, tables.length));
  if (extra.t4) tables.push(tableOf('t4', extra.t4, tables.length));
  return reportOf(tables, {
    agency: '江州市自然资源和规划局',
    year,
    template,
    title: `江州市自然资源和规划局${year}年政府信息公开工作年度报告`,
    bodyKind: 'department',
    publishedAt: `${year + 1}-01-18`,
  });
};

const run = (now: Report, previous: Report | null) =>
  yearOverYearRule.run(checkContext(now, previous));

const LAST = carry('carryOut', ['4', '1', '0', '0', '0', '0', '5']);

describe('carry-over from last year', () => {
  it('says nothing when this year’s 上年结转 equals last year’s 结转下年度, column by column', () => {
    const now = report(2023, carry('carryIn', ['4', '1', '0', '0', '0', '0', '5']));
    expect(run(now, report(2022, LAST))).toEqual([]);
  });

  it('is an error marking this year’s cell, with last year’s figure in the arithmetic and the message', () => {
    const now = report(2023, carry('carryIn', ['2', '1', '0', '0', '0', '0', '3']));
    const findings = run(now, report(2022, LAST));
    expect(
      findings.map((f) => [f.rule, f.severity, f.cells[0]?.key, f.expected, f.actual]),
    ).toEqual([
      ['yoy.carry-over', 'error', 't3.carryIn.natural', 4, 2],
      ['yoy.carry-over', 'error', 't3.carryIn.total', 5, 3],
    ]);
    const [natural] = findings;
    expect(natural?.message).toBe(
      '上年报告“结转下年度继续办理”（natural）为 4，本年“上年结转”为 2；差 2',
    );
    expect(natural?.arithmetic).toContain('= 4；');
    expect(natural?.arithmetic).toContain('= 2；差 2');
    // Last year's cell is on another page: listed, with no position that could mark this page.
    expect(natural?.terms).toEqual([
      { row: '上年（2022年度）报告：carryOut', col: 'natural', value: 4 },
    ]);
  });

  it('compares nothing a page left blank or unreadable', () => {
    const now = report(2023, carry('carryIn', ['', '1', '0', '0', '0', '0', '见附件']));
    expect(run(now, report(2022, LAST))).toEqual([]);
  });

  it('compares table 三 across the change of format (2020 in the 2019 format, 2021 in the 2021 format)', () => {
    const before = report(2020, {
      ...carry('carryOut', ['5', '1', '0', '0', '0', '0', '6']),
      't3.other.total': '4',
    });
    const now = report(2021, {
      ...carry('carryIn', ['5', '0', '0', '0', '0', '1', '6']),
      't3.other.misc.total': '1',
    });
    expect(run(now, before).map((f) => [f.cells[0]?.key, f.expected, f.actual])).toEqual([
      ['t3.carryIn.commercial', 1, 0],
      ['t3.carryIn.otherOrg', 0, 1],
    ]);
  });

  it('needs last year’s report of the same agency', () => {
    const now = report(2023, carry('carryIn', ['2', '1', '0', '0', '0', '0', '3']));
    expect(run(now, null)).toEqual([]);
    const twoYearsBack = report(2021, LAST);
    expect(run(now, twoYearsBack)).toEqual([]);
    expect(findPrevious(now, [twoYearsBack])).toBeNull();
    const other = {
      ...report(2022, LAST),
      identity: { ...report(2022, LAST).identity, agency: '江州市财政局' },
    };
    expect(findPrevious(now, [other])).toBeNull();
  });

  it('takes a government’s last year titled with or without its 人民政府, the name as printed first', () => {
    const named = (r: Report, agency: string): Report => ({
      ...r,
      identity: { ...r.identity, agency },
    });
    const now = named(
      report(2023, carry('carryIn', ['2', '1', '0', '0', '0', '0', '3'])),
      '江州市',
    );
    const spelledOut = named(report(2022, LAST), '江州市人民政府');
    const asPrinted = named(report(2022, LAST), '江州市');
    expect(findPrevious(now, [spelledOut])).toBe(spelledOut);
    expect(findPrevious(now, [spelledOut, asPrinted])).toBe(asPrinted);
    expect(findPrevious(named(now, '江州市人民政府'), [asPrinted])).toBe(asPrinted);
    expect(findPrevious(now, [named(report(2022, LAST), '江州市人民政府办公室')])).toBeNull();
  });

  it('needs last year’s report of the same portal: the host of its address, not the page’s claims', () => {
    const at = (r: Report, url: string): Report => ({ ...r, url });
    const now = at(
      report(2023, carry('carryIn', ['2', '1', '0', '0', '0', '0', '3'])),
      'http://www.jiangzhou.gov.cn/2023.html',
    );
    const sameSite = at(report(2022, LAST), 'https://xxgk.jiangzhou.gov.cn/2022.html');
    const elsewhere = at(report(2022, LAST), 'http://www.elsewhere.gov.cn/2022.html');
    const saved = at(report(2022, LAST), 'file:///reports/2022.html');
    expect(findPrevious(now, [elsewhere, saved, sameSite])).toBe(sameSite);
    expect(findPrevious(now, [elsewhere, saved])).toBeNull();
    // Saved files with no page address pair among themselves, as before portals.
    const savedNow = at(now, 'file:///reports/2023.html');
    expect(findPrevious(savedNow, [elsewhere, saved])).toBe(saved);
  });

  it('runs with the history the command line passes, and can be switched off', () => {
    const before = report(2022, LAST);
    const now = report(2023, carry('carryIn', ['2', '1', '0', '0', '0', '0', '3']));
    const previous = findPrevious(now, [before]);
    expect(runChecks(now, previous).filter((f) => f.rule === 'yoy.carry-over')).toHaveLength(2);
    expect(
      runChecks(now, previous, { disabled: new Set(['yearOverYear']) }).filter(
        (f) => f.family === 'yearOverYear',
      ),
    ).toEqual([]);
  });
});

describe('valid rules and normative documents', () => {
  const t2 = (made: string, repealed: string, valid: string) => ({
    't2.normative.made': made,
    't2.normative.repealed': repealed,
    't2.normative.valid': valid,
  });

  it('accepts last year’s stock plus this year’s made minus repealed', () => {
    expect(
      run(
        report(2023, {}, { t2: t2('3', '1', '27') }),
        report(2022, {}, { t2: t2('2', '0', '25') }),
      ),
    ).toEqual([]);
  });

  it('warns when the stock does not follow, spelling out the sum', () => {
    const [finding, ...rest] = run(
      report(2023, {}, { t2: t2('3', '1', '30') }),
      report(2022, {}, { t2: t2('2', '0', '25') }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'yoy.valid-documents',
      severity: 'warning',
      expected: 27,
      actual: 30,
      arithmetic: '上年现行有效 25 + 本年制发 3 − 本年废止 1 = 27，但本年现行有效为 30；差 3',
    });
    expect(finding?.cells.map((c) => c.key)).toEqual(['t2.normative.valid']);
    expect(finding?.terms.map((c) => c.key ?? c.row)).toEqual([
      '上年（2022年度）报告：normative',
      't2.normative.made',
      't2.normative.repealed',
    ]);
  });

  it('does not guess when 本年制发 or 本年废止 is a dash', () => {
    expect(
      run(
        report(2023, {}, { t2: t2('/', '/', '30') }),
        report(2022, {}, { t2: t2('2', '0', '25') }),
      ),
    ).toEqual([]);
  });
});

describe('the stock of rules as well as of normative documents', () => {
  const rules = (made: string, repealed: string, valid: string) => ({
    't2.rules.made': made,
    't2.rules.repealed': repealed,
    't2.rules.valid': valid,
  });

  it('checks 规章 the same way', () => {
    const findings = run(
      report(2023, {}, { t2: rules('1', '0', '5') }),
      report(2022, {}, { t2: rules('0', '0', '3') }),
    );
    expect(findings.map((f) => [f.rule, f.cells[0]?.key, f.expected, f.actual])).toEqual([
      ['yoy.valid-documents', 't2.rules.valid', 4, 5],
    ]);
  });

  it('reads an empty 本年废止 as none when the rest of its row is filled, and says so', () => {
    const [finding] = run(
      report(2023, {}, { t2: rules('2', '', '6') }),
      report(2022, {}, { t2: rules('0', '0', '3') }),
    );
    expect(finding?.expected).toBe(5);
    expect(finding?.arithmetic).toContain('空白按0计');
    expect(
      run(
        report(2023, {}, { t2: rules('2', '', '5') }),
        report(2022, {}, { t2: rules('0', '0', '3') }),
      ),
    ).toEqual([]);
  });
});

describe('the 2019 table 二: each year starts from last year’s count of items', () => {
  const items = (prev: string, delta: string) => ({
    't2.license.prevCount': prev,
    't2.license.delta': delta,
    't2.license.decisions': '3857',
  });

  it('accepts 上一年项目数量 equal to last year’s count plus its 本年增/减', () => {
    expect(
      run(
        report(2020, {}, { t2: items('412', '+6') }),
        report(2019, {}, { t2: items('406', '+6') }),
      ),
    ).toEqual([]);
    expect(
      run(
        report(2020, {}, { t2: items('400', '') }),
        report(2019, {}, { t2: items('402', '减2') }),
      ),
    ).toEqual([]);
  });

  it('warns on this year’s 上一年项目数量, with last year’s two figures as terms', () => {
    const [finding, ...rest] = run(
      report(2020, {}, { t2: items('400', '+6') }),
      report(2019, {}, { t2: items('406', '+6') }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'yoy.item-count',
      severity: 'warning',
      expected: 412,
      actual: 400,
      arithmetic: '上年项目数量 406 + 6（上年增/减）= 412，但本年“上一年项目数量”为 400；差 12',
    });
    expect(finding?.cells.map((c) => c.key)).toEqual(['t2.license.prevCount']);
    expect(finding?.terms.map((c) => c.row)).toEqual([
      '上年（2019年度）报告：license',
      '上年（2019年度）报告：license',
    ]);
    expect(finding?.messageEn).toContain("last year's report had 406 items changed by 6");
  });

  it('reads last year’s empty 本年增/减 as no change, and a dash as no evidence', () => {
    const [finding] = run(
      report(2020, {}, { t2: items('410', '+6') }),
      report(2019, {}, { t2: items('406', '') }),
    );
    expect(finding?.expected).toBe(406);
    expect(finding?.arithmetic).toContain('空白按0计');
    expect(
      run(
        report(2020, {}, { t2: items('410', '+6') }),
        report(2019, {}, { t2: items('406', '—') }),
      ),
    ).toEqual([]);
  });
});

describe('large swings', () => {
  const t3New = (n: string) => ({ 't3.new.total': n });

  it('notes a change of at least half and at least 20 as info, with the change spelled out', () => {
    const [finding, ...rest] = run(report(2023, t3New('100')), report(2022, t3New('40')));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'yoy.swing',
      severity: 'info',
      expected: 40,
      actual: 100,
      arithmetic: '100 − 40 = +60（+150%）',
    });
    expect(finding?.cells.map((c) => c.key)).toEqual(['t3.new.total']);
  });

  it('notes a fall as well as a rise', () => {
    const [finding] = run(report(2023, t3New('30')), report(2022, t3New('90')));
    expect(finding?.arithmetic).toBe('30 − 90 = -60（-66.7%）');
  });

  it('leaves ordinary changes alone: large in percent but small in number, or the reverse', () => {
    expect(run(report(2023, t3New('25')), report(2022, t3New('10')))).toEqual([]);
    expect(run(report(2023, t3New('130')), report(2022, t3New('100')))).toEqual([]);
  });

  it('notes a rise from zero', () => {
    const [finding] = run(
      report(2023, { 't4.review.total': '24' }),
      report(2022, { 't4.review.total': '0' }),
    );
    expect(finding?.arithmetic).toBe('24 − 0 = +24（上年为 0）');
  });

  it('notes a swing of any row total a reader compares, named by its printed labels', () => {
    const [finding, ...rest] = run(
      report(2023, { 't3.unable.notHeld.total': '83' }),
      report(2022, { 't3.unable.notHeld.total': '22' }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'yoy.swing',
      severity: 'info',
      expected: 22,
      actual: 83,
    });
    expect(finding?.cells.map((c) => c.key)).toEqual(['t3.unable.notHeld.total']);
    expect(finding?.arithmetic).toBe('83 − 22 = +61（+277.3%）');
    const { row, col } = finding?.cells[0] ?? { row: '', col: '' };
    expect(finding?.message).toContain(`「${row}」`);
    expect(finding?.messageEn).toMatch(/^".+" .*went from 22 last year to 83 \(\+61, \+277\.3%\)/);
    expect(finding?.messageEn).toContain(col ? `(${col})` : '');
  });

  it('names a swing once, however many keys carry its figure', () => {
    const findings = run(report(2023, t3New('100')), report(2022, t3New('40')));
    expect(findings.filter((f) => f.cells[0]?.key === 't3.new.total')).toHaveLength(1);
  });

  it('follows 收到申请数 of a legacy table into the 2019 format’s 新收', () => {
    const before = report(2018, {}, { legacy: { 'legacy.apply.received': '30' } });
    const [finding] = run(report(2019, t3New('100')), before);
    expect(finding).toMatchObject({ rule: 'yoy.swing', expected: 30, actual: 100 });
  });
});

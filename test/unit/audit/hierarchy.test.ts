/**
 * A government's table 三 beside its departments': an info finding per
 * total, with the arithmetic and the departments named — never an error,
 * and nothing with fewer than two departments, across portals or years.
 */
import { describe, expect, it } from 'vitest';
import { HIERARCHY_RULE, hierarchyFindings } from '../../../lib/audit/hierarchy';
import { FindingSchema, type Report } from '../../../lib/model/report';
import { reportOf, tableOf } from '../../support/report-builder';

function t3(n: number, carryIn: number, handled: number, carryOut: number) {
  return tableOf('t3', {
    't3.new.total': String(n),
    't3.carryIn.total': String(carryIn),
    't3.totalHandled.total': String(handled),
    't3.carryOut.total': String(carryOut),
  });
}

function at(host: string, agency: string, table = t3(10, 1, 9, 2), year = 2023): Report {
  const bodyKind = /人民政府$|[县区]$/.test(agency) ? 'government' : 'department';
  return {
    ...reportOf([table], { agency, year, bodyKind }),
    url: `http://${host}/${agency}-${year}.html`,
  };
}

const gov = at('www.jiangzhou.gov.cn', '江州市人民政府', t3(40, 3, 38, 5));
const land = at('zrzyj.jiangzhou.gov.cn', '江州市自然资源和规划局', t3(12, 1, 11, 2));
const housing = at('www.jiangzhou.gov.cn', '江州市住房和城乡建设局', t3(7, 0, 6, 1));
const market = at(
  'www.jiangzhou.gov.cn',
  '江州市市场监督管理局',
  tableOf('t3', { 't3.new.total': '5', 't3.carryIn.total': '' }),
);

describe('hierarchyFindings', () => {
  it('sets the government’s totals beside the sum of its departments’, as info', () => {
    const [result, ...rest] = hierarchyFindings([gov, land, housing]);
    expect(rest).toEqual([]);
    expect(result?.government).toBe(gov);
    expect(result?.departments).toEqual(['江州市自然资源和规划局', '江州市住房和城乡建设局']);
    const newRequests = result?.findings.find((f) => f.cells[0]?.key === 't3.new.total');
    expect(newRequests).toMatchObject({
      rule: HIERARCHY_RULE,
      severity: 'info',
      expected: 19,
      actual: 40,
    });
    expect(newRequests?.arithmetic).toContain('12 + 江州市住房和城乡建设局 7 = 19');
    expect(newRequests?.message).toContain('不是错误');
    expect(newRequests?.messageEn).toContain('not an error');
    expect(result?.findings).toHaveLength(4);
    for (const f of result?.findings ?? []) {
      expect(f.severity).toBe('info');
      expect(FindingSchema.parse(f)).toEqual(f);
    }
  });

  it('leaves out a department that lacks the figure, and says so', () => {
    const [result] = hierarchyFindings([gov, land, housing, market]);
    const newRequests = result?.findings.find((f) => f.cells[0]?.key === 't3.new.total');
    expect(newRequests?.expected).toBe(24);
    const carryIn = result?.findings.find((f) => f.cells[0]?.key === 't3.carryIn.total');
    expect(carryIn?.expected).toBe(1);
    expect(carryIn?.message).toContain('未计入：江州市市场监督管理局');
  });

  it('says nothing with fewer than two departments', () => {
    expect(hierarchyFindings([gov, land])).toEqual([]);
    expect(hierarchyFindings([land, housing])).toEqual([]);
  });

  it('does not sum departments of another portal or another year', () => {
    const elsewhere = at('www.qingxi.gov.cn', '江州市住房和城乡建设局');
    const lastYear = at('www.jiangzhou.gov.cn', '江州市住房和城乡建设局', t3(1, 0, 1, 0), 2022);
    expect(hierarchyFindings([gov, land, elsewhere, lastYear])).toEqual([]);
  });

  it('sets aside a department with two reports of the year, naming it', () => {
    const corrected = { ...housing, url: 'http://www.jiangzhou.gov.cn/corrected.html' };
    const trade = at('www.jiangzhou.gov.cn', '江州市商务局', t3(3, 0, 3, 0));
    const [result] = hierarchyFindings([gov, land, housing, corrected, trade]);
    expect(result?.departments).toEqual(['江州市自然资源和规划局', '江州市商务局']);
    expect(result?.findings[0]?.message).toContain('未计入：江州市住房和城乡建设局');
  });
});

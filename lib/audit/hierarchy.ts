/**
 * The government's table 三 against its departments': when an audit holds a
 * people's government's report and at least two of its departments' reports
 * of the same year, each total of the government's 总计 column (new
 * requests, carried in, handled, carried out) is shown beside the sum of the
 * departments' — as info, never an error: a government's report may count
 * only the requests its own office received, or the whole area's, and a
 * portal rarely publishes every department's report, so the two are not
 * meant to agree. The journalist reads the gap; the arithmetic is shown in
 * the shape every other finding has (lib/checks/types.ts).
 *
 * Which departments are the government's: those of the same portal and year
 * whose name begins with the government's place (江州市人民政府 → 江州市…局);
 * when the portal and year have one government only, also the departments
 * named without a place (市发展改革委). A body with two reports of the year
 * (a report and its corrected version) is left out and named: summing both
 * would count it twice, picking one would be a guess.
 */
import { indexReport } from '../checks/report-index';
import { formatNumber, sumOf } from '../checks/shared/arithmetic';
import type { CellRef, Finding, Report } from '../model/report';
import { portalOfUrl } from '../page/portal';

export const HIERARCHY_RULE = 'hierarchy.t3-sum';

/** The 总计 column's totals of table 三 that are compared, with the words for them. */
export const HIERARCHY_KEYS = [
  { key: 't3.new.total', zh: '一、本年新收政府信息公开申请数量', en: 'new requests this year' },
  { key: 't3.carryIn.total', zh: '二、上年结转政府信息公开申请数量', en: 'requests carried in' },
  { key: 't3.totalHandled.total', zh: '三、本年度办理结果（七）总计', en: 'requests handled' },
  { key: 't3.carryOut.total', zh: '四、结转下年度继续办理', en: 'requests carried over' },
] as const;

/** Fewer departments than this say nothing about the government's total. */
export const MIN_DEPARTMENTS = 2;

export interface HierarchyResult {
  /** The government's report the findings belong to. */
  government: Report;
  /** The departments whose reports were summed, by agency, in the order given. */
  departments: string[];
  findings: Finding[];
}

/** 江州市人民政府 → 江州市; 西岭区 → 西岭区. */
const placeOf = (agency: string): string => agency.replace(/(人民)?政府$/, '');

/** Does a department named `agency` belong to `government`, among the `governments` of its portal and year? */
function belongsTo(agency: string, government: Report, governments: readonly Report[]): boolean {
  const place = placeOf(government.identity.agency);
  if (place && agency.startsWith(place)) return true;
  // A department named without its place is the portal's own, when the portal has one government.
  const places = governments.map((g) => placeOf(g.identity.agency)).filter(Boolean);
  return governments.length === 1 && !places.some((p) => agency.startsWith(p));
}

/** Each agency once: a body with several reports of the year is set aside. */
function uniqueByAgency(reports: readonly Report[]): { single: Report[]; repeated: string[] } {
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    const list = byAgency.get(r.identity.agency) ?? [];
    if (!list.some((other) => other.url === r.url)) list.push(r);
    byAgency.set(r.identity.agency, list);
  }
  const single: Report[] = [];
  const repeated: string[] = [];
  for (const [agency, list] of byAgency) {
    if (list.length === 1) single.push(list[0] as Report);
    else repeated.push(agency);
  }
  return { single, repeated };
}

function departmentTerm(report: Report, key: string, value: number): CellRef {
  const cell = indexReport(report).get(key)?.ref;
  return {
    key,
    row: `${report.identity.agency} ${cell?.row ?? ''}`.trim(),
    col: cell?.col ?? '总计',
    value,
  };
}

function findingFor(
  government: Report,
  item: (typeof HIERARCHY_KEYS)[number],
  summed: readonly { report: Report; value: number }[],
  leftOut: readonly string[],
): Finding | null {
  const own = indexReport(government).get(item.key);
  if (own?.state !== 'number' || own.ref.value === null) return null;
  const value = own.ref.value;
  const total = sumOf(summed.map((s) => s.value));
  const names = summed.map((s) => s.report.identity.agency);
  const gap = value - total;
  const terms = summed.map((s) => `${s.report.identity.agency} ${formatNumber(s.value)}`);
  const left = leftOut.length > 0 ? `；未计入：${leftOut.join('、')}` : '';
  const leftEn = leftOut.length > 0 ? `; not counted: ${leftOut.join(', ')}` : '';
  return {
    rule: HIERARCHY_RULE,
    family: 'crossTable',
    severity: 'info',
    message: `本级政府报告表三「${item.zh}」总计为 ${formatNumber(value)}；同一门户同年 ${summed.length} 个部门报告（${names.join('、')}）之和为 ${formatNumber(total)}，相差 ${formatNumber(gap)}。政府报告与部门报告的统计范围不同（有的只含本级政府，有的汇总全辖区），两者本不必相等：此对比仅供参考，不是错误${left}`,
    messageEn: `The government's table III total of ${item.en} is ${formatNumber(value)}; the ${summed.length} department reports of the same year on this portal (${names.join(', ')}) add up to ${formatNumber(total)}, a gap of ${formatNumber(gap)}. A government's report and its departments' count different scopes (some only the government's own office, some the whole area), so they need not agree: this is context, not an error${leftEn}`,
    cells: [own.ref],
    terms: summed.map((s) => departmentTerm(s.report, item.key, s.value)),
    expected: total,
    actual: value,
    arithmetic: `部门之和 ${terms.join(' + ')} = ${formatNumber(total)}；政府报告 ${formatNumber(value)} − 部门之和 ${formatNumber(total)} = ${formatNumber(gap)}`,
    arithmeticEn: `departments ${terms.join(' + ')} = ${formatNumber(total)}; government's report ${formatNumber(value)} − departments ${formatNumber(total)} = ${formatNumber(gap)}`,
  };
}

function compare(
  government: Report,
  departments: readonly Report[],
  repeated: readonly string[],
): HierarchyResult | null {
  const findings: Finding[] = [];
  const summedAgencies = new Set<string>();
  for (const item of HIERARCHY_KEYS) {
    const summed: { report: Report; value: number }[] = [];
    const leftOut = [...repeated];
    for (const d of departments) {
      const cell = indexReport(d).get(item.key);
      if (cell?.state === 'number' && cell.ref.value !== null)
        summed.push({ report: d, value: cell.ref.value });
      else leftOut.push(d.identity.agency);
    }
    if (summed.length < MIN_DEPARTMENTS) continue;
    const finding = findingFor(government, item, summed, leftOut);
    if (!finding) continue;
    findings.push(finding);
    for (const s of summed) summedAgencies.add(s.report.identity.agency);
  }
  if (findings.length === 0) return null;
  return {
    government,
    departments: departments.map((d) => d.identity.agency).filter((a) => summedAgencies.has(a)),
    findings,
  };
}

/**
 * The comparisons an audit's reports allow: for each portal and year, each
 * government with at least two of its departments' table 三. Order: as the
 * governments come in `reports`.
 */
export function hierarchyFindings(reports: readonly Report[]): HierarchyResult[] {
  const groups = new Map<string, Report[]>();
  for (const r of reports) {
    if (r.identity.year === null || !r.identity.agency) continue;
    const key = `${portalOfUrl(r.url) ?? ''}|${r.identity.year}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const results: HierarchyResult[] = [];
  for (const group of groups.values()) {
    const governments = uniqueByAgency(group.filter((r) => r.identity.bodyKind === 'government'));
    const departments = uniqueByAgency(group.filter((r) => r.identity.bodyKind === 'department'));
    for (const government of governments.single) {
      const own = departments.single.filter((d) =>
        belongsTo(d.identity.agency, government, governments.single),
      );
      const repeated = departments.repeated.filter((agency) =>
        belongsTo(agency, government, governments.single),
      );
      const result = compare(government, own, repeated);
      if (result) results.push(result);
    }
  }
  return results;
}

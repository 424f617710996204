/**
 * Was the report published by its deadline (lib/checks/timeliness-data.ts)?
 * A page that shows no publication date, or a report whose year is unknown,
 * yields nothing: lateness is asserted only from dates the page prints.
 */
import type { ReportIdentity } from '../model/report';
import { defineRule } from './define-rule';
import { deadlineFor } from './timeliness-data';
import type { RuleFinding } from './types';

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number | null {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Days from the deadline to the publication date (≤ 0: on time), with the
 * deadline; null when the page prints no date or the year is unknown. The
 * one reading of lateness: this rule and the audit's league table
 * (lib/audit/league.ts) both ask it.
 */
export function publicationDelay(
  identity: ReportIdentity,
): { days: number; due: NonNullable<ReturnType<typeof deadlineFor>> } | null {
  const { year, publishedAt, bodyKind } = identity;
  if (year === null || !publishedAt) return null;
  const due = deadlineFor(year, bodyKind);
  if (!due) return null;
  const published = dayNumber(publishedAt);
  const deadline = dayNumber(due.date);
  if (published === null || deadline === null) return null;
  return { days: published - deadline, due };
}

export function lateFinding(identity: ReportIdentity): RuleFinding | null {
  const { year, publishedAt } = identity;
  const delay = publicationDelay(identity);
  if (delay === null || year === null || !publishedAt) return null;
  const { days: late, due } = delay;
  if (late <= 0) return null;
  const { appliesTo, appliesToEn, basis, basisEn } = due.deadline;
  return {
    rule: 'timeliness.late',
    severity: 'warning',
    message: `${year}年度报告于${chineseDate(publishedAt)}发布，晚于${appliesTo}的公布期限${chineseDate(due.date)}，逾期 ${late} 天（${basis}）`,
    messageEn: `The ${year} report was published on ${publishedAt}, ${late} day${late === 1 ? '' : 's'} after the deadline of ${due.date} for ${appliesToEn} (${basisEn})`,
    cells: [],
    terms: [],
    expected: due.date,
    actual: publishedAt,
    arithmetic: `${publishedAt} − ${due.date} = ${late} 天`,
    arithmeticEn: `${publishedAt} − ${due.date} = ${late} day${late === 1 ? '' : 's'}`,
  };
}

export const timelinessRule = defineRule({
  id: 'timeliness',
  family: 'timeliness',
  run({ report }) {
    const finding = lateFinding(report.identity);
    return finding ? [finding] : [];
  },
});

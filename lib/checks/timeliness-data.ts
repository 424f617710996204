/**
 * Publication deadlines of the annual report, as data: by era of the
 * Regulations and by kind of body. A deadline falls in the year after the
 * year the report covers.
 */
import type { ReportIdentity } from '../model/report';

export type BodyKind = ReportIdentity['bodyKind'];

export interface Deadline {
  month: number;
  day: number;
  /** Whom the deadline binds, as the message names them. */
  appliesTo: string;
  appliesToEn: string;
  /** Where the deadline comes from, as a reader would cite it. */
  basis: string;
  basisEn: string;
}

export interface DeadlineEra {
  /** First report year of the era (inclusive). */
  fromYear: number;
  byBody: Record<BodyKind, Deadline>;
}

const LEGACY_MARCH: Deadline = {
  month: 3,
  day: 31,
  appliesTo: '各级行政机关',
  appliesToEn: 'every body',
  basis: '2007年《政府信息公开条例》第三十一条：每年3月31日前公布上一年度报告',
  basisEn: '2007 Regulations, art. 31: by 31 March',
};

const DEPARTMENT_JANUARY: Deadline = {
  month: 1,
  day: 31,
  appliesTo: '县级以上人民政府部门',
  appliesToEn: 'departments of governments at county level and above',
  basis: '《政府信息公开条例》第四十九条：每年1月31日前公布',
  basisEn: 'Regulations, art. 49: by 31 January',
};

const TOWNSHIP_JANUARY: Deadline = {
  month: 1,
  day: 31,
  appliesTo: '乡镇人民政府、街道办事处',
  appliesToEn: 'townships and street offices',
  basis: '参照县级人民政府部门的要求（条例第四十九条），每年1月31日前公布',
  basisEn: 'they follow the rule for county departments (Regulations, art. 49): by 31 January',
};

const GOVERNMENT_MARCH: Deadline = {
  month: 3,
  day: 31,
  appliesTo: '县级以上人民政府',
  appliesToEn: 'people’s governments at county level and above',
  basis: '《政府信息公开条例》第五十条：每年3月31日前公布本级政府年度报告',
  basisEn: 'Regulations, art. 50: by 31 March',
};

/**
 * Newest era first. An unknown body kind gets the later deadline so that a
 * body the title does not classify is never called late by mistake.
 */
export const DEADLINE_ERAS: DeadlineEra[] = [
  {
    fromYear: 2019,
    byBody: {
      department: DEPARTMENT_JANUARY,
      township: TOWNSHIP_JANUARY,
      government: GOVERNMENT_MARCH,
      unknown: {
        ...GOVERNMENT_MARCH,
        appliesTo: '机关类别不明，按较晚的',
        appliesToEn: 'a body of unknown kind, taking the later deadline',
      },
    },
  },
  {
    fromYear: 0,
    byBody: {
      department: LEGACY_MARCH,
      township: LEGACY_MARCH,
      government: LEGACY_MARCH,
      unknown: LEGACY_MARCH,
    },
  },
];

/** The deadline for a report covering `year`, as an ISO date, with its basis. */
export function deadlineFor(
  year: number,
  bodyKind: BodyKind,
): { date: string; deadline: Deadline } | null {
  const era = DEADLINE_ERAS.find((e) => year >= e.fromYear);
  if (!era) return null;
  const deadline = era.byBody[bodyKind];
  const mm = String(deadline.month).padStart(2, '0');
  const dd = String(deadline.day).padStart(2, '0');
  return { date: `${year + 1}-${mm}-${dd}`, deadline };
}

/**
 * The audit's league table: one row per page of a portal's column that was
 * meant to be a report, built only from what the pipeline already produced
 * (the Report, its findings, where it came from, the previous year it was
 * paired with) — or, for a page that could not be read, why. A journalist
 * sorts it to see who published late, who contradicts themselves most, who
 * hid their tables in pictures.
 *
 * The row is a zod schema with bounded texts and arrays, like lib/model's:
 * it will cross the extension's message boundary (the portal audit runs in
 * an extension page), and a hostile page must not inflate it. Every count is
 * null, never 0, for a page that was not read: no fabricated number.
 */
import * as z from 'zod/mini';
import { publicationDelay } from '../checks/timeliness-rule';
import { fixedFormatById } from '../formats/registry';
import { boundText, LIMITS } from '../model/limits';
import {
  type Finding,
  type Report,
  ReportIdentitySchema,
  SeveritySchema,
  TableKindSchema,
} from '../model/report';

const TextSchema = z.string().check(z.maxLength(LIMITS.textLength));
const UrlSchema = z.string().check(z.maxLength(LIMITS.urlLength));
const Count = z.nullable(z.int().check(z.minimum(0)));

/** The most serious finding of a report: the first of its most severe. */
export const WorstFindingSchema = z.object({
  rule: TextSchema,
  severity: SeveritySchema,
  message: TextSchema,
  messageEn: TextSchema,
});
export type WorstFinding = z.infer<typeof WorstFindingSchema>;

/**
 * Which report served as last year's: found (its address), none in the
 * audit, or several candidates (two saved versions of last year's report):
 * then none is used, and the row says so rather than pick one.
 */
export const PreviousPairingSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('found'), url: UrlSchema }),
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('ambiguous'), candidates: z.int().check(z.minimum(2)) }),
]);
export type PreviousPairing = z.infer<typeof PreviousPairingSchema>;

export const LeagueRowSchema = z.object({
  /** The page's address (the report's, or the address that failed). */
  url: UrlSchema,
  source: z.enum(['html', 'pdf']),
  /** `unreadable`: the page should have been a report and could not be read; see `problem`. */
  status: z.enum(['report', 'unreadable']),
  problem: z.nullable(TextSchema),
  problemEn: z.nullable(TextSchema),
  /** '' when unknown. */
  agency: TextSchema,
  title: TextSchema,
  year: z.nullable(z.int()),
  bodyKind: ReportIdentitySchema.shape.bodyKind,
  publishedAt: z.nullable(TextSchema),
  /** The deadline for that body and era (ISO date), when the year is known. */
  deadline: z.nullable(TextSchema),
  /** Publication date − deadline, in days: ≤ 0 on time, > 0 late; null when either is unknown. */
  delayDays: z.nullable(z.int()),
  errors: Count,
  warnings: Count,
  infos: Count,
  worst: z.nullable(WorstFindingSchema),
  /** The tables of the report's format that no readable table stands for (null: not read). */
  missingTables: z.nullable(z.array(TableKindSchema).check(z.maxLength(8))),
  /** Pictures that stand in for tables (null: not read). */
  imageTables: Count,
  previous: PreviousPairingSchema,
});
export type LeagueRow = z.infer<typeof LeagueRowSchema>;

/** Pages one audit lists at most (the command line reads at most as many files). */
export const MAX_AUDIT_PAGES = 2_000;
export const LeagueSchema = z.array(LeagueRowSchema).check(z.maxLength(MAX_AUDIT_PAGES));

/** What the pipeline gave for one page of the audit. */
export type AuditedPage =
  | {
      kind: 'report';
      url: string;
      source: 'html' | 'pdf';
      report: Report;
      findings: readonly Finding[];
      previous: PreviousPairing;
    }
  | {
      kind: 'unreadable';
      url: string;
      source: 'html' | 'pdf';
      /** Why, in Chinese and in English, as the user is told. */
      problem: string;
      problemEn: string;
    };

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, info: 1 };

export function worstFinding(findings: readonly Finding[]): WorstFinding | null {
  let worst: Finding | null = null;
  for (const finding of findings) {
    if (!worst || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst.severity]) worst = finding;
  }
  if (!worst) return null;
  return {
    rule: boundText(worst.rule),
    severity: worst.severity,
    message: boundText(worst.message),
    messageEn: boundText(worst.messageEn),
  };
}

/** The format's tables that the report has no readable table for (none for a format without fixed tables). */
export function missingTablesOf(report: Report): LeagueRow['missingTables'] {
  const format = fixedFormatById(report.identity.template);
  if (!format) return [];
  const read = new Set(report.tables.map((t) => t.kind));
  return format.tables.map((t) => t.kind).filter((kind) => !read.has(kind));
}

const count = (findings: readonly Finding[], severity: Finding['severity']) =>
  findings.filter((f) => f.severity === severity).length;

export function leagueRow(page: AuditedPage): LeagueRow {
  const url = page.url.slice(0, LIMITS.urlLength);
  if (page.kind === 'unreadable') {
    return {
      url,
      source: page.source,
      status: 'unreadable',
      problem: boundText(page.problem),
      problemEn: boundText(page.problemEn),
      agency: '',
      title: '',
      year: null,
      bodyKind: 'unknown',
      publishedAt: null,
      deadline: null,
      delayDays: null,
      errors: null,
      warnings: null,
      infos: null,
      worst: null,
      missingTables: null,
      imageTables: null,
      previous: { state: 'none' },
    };
  }
  const { report, findings } = page;
  const { identity } = report;
  const delay = publicationDelay(identity);
  const deadline = identity.year === null ? null : (delay?.due.date ?? null);
  return {
    url,
    source: page.source,
    status: 'report',
    problem: null,
    problemEn: null,
    agency: boundText(identity.agency),
    title: boundText(identity.title),
    year: identity.year,
    bodyKind: identity.bodyKind,
    publishedAt: identity.publishedAt,
    deadline,
    delayDays: delay?.days ?? null,
    errors: count(findings, 'error'),
    warnings: count(findings, 'warning'),
    infos: count(findings, 'info'),
    worst: worstFinding(findings),
    missingTables: missingTablesOf(report),
    imageTables: report.imageTables,
    previous:
      page.previous.state === 'found'
        ? { state: 'found', url: page.previous.url.slice(0, LIMITS.urlLength) }
        : page.previous,
  };
}

export const leagueRows = (pages: readonly AuditedPage[]): LeagueRow[] => pages.map(leagueRow);

// ---------------------------------------------------------------- words a row is shown with

/** 按时 / 逾期 N 天 / 未知, and the same in English. */
export function timelinessText(row: LeagueRow): { zh: string; en: string } {
  const days = row.delayDays;
  if (days === null) return { zh: '未知', en: 'unknown' };
  if (days <= 0) return { zh: '按时', en: 'on time' };
  return { zh: `逾期 ${days} 天`, en: `${days} day${days === 1 ? '' : 's'} late` };
}

export const BODY_KIND_TEXT: Record<LeagueRow['bodyKind'], { zh: string; en: string }> = {
  government: { zh: '政府', en: 'government' },
  department: { zh: '部门', en: 'department' },
  township: { zh: '乡镇街道', en: 'township' },
  unknown: { zh: '不明', en: 'unknown' },
};

const TABLE_NUMBER: Record<string, string> = {
  t2: '表二',
  t3: '表三',
  t4: '表四',
  legacy: '统计表',
};
const TABLE_NUMBER_EN: Record<string, string> = {
  t2: 'II',
  t3: 'III',
  t4: 'IV',
  legacy: 'statistics',
};

/** `表三、表四` / `III, IV`; empty when none is missing; null when the page was not read. */
export function missingTablesText(row: LeagueRow): { zh: string; en: string } | null {
  if (row.missingTables === null) return null;
  return {
    zh: row.missingTables.map((k) => TABLE_NUMBER[k] ?? k).join('、'),
    en: row.missingTables.map((k) => TABLE_NUMBER_EN[k] ?? k).join(', '),
  };
}

// ---------------------------------------------------------------- sorting

export const LEAGUE_COLUMNS = [
  'agency',
  'year',
  'bodyKind',
  'publishedAt',
  'timeliness',
  'errors',
  'warnings',
  'infos',
  'worst',
  'missingTables',
  'imageTables',
  'source',
  'previous',
  'url',
] as const;
export type LeagueColumn = (typeof LEAGUE_COLUMNS)[number];

export interface LeagueSort {
  column: LeagueColumn;
  direction: 'asc' | 'desc';
}

/**
 * The order a league opens in: most errors first, then most warnings, then
 * the latest, then by agency (Chinese collation) and year.
 */
export const DEFAULT_LEAGUE_SORT: readonly LeagueSort[] = [
  { column: 'errors', direction: 'desc' },
  { column: 'warnings', direction: 'desc' },
  { column: 'timeliness', direction: 'desc' },
  { column: 'agency', direction: 'asc' },
  { column: 'year', direction: 'desc' },
];

/** null: unknown, sorted last whichever the direction. */
function sortValue(row: LeagueRow, column: LeagueColumn): string | number | null {
  switch (column) {
    case 'agency':
      return row.agency || null;
    case 'year':
      return row.year;
    case 'bodyKind':
      return row.bodyKind === 'unknown' ? null : row.bodyKind;
    case 'publishedAt':
      return row.publishedAt;
    case 'timeliness':
      return row.delayDays;
    case 'errors':
      return row.errors;
    case 'warnings':
      return row.warnings;
    case 'infos':
      return row.infos;
    case 'worst':
      // A report without findings ranks below any finding; an unread page is unknown.
      return row.status === 'report' ? (row.worst ? SEVERITY_RANK[row.worst.severity] : 0) : null;
    case 'missingTables':
      return row.missingTables?.length ?? null;
    case 'imageTables':
      return row.imageTables;
    case 'source':
      return row.source;
    case 'previous':
      return row.previous.state === 'found' ? row.previous.url : null;
    case 'url':
      return row.url;
  }
}

const collator = new Intl.Collator('zh');

function compareKnown(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by the given columns in turn; stable (rows equal on every
 * column keep their order); names in Chinese collation (pinyin order);
 * unknowns (no agency, no date, a page not read) last in either direction.
 */
export function sortLeague(
  rows: readonly LeagueRow[],
  by: LeagueSort | readonly LeagueSort[] = DEFAULT_LEAGUE_SORT,
): LeagueRow[] {
  const keys = Array.isArray(by) ? (by as readonly LeagueSort[]) : [by as LeagueSort];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      for (const { column, direction } of keys) {
        const a = sortValue(x.row, column);
        const b = sortValue(y.row, column);
        if (a === null && b === null) continue;
        if (a === null) return 1;
        if (b === null) return -1;
        const order = compareKnown(a, b);
        if (order !== 0) return direction === 'asc' ? order : -order;
      }
      return x.index - y.index;
    })
    .map(({ row }) => row);
}

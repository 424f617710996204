/**
 * Phrases that state the period a report covers, as data: where one names an
 * earlier year than the report's, last year's text was most likely pasted in
 * unchanged (国办公开办函〔2021〕30号 names copying as a defect of reports).
 *
 * Reports cite other years all the time — 上年结转, 与2022年相比, a document's
 * date, 2023年1月1日至12月31日, plans for 2024年, last year's report — so
 * only these phrases count, each a statement of the period being reported.
 */
import { type SectionRole, SectionRoleSchema } from '../model/report';

/**
 * Sections read. 五 is left out: it reviews how last year's measures were
 * carried out (上一年度改进措施的落实情况, asked by the 2021 format), so it
 * rightly opens with last year.
 */
export const PERIOD_SECTIONS: ReadonlySet<SectionRole> = new Set(
  SectionRoleSchema.options.filter((role) => role !== 'problems'),
);

/** How the body names itself before the year (本机关2022年度…, 我局2022年…). */
const SELF =
  '(?:本机关|本单位|我单位|本部门|我部门|[本我][局委办厅署院镇乡县区市]|本街道|我街道|本中心|我中心)';

export interface PeriodPhrase {
  /** Why it states the period, for tests and readers of this file. */
  name: string;
  /** Captures the year in group 1. */
  pattern: RegExp;
  /** Read only at the start of a paragraph. */
  paragraphStart?: boolean;
  /**
   * Only last year counts: a paragraph may open with an older year to tell
   * the history of a measure (2021年，我局制定了…), hardly with last year's
   * in a report that should open with its own.
   */
  lastYearOnly?: boolean;
  /** What must not follow the phrase closely: it then names a document or an evaluation of that year. */
  notFollowedBy?: RegExp;
}

/** How much text after a phrase notFollowedBy reads. */
export const FOLLOW_CHARS = 16;

export const PERIOD_PHRASES: readonly PeriodPhrase[] = [
  {
    // 「2022年，我局…」: a paragraph that opens with the year it reports on.
    name: 'opening year',
    pattern: /^(\d{4})\s*年度?\s*[，,]/,
    paragraphStart: true,
    lastYearOnly: true,
  },
  {
    // 「2022年度共收到…」「2022年度全年主动公开…」
    name: 'year of the figures',
    pattern:
      /(\d{4})\s*年度\s*(?:共|全年|累计|收到|新收|受理|办结|主动公开|未收取|未发生|没有发生)/,
  },
  {
    // 「本机关2022年度…」「我局2022年共收到…」
    name: 'the body in its year',
    pattern: new RegExp(
      `${SELF}\\s*(\\d{4})\\s*年(?:度|(?=\\s*(?:共|全年|累计|收到|新收|受理|办结|主动公开|未)))`,
    ),
    notFollowedBy: /报告|年报|考核|评议|评估|要点|计划|方案|总结|制定|印发|出台/,
  },
  {
    // 「本报告中所列数据的统计期限自2022年1月1日起…」
    name: 'statistics period',
    pattern: /统计(?:期限|时限|时间|区间|范围|口径)?[^。；]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/,
  },
];

/**
 * Words that make a sentence speak of another year on purpose: a comparison,
 * last year's carry-over or report, a plan, an evaluation of the year before.
 */
export const OTHER_YEAR_WORDS =
  /上年|去年|上一年|前一年|相比|同比|结转|年报|年度报告中|考核|评议|评估|将|计划|拟|力争|打算|今年/;

/**
 * A sub-heading run into its paragraph (（一）收取信息处理费情况。2022年，…):
 * the sentence after it opens the paragraph as far as the period goes.
 */
export const SUBHEADING = /^[（(][一二三四五六七八九十]{1,3}[）)][^。；，,]{0,20}[。：:]?$/;

/** How far back a year counts as pasted from an earlier report (a date decades back is a citation). */
export const MAX_YEARS_BACK = 5;

/** Phrases quoted in one finding, the first in page order. */
export const MAX_QUOTED = 3;

/**
 * The legacy format: reports for 2008–2018 (and any earlier year) under the
 * 2007 Regulations. It has no fixed tables: provinces printed different
 * variants of a 统计指标 | 单位 | 统计数 table, so its canonical keys are
 * declared by the label variants that carry them and, for breakdown items,
 * by the row they must sit under (lib/tables/map-legacy.ts reads them).
 * Labels are matched with their numbering (一、 （一） 1. 其中：) removed.
 */
import type { FormatDeclaration, LegacyKeyEntry } from './types';

export const LEGACY_FORMAT: FormatDeclaration = {
  id: 'legacy',
  // Every report before the 2019 format's era, however early.
  fromYear: 0,
  messageKey: 'templateLegacy',
  tables: [],
  // Its tables' breakdowns are checked by lib/checks/legacy-rule.ts from the rows' numbering.
  identities: [],
};

export const LEGACY_KEYS: LegacyKeyEntry[] = [
  { key: 'legacy.active.total', label: /^主动公开(政府信息)?(数|数量|总数|条数)/ },
  {
    key: 'legacy.apply.received',
    label: /^(收到(政府信息公开)?申请(数|总数|数量)|依申请公开(数量|申请数))/,
  },
  { key: 'legacy.apply.received.inPerson', label: /^当面申请/, under: 'legacy.apply.received' },
  { key: 'legacy.apply.received.fax', label: /^传真申请/, under: 'legacy.apply.received' },
  {
    key: 'legacy.apply.received.online',
    label: /^(网络|网上|互联网)申请/,
    under: 'legacy.apply.received',
  },
  { key: 'legacy.apply.received.letter', label: /^信函申请/, under: 'legacy.apply.received' },
  {
    key: 'legacy.apply.received.other',
    label: /^其他(方式|形式)?申请/,
    under: 'legacy.apply.received',
  },
  { key: 'legacy.apply.closed', label: /^(申请办结数|依申请受理数|依申请办结数)/ },
  {
    key: 'legacy.apply.closed.onTime',
    label: /^(按时办结|未延期办结)/,
    under: 'legacy.apply.closed',
  },
  { key: 'legacy.apply.closed.extended', label: /^延期办结/, under: 'legacy.apply.closed' },
  { key: 'legacy.apply.answered', label: /^(申请答复数|依申请答复数)/ },
  { key: 'legacy.review.total', label: /行政复议(数量|数|案件数|件数)/ },
  { key: 'legacy.review.other', label: /^其他(情形|纠错)/, under: 'legacy.review.total' },
  { key: 'legacy.review.upheld', label: /^维持/, under: 'legacy.review.total' },
  {
    key: 'legacy.review.corrected',
    label: /纠错|纠正|违法/,
    under: 'legacy.review.total',
  },
  { key: 'legacy.litigation.total', label: /行政诉讼(数量|数|案件数|件数)/ },
  { key: 'legacy.litigation.other', label: /^其他(情形|纠错)/, under: 'legacy.litigation.total' },
  { key: 'legacy.litigation.upheld', label: /^维持/, under: 'legacy.litigation.total' },
  {
    key: 'legacy.litigation.corrected',
    label: /纠错|纠正|违法/,
    under: 'legacy.litigation.total',
  },
  { key: 'legacy.staff.total', label: /(从事)?政府信息公开工作人员(数|数量)/ },
  { key: 'legacy.staff.fullTime', label: /^(专职|全职)/, under: 'legacy.staff.total' },
  { key: 'legacy.staff.partTime', label: /^兼职/, under: 'legacy.staff.total' },
];

/** Header words of a legacy statistics table's columns. */
export const LEGACY_HEADER = {
  label: /统计指标|指标名称|项目|指标/,
  unit: /^单位$|计量单位/,
  value: /统计数|数量|合计|数值|总数|统计值|本年/,
};

/** Units a legacy row prints when it counts things (items, requests, people, sessions). */
export const COUNT_UNITS = /^(条|件|次|篇|个|人|人次|件次|项|起|家|份|批|期|场|名)$/;

/** Units that are not counts: amounts and rates. */
export const NON_COUNT_UNITS = /元|%|％|率|比/;

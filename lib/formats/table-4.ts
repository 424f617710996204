/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况), printed the same in the 2019 and
 * 2021 formats. It has no row labels: one value row under three column
 * groups, each with the same five outcomes, so a key is `t4.<group>.<outcome>`.
 */
import type { FormatTable, SumIdentity } from './types';

const OUTCOMES = ['upheld', 'corrected', 'other', 'pending'];

export const TABLE_4: FormatTable = {
  kind: 't4',
  title: {
    zh: '表四（行政复议、行政诉讼情况）',
    en: 'Table IV (administrative review and litigation)',
    numberZh: '表四',
    numberEn: 'IV',
  },
  signature: [/行政复议/, /行政诉讼/, /维持/, /纠正/],
  rows: [],
  // Most specific first: 复议后起诉 sits under 行政诉讼 and speaks of 复议 too.
  groups: [
    { key: 'afterReview', label: '行政诉讼 复议后起诉', path: /复议后起诉/ },
    { key: 'direct', label: '行政诉讼 未经复议直接起诉', path: /未经复议|直接起诉/ },
    { key: 'review', label: '行政复议', path: /行政复议/ },
  ],
  cols: [
    { key: 'upheld', label: '结果维持', leaf: /维持/ },
    { key: 'corrected', label: '结果纠正', leaf: /纠正/ },
    { key: 'other', label: '其他结果', leaf: /其他/ },
    { key: 'pending', label: '尚未审结', leaf: /未审结/ },
    { key: 'total', label: '总计', leaf: /总计|合计/ },
  ],
  cells: [
    {
      rows: ['review', 'direct', 'afterReview'],
      cols: [...OUTCOMES, 'total'],
    },
  ],
};

const GROUP_NAMES: [string, string, string][] = [
  ['review', '行政复议', 'administrative review'],
  ['direct', '行政诉讼（未经复议直接起诉）', 'litigation without prior review'],
  ['afterReview', '行政诉讼（复议后起诉）', 'litigation after review'],
];

/** Each group's 总计 is the sum of its four outcomes. */
export const T4_IDENTITIES: SumIdentity[] = GROUP_NAMES.map(([group, zh, en]) => ({
  rule: 't4.group-total',
  kind: 'sum',
  total: `t4.${group}.total`,
  parts: OUTCOMES.map((o) => `t4.${group}.${o}`),
  line: zh,
  lineEn: en,
}));

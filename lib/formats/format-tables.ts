/**
 * The three fixed tables of the 2019 and 2021 formats (国办公开办函 formats),
 * as data. Labels are matched after normalizeLabel: half-width punctuation,
 * no spaces, 、 for every list comma, '.' for every dot.
 */
import type { FormatId, FormatTableTemplate } from './types';

export const T3_APPLICANT_COLUMNS = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal',
  'otherOrg',
];
/** Table 三's value columns: the six applicant kinds and 总计. */
export const T3_COLUMNS = [...T3_APPLICANT_COLUMNS, 'total'];

export const T3_DENY_ROWS = [
  'deny.secret',
  'deny.lawForbidden',
  'deny.threeSafety',
  'deny.thirdParty',
  'deny.internal',
  'deny.process',
  'deny.enforcement',
  'deny.query',
];
export const T3_UNABLE_ROWS = ['unable.notHeld', 'unable.needCreate', 'unable.unclear'];
export const T3_NO_PROCESS_ROWS = [
  'noProcess.petition',
  'noProcess.repeat',
  'noProcess.publication',
  'noProcess.massive',
  'noProcess.confirm',
];
export const T3_OTHER_ROWS: Record<FormatId, string[]> = {
  '2019': ['other'],
  '2021': ['other.noCorrection', 'other.noFee', 'other.misc'],
};
/** The rows of 三、本年度办理结果, whose sum is （七）总计. */
export const T3_RESULT_ROWS: Record<FormatId, string[]> = {
  '2019': [
    'open',
    'partial',
    ...T3_DENY_ROWS,
    ...T3_UNABLE_ROWS,
    ...T3_NO_PROCESS_ROWS,
    ...T3_OTHER_ROWS['2019'],
  ],
  '2021': [
    'open',
    'partial',
    ...T3_DENY_ROWS,
    ...T3_UNABLE_ROWS,
    ...T3_NO_PROCESS_ROWS,
    ...T3_OTHER_ROWS['2021'],
  ],
};
export const T3_ROWS: Record<FormatId, string[]> = {
  '2019': ['new', 'carryIn', ...T3_RESULT_ROWS['2019'], 'totalHandled', 'carryOut'],
  '2021': ['new', 'carryIn', ...T3_RESULT_ROWS['2021'], 'totalHandled', 'carryOut'],
};

const cross = (prefix: string, rows: string[], cols: string[]): string[] =>
  rows.flatMap((r) => cols.map((c) => `${prefix}.${r}.${c}`));

export const T3_TEMPLATE: FormatTableTemplate = {
  kind: 't3',
  signature: [/本年新收|新收政府信息公开申请/, /办理结果|予以公开/],
  rows: [
    { key: 'new', leaf: /本年新收|新收.*申请/ },
    { key: 'carryIn', leaf: /上年结转/ },
    { key: 'carryOut', leaf: /结转下年|下年度继续办理/ },
    { key: 'deny.secret', leaf: /国家秘密/ },
    { key: 'deny.lawForbidden', leaf: /禁止公开/ },
    { key: 'deny.threeSafety', leaf: /三安全一稳定|危及/ },
    { key: 'deny.thirdParty', leaf: /第三方/ },
    { key: 'deny.internal', leaf: /内部事务/ },
    { key: 'deny.process', leaf: /过程性/ },
    { key: 'deny.enforcement', leaf: /执法案卷/ },
    { key: 'deny.query', leaf: /行政查询/ },
    { key: 'unable.notHeld', leaf: /不掌握/ },
    { key: 'unable.needCreate', leaf: /另行制作|现成信息/ },
    { key: 'unable.unclear', leaf: /不明确/ },
    { key: 'noProcess.petition', leaf: /信访|举报投诉/ },
    { key: 'noProcess.repeat', leaf: /重复申请/ },
    { key: 'noProcess.publication', leaf: /出版物/ },
    { key: 'noProcess.massive', leaf: /大量反复/ },
    { key: 'noProcess.confirm', leaf: /重新出具|确认或/ },
    { key: 'other.noCorrection', leaf: /不补正/ },
    { key: 'other.noFee', leaf: /收费|缴纳费用/ },
    { key: 'other.misc', leaf: /^(\d\.)?其他$/, path: /其他处理/ },
    { key: 'other', leaf: /其他处理$/ },
    { key: 'open', leaf: /予以公开/ },
    { key: 'partial', leaf: /部分公开/ },
    { key: 'totalHandled', leaf: /总计|合计/ },
  ],
  cols: [
    { key: 'natural', leaf: /自然人/ },
    { key: 'commercial', leaf: /商业企业/ },
    { key: 'research', leaf: /科研机构/ },
    { key: 'nonprofit', leaf: /公益组织/ },
    { key: 'legal', leaf: /法律服务/ },
    // 小计 columns are printed by some reports; they carry no canonical key.
    { key: '', leaf: /小计/ },
    { key: 'otherOrg', leaf: /^其他$/ },
    { key: 'total', leaf: /总计|合计/ },
  ],
  keysByFormat: {
    '2019': cross('t3', T3_ROWS['2019'], T3_COLUMNS),
    '2021': cross('t3', T3_ROWS['2021'], T3_COLUMNS),
  },
};

const T4_OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];
const T4_GROUPS = ['review', 'direct', 'afterReview'];
const T4_KEYS = T4_GROUPS.flatMap((g) => T4_OUTCOMES.map((o) => `t4.${g}.${o}`));
const T4_OUTCOME_LABELS: Record<string, RegExp> = {
  upheld: /维持/,
  corrected: /纠正/,
  other: /其他/,
  pending: /未审结/,
  total: /总计|合计/,
};
const T4_GROUP_LABELS: [string, RegExp][] = [
  ['afterReview', /复议后起诉/],
  ['direct', /未经复议|直接起诉/],
  ['review', /行政复议/],
];

export const T4_TEMPLATE: FormatTableTemplate = {
  kind: 't4',
  signature: [/行政复议/, /行政诉讼/, /维持/, /纠正/],
  rows: [],
  cols: T4_GROUP_LABELS.flatMap(([group, groupLabel]) =>
    Object.entries(T4_OUTCOME_LABELS).map(([outcome, leaf]) => ({
      key: `${group}.${outcome}`,
      leaf,
      path: groupLabel,
    })),
  ),
  keysByFormat: { '2019': T4_KEYS, '2021': T4_KEYS },
};

export const T2_TEMPLATE: FormatTableTemplate = {
  kind: 't2',
  signature: [/第二十条|规章/, /规范性文件/, /行政许可|行政处罚/],
  rows: [
    { key: 'normative', leaf: /规范性文件/ },
    { key: 'rules', leaf: /^规章$/ },
    { key: 'otherServices', leaf: /其他对外管理服务/ },
    { key: 'license', leaf: /行政许可/ },
    { key: 'penalty', leaf: /行政处罚/ },
    { key: 'coercion', leaf: /行政强制/ },
    { key: 'fees', leaf: /事业性收费/ },
    { key: 'procurement', leaf: /集中采购/ },
  ],
  cols: [
    { key: 'made', leaf: /制发件数|新制作/ },
    { key: 'repealed', leaf: /废止/ },
    { key: 'valid', leaf: /现行有效/ },
    { key: 'published', leaf: /新公开/ },
    { key: 'total', leaf: /公开总数/ },
    { key: 'prevCount', leaf: /上一年项目数/ },
    { key: 'delta', leaf: /增\/?减/ },
    { key: 'decisions', leaf: /处理决定/ },
    { key: 'count', leaf: /采购项目数/ },
    { key: 'amount', leaf: /金额/ },
  ],
  keysByFormat: {
    '2021': [
      't2.rules.made',
      't2.rules.repealed',
      't2.rules.valid',
      't2.normative.made',
      't2.normative.repealed',
      't2.normative.valid',
      't2.license.decisions',
      't2.penalty.decisions',
      't2.coercion.decisions',
      't2.fees.amount',
    ],
    '2019': [
      ...cross('t2', ['rules', 'normative'], ['made', 'published', 'total']),
      ...cross(
        't2',
        ['license', 'otherServices', 'penalty', 'coercion'],
        ['prevCount', 'delta', 'decisions'],
      ),
      't2.fees.prevCount',
      't2.fees.delta',
      't2.procurement.count',
      't2.procurement.amount',
    ],
  },
};

export const FORMAT_TABLES: FormatTableTemplate[] = [T3_TEMPLATE, T4_TEMPLATE, T2_TEMPLATE];

/**
 * What the form checks need to know about the formats, as data: the official
 * labels of every row and column (to name what a table lacks), which cells
 * hold counts (never negative, never fractional), and which table-二 keys only
 * the 2019 layout prints.
 */
import { FORMAT_TABLES } from './format-tables';

export const TABLE_NAMES: Record<'t2' | 't3' | 't4', [string, string]> = {
  t2: ['表二（主动公开政府信息情况）', 'Table II (proactive disclosure)'],
  t3: ['表三（收到和处理政府信息公开申请情况）', 'Table III (requests received and handled)'],
  t4: ['表四（行政复议、行政诉讼情况）', 'Table IV (administrative review and litigation)'],
};

/** Official row labels, by the row part of the canonical key. */
export const ROW_LABELS: Record<'t2' | 't3' | 't4', Record<string, string>> = {
  t3: {
    new: '一、本年新收政府信息公开申请数量',
    carryIn: '二、上年结转政府信息公开申请数量',
    open: '（一）予以公开',
    partial: '（二）部分公开',
    'deny.secret': '（三）不予公开 1.属于国家秘密',
    'deny.lawForbidden': '（三）不予公开 2.其他法律行政法规禁止公开',
    'deny.threeSafety': '（三）不予公开 3.危及“三安全一稳定”',
    'deny.thirdParty': '（三）不予公开 4.保护第三方合法权益',
    'deny.internal': '（三）不予公开 5.属于三类内部事务信息',
    'deny.process': '（三）不予公开 6.属于四类过程性信息',
    'deny.enforcement': '（三）不予公开 7.属于行政执法案卷',
    'deny.query': '（三）不予公开 8.属于行政查询事项',
    'unable.notHeld': '（四）无法提供 1.本机关不掌握相关政府信息',
    'unable.needCreate': '（四）无法提供 2.没有现成信息需要另行制作',
    'unable.unclear': '（四）无法提供 3.补正后申请内容仍不明确',
    'noProcess.petition': '（五）不予处理 1.信访举报投诉类申请',
    'noProcess.repeat': '（五）不予处理 2.重复申请',
    'noProcess.publication': '（五）不予处理 3.要求提供公开出版物',
    'noProcess.massive': '（五）不予处理 4.无正当理由大量反复申请',
    'noProcess.confirm': '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
    other: '（六）其他处理',
    'other.noCorrection': '（六）其他处理 1.申请人无正当理由逾期不补正',
    'other.noFee': '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用',
    'other.misc': '（六）其他处理 3.其他',
    totalHandled: '（七）总计',
    carryOut: '四、结转下年度继续办理',
  },
  t4: {
    review: '行政复议',
    direct: '行政诉讼 未经复议直接起诉',
    afterReview: '行政诉讼 复议后起诉',
  },
  t2: {
    rules: '规章',
    normative: '行政规范性文件',
    license: '行政许可',
    otherServices: '其他对外管理服务事项',
    penalty: '行政处罚',
    coercion: '行政强制',
    fees: '行政事业性收费',
    procurement: '政府集中采购',
  },
};

/** Official column labels, by the column part of the canonical key. */
export const COLUMN_LABELS: Record<'t2' | 't3' | 't4', Record<string, string>> = {
  t3: {
    natural: '自然人',
    commercial: '商业企业',
    research: '科研机构',
    nonprofit: '社会公益组织',
    legal: '法律服务机构',
    otherOrg: '其他',
    total: '总计',
  },
  t4: {
    upheld: '结果维持',
    corrected: '结果纠正',
    other: '其他结果',
    pending: '尚未审结',
    total: '总计',
  },
  t2: {
    made: '本年制发件数/本年新制作数量',
    repealed: '本年废止件数',
    valid: '现行有效件数',
    published: '本年新公开数量',
    total: '对外公开总数量',
    prevCount: '上一年项目数量',
    delta: '本年增/减',
    decisions: '本年处理决定数量',
    count: '采购项目数量',
    amount: '金额',
  },
};

/**
 * Keys whose figure is a count. Table 二's 本年增/减 is a change and may be
 * negative; amounts (万元) may carry decimals.
 */
export function isCountKey(key: string): boolean {
  if (key.startsWith('t3.') || key.startsWith('t4.')) return true;
  if (key.startsWith('t2.')) return !/\.(delta|amount)$/.test(key);
  return key.startsWith('legacy.');
}

/** Units a legacy row prints when it counts things (items, requests, people, sessions). */
export const COUNT_UNITS = /^(条|件|次|篇|个|人|人次|件次|项|起|家|份|批|期|场|名)$/;

/** Units that are not counts: amounts and rates. */
export const NON_COUNT_UNITS = /元|%|％|率|比/;

/**
 * Keys only the 2019 layout prints (table 二's old columns, table 三's single
 * （六）其他处理 row): a report for 2021 or later carrying them used the old format.
 */
export const ONLY_2019_KEYS: ReadonlySet<string> = new Set(
  FORMAT_TABLES.flatMap((t) =>
    t.keysByFormat['2019'].filter((k) => !t.keysByFormat['2021'].includes(k)),
  ),
);

/** First report year that must use the 2021 format. */
export const FORMAT_2021_FROM_YEAR = 2021;

/**
 * Table 三 (收到和处理政府信息公开申请情况) as the 2019 and 2021 formats both
 * print it, apart from row （六）其他处理, which each format declares itself.
 * Labels are matched after normalizeLabel: half-width punctuation, no
 * spaces, 、 for every list comma, '.' for every dot.
 */
import type { AxisEntry, BalanceIdentity, FormatTable, SumIdentity, TableIdentity } from './types';

/** The six kinds of applicant, left to right. */
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

/** Column headers, most specific first. */
export const T3_COLUMN_ENTRIES: AxisEntry[] = [
  { key: 'natural', label: '自然人', leaf: /自然人/ },
  { key: 'commercial', label: '商业企业', leaf: /商业企业/ },
  { key: 'research', label: '科研机构', leaf: /科研机构/ },
  { key: 'nonprofit', label: '社会公益组织', leaf: /公益组织/ },
  { key: 'legal', label: '法律服务机构', leaf: /法律服务/ },
  // Not on the official form, but some reports print it: recognised, so that it is no 其他, and given no key.
  { key: '', label: '法人或其他组织小计', leaf: /小计/ },
  { key: 'otherOrg', label: '其他', leaf: /^其他$/ },
  { key: 'total', label: '总计', leaf: /总计|合计/ },
];

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

/** The rows both formats print, most specific first; （六）其他处理 goes between noProcess and open. */
const ROWS_BEFORE_OTHER: AxisEntry[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', leaf: /本年新收|新收.*申请/ },
  { key: 'carryIn', label: '二、上年结转政府信息公开申请数量', leaf: /上年结转/ },
  { key: 'carryOut', label: '四、结转下年度继续办理', leaf: /结转下年|下年度继续办理/ },
  { key: 'deny.secret', label: '（三）不予公开 1.属于国家秘密', leaf: /国家秘密/ },
  {
    key: 'deny.lawForbidden',
    label: '（三）不予公开 2.其他法律行政法规禁止公开',
    leaf: /禁止公开/,
  },
  {
    key: 'deny.threeSafety',
    label: '（三）不予公开 3.危及“三安全一稳定”',
    leaf: /三安全一稳定|危及/,
  },
  { key: 'deny.thirdParty', label: '（三）不予公开 4.保护第三方合法权益', leaf: /第三方/ },
  { key: 'deny.internal', label: '（三）不予公开 5.属于三类内部事务信息', leaf: /内部事务/ },
  { key: 'deny.process', label: '（三）不予公开 6.属于四类过程性信息', leaf: /过程性/ },
  { key: 'deny.enforcement', label: '（三）不予公开 7.属于行政执法案卷', leaf: /执法案卷/ },
  { key: 'deny.query', label: '（三）不予公开 8.属于行政查询事项', leaf: /行政查询/ },
  { key: 'unable.notHeld', label: '（四）无法提供 1.本机关不掌握相关政府信息', leaf: /不掌握/ },
  {
    key: 'unable.needCreate',
    label: '（四）无法提供 2.没有现成信息需要另行制作',
    leaf: /另行制作|现成信息/,
  },
  { key: 'unable.unclear', label: '（四）无法提供 3.补正后申请内容仍不明确', leaf: /不明确/ },
  {
    key: 'noProcess.petition',
    label: '（五）不予处理 1.信访举报投诉类申请',
    leaf: /信访|举报投诉/,
  },
  { key: 'noProcess.repeat', label: '（五）不予处理 2.重复申请', leaf: /重复申请/ },
  { key: 'noProcess.publication', label: '（五）不予处理 3.要求提供公开出版物', leaf: /出版物/ },
  { key: 'noProcess.massive', label: '（五）不予处理 4.无正当理由大量反复申请', leaf: /大量反复/ },
  {
    key: 'noProcess.confirm',
    label: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
    leaf: /重新出具|确认或/,
  },
];
const ROWS_AFTER_OTHER: AxisEntry[] = [
  { key: 'open', label: '（一）予以公开', leaf: /予以公开/ },
  { key: 'partial', label: '（二）部分公开', leaf: /部分公开/ },
  { key: 'totalHandled', label: '（七）总计', leaf: /总计|合计/ },
];

/** The rows of 三、本年度办理结果, in printed order, whose sum is （七）总计. */
export const t3ResultRows = (otherRows: string[]): string[] => [
  'open',
  'partial',
  ...T3_DENY_ROWS,
  ...T3_UNABLE_ROWS,
  ...T3_NO_PROCESS_ROWS,
  ...otherRows,
];

/** Every row of table 三, in printed order. */
export const t3PrintedRows = (otherRows: string[]): string[] => [
  'new',
  'carryIn',
  ...t3ResultRows(otherRows),
  'totalHandled',
  'carryOut',
];

/**
 * Table 三 with the format's own （六）其他处理 rows. `extraRows` are rows a
 * format adds elsewhere (matched first, printed where `printedRows` puts them).
 */
export function table3(
  otherRows: AxisEntry[],
  printedRows: string[] = t3PrintedRows(otherRows.map((r) => r.key)),
  extraRows: AxisEntry[] = [],
): FormatTable {
  return {
    kind: 't3',
    title: {
      zh: '表三（收到和处理政府信息公开申请情况）',
      en: 'Table III (requests received and handled)',
      numberZh: '表三',
      numberEn: 'III',
    },
    signature: [/本年新收|新收政府信息公开申请/, /办理结果|予以公开/],
    rows: [...extraRows, ...ROWS_BEFORE_OTHER, ...otherRows, ...ROWS_AFTER_OTHER],
    cols: T3_COLUMN_ENTRIES,
    cells: [{ rows: printedRows, cols: T3_COLUMNS }],
  };
}

const APPLICANT_NAMES: Record<string, [string, string]> = {
  natural: ['自然人', 'natural persons'],
  commercial: ['商业企业', 'commercial enterprises'],
  research: ['科研机构', 'research institutions'],
  nonprofit: ['社会公益组织', 'public-interest organisations'],
  legal: ['法律服务机构', 'legal service institutions'],
  otherOrg: ['其他', 'other organisations'],
  total: ['总计', 'total'],
};

/** The name of table 三's column `col` in messages: [zh, en]. */
export const t3ColumnName = (col: string): [string, string] => APPLICANT_NAMES[col] ?? [col, col];

/** Each row's 总计 is the sum of its six applicant columns. */
export function t3RowTotals(rows: string[]): SumIdentity[] {
  return rows.map((row) => ({
    rule: 't3.row-total',
    kind: 'sum',
    total: `t3.${row}.total`,
    parts: T3_APPLICANT_COLUMNS.map((c) => `t3.${row}.${c}`),
    line: row,
    lineEn: row,
  }));
}

/** Per column: （七）总计 is the sum of the results, and the note in the table's corner. */
export function t3ColumnIdentities(resultRows: string[]): TableIdentity[] {
  return T3_COLUMNS.flatMap((col): TableIdentity[] => {
    const [zh, en] = t3ColumnName(col);
    const resultsTotal: SumIdentity = {
      rule: 't3.results-total',
      kind: 'sum',
      total: `t3.totalHandled.${col}`,
      parts: resultRows.map((r) => `t3.${r}.${col}`),
      line: zh,
      lineEn: en,
    };
    // （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
    const balance: BalanceIdentity = {
      rule: 't3.balance',
      kind: 'balance',
      left: [`t3.new.${col}`, `t3.carryIn.${col}`],
      right: [`t3.totalHandled.${col}`, `t3.carryOut.${col}`],
      line: zh,
      lineEn: en,
      leftName: '一 + 二',
      rightName: '三(七) + 四',
    };
    return [resultsTotal, balance];
  });
}

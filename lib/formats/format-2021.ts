/**
 * The 2021 format (国办公开办函〔2021〕30号), for reports on 2021 and later:
 * the six sections of the 2019 format, table 二 simplified, and table 三's
 * （六）其他处理 split into three rows.
 */
import { table2 } from './table-2';
import { t3ColumnIdentities, t3PrintedRows, t3ResultRows, t3RowTotals, table3 } from './table-3';
import { T4_IDENTITIES, TABLE_4 } from './table-4';
import type { AxisEntry, FormatDeclaration } from './types';

/** Table 二's rows, most specific first. */
const T2_ROWS: AxisEntry[] = [
  { key: 'normative', label: '行政规范性文件', leaf: /规范性文件/ },
  { key: 'rules', label: '规章', leaf: /^规章$/ },
  { key: 'license', label: '行政许可', leaf: /行政许可/ },
  { key: 'penalty', label: '行政处罚', leaf: /行政处罚/ },
  { key: 'coercion', label: '行政强制', leaf: /行政强制/ },
  { key: 'fees', label: '行政事业性收费', leaf: /事业性收费/ },
];

/** Table 二's column headers, most specific first. */
const T2_COLUMNS: AxisEntry[] = [
  { key: 'made', label: '本年制发件数', leaf: /制发件数|新制作/ },
  { key: 'repealed', label: '本年废止件数', leaf: /废止/ },
  { key: 'valid', label: '现行有效件数', leaf: /现行有效/ },
  { key: 'decisions', label: '本年处理决定数量', leaf: /处理决定/ },
  { key: 'amount', label: '本年收费金额（单位：万元）', leaf: /金额/, notCount: true },
];

/** （六）其他处理, split into three numbered rows. */
const T3_OTHER_ROWS: AxisEntry[] = [
  {
    key: 'other.noCorrection',
    label: '（六）其他处理 1.申请人无正当理由逾期不补正',
    leaf: /不补正/,
  },
  {
    key: 'other.noFee',
    label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用',
    leaf: /收费|缴纳费用/,
  },
  { key: 'other.misc', label: '（六）其他处理 3.其他', leaf: /^(\d\.)?其他$/, path: /其他处理/ },
];

const OTHER = T3_OTHER_ROWS.map((r) => r.key);

export const FORMAT_2021: FormatDeclaration = {
  id: '2021',
  fromYear: 2021,
  messageKey: 'template2021',
  tables: [
    table2(T2_ROWS, T2_COLUMNS, [
      // 第二十条第（一）项
      { rows: ['rules', 'normative'], cols: ['made', 'repealed', 'valid'] },
      // 第二十条第（五）项、第（六）项
      { rows: ['license', 'penalty', 'coercion'], cols: ['decisions'] },
      // 第二十条第（八）项
      { rows: ['fees'], cols: ['amount'] },
    ]),
    table3(T3_OTHER_ROWS),
    TABLE_4,
  ],
  identities: [
    ...t3RowTotals(t3PrintedRows(OTHER)),
    ...t3ColumnIdentities(t3ResultRows(OTHER)),
    ...T4_IDENTITIES,
  ],
};

/**
 * The 2019 format (国办公开办函〔2019〕60号), for reports on 2019 and 2020,
 * after the revised Regulations: six fixed sections and three fixed tables.
 */
import { table2 } from './table-2';
import { t3ColumnIdentities, t3PrintedRows, t3ResultRows, t3RowTotals, table3 } from './table-3';
import { T4_IDENTITIES, TABLE_4 } from './table-4';
import type { AxisEntry, FormatDeclaration } from './types';

/** Table 二's rows, most specific first. */
const T2_ROWS: AxisEntry[] = [
  { key: 'normative', label: '规范性文件', leaf: /规范性文件/ },
  { key: 'rules', label: '规章', leaf: /^规章$/ },
  { key: 'otherServices', label: '其他对外管理服务事项', leaf: /其他对外管理服务/ },
  { key: 'license', label: '行政许可', leaf: /行政许可/ },
  { key: 'penalty', label: '行政处罚', leaf: /行政处罚/ },
  { key: 'coercion', label: '行政强制', leaf: /行政强制/ },
  { key: 'fees', label: '行政事业性收费', leaf: /事业性收费/ },
  { key: 'procurement', label: '政府集中采购', leaf: /集中采购/ },
];

/** Table 二's column headers, most specific first. */
const T2_COLUMNS: AxisEntry[] = [
  { key: 'made', label: '本年新制作数量', leaf: /制发件数|新制作/ },
  { key: 'published', label: '本年新公开数量', leaf: /新公开/ },
  { key: 'total', label: '对外公开总数量', leaf: /公开总数/ },
  { key: 'prevCount', label: '上一年项目数量', leaf: /上一年项目数/ },
  { key: 'delta', label: '本年增/减', leaf: /增\/?减/, notCount: true },
  { key: 'decisions', label: '处理决定数量', leaf: /处理决定/ },
  { key: 'count', label: '采购项目数量', leaf: /采购项目数/ },
  { key: 'amount', label: '采购总金额', leaf: /金额/, notCount: true },
];

/** （六）其他处理: one row. */
const T3_OTHER_ROWS: AxisEntry[] = [{ key: 'other', label: '（六）其他处理', leaf: /其他处理$/ }];

const OTHER = T3_OTHER_ROWS.map((r) => r.key);

export const FORMAT_2019: FormatDeclaration = {
  id: '2019',
  fromYear: 2019,
  messageKey: 'template2019',
  tables: [
    table2(T2_ROWS, T2_COLUMNS, [
      // 第二十条第（一）项
      { rows: ['rules', 'normative'], cols: ['made', 'published', 'total'] },
      // 第二十条第（五）项、第（六）项
      {
        rows: ['license', 'otherServices', 'penalty', 'coercion'],
        cols: ['prevCount', 'delta', 'decisions'],
      },
      // 第二十条第（八）项
      { rows: ['fees'], cols: ['prevCount', 'delta'] },
      // 第二十条第（九）项
      { rows: ['procurement'], cols: ['count', 'amount'] },
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

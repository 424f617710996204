/**
 * What table 二 (主动公开政府信息情况) is in every format: its title and the
 * text that recognises it. Its rows and columns differ between the formats,
 * so each format declares them (format-2019.ts, format-2021.ts).
 */
import type { AxisEntry, CellBlock, FormatTable } from './types';

export function table2(rows: AxisEntry[], cols: AxisEntry[], cells: CellBlock[]): FormatTable {
  return {
    kind: 't2',
    title: {
      zh: '表二（主动公开政府信息情况）',
      en: 'Table II (proactive disclosure)',
      numberZh: '表二',
      numberEn: 'II',
    },
    signature: [/第二十条|规章/, /规范性文件/, /行政许可|行政处罚/],
    rows,
    cols,
    cells,
  };
}

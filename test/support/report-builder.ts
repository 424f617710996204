/**
 * Small reports for rule tests: a table of keyed cells built from a map of
 * canonical keys to printed text, as the extractor would produce it.
 */

import type { ExtractedTable, Report, TableCell, TableKind } from '../../lib/model/report';
import { parseCellValue } from '../../lib/text/cell-value';

export function tableOf(kind: TableKind, cells: Record<string, string>, index = 0): ExtractedTable {
  const out: TableCell[] = Object.entries(cells).map(([key, text], i) => {
    const value = parseCellValue(text);
    return {
      row: i,
      col: 1,
      rowSpan: 1,
      colSpan: 1,
      text,
      value,
      header: false,
      key,
      rowLabel: key.split('.').slice(1, -1).join('.'),
      colLabel: key.split('.').at(-1) ?? '',
      ...(value.kind === 'text' ? { unreadable: true } : {}),
    };
  });
  return {
    index,
    kind,
    title: '',
    rowCount: out.length,
    colCount: 2,
    sourceTables: 1,
    headerRows: 0,
    labelCols: 1,
    cells: out,
  };
}

export function reportOf(
  tables: ExtractedTable[],
  identity: Partial<Report['identity']> = {},
): Report {
  const values: Record<string, number | null> = {};
  for (const t of tables) {
    for (const c of t.cells) {
      if (c.key && !c.unreadable) values[c.key] = c.value.kind === 'number' ? c.value.value : null;
    }
  }
  return {
    url: 'http://www.example.gov.cn/report.html',
    identity: {
      agency: '青山区',
      year: 2023,
      template: '2021',
      publishedAt: '2024-01-18',
      title: '青山区2023年政府信息公开工作年度报告',
      bodyKind: 'government',
      ...identity,
    },
    tables,
    values,
    claims: [],
    imageTables: 0,
    textLength: 0,
  };
}

/**
 * The header decisions of lib/tables/layout.ts, each way a layout is found
 * and the one rule that flags header cells whichever found it.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildGrid, type Grid } from '../../../lib/tables/grid';
import {
  analyseLayout,
  findLegacyLayout,
  isHeaderCell,
  legacyLabelledRows,
  opensWithHeaderRow,
  type TableLayout,
} from '../../../lib/tables/layout';

function grid(rows: string): Grid {
  const doc = new JSDOM(`<!doctype html><table>${rows}</table>`).window.document;
  const table = doc.querySelector('table');
  if (table === null) throw new Error('no table');
  return buildGrid(table);
}

const tr = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

/** The text of the header cells, row by row. */
function headerTexts(g: Grid, layout: TableLayout): string[][] {
  return Array.from({ length: g.height }, (_, r) =>
    g.cells.filter((c) => c.row === r && isHeaderCell(layout, c)).map((c) => c.text),
  );
}

describe('analyseLayout', () => {
  it('takes the rows holding values for data rows and the columns left of them for labels', () => {
    const label = (text: string) => `<td colspan=2>${text}</td>`;
    const g = grid(
      `<tr>${label('项目')}<td>自然人</td><td>总计</td></tr>` +
        `<tr>${label('一、本年新收')}<td>3</td><td>3</td></tr>` +
        tr('三、本年度办理结果', '（一）予以公开', '—', '') +
        `<tr><td colspan=4>注：无</td></tr>`,
    );
    const layout = analyseLayout(g);
    expect(layout).toMatchObject({ labelCols: 2, valueCol: 2, headerRows: 1 });
    expect(layout.dataRows).toEqual([false, true, true, false]);
    expect(headerTexts(g, layout)).toEqual([
      ['项目', '自然人', '总计'],
      ['一、本年新收'],
      ['三、本年度办理结果', '（一）予以公开'],
      ['注：无'],
    ]);
  });

  it('keeps a row of text values a data row when its label names a template row', () => {
    const g = grid(tr('项目', '总计') + tr('（一）予以公开', '见附件') + tr('（二）部分公开', '1'));
    expect(analyseLayout(g).dataRows).toEqual([false, false, true]);
    expect(analyseLayout(g, (path) => path.includes('(一)予以公开')).dataRows).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe('findLegacyLayout', () => {
  const legacy = grid(
    tr('2018年政府信息公开情况统计表', '', '') +
      tr('统计指标', '单位', '统计数') +
      tr('一、主动公开情况', '', '') +
      tr('（一）主动公开政府信息数', '条', '12') +
      tr('', '', ''),
  );

  it('finds the header row by its words and takes every row below it for data', () => {
    const layout = findLegacyLayout(legacy);
    expect(layout).toMatchObject({
      headerRow: 1,
      headerRows: 2,
      labelCol: 0,
      unitCol: 1,
      valueCol: 2,
      labelCols: 1,
    });
    expect(layout?.dataRows).toEqual([false, false, true, true, true]);
  });

  it('flags the unit column a header, as the label column, but not the values', () => {
    const layout = findLegacyLayout(legacy);
    if (layout === null) throw new Error('not legacy');
    expect(headerTexts(legacy, layout).slice(2)).toEqual([
      ['一、主动公开情况', ''],
      ['（一）主动公开政府信息数', '条'],
      ['', ''],
    ]);
  });

  it('lists the data rows with a label of their own', () => {
    const layout = findLegacyLayout(legacy);
    if (layout === null) throw new Error('not legacy');
    expect(legacyLabelledRows(legacy, layout).map((row) => row.r)).toEqual([2, 3]);
  });

  it('is null for a table without the legacy header', () => {
    expect(findLegacyLayout(grid(tr('项目', '总计') + tr('新收', '1')))).toBeNull();
  });
});

describe('opensWithHeaderRow, the test for joining split tables', () => {
  it('reads the first row only and trusts <th>, where analyseLayout would see a data row', () => {
    const thRow = grid(`<tr><th>甲</th><th>&nbsp;</th></tr>${tr('a', '1')}`);
    expect(opensWithHeaderRow(thRow)).toBe(true);
    expect(analyseLayout(thRow).dataRows[0]).toBe(true);
  });

  it('takes a row with a figure, or blank values at its right end, for a body row', () => {
    expect(opensWithHeaderRow(grid(tr('行政复议数', '件', '3')))).toBe(false);
    expect(opensWithHeaderRow(grid(tr('行政复议数', '件', '&nbsp;')))).toBe(false);
    expect(opensWithHeaderRow(grid(tr('&nbsp;', '件数', '占比')))).toBe(true);
  });
});

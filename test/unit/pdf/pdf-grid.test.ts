import { describe, expect, it } from 'vitest';
import type { Glyph } from '../../../lib/pdf/glyphs';
import { joinParts } from '../../../lib/pdf/pdf-grid';
import type { RuledCell, RuledTable } from '../../../lib/pdf/ruled-tables';

const cell = (row: number, rowSpan: number, x0: number, x1: number, s: string): RuledCell => ({
  row,
  rowSpan,
  x0,
  x1,
  glyphs: Array.from(s).map(
    (ch, i): Glyph => ({ ch, x0: x0 + 1, x1: x0 + 9, top: i * 12, bottom: i * 12 + 10, size: 10 }),
  ),
});
const part = (page: number, rows: number, cells: RuledCell[]): RuledTable => ({
  page,
  top: 0,
  bottom: rows * 20,
  xs: [0, 20, 120, 170],
  rows,
  cells,
});

describe('joinParts', () => {
  it('joins a table over a page break, the vertical label and its text as one cell', () => {
    const grid = joinParts([
      part(2, 2, [
        cell(0, 2, 0, 20, '三、本年度'),
        cell(0, 1, 20, 120, '（一）予以公开'),
        cell(0, 1, 120, 170, '5'),
        cell(1, 1, 20, 120, '（二）部分公开'),
        cell(1, 1, 120, 170, '2'),
      ]),
      part(3, 2, [
        cell(0, 2, 0, 20, '办理结果'),
        cell(0, 1, 20, 120, '（三）不予公开'),
        cell(0, 1, 120, 170, '1'),
        cell(1, 1, 20, 120, '（七）总计'),
        cell(1, 1, 120, 170, '8'),
      ]),
    ]);
    expect(grid.grid.height).toBe(4);
    const label = grid.grid.cells.find((c) => c.col === 0);
    expect(label).toMatchObject({ row: 0, rowSpan: 4, text: '三、本年度办理结果' });
    expect(grid.grid.slots[3]?.[0]).toBe(label);
    expect(grid.cellPages[grid.grid.cells.findIndex((c) => c.text === '8')]).toBe(3);
    expect(grid.pages).toEqual([2, 3]);
  });

  it('never folds a numbered label or a blank figure into the cell above', () => {
    const grid = joinParts([
      part(1, 1, [cell(0, 1, 0, 120, '（三）不予公开'), cell(0, 1, 120, 170, '')]),
      part(2, 1, [cell(0, 1, 0, 120, '（四）无法提供'), cell(0, 1, 120, 170, '')]),
    ]);
    expect(grid.grid.cells.map((c) => [c.row, c.rowSpan, c.text])).toEqual([
      [0, 1, '（三）不予公开'],
      [0, 1, ''],
      [1, 1, '（四）无法提供'],
      [1, 1, ''],
    ]);
  });

  it('reads a header row the next page repeats once', () => {
    const grid = joinParts([
      part(1, 2, [
        cell(0, 1, 0, 120, '项目'),
        cell(0, 1, 120, 170, '数量'),
        cell(1, 1, 0, 120, '甲'),
        cell(1, 1, 120, 170, '1'),
      ]),
      part(2, 2, [
        cell(0, 1, 0, 120, '项目'),
        cell(0, 1, 120, 170, '数量'),
        cell(1, 1, 0, 120, '乙'),
        cell(1, 1, 120, 170, '2'),
      ]),
    ]);
    expect(grid.grid.height).toBe(3);
    expect(grid.grid.cells.map((c) => c.text)).toEqual(['项目', '数量', '甲', '1', '乙', '2']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Glyph } from '../../../lib/pdf/glyphs';
import { cellText } from '../../../lib/pdf/lines';
import { ruledTablesOfPage } from '../../../lib/pdf/ruled-tables';
import type { Ruling } from '../../../lib/pdf/rulings';

const glyph = (ch: string, x0: number, top: number, size = 10): Glyph => ({
  ch,
  x0,
  x1: x0 + size,
  top,
  bottom: top + size,
  size,
});
const text = (s: string, x0: number, top: number): Glyph[] =>
  Array.from(s).map((ch, i) => glyph(ch, x0 + i * 10, top));
const h = (at: number, from: number, to: number): Ruling => ({ at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ at, from, to });

describe('ruledTablesOfPage', () => {
  it('merges slots without a border between them, as rowspan and colspan', () => {
    // 3 columns × 3 rows; the first column's cell spans rows 2–3 (no border at y 40 in it),
    // and the header spans columns 2–3 (no border at x 100 in row 1).
    const horizontal = [h(0, 0, 150), h(20, 0, 150), h(40, 50, 150), h(60, 0, 150)];
    const vertical = [v(0, 0, 60), v(50, 0, 60), v(100, 20, 60), v(150, 0, 60)];
    const glyphs = [
      ...text('项目', 5, 5),
      ...text('申请人', 60, 5),
      ...text('合计', 5, 30),
      ...text('12', 60, 25),
      ...text('3', 110, 45),
    ];
    const used = new Set<Glyph>();
    const [table] = ruledTablesOfPage(1, { horizontal, vertical, images: 0 }, glyphs, used);
    const cells = table?.cells.map((c) => [c.row, c.rowSpan, c.x0, c.x1, cellText(c.glyphs)]);
    expect(cells).toEqual([
      [0, 1, 0, 50, '项目'],
      [0, 1, 50, 150, '申请人'],
      [1, 2, 0, 50, '合计'],
      [1, 1, 50, 100, '12'],
      [1, 1, 100, 150, ''],
      [2, 1, 50, 100, ''],
      [2, 1, 100, 150, '3'],
    ]);
    expect(used.size).toBe(glyphs.length);
  });

  it('reads no sliver row where a merged cell ends a few points off the row border', () => {
    // Chromium: the first column's box ends at y 34, the row's own border is at 40.
    const horizontal = [h(0, 0, 100), h(20, 0, 100), h(34, 0, 50), h(40, 0, 100), h(60, 0, 100)];
    const vertical = [v(0, 0, 60), v(50, 0, 34), v(50, 34, 60), v(100, 0, 60)];
    const glyphs = [
      ...text('一', 5, 5),
      ...text('5', 60, 5),
      ...text('二', 5, 45),
      ...text('6', 60, 45),
    ];
    const [table] = ruledTablesOfPage(1, { horizontal, vertical, images: 0 }, glyphs, new Set());
    expect(table?.rows).toBe(3);
    expect(table?.cells.filter((c) => c.x0 === 0).map((c) => [c.row, c.rowSpan])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it('takes a lone frame for no table', () => {
    const frame = {
      horizontal: [h(0, 0, 100), h(20, 0, 100)],
      vertical: [v(0, 0, 20), v(100, 0, 20)],
      images: 0,
    };
    expect(ruledTablesOfPage(1, frame, text('注', 5, 5), new Set())).toEqual([]);
  });
});

describe('cellText', () => {
  it('joins a label wrapped onto two lines with nothing between', () => {
    expect(cellText([...text('（二）部分公开（区分处', 0, 0), ...text('理的）', 0, 14)])).toBe(
      '（二）部分公开（区分处理的）',
    );
  });

  it('drops the spacing set between Chinese and Latin, keeps a space between two figures', () => {
    const spaced = [...text('信息', 0, 0), ...text('1.6', 26, 0), ...text('万条', 60, 0)];
    expect(cellText(spaced)).toBe('信息1.6万条');
    expect(cellText([...text('12', 0, 0), ...text('34', 30, 0)])).toBe('12 34');
  });
});

import { describe, expect, it } from 'vitest';
import { glyphsOfItem, unifyIdeograph } from '../../../lib/pdf/glyphs';

describe('glyphsOfItem', () => {
  it('cuts a run spanning two header cells into glyphs at their own places', () => {
    // LibreOffice's run for two cells of one line: 商业企业 at x 254.8, 社会公益组织 after a gap.
    const glyphs = glyphsOfItem(
      {
        str: '商业企业 社会公益组织',
        transform: [12, 0, 0, 12, 254.8, 678.4],
        width: 123.8,
        height: 12,
      },
      842,
    );
    expect(glyphs.map((g) => g.ch).join('')).toBe('商业企业社会公益组织');
    const gap = (glyphs[4]?.x0 ?? 0) - (glyphs[3]?.x1 ?? 0);
    expect(gap).toBeGreaterThan(4);
    expect(glyphs[0]?.top).toBeCloseTo(842 - 678.4 - 12 * 0.88, 1);
  });

  it('gives half the width to a digit as to an ideograph', () => {
    const glyphs = glyphsOfItem(
      { str: '92件', transform: [12, 0, 0, 12, 0, 0], width: 24, height: 12 },
      100,
    );
    expect(glyphs.map((g) => g.x1 - g.x0)).toEqual([6, 6, 12]);
  });

  it('reads no glyph from a rotated run (a stamp, a watermark)', () => {
    expect(
      glyphsOfItem({ str: '样本', transform: [0, 12, -12, 0, 50, 50], width: 24, height: 12 }, 100),
    ).toEqual([]);
  });
});

describe('unifyIdeograph', () => {
  it('maps the radical code points fonts extract to the ideographs they draw', () => {
    expect(['⼯', '⻓', '⻔', '⼈', '⼀'].map(unifyIdeograph).join('')).toBe('工长门人一');
    expect(unifyIdeograph('公')).toBe('公');
  });
});

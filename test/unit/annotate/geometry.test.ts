import { describe, expect, it } from 'vitest';
import { isInViewport, placeTooltip } from '../../../lib/annotate/position';
import { comparedDeltas, deltaText } from '../../../lib/compare/deltas';

const viewport = { width: 1000, height: 800 };

describe('tooltip placement', () => {
  it('goes below its cell when there is room', () => {
    const place = placeTooltip(
      { left: 100, top: 100, width: 60, height: 24 },
      { width: 300, height: 120 },
      viewport,
    );
    expect(place.side).toBe('below');
    expect(place.top).toBeGreaterThanOrEqual(124);
    expect(place.left).toBe(100);
  });

  it('flips above a cell near the bottom of the viewport', () => {
    const place = placeTooltip(
      { left: 100, top: 740, width: 60, height: 24 },
      { width: 300, height: 120 },
      viewport,
    );
    expect(place.side).toBe('above');
    expect(place.top + 120).toBeLessThanOrEqual(740);
  });

  it('stays inside the viewport for a cell at its right edge or scrolled half out', () => {
    const right = placeTooltip(
      { left: 960, top: 300, width: 80, height: 24 },
      { width: 300, height: 120 },
      viewport,
    );
    expect(right.left + 300).toBeLessThanOrEqual(viewport.width);
    const above = placeTooltip(
      { left: -40, top: -10, width: 80, height: 24 },
      { width: 300, height: 120 },
      viewport,
    );
    expect(above.left).toBeGreaterThanOrEqual(0);
    expect(above.top).toBeGreaterThanOrEqual(0);
  });

  it('keeps a tooltip taller than the room on either side on screen', () => {
    const place = placeTooltip(
      { left: 100, top: 380, width: 60, height: 24 },
      { width: 300, height: 700 },
      viewport,
    );
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.top + 700).toBeLessThanOrEqual(viewport.height);
  });

  it('knows whether a cell is on screen', () => {
    expect(isInViewport({ left: 10, top: 10, width: 20, height: 20 }, viewport)).toBe(true);
    expect(isInViewport({ left: 10, top: -40, width: 20, height: 20 }, viewport)).toBe(false);
    expect(isInViewport({ left: 10, top: 900, width: 20, height: 20 }, viewport)).toBe(false);
    expect(isInViewport({ left: 0, top: 0, width: 0, height: 0 }, viewport)).toBe(false);
  });
});

describe('year-over-year badges', () => {
  it('show the change of every figure a reader compares that moved: row totals, table 二, legacy', () => {
    const deltas = comparedDeltas(
      {
        't3.new.total': 92,
        't3.new.natural': 76,
        't3.carryOut.total': 3,
        't4.review.total': 5,
        't2.normative.valid': 30,
        't3.open.total': 31,
        'legacy.apply.received': 70,
      },
      {
        't3.new.total': 80,
        't3.new.natural': 60,
        't3.carryOut.total': 6,
        't4.review.total': 5,
        't2.normative.valid': 25,
        't3.open.total': null,
        'legacy.apply.received': 26,
      },
    );
    // Not a column of a row (新收·自然人), not an unchanged figure, not one blank last year.
    expect(deltas.map((d) => [d.key, d.text])).toEqual([
      ['t3.new.total', '▲12'],
      ['t3.carryOut.total', '▼3'],
      ['t2.normative.valid', '▲5'],
      ['legacy.apply.received', '▲44'],
    ]);
  });

  it('print decimals without float noise', () => {
    expect(deltaText(0.1 + 0.2)).toBe('▲0.3');
    expect(deltaText(-1234)).toBe('▼1234');
  });
});

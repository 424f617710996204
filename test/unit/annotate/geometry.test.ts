import { describe, expect, it } from 'vitest';
import { type Box, isInViewport, placeCard, unionBox } from '../../../lib/annotate/position';
import { comparedDeltas, deltaText } from '../../../lib/compare/deltas';

const viewport = { width: 1000, height: 800 };

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  width,
  height,
});

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

const cardBox = (place: { left: number; top: number }, size: { width: number; height: number }) =>
  box(place.left, place.top, size.width, size.height);

const inside = (b: Box, v: { width: number; height: number }) =>
  b.left >= 0 && b.top >= 0 && b.left + b.width <= v.width && b.top + b.height <= v.height;

/** A value column of a table: rows of 24 px from `top`, at x 600–700. */
const column = (top: number, rows: number): Box[] =>
  Array.from({ length: rows }, (_, i) => box(600, top + i * 24, 100, 24));

describe('card placement', () => {
  const card = { width: 300, height: 120 };

  it('goes right below its cell when nothing is to be left readable there', () => {
    const anchor = box(100, 100, 60, 24);
    const place = placeCard(anchor, card, viewport, []);
    expect(place).toEqual({ left: 100, top: 130, clear: true });
  });

  it('flips above a cell near the bottom of the viewport', () => {
    const anchor = box(100, 740, 60, 24);
    const place = placeCard(anchor, card, viewport, []);
    expect(place.top + card.height).toBeLessThanOrEqual(740);
    expect(place.clear).toBe(true);
  });

  it('never covers the terms of the sum, which lie right under the cell', () => {
    const cells = column(200, 12);
    const anchor = cells[0] as Box;
    const terms = cells.slice(1);
    const place = placeCard(anchor, card, viewport, terms, box(200, 200, 500, 288));
    const placed = cardBox(place, card);
    expect(place.clear).toBe(true);
    expect(overlaps(placed, anchor)).toBe(false);
    for (const term of terms) expect(overlaps(placed, term)).toBe(false);
    expect(inside(placed, viewport)).toBe(true);
  });

  it('covers none of terms scattered around the cell, wherever they are', () => {
    const anchor = box(400, 380, 80, 24);
    const terms = [
      box(400, 410, 80, 24),
      box(400, 350, 80, 24),
      box(490, 380, 80, 24),
      box(310, 380, 80, 24),
      box(100, 500, 700, 30),
      box(100, 250, 700, 30),
    ];
    const place = placeCard(anchor, card, viewport, terms);
    const placed = cardBox(place, card);
    expect(place.clear).toBe(true);
    for (const b of [anchor, ...terms]) expect(overlaps(placed, b)).toBe(false);
    expect(inside(placed, viewport)).toBe(true);
  });

  it('falls back beside the table when the column fills the viewport from top to bottom', () => {
    // A 33-row column covering the whole height: above and below are terms too.
    const cells = column(0, 34);
    const anchor = cells[16] as Box;
    const terms = cells.filter((c) => c !== anchor);
    const table = box(200, 0, 500, 816);
    const place = placeCard(anchor, card, viewport, terms, table);
    const placed = cardBox(place, card);
    expect(place.clear).toBe(true);
    for (const b of [anchor, ...terms]) expect(overlaps(placed, b)).toBe(false);
    // Beside the column, on the row of its cell as nearly as it can be.
    expect(placed.left >= 700 || placed.left + placed.width <= 600).toBe(true);
    expect(Math.abs(placed.top - anchor.top)).toBeLessThan(card.height);
  });

  it('stays inside the viewport for a cell at its right edge or scrolled half out', () => {
    const right = placeCard(box(960, 300, 80, 24), card, viewport, []);
    expect(inside(cardBox(right, card), viewport)).toBe(true);
    const scrolled = placeCard(box(-40, -10, 80, 24), card, viewport, []);
    expect(inside(cardBox(scrolled, card), viewport)).toBe(true);
  });

  it('takes the place covering least when no place leaves everything readable, still on screen', () => {
    const everything = box(0, 0, 1000, 800);
    const small = box(0, 0, 1000, 100);
    const place = placeCard(box(450, 400, 100, 24), card, viewport, [everything, small]);
    const placed = cardBox(place, card);
    expect(place.clear).toBe(false);
    expect(inside(placed, viewport)).toBe(true);
    expect(overlaps(placed, small)).toBe(false);
  });

  it('keeps a card taller than the viewport at its top', () => {
    const place = placeCard(box(100, 380, 60, 24), { width: 300, height: 900 }, viewport, []);
    expect(place.top).toBe(8);
  });

  it('pays no heed to terms scrolled out of view', () => {
    const anchor = box(100, 100, 60, 24);
    const place = placeCard(anchor, card, viewport, [box(100, -400, 60, 24)]);
    expect(place).toEqual({ left: 100, top: 130, clear: true });
  });

  it('joins boxes into the smallest one holding them', () => {
    expect(unionBox([])).toBeNull();
    expect(unionBox([box(10, 20, 5, 5), box(0, 40, 30, 10)])).toEqual(box(0, 20, 30, 30));
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

/**
 * Where a card goes: viewport coordinates (the overlay is position:fixed in
 * its own shadow root), near its anchor but off the figures it talks about,
 * and always pulled back inside the viewport, so neither the page's overflow
 * nor its fixed header can hide it.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

const GAP = 6;
const MARGIN = 8;

const clamp = (value: number, min: number, max: number): number =>
  Math.max(min, Math.min(value, Math.max(min, max)));

/** Is any part of the box inside the viewport? */
export function isInViewport(box: Box, viewport: Size): boolean {
  return (
    box.width + box.height > 0 &&
    box.top + box.height > 0 &&
    box.left + box.width > 0 &&
    box.top < viewport.height &&
    box.left < viewport.width
  );
}

const intersects = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

/**
 * How far apart two boxes are (0 when they touch or overlap). Sideways counts
 * half again: a card beside its cell hides that cell's row, where the other
 * columns of the same line are read, so above or below wins a tie.
 */
const gapBetween = (a: Box, b: Box): number =>
  1.5 * Math.max(0, a.left - (b.left + b.width), b.left - (a.left + a.width)) +
  Math.max(0, a.top - (b.top + b.height), b.top - (a.top + a.height));

/** The smallest box holding all of them. */
export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    left = Math.min(left, b.left);
    top = Math.min(top, b.top);
    right = Math.max(right, b.left + b.width);
    bottom = Math.max(bottom, b.top + b.height);
  }
  return { left, top, width: right - left, height: bottom - top };
}

export interface CardPlacement {
  left: number;
  top: number;
  /** False when no place in the viewport left every box uncovered (the least covering one was taken). */
  clear: boolean;
}

/**
 * Where a finding's card goes so that the reader can still read what it
 * talks about: never over the marked element (`anchor`) nor over any of
 * `avoid` (the cells its arithmetic adds), always inside the viewport.
 * Candidate edges are the sides of the anchor, of each box to avoid and of
 * `region` (the table: beside it when nothing nearer fits); of the places
 * that cover nothing, the one nearest the anchor wins. When none is clear,
 * the one covering the least area.
 */
export function placeCard(
  anchor: Box,
  card: Size,
  viewport: Size,
  avoid: readonly Box[],
  region: Box | null = null,
): CardPlacement {
  // Only what is on screen can be covered; boxes scrolled away do not constrain the card.
  const screen: Box = { left: 0, top: 0, width: viewport.width, height: viewport.height };
  const blockers = [anchor, ...avoid].filter((b) => intersects(b, screen));
  const edges = [anchor, ...avoid.filter((b) => intersects(b, screen))];
  if (region) edges.push(region);
  // Preferred first: below and above the anchor, then beside it, then the others' edges.
  const tops = [
    anchor.top + anchor.height + GAP,
    anchor.top - GAP - card.height,
    anchor.top,
    anchor.top + anchor.height - card.height,
  ];
  const lefts = [
    anchor.left,
    anchor.left + anchor.width + GAP,
    anchor.left - GAP - card.width,
    anchor.left + anchor.width - card.width,
  ];
  for (const b of edges) {
    tops.push(b.top + b.height + GAP, b.top - GAP - card.height);
    lefts.push(b.left + b.width + GAP, b.left - GAP - card.width);
  }
  tops.push(MARGIN, viewport.height - card.height - MARGIN);
  lefts.push(MARGIN, viewport.width - card.width - MARGIN);

  let best: { box: Box; covered: number; distance: number } | null = null;
  const seen = new Set<string>();
  for (const rawTop of tops) {
    const top = clamp(rawTop, MARGIN, viewport.height - card.height - MARGIN);
    for (const rawLeft of lefts) {
      const left = clamp(rawLeft, MARGIN, viewport.width - card.width - MARGIN);
      const id = `${left}:${top}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const box = { left, top, width: card.width, height: card.height };
      let covered = 0;
      for (const b of blockers) covered += overlapArea(box, b);
      const distance = gapBetween(box, anchor);
      // Strictly better only: on a tie the earlier (preferred) candidate stays.
      if (
        !best ||
        covered < best.covered ||
        (covered === best.covered && distance < best.distance)
      ) {
        best = { box, covered, distance };
      }
    }
  }
  const chosen = best as { box: Box; covered: number };
  return { left: chosen.box.left, top: chosen.box.top, clear: chosen.covered === 0 };
}

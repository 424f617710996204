/**
 * Where a tooltip goes: viewport coordinates (the overlay is position:fixed
 * in its own shadow root), below its anchor when it fits, above when that
 * has more room, and always pulled back inside the viewport, so neither the
 * page's overflow nor its fixed header can hide it.
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

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

const GAP = 6;
const MARGIN = 8;

const clamp = (value: number, min: number, max: number): number =>
  Math.max(min, Math.min(value, Math.max(min, max)));

export function placeTooltip(anchor: Box, tip: Size, viewport: Size): Placement {
  const below = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side = tip.height <= below || below >= above ? 'below' : 'above';
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - tip.height;
  return {
    side,
    top: clamp(top, MARGIN, viewport.height - tip.height - MARGIN),
    left: clamp(anchor.left, MARGIN, viewport.width - tip.width - MARGIN),
  };
}

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

/**
 * Where the in-page panel starts: docked beside the report where it covers
 * none of its text and no table, or, where neither side has room, folded to
 * a small tab at an edge that covers no table cell. A pure function of the
 * viewport and the boxes of the report's content and tables, so that the
 * decision is tested without a browser.
 *
 * Only the horizontal extents count for the docked panel: it is fixed while
 * the report scrolls under it, so any column of the viewport the report
 * occupies at some height would be covered at some scroll position.
 */
import type { Box, Size } from '../lib/annotate/position';

/** Space kept between the panel and the viewport's edge or the report. */
export const DOCK_MARGIN = 8;
/** Narrower than this the findings' sentences wrap too often to be read. */
export const PANEL_MIN_WIDTH = 260;
export const PANEL_MAX_WIDTH = 360;
/** The strip of finding markers along the right edge (ScrollMarkers), which the panel leaves free. */
export const MARKER_STRIP_WIDTH = 12;
export const TAB_SIZE: Size = { width: 30, height: 136 };
/**
 * A tab narrower than TAB_SIZE, down to this, fits the margin beside tables
 * that leave less (a 1000 px table at 1024 px leaves 12 px a side): a
 * coloured handle without its words, still a target for the pointer.
 */
export const TAB_MIN_WIDTH = 10;
/** Where a tab sits when nothing is in its way: a little above the middle. */
const TAB_PREFERRED_TOP = 0.35;
/** The step of the search for a height where the tab covers no table. */
const TAB_STEP = 8;

export type DockSide = 'left' | 'right';

export type Dock =
  | { kind: 'docked'; side: DockSide; left: number; width: number }
  | ({ kind: 'tab' } & TabPlace);

export interface TabPlace {
  side: DockSide;
  top: number;
  /** TAB_SIZE.width, or less where only a narrower margin is free of tables. */
  width: number;
  /** Its height depends on where the tables are now: placed again as the page scrolls. */
  slides?: true;
}

export interface DockInput {
  viewport: Size;
  /** The report's text blocks (paragraphs, headings), in viewport coordinates. */
  content: readonly Box[];
  /** The report's tables, in viewport coordinates. */
  tables: readonly Box[];
}

const visible = (box: Box) => box.width > 0 && box.height > 0;

/** Free columns left and right of what the boxes occupy (the whole width when there are none). */
function room(boxes: readonly Box[], width: number): { left: number; right: number } {
  const shown = boxes.filter(visible);
  if (shown.length === 0) return { left: width, right: width };
  const left = Math.min(...shown.map((b) => b.left));
  const right = Math.max(...shown.map((b) => b.left + b.width));
  return { left: Math.max(0, left), right: Math.max(0, width - MARKER_STRIP_WIDTH - right) };
}

const intersects = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/** The tab's height nearest the preferred one where it covers no table now; null when there is none. */
function clearTop(input: DockInput, left: number, width: number): number | null {
  const { viewport } = input;
  const highest = viewport.height - TAB_SIZE.height - DOCK_MARGIN;
  const preferred = Math.max(DOCK_MARGIN, Math.min(highest, viewport.height * TAB_PREFERRED_TOP));
  const tables = input.tables.filter(visible);
  const clear = (top: number) =>
    !tables.some((table) => intersects({ left, top, width, height: TAB_SIZE.height }, table));
  for (let step = 0; step * TAB_STEP <= viewport.height; step++) {
    for (const top of [preferred - step * TAB_STEP, preferred + step * TAB_STEP]) {
      if (top >= DOCK_MARGIN && top <= highest && clear(top)) return top;
    }
  }
  return null;
}

/** A little above the middle, inside the viewport. */
const preferredTop = (viewport: Size) =>
  Math.max(
    DOCK_MARGIN,
    Math.min(viewport.height - TAB_SIZE.height - DOCK_MARGIN, viewport.height * TAB_PREFERRED_TOP),
  );

export function dockPanel(input: DockInput): Dock {
  const { viewport } = input;
  const all = [...input.content, ...input.tables];
  const free = room(all, viewport.width);
  const needed = PANEL_MIN_WIDTH + 2 * DOCK_MARGIN;
  const widthIn = (space: number) => Math.min(PANEL_MAX_WIDTH, space - 2 * DOCK_MARGIN);
  // The right first, where readers look for a side panel; else the side with room.
  if (free.right >= needed) {
    const width = widthIn(free.right);
    return {
      kind: 'docked',
      side: 'right',
      left: viewport.width - MARKER_STRIP_WIDTH - DOCK_MARGIN - width,
      width,
    };
  }
  if (free.left >= needed) {
    return { kind: 'docked', side: 'left', left: DOCK_MARGIN, width: widthIn(free.left) };
  }
  return { kind: 'tab', ...tabPlace(input) };
}

/**
 * Where the folded panel's tab goes: in the margin beside the tables, the
 * right one first, narrowed to fit down to TAB_MIN_WIDTH. Where the tables
 * leave no such margin it slides (`slides`: placed again as the page
 * scrolls) to the height nearest the preferred one where no table is now;
 * where a table fills the whole height, it thins to whatever margin there is.
 */
export function tabPlace(input: DockInput): TabPlace {
  const { viewport } = input;
  const free = room(input.tables, viewport.width);
  const full = TAB_SIZE.width;
  if (free.right >= full) return { side: 'right', top: preferredTop(viewport), width: full };
  if (free.left >= full) return { side: 'left', top: preferredTop(viewport), width: full };
  const wider: DockSide = free.right >= free.left ? 'right' : 'left';
  const margin = Math.floor(Math.max(free.left, free.right));
  if (margin >= TAB_MIN_WIDTH) return { side: wider, top: preferredTop(viewport), width: margin };
  const top = clearTop(input, tabLeft('right', viewport), full);
  if (top !== null) return { side: 'right', top, width: full, slides: true };
  return { side: wider, top: preferredTop(viewport), width: Math.max(margin, 3), slides: true };
}

/** The tab's left edge on its side: against the edge, inside the marker strip on the right. */
export const tabLeft = (side: DockSide, viewport: Size, width: number = TAB_SIZE.width): number =>
  side === 'left' ? 0 : viewport.width - MARKER_STRIP_WIDTH - width;

/**
 * A dragged panel's corner kept inside the viewport: at least its header
 * stays reachable, whatever size the window has since become.
 */
export function clampPlace(
  place: { left: number; top: number },
  size: Size,
  viewport: Size,
): { left: number; top: number } {
  const clamp = (value: number, high: number) => Math.max(0, Math.min(Math.max(0, high), value));
  return {
    left: clamp(place.left, viewport.width - size.width),
    top: clamp(place.top, viewport.height - size.height),
  };
}

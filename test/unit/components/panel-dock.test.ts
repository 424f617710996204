import { describe, expect, it } from 'vitest';
import {
  clampPlace,
  type Dock,
  dockPanel,
  MARKER_STRIP_WIDTH,
  PANEL_MIN_WIDTH,
  TAB_SIZE,
  tabLeft,
} from '../../../components/panel-dock';
import type { Box } from '../../../lib/annotate/position';

const box = (left: number, right: number, top = 0, height = 400): Box => ({
  left,
  top,
  width: right - left,
  height,
});

/** The panel's or tab's horizontal extent, as the overlay places it. */
function extent(dock: Dock, width: number): { left: number; right: number } {
  if (dock.kind === 'docked') return { left: dock.left, right: dock.left + dock.width };
  const left = tabLeft(dock.side, { width, height: 800 }, dock.width);
  return { left, right: left + dock.width };
}

const clearOf = (dock: Dock, width: number, boxes: Box[]) => {
  const { left, right } = extent(dock, width);
  return boxes.every((b) => right <= b.left || left >= b.left + b.width);
};

describe('where the panel starts', () => {
  it('docks right of a narrow centred report, covering none of it', () => {
    const content = [box(352, 928)];
    const tables = [box(352, 928, 500)];
    const dock = dockPanel({ viewport: { width: 1280, height: 800 }, content, tables });
    expect(dock.kind).toBe('docked');
    expect(dock).toMatchObject({ side: 'right' });
    expect(clearOf(dock, 1280, [...content, ...tables])).toBe(true);
    if (dock.kind === 'docked') {
      expect(dock.width).toBeGreaterThanOrEqual(PANEL_MIN_WIDTH);
      expect(dock.left + dock.width).toBeLessThanOrEqual(1280 - MARKER_STRIP_WIDTH);
    }
  });

  it('docks left when only the left has room', () => {
    const content = [box(400, 1200)];
    const dock = dockPanel({ viewport: { width: 1280, height: 800 }, content, tables: [] });
    expect(dock).toMatchObject({ kind: 'docked', side: 'left' });
    expect(clearOf(dock, 1280, content)).toBe(true);
  });

  it("folds to a tab beside the tables when the text leaves no side wide enough (seed 002's layout at 1024 px)", () => {
    const content = [box(42, 982)];
    const tables = [box(228, 796, 300), box(228, 796, 900)];
    const dock = dockPanel({ viewport: { width: 1024, height: 800 }, content, tables });
    expect(dock.kind).toBe('tab');
    expect(clearOf(dock, 1024, tables)).toBe(true);
  });

  it('narrows the tab to the margin that 1000 px tables leave at 1024 px, clear of them at any scroll', () => {
    const tables = [box(12, 1012, 300, 380), box(12, 1012, 1200, 400)];
    const dock = dockPanel({
      viewport: { width: 1024, height: 800 },
      content: [box(12, 1012)],
      tables,
    });
    expect(dock).toMatchObject({ kind: 'tab', side: 'left', width: 12 });
    expect(clearOf(dock, 1024, tables)).toBe(true);
  });

  it('puts the tab where no table is now when the tables fill the width', () => {
    // Tables across the whole width, the first one starting 300 px down, the second off screen.
    const tables = [box(0, 1024, 300, 380), box(0, 1024, 1200, 400)];
    const viewport = { width: 1024, height: 800 };
    const dock = dockPanel({ viewport, content: [box(12, 1012)], tables });
    expect(dock.kind).toBe('tab');
    if (dock.kind !== 'tab') return;
    expect(dock.width).toBe(TAB_SIZE.width);
    const tab = {
      left: tabLeft(dock.side, viewport),
      top: dock.top,
      width: dock.width,
      height: TAB_SIZE.height,
    };
    const overlaps = tables.some(
      (t) =>
        tab.left < t.left + t.width &&
        t.left < tab.left + tab.width &&
        tab.top < t.top + t.height &&
        t.top < tab.top + tab.height,
    );
    expect(overlaps).toBe(false);
    expect(tab.top + tab.height).toBeLessThanOrEqual(viewport.height);
  });

  it('ignores boxes that are not shown', () => {
    const dock = dockPanel({
      viewport: { width: 1280, height: 800 },
      content: [box(300, 900), { left: 0, top: 0, width: 0, height: 0 }],
      tables: [],
    });
    expect(dock).toMatchObject({ kind: 'docked', side: 'right' });
  });

  it('thins the tab to what margin there is when a table fills the whole screen', () => {
    const viewport = { width: 1012, height: 800 };
    const tables = [box(6, 1006, -200, 1400)];
    const dock = dockPanel({ viewport, content: [box(6, 1006)], tables });
    expect(dock).toMatchObject({ kind: 'tab', width: 6, slides: true });
    expect(clearOf(dock, viewport.width, tables)).toBe(true);
  });
});

describe('a dragged panel', () => {
  it('stays inside the viewport', () => {
    const viewport = { width: 1024, height: 700 };
    const size = { width: 320, height: 300 };
    expect(clampPlace({ left: 900, top: -40 }, size, viewport)).toEqual({ left: 704, top: 0 });
    expect(clampPlace({ left: -10, top: 650 }, size, viewport)).toEqual({ left: 0, top: 400 });
    expect(clampPlace({ left: 100, top: 100 }, size, viewport)).toEqual({ left: 100, top: 100 });
  });
});

/**
 * Where the panel is and whether it is open: docked clear of the report or
 * folded to a tab (panel-dock.ts) until the reader moves it, then where the
 * reader dragged it, kept inside the viewport; both remembered per origin
 * through the settings (page-ui.ts). Dragging follows the pointer captured
 * by the title bar, and only the user's own pointer moves it.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Size } from '../lib/annotate/position';
import type { AcceptEvent } from '../lib/annotate/trusted';
import {
  clampPlace,
  DOCK_MARGIN,
  type DockInput,
  dockPanel,
  MARKER_STRIP_WIDTH,
  TAB_SIZE,
  tabLeft,
  tabPlace,
} from './panel-dock';
import { measureReport, measureTables, type ReportLayout, viewportOf } from './report-layout';

/** The panel's place as the settings keep it (lib/messaging/protocol.ts PanelPlaceSchema). */
export interface StoredPlace {
  left?: number;
  top?: number;
  collapsed: boolean;
}

export interface PanelPlacement {
  /** Where the reader left the panel on this origin; absent the first time. */
  initial?: StoredPlace;
  save(place: StoredPlace): void;
}

/** The width of a panel that is not docked (dragged, or opened from its tab). */
const FREE_WIDTH = 320;

export interface PanelPosition {
  collapsed: boolean;
  /** The tab is narrower than its words (a thin margin beside wide tables): a handle. */
  narrowTab: boolean;
  /** The edge the tab sits against. */
  tabSide: 'left' | 'right';
  style: JSX.CSSProperties;
  toggle(): void;
  startDrag(event: PointerEvent): void;
}

function measure(doc: Document, layout: ReportLayout | undefined): DockInput {
  const viewport = viewportOf(doc);
  const boxes = layout ? measureReport(layout) : { content: [], tables: [] };
  return { viewport, ...boxes };
}

const px = (value: number) => `${Math.round(value)}px`;

export function usePanelPlacement(
  doc: Document,
  layout: ReportLayout | undefined,
  placement: PanelPlacement | undefined,
  accept: AcceptEvent,
): PanelPosition {
  const initial = placement?.initial;
  const [input, setInput] = useState<DockInput>(() => measure(doc, layout));
  const [dragged, setDragged] = useState<{ left: number; top: number } | null>(() =>
    initial?.left !== undefined && initial.top !== undefined
      ? { left: initial.left, top: initial.top }
      : null,
  );
  const [collapsed, setCollapsed] = useState<boolean>(
    () => initial?.collapsed ?? dockPanel(input).kind === 'tab',
  );
  const state = useRef({ dragged, collapsed });
  state.current = { dragged, collapsed };

  // A resized window moves the report: measure again (once per frame at most).
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    let frame = 0;
    const onResize = () => {
      if (frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        setInput(measure(doc, layout));
      });
    };
    win.addEventListener('resize', onResize, { passive: true });
    return () => {
      win.removeEventListener('resize', onResize);
      if (frame) win.cancelAnimationFrame(frame);
    };
  }, [doc, layout]);

  const { viewport } = input;
  const dock = dockPanel(input);
  const placedTab = collapsed ? tabPlace(input) : null;
  // A tab with no margin to keep to finds its height again as the tables scroll past.
  const tab =
    placedTab?.slides && layout ? tabPlace({ ...input, tables: measureTables(layout) }) : placedTab;
  const freeWidth = Math.min(FREE_WIDTH, viewport.width - 2 * DOCK_MARGIN);
  let style: JSX.CSSProperties;
  let narrowTab = false;
  if (tab) {
    style = {
      left: px(tabLeft(tab.side, viewport, tab.width)),
      top: px(tab.top),
      width: px(tab.width),
    };
    narrowTab = tab.width < TAB_SIZE.width;
  } else if (dragged) {
    const place = clampPlace(dragged, { width: freeWidth, height: 0 }, viewport);
    style = { left: px(place.left), top: px(place.top), width: px(freeWidth) };
  } else if (dock.kind === 'docked') {
    // Beside the report it covers nothing, so it may take the viewport's height.
    style = {
      left: px(dock.left),
      top: px(2 * DOCK_MARGIN),
      width: px(dock.width),
      maxHeight: `calc(100vh - ${4 * DOCK_MARGIN}px)`,
    };
  } else {
    // Opened from its tab where no side has room: the reader asked for it over the report.
    style = {
      left: px(viewport.width - MARKER_STRIP_WIDTH - DOCK_MARGIN - freeWidth),
      bottom: px(2 * DOCK_MARGIN),
      width: px(freeWidth),
    };
  }

  const save = (next: StoredPlace) => placement?.save(next);

  const toggle = () => {
    const next = !state.current.collapsed;
    setCollapsed(next);
    save({ ...(state.current.dragged ?? {}), collapsed: next });
  };

  const startDrag = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const bar = event.currentTarget as HTMLElement;
    const panel = bar.parentElement;
    if (!panel) return;
    event.preventDefault();
    const start = panel.getBoundingClientRect();
    const size: Size = { width: start.width, height: start.height };
    const from = { x: event.clientX, y: event.clientY };
    let moved: { left: number; top: number } | null = null;
    bar.setPointerCapture?.(event.pointerId);
    const onMove = (move: PointerEvent) => {
      if (!accept(move)) return;
      moved = clampPlace(
        { left: start.left + move.clientX - from.x, top: start.top + move.clientY - from.y },
        size,
        viewportOf(doc),
      );
      setDragged(moved);
    };
    const onEnd = (end: PointerEvent) => {
      bar.removeEventListener('pointermove', onMove);
      bar.removeEventListener('pointerup', onEnd);
      bar.removeEventListener('pointercancel', onEnd);
      bar.releasePointerCapture?.(end.pointerId);
      if (moved && accept(end)) save({ ...moved, collapsed: false });
    };
    bar.addEventListener('pointermove', onMove);
    bar.addEventListener('pointerup', onEnd);
    bar.addEventListener('pointercancel', onEnd);
  };

  return { collapsed, narrowTab, tabSide: tab?.side ?? 'right', style, toggle, startDrag };
}

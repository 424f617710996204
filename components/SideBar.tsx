/**
 * A bar the page offers beside what it is about (an article that attaches
 * its report as PDF: PdfBar.tsx; a column of reports: ListingBar.tsx).
 * Placed like the panel (panel-dock.ts): beside `aside` where a side has
 * room, else folded to a tab at the edge, which the reader opens over the
 * page; never over the page's text unasked. Dismissed for this visit with
 * ×. Rendered into its own closed shadow root (lib/annotate/host.ts), with
 * the page only read (boxes). Only the reader's own clicks act.
 */
import { type ComponentChildren, render, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createOverlayHost } from '../lib/annotate/host';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { Translate } from './i18n';
import { PAGE_OVERLAY_CSS } from './PageStyles';
import {
  DOCK_MARGIN,
  type Dock,
  dockPanel,
  MARKER_STRIP_WIDTH,
  PANEL_MAX_WIDTH,
  tabLeft,
} from './panel-dock';
import { measureReport, viewportOf } from './report-layout';

/** What a bar is: its attributes are `data-ogi-NAME-bar`, `open-NAME-bar`, `fold-NAME-bar`, `dismiss-NAME-bar`. */
export type SideBarName = 'pdf' | 'column';

export interface SideBarProps {
  doc: Document;
  name: SideBarName;
  /** The element whose text the bar keeps clear of (the article, the list). */
  aside: Element;
  /** The bar's accessible name. */
  label: string;
  /** The folded tab's mark and its tooltip. */
  tabMark: string;
  tabTitle: string;
  dismissLabel: string;
  t: Translate;
  onDismiss(): void;
  /** Only the user's own clicks act, by default; jsdom tests pass a permissive policy. */
  acceptEvent?: AcceptEvent;
  children: ComponentChildren;
}

/** Beside the element where a side has room for it, else a tab at an edge. */
function placeBar(doc: Document, aside: Element): Dock {
  const { content, tables } = measureReport({ articleRoot: aside, tables: [] });
  return dockPanel({ viewport: viewportOf(doc), content, tables });
}

const px = (n: number) => `${Math.round(n)}px`;

export function SideBar(props: SideBarProps) {
  const { doc, t, name } = props;
  const accept = props.acceptEvent ?? acceptTrustedEvent;
  const [dock, setDock] = useState(() => placeBar(doc, props.aside));
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    const replace = () => setDock(placeBar(doc, props.aside));
    win.addEventListener('resize', replace, { passive: true });
    return () => win.removeEventListener('resize', replace);
  }, [doc, props.aside]);
  const onAccepted = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };
  const viewport = viewportOf(doc);

  if (dock.kind === 'tab' && !opened) {
    return (
      <div class="ol">
        <section
          {...{ [`data-ogi-${name}-bar`]: 'tab' }}
          class={`panel tab ${dock.side} sev-none`}
          style={{
            left: px(tabLeft(dock.side, viewport, dock.width)),
            top: px(dock.top),
            width: px(dock.width),
          }}
          aria-label={props.label}
        >
          <button
            type="button"
            data-action={`open-${name}-bar`}
            aria-expanded="false"
            title={props.tabTitle}
            aria-label={`${t('page_expand')}: ${props.label}`}
            onClick={onAccepted(() => setOpened(true))}
          >
            <span class="tab-brand">{t('page_brand')}</span>
            <span class={`tab-count side-tab-mark ${name}-tab-mark`} aria-hidden="true">
              {props.tabMark}
            </span>
          </button>
        </section>
      </div>
    );
  }

  // Docked, it sits in the margin beside the element; opened from its tab,
  // the reader asked for it over the page, at the tab's edge.
  const width =
    dock.kind === 'docked'
      ? dock.width
      : Math.min(PANEL_MAX_WIDTH, viewport.width - 2 * DOCK_MARGIN - MARKER_STRIP_WIDTH);
  const left =
    dock.kind === 'docked'
      ? dock.left
      : dock.side === 'left'
        ? DOCK_MARGIN
        : viewport.width - MARKER_STRIP_WIDTH - DOCK_MARGIN - width;
  const top = dock.kind === 'docked' ? 2 * DOCK_MARGIN : dock.top;
  return (
    <div class="ol">
      <section
        {...{ [`data-ogi-${name}-bar`]: dock.kind === 'docked' ? 'docked' : 'open' }}
        class={`panel side-bar ${name}-bar`}
        style={{ left: px(left), top: px(top), width: px(width) }}
        aria-label={props.label}
      >
        <div class="head">
          <span class="brand">{t('page_brand')}</span>
          <span class="counts" />
          {dock.kind === 'tab' && (
            <button
              type="button"
              class="icon"
              data-action={`fold-${name}-bar`}
              aria-expanded="true"
              title={t('page_collapse')}
              aria-label={t('page_collapse')}
              onClick={onAccepted(() => setOpened(false))}
            >
              {dock.side === 'left' ? '◂' : '▸'}
            </button>
          )}
          <button
            type="button"
            class="icon"
            data-action={`dismiss-${name}-bar`}
            title={props.dismissLabel}
            aria-label={props.dismissLabel}
            onClick={onAccepted(props.onDismiss)}
          >
            ×
          </button>
        </div>
        <div class="body">{props.children}</div>
      </section>
    </div>
  );
}

export interface MountedBar {
  remove(): void;
}

/**
 * Mounts a bar in its own closed-root host on `<html>`; `remove` (also the
 * bar's ×, passed to `bar` as its dismissal) takes it and its host away.
 */
export function mountSideBar(doc: Document, bar: (dismiss: () => void) => VNode): MountedBar {
  const host = createOverlayHost(doc, PAGE_OVERLAY_CSS);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    render(null, host.container);
    host.remove();
  };
  render(bar(remove), host.container);
  return { remove };
}

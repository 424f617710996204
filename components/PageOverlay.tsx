/**
 * Everything the extension shows on a report page, rendered into its closed shadow
 * root: the panel, the tooltip of the marked element under the pointer or
 * focus, the year-over-year badges and the flash after a panel click. Page
 * elements are only read (their boxes) and scrolled to, never written.
 */
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OverlayInput } from '../lib/annotate/annotate';
import { createOverlayHost, type OverlayHost } from '../lib/annotate/host';
import { type HoverTracker, trackMarkedElements } from '../lib/annotate/hover';
import { type Box, isInViewport } from '../lib/annotate/position';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { ExportMenuProps } from './ExportMenu';
import { useFindingKeys } from './finding-keys';
import type { Translate, UiLanguage } from './i18n';
import { PAGE_OVERLAY_CSS } from './PageStyles';
import { Panel } from './Panel';
import { type PanelPlacement, usePanelPlacement } from './panel-placement';
import { type ReportLayout, viewportOf } from './report-layout';
import { ScrollMarkers } from './ScrollMarkers';
import { Tooltip } from './Tooltip';

export const FLASH_MS = 1_500;

export interface PageOverlayProps extends OverlayInput {
  doc: Document;
  host: Element;
  showPanel: boolean;
  t: Translate;
  language: UiLanguage;
  /** The report's text and tables, which the panel starts clear of; absent, it docks at the right. */
  layout?: ReportLayout;
  /** Where the reader left the panel on this origin, and the way to remember a new place. */
  placement?: PanelPlacement;
  /** Each stores the choice; the panel is gone from this page as soon as one is called. */
  onHideReport(): void;
  /** Absent when the report names no agency. */
  onHideAgency?: () => void;
  exportMenu?: Omit<ExportMenuProps, 't' | 'acceptEvent'>;
  /**
   * Which events the overlay acts on (tooltips, panel, export menu): only the
   * user's own by default, so a page script drives none of it. Tests in
   * jsdom, whose events are all synthetic, pass a permissive policy.
   */
  acceptEvent?: AcceptEvent;
}

const boxOf = (element: Element): Box => {
  const r = element.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};

/**
 * Re-renders once per animation frame at most while the page scrolls (any
 * scroller: capture) or resizes, so fixed boxes follow their cells.
 */
function useViewportTick(doc: Document): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        setTick((n) => n + 1);
      });
    };
    const options = { capture: true, passive: true };
    win.addEventListener('scroll', schedule, options);
    win.addEventListener('resize', schedule, options);
    return () => {
      win.removeEventListener('scroll', schedule, options);
      win.removeEventListener('resize', schedule, options);
      if (frame) win.cancelAnimationFrame(frame);
    };
  }, [doc]);
  return tick;
}

export function PageOverlay(props: PageOverlayProps) {
  const { doc, marks, t } = props;
  const accept = props.acceptEvent ?? acceptTrustedEvent;
  const [shown, setShown] = useState<Element | null>(null);
  const [flash, setFlash] = useState<{ element: Element; id: number } | null>(null);
  const [panelVisible, setPanelVisible] = useState(props.showPanel);
  // The settings changed elsewhere (a hide undone in the popup, or made on another tab).
  useEffect(() => setPanelVisible(props.showPanel), [props.showPanel]);
  const panel = usePanelPlacement(doc, props.layout, props.placement, accept);
  const tracker = useRef<HoverTracker | null>(null);
  useViewportTick(doc);

  // Layout effect: the listeners exist as soon as the overlay is mounted, so a
  // focus that comes right after (the panel, a keyboard user) is never missed.
  useLayoutEffect(() => {
    const tracking = trackMarkedElements(
      doc,
      (element) => marks.has(element),
      (target) => target === props.host,
      (element) => setShown(element),
      accept,
    );
    tracker.current = tracking;
    return () => tracking.stop();
  }, [doc, marks, props.host, accept]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const goTo = (element: Element) => {
    element.scrollIntoView({ block: 'center' });
    // Focus brings the tooltip too; the scroll has already been done, centred.
    (element as HTMLElement).focus?.({ preventScroll: true });
    // A cell marked only from the history is not focusable (the page carries no trace of it).
    if (doc.activeElement !== element) tracker.current?.select(element);
    setFlash({ element, id: Date.now() });
  };
  const select = (index: number) => {
    const element = props.targets[index];
    if (element) goTo(element);
  };
  const current = useFindingKeys(doc, props.targets, panelVisible, accept, select);

  // Read only when something is placed against it: reading it makes the
  // browser lay the page out there and then, just after the cells were marked.
  const needsViewport =
    panelVisible || props.deltas.length > 0 || props.historyOutlines.length > 0 || shown !== null;
  const viewport = needsViewport ? viewportOf(doc) : { width: 0, height: 0 };
  const shownMark = shown ? marks.get(shown) : undefined;
  return (
    <div class="ol">
      {props.deltas.map(({ delta, element }) => {
        const box = boxOf(element);
        const visible = isInViewport(box, viewport);
        return (
          <span
            key={delta.key}
            class="delta"
            data-ogi-delta={delta.key}
            style={{
              left: `${box.left + box.width - 1}px`,
              top: `${box.top + 1}px`,
              visibility: visible ? 'visible' : 'hidden',
            }}
          >
            {delta.text}
          </span>
        );
      })}
      {props.historyOutlines.map(({ element, severity }, i) => {
        const box = boxOf(element);
        return (
          <span
            key={i}
            class={`hmark sev-${severity}`}
            data-ogi-history-mark={severity}
            style={{
              left: `${box.left}px`,
              top: `${box.top}px`,
              width: `${box.width}px`,
              height: `${box.height}px`,
              visibility: isInViewport(box, viewport) ? 'visible' : 'hidden',
            }}
          />
        );
      })}
      {panelVisible && (
        <Panel
          report={props.report}
          findings={props.findings}
          unchecked={props.unchecked}
          pruned={props.pruned}
          historyUnavailable={props.historyUnavailable}
          locatable={props.targets.map((target) => target !== null)}
          collapsed={panel.collapsed}
          narrowTab={panel.narrowTab}
          tabSide={panel.tabSide}
          place={panel.style}
          current={current}
          t={t}
          language={props.language}
          onToggle={panel.toggle}
          onDragStart={panel.startDrag}
          onSelect={select}
          onHideReport={() => {
            setPanelVisible(false);
            props.onHideReport();
          }}
          onHideAgency={
            props.onHideAgency &&
            (() => {
              setPanelVisible(false);
              props.onHideAgency?.();
            })
          }
          exportMenu={props.exportMenu}
          acceptEvent={accept}
        />
      )}
      {panelVisible && (
        <ScrollMarkers
          doc={doc}
          marks={marks}
          viewport={viewport}
          t={t}
          acceptEvent={accept}
          onSelect={goTo}
        />
      )}
      {flash && (
        <div
          key={flash.id}
          class="flash"
          data-ogi-flash=""
          style={(() => {
            const box = boxOf(flash.element);
            return {
              left: `${box.left - 3}px`,
              top: `${box.top - 3}px`,
              width: `${box.width + 6}px`,
              height: `${box.height + 6}px`,
            };
          })()}
        />
      )}
      {shown && shownMark && (
        <Tooltip
          mark={shownMark}
          anchor={boxOf(shown)}
          viewport={viewport}
          previous={props.previous}
          t={t}
          language={props.language}
        />
      )}
    </div>
  );
}

export type MountOptions = Omit<PageOverlayProps, 'doc' | 'host'>;

export interface MountedOverlay extends OverlayHost {
  /** Shows or hides the panel as the settings change (a hide undone from the popup or the options). */
  showPanel(show: boolean): void;
}

/** Creates the host on `<html>` and renders the overlay into its closed shadow root. */
export function mountPageOverlay(doc: Document, options: MountOptions): MountedOverlay {
  const overlay = createOverlayHost(doc, PAGE_OVERLAY_CSS);
  const draw = (current: MountOptions) =>
    render(<PageOverlay {...current} doc={doc} host={overlay.host} />, overlay.container);
  let current = options;
  draw(current);
  return {
    ...overlay,
    showPanel(show) {
      if (show === current.showPanel) return;
      current = { ...current, showPanel: show };
      draw(current);
    },
    remove() {
      render(null, overlay.container);
      overlay.remove();
    },
  };
}

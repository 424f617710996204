/**
 * Everything the extension shows on a report page, rendered into its closed shadow
 * root: the panel, the tooltip of the marked element under the pointer or
 * focus, the year-over-year badges and the flash after a panel click. Page
 * elements are only read (their boxes) and scrolled to, never written.
 */
import { render } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OverlayInput } from '../lib/annotate/annotate';
import { createOverlayHost, type OverlayHost } from '../lib/annotate/host';
import { type CardKey, type HoverTracker, trackMarkedElements } from '../lib/annotate/hover';
import type { Mark } from '../lib/annotate/marks';
import { type Box, isInViewport, type Size, unionBox } from '../lib/annotate/position';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { PdfOffer } from '../lib/content/analyser';
import type { PreviousYearView } from '../lib/content/previous-year';
import type { ExportMenuProps } from './ExportMenu';
import { copyText, type FindingActionsApi, FindingActionsContext } from './FindingActions';
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
  /** 「检查附件 PDF」 in the panel, for a report whose tables were not all read here. */
  pdfOffer?: PdfOffer;
  /** Last year's report looked for on the portal: the panel's line follows it. */
  previousYear?: PreviousYearView;
}

/** An overlay element laid over a page box: hidden while the box is out of view. */
const boxStyle = (box: Box, viewport: Size) => ({
  left: `${box.left}px`,
  top: `${box.top}px`,
  width: `${box.width}px`,
  height: `${box.height}px`,
  visibility: isInViewport(box, viewport) ? 'visible' : 'hidden',
});

const boxOf = (element: Element | Range): Box => {
  if (typeof element.getBoundingClientRect !== 'function')
    return { left: 0, top: 0, width: 0, height: 0 };
  const r = element.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};

/** The boxes of a figure's text, one per line it wraps over (none where ranges have no layout: jsdom). */
const lineBoxes = (range: Range): Box[] =>
  Array.from(typeof range.getClientRects === 'function' ? range.getClientRects() : [], (r) => ({
    left: r.left,
    top: r.top,
    width: r.width,
    height: r.height,
  })).filter((b) => b.width > 0 && b.height > 0);

/** What the shown card is about: the elements to tint, what it must not cover, where it points. */
interface ActiveCard {
  anchor: Box;
  tinted: Element[];
  avoid: Box[];
  region: Box | null;
  /** Finding indices whose sentence figure is shown as active. */
  figures: Set<number>;
}

function activeCard(shown: Element, mark: Mark, props: PageOverlayProps): ActiveCard {
  const tinted = new Set<Element>();
  const figures = new Set<number>();
  const figureBoxes: Box[] = [];
  for (const { index } of mark.findings) {
    for (const element of props.terms[index] ?? []) tinted.add(element);
    const figure = props.figures[index];
    if (mark.kind === 'sentence') {
      // The sentence's figure points at its table cells: they light up with it.
      for (const element of props.cells[index] ?? []) tinted.add(element);
      if (figure?.range) {
        figures.add(index);
        figureBoxes.push(...lineBoxes(figure.range));
      }
    }
  }
  tinted.delete(shown);
  const tintedList = [...tinted];
  const avoid = tintedList.map(boxOf);
  const anchor = unionBox(figureBoxes) ?? boxOf(shown);
  const table = mark.kind === 'cell' ? shown.closest('table') : null;
  const region = unionBox([...(table ? [boxOf(table)] : []), ...avoid, anchor]);
  // A sentence's card leaves its paragraph readable (beside or under it when it fits), and its figure always.
  if (mark.kind === 'sentence') avoid.push(boxOf(shown), ...figureBoxes);
  return { anchor, tinted: tintedList, avoid, region, figures };
}

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
  const [flash, setFlash] = useState<{ element: Element; range?: Range; id: number } | null>(null);
  const [panelVisible, setPanelVisible] = useState(props.showPanel);
  // The settings changed elsewhere (a hide undone in the popup, or made on another tab).
  useEffect(() => setPanelVisible(props.showPanel), [props.showPanel]);
  const panel = usePanelPlacement(doc, props.layout, props.placement, accept);
  const tracker = useRef<HoverTracker | null>(null);
  const actions = useContext(FindingActionsContext);
  const citationField = useRef<HTMLTextAreaElement>(null);
  /** What the last key on a card did, shown in that card until another card opens. */
  const [cardStatus, setCardStatus] = useState<{ element: Element; text: string } | null>(null);
  // The card's keys (C, E), read through a ref like its action: they act on its first finding.
  const cardKey = useRef<(element: Element, key: CardKey) => void>(() => {});
  cardKey.current = (element, key) => {
    const finding = marks.get(element)?.findings[0]?.finding;
    if (!actions || !finding) return;
    const say = (text: string) => setCardStatus({ element, text });
    if (key === 'copy') {
      void copyText(actions.citation(finding), citationField.current).then((copied) => {
        if (citationField.current) citationField.current.hidden = true;
        say(t(copied ? 'cite_copied' : 'cite_copyFailed'));
      });
      return;
    }
    const save = actions.saveEvidence;
    if (!save) return;
    say(t('cite_evidenceBusy'));
    void save(finding)
      .catch((error: unknown) => ({
        ok: false as const,
        message: error instanceof Error ? error.message : String(error),
      }))
      .then((outcome) =>
        say(
          outcome.ok
            ? t('cite_evidenceSaved', outcome.filename)
            : t('cite_evidenceFailed', outcome.message),
        ),
      );
  };
  // The card's action, read through a ref: the tracker is set up once, the props change.
  const activate = useRef<(element: Element) => void>(() => {});
  activate.current = (element) => {
    const mark = marks.get(element);
    if (!mark) return;
    for (const { index } of mark.findings) {
      const figure = props.figures[index];
      // A cell's card: show in the text, the figure itself.
      if (mark.kind === 'cell' && figure?.range) {
        jumpTo(figure.element, figure.range);
        return;
      }
      // A sentence's card: show in the table, the cell the figure contradicts.
      const cell = mark.kind === 'sentence' ? props.cells[index]?.[0] : undefined;
      if (cell) {
        jumpTo(cell);
        return;
      }
    }
  };
  const jumpTo = (element: Element, range?: Range) => {
    const target = range?.startContainer.parentElement ?? element;
    target.scrollIntoView({ block: 'center' });
    (element as HTMLElement).focus?.({ preventScroll: true });
    tracker.current?.jump(element);
    setFlash({ element, range, id: Date.now() });
  };
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
      (element) => activate.current(element),
      (element, key) => cardKey.current(element, key),
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
    panelVisible ||
    props.deltas.length > 0 ||
    props.historyOutlines.length > 0 ||
    shown !== null ||
    props.figures.some((f) => f?.range);
  const viewport = needsViewport ? viewportOf(doc) : { width: 0, height: 0 };
  const shownMark = shown ? marks.get(shown) : undefined;
  const active = shown && shownMark ? activeCard(shown, shownMark, props) : null;
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
            style={boxStyle(box, viewport)}
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
          withDeltas={props.deltas.length > 0}
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
          {...(props.pdfOffer ? { pdfOffer: props.pdfOffer } : {})}
          {...(props.previousYear ? { previousYear: props.previousYear } : {})}
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
            const box = boxOf(flash.range ?? flash.element);
            return {
              left: `${box.left - 3}px`,
              top: `${box.top - 3}px`,
              width: `${box.width + 6}px`,
              height: `${box.height + 6}px`,
            };
          })()}
        />
      )}
      {props.figures.map((figure, index) =>
        figure?.range
          ? lineBoxes(figure.range).map((box, line) => (
              <span
                key={`${index}:${line}`}
                class={`fig sev-${figure && props.findings[index]?.severity}${active?.figures.has(index) ? ' on' : ''}`}
                data-ogi-figure={String(index)}
                style={boxStyle(box, viewport)}
              />
            ))
          : null,
      )}
      {active?.tinted.map((element, i) => {
        const box = boxOf(element);
        return (
          <span key={`term:${i}`} class="term" data-ogi-term="" style={boxStyle(box, viewport)} />
        );
      })}
      {/* The copy's fallback (execCommand copies a selection of our own), in the closed root. */}
      <textarea ref={citationField} class="citation-text" hidden readOnly tabIndex={-1} />
      {shown && shownMark && active && (
        <Tooltip
          mark={shownMark}
          anchor={active.anchor}
          avoid={active.avoid}
          region={active.region}
          viewport={viewport}
          previous={props.previous}
          figures={props.figures}
          hasCells={(index) => (props.cells[index]?.length ?? 0) > 0}
          keys={actions ? { evidence: actions.saveEvidence !== undefined } : null}
          status={cardStatus?.element === shown ? cardStatus.text : null}
          t={t}
          language={props.language}
        />
      )}
    </div>
  );
}

export type MountOptions = Omit<PageOverlayProps, 'doc' | 'host'> & {
  /** Copy as citation and save evidence, under each finding (components/FindingActions.tsx). */
  findingActions?: FindingActionsApi;
};

export interface MountedOverlay extends OverlayHost {
  /** Shows or hides the panel as the settings change (a hide undone from the popup or the options). */
  showPanel(show: boolean): void;
  /**
   * Renders the overlay again with a re-checked report's findings (last
   * year's report found on the portal), in the same root: the panel stays
   * where and as the reader left it, open or folded.
   */
  update(options: MountOptions): void;
}

/** Creates the host on `<html>` and renders the overlay into its closed shadow root. */
export function mountPageOverlay(doc: Document, options: MountOptions): MountedOverlay {
  const overlay = createOverlayHost(doc, PAGE_OVERLAY_CSS);
  const draw = ({ findingActions, ...current }: MountOptions) =>
    render(
      <FindingActionsContext.Provider value={findingActions ?? null}>
        <PageOverlay {...current} doc={doc} host={overlay.host} />
      </FindingActionsContext.Provider>,
      overlay.container,
    );
  let current = options;
  draw(current);
  return {
    ...overlay,
    showPanel(show) {
      if (show === current.showPanel) return;
      current = { ...current, showPanel: show };
      draw(current);
    },
    update(options) {
      current = { ...options, showPanel: current.showPanel };
      draw(current);
    },
    remove() {
      render(null, overlay.container);
      overlay.remove();
    },
  };
}

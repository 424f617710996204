/**
 * The bar of a page whose report is published as a PDF attachment (a report
 * title over 「附件：….pdf」 and no report tables): it says so and offers
 * 「检查附件 PDF」 for each report PDF the page links (PdfChecks.tsx). Placed
 * like the panel (panel-dock.ts): beside the article where a side has room,
 * else folded to a tab at the edge, which the reader opens over the page;
 * never over the article's text unasked. Dismissed for this visit with ×.
 * Rendered into the same closed shadow root family as the panel
 * (lib/annotate/host.ts), with the page only read (boxes).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createOverlayHost } from '../lib/annotate/host';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { PdfOffer } from '../lib/content/analyser';
import type { Translate } from './i18n';
import { PAGE_OVERLAY_CSS } from './PageStyles';
import { PdfChecks } from './PdfChecks';
import {
  DOCK_MARGIN,
  type Dock,
  dockPanel,
  MARKER_STRIP_WIDTH,
  PANEL_MAX_WIDTH,
  tabLeft,
} from './panel-dock';
import { measureReport, viewportOf } from './report-layout';

export interface PdfBarProps {
  doc: Document;
  offer: PdfOffer;
  /** The article (lib/extract.ts findContentRoot), whose text the bar keeps clear of. */
  articleRoot: Element;
  t: Translate;
  onDismiss(): void;
  /** Only the user's own clicks act, by default; jsdom tests pass a permissive policy. */
  acceptEvent?: AcceptEvent;
}

/** Beside the article where a side has room for it, else a tab at an edge. */
function placeBar(doc: Document, articleRoot: Element): Dock {
  const { content, tables } = measureReport({ articleRoot, tables: [] });
  return dockPanel({ viewport: viewportOf(doc), content, tables });
}

const px = (n: number) => `${Math.round(n)}px`;

export function PdfBar(props: PdfBarProps) {
  const { doc, t } = props;
  const accept = props.acceptEvent ?? acceptTrustedEvent;
  const [dock, setDock] = useState(() => placeBar(doc, props.articleRoot));
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    const replace = () => setDock(placeBar(doc, props.articleRoot));
    win.addEventListener('resize', replace, { passive: true });
    return () => win.removeEventListener('resize', replace);
  }, [doc, props.articleRoot]);
  const onAccepted = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };
  const viewport = viewportOf(doc);

  if (dock.kind === 'tab' && !opened) {
    return (
      <div class="ol">
        <section
          data-ogi-pdf-bar="tab"
          class={`panel tab ${dock.side} sev-none`}
          style={{
            left: px(tabLeft(dock.side, viewport, dock.width)),
            top: px(dock.top),
            width: px(dock.width),
          }}
          aria-label={t('page_pdfBarLabel')}
        >
          <button
            type="button"
            data-action="open-pdf-bar"
            aria-expanded="false"
            title={t('popupAttachedPdf')}
            aria-label={`${t('page_expand')}: ${t('page_pdfBarLabel')}`}
            onClick={onAccepted(() => setOpened(true))}
          >
            <span class="tab-brand">{t('page_brand')}</span>
            <span class="tab-count pdf-tab-mark" aria-hidden="true">
              PDF
            </span>
          </button>
        </section>
      </div>
    );
  }

  // Docked, it sits in the margin beside the article; opened from its tab,
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
        data-ogi-pdf-bar={dock.kind === 'docked' ? 'docked' : 'open'}
        class="panel pdf-bar"
        style={{ left: px(left), top: px(top), width: px(width) }}
        aria-label={t('page_pdfBarLabel')}
      >
        <div class="head">
          <span class="brand">{t('page_brand')}</span>
          <span class="counts" />
          {dock.kind === 'tab' && (
            <button
              type="button"
              class="icon"
              data-action="fold-pdf-bar"
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
            data-action="dismiss-pdf-bar"
            title={t('page_pdfDismiss')}
            aria-label={t('page_pdfDismiss')}
            onClick={onAccepted(props.onDismiss)}
          >
            ×
          </button>
        </div>
        <div class="body">
          <PdfChecks offer={props.offer} note={t('popupAttachedPdf')} t={t} acceptEvent={accept} />
        </div>
      </section>
    </div>
  );
}

export interface MountedPdfBar {
  remove(): void;
}

/** Mounts the bar in its own closed-root host on `<html>`; `remove` takes it (and its host) away. */
export function mountPdfBar(props: Omit<PdfBarProps, 'onDismiss'>): MountedPdfBar {
  const host = createOverlayHost(props.doc, PAGE_OVERLAY_CSS);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    render(null, host.container);
    host.remove();
  };
  render(<PdfBar {...props} onDismiss={remove} />, host.container);
  return { remove };
}

/**
 * A narrow strip along the right edge of the viewport, beside the page's
 * scrollbar: one tick per marked cell at its height in the whole page, so a
 * reader sees at a glance where the findings are and how far down. The
 * colour says the severity and so does the shape (a square for an error, a
 * triangle for a warning, a circle for information), for readers who do
 * not tell the colours apart. Only the ticks take the pointer; a trusted
 * click scrolls to the cell.
 */
import type { Mark } from '../lib/annotate/marks';
import type { Size } from '../lib/annotate/position';
import type { AcceptEvent } from '../lib/annotate/trusted';
import type { Severity } from '../lib/model/report';
import type { Translate } from './i18n';
import { SEVERITY_KEYS } from './PageFindingText';

/** More ticks than this would be one smear; the panel lists every finding anyway. */
const MAX_TICKS = 400;
const TICK_SIZE = 8;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ScrollMarkersProps {
  doc: Document;
  marks: ReadonlyMap<Element, Mark>;
  viewport: Size;
  t: Translate;
  acceptEvent: AcceptEvent;
  onSelect(element: Element): void;
}

/** Where a cell lies in the whole page, as a fraction of its height (0 top, 1 bottom). */
function pagePosition(doc: Document, element: Element): number | null {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return null;
  const scroller = doc.scrollingElement ?? doc.documentElement;
  const height = scroller.scrollHeight;
  if (height <= 0) return null;
  const top = box.top + scroller.scrollTop + box.height / 2;
  return Math.max(0, Math.min(1, top / height));
}

export function ScrollMarkers(props: ScrollMarkersProps) {
  const { doc, viewport, t } = props;
  if (viewport.height === 0) return null;
  // The most severe first, so that past the cap no error is left out.
  const marks = [...props.marks.values()]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .slice(0, MAX_TICKS);
  const ticks = marks.flatMap((mark) => {
    const at = pagePosition(doc, mark.element);
    return at === null ? [] : [{ mark, at }];
  });
  if (ticks.length === 0) return null;
  const span = viewport.height - TICK_SIZE;
  return (
    <nav class="markers" data-ogi-markers="" aria-label={t('page_markers')}>
      {ticks.map(({ mark, at }, i) => {
        const label = t(SEVERITY_KEYS[mark.severity]);
        return (
          <button
            key={i}
            type="button"
            class={`tick sev-${mark.severity}`}
            data-ogi-marker={mark.severity}
            style={{ top: `${Math.round(at * span)}px` }}
            title={label}
            aria-label={label}
            tabIndex={-1}
            onClick={(event) => {
              if (props.acceptEvent(event)) props.onSelect(mark.element);
            }}
          />
        );
      })}
    </nav>
  );
}

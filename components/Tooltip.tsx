/**
 * The explanation of a marked cell or sentence: each finding's message, its
 * arithmetic, the cell's row and column labels and last year's figure. Page
 * text reaches it only as Preact text nodes.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Mark } from '../lib/annotate/marks';
import { type Box, placeTooltip, type Size } from '../lib/annotate/position';
import { formatNumber } from '../lib/checks/shared/arithmetic';
import type { PreviousSummary } from '../lib/model/history';
import { FindingActions } from './FindingActions';
import type { Translate, UiLanguage } from './i18n';
import { cellLabels, findingMessage, SEVERITY_KEYS } from './PageFindingText';

export interface TooltipProps {
  mark: Mark;
  /** The marked element's box in viewport coordinates. */
  anchor: Box;
  viewport: Size;
  previous: PreviousSummary | null;
  t: Translate;
  language: UiLanguage;
}

function lastYear(mark: Mark, previous: PreviousSummary | null, t: Translate): string | null {
  if (!previous) return null;
  const key = mark.findings.find((f) => f.ref?.key)?.ref?.key;
  const value = key ? previous.values[key] : undefined;
  if (value === undefined || value === null) return null;
  return t('page_lastYear', String(previous.year), formatNumber(value));
}

export function Tooltip({ mark, anchor, viewport, previous, t, language }: TooltipProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Measured after each render, then placed: its size depends on its text.
  useLayoutEffect(() => {
    const tip = ref.current;
    if (!tip) return;
    const place = placeTooltip(
      anchor,
      { width: tip.offsetWidth, height: tip.offsetHeight },
      viewport,
    );
    tip.style.left = `${place.left}px`;
    tip.style.top = `${place.top}px`;
    tip.style.visibility = 'visible';
  });
  const previousValue = lastYear(mark, previous, t);
  return (
    <div
      ref={ref}
      role="tooltip"
      class={`tip sev-${mark.severity}`}
      style={{ left: '0px', top: '0px', visibility: 'hidden' }}
    >
      {mark.findings.map(({ index, finding, ref: cell }) => {
        const labels = cell ? cellLabels(cell.row, cell.col, t) : null;
        return (
          <div class={`item sev-${finding.severity}`} key={index}>
            <div>
              <span class="sev">{t(SEVERITY_KEYS[finding.severity])}</span>
              {findingMessage(finding, language)}
            </div>
            {finding.arithmetic && <div class="arith">{finding.arithmetic}</div>}
            {labels && <div class="meta">{labels}</div>}
            <FindingActions finding={finding} t={t} />
          </div>
        );
      })}
      {previousValue && <div class="meta">{previousValue}</div>}
    </div>
  );
}

/**
 * The explanation of a marked cell or sentence: each finding's message, the
 * likely right value, its arithmetic with the figures it adds as
 * 「label = value」, a contradicted sentence with its figure, the cell's row
 * and column labels and last year's figure. Page text reaches it only as
 * Preact text nodes. It lets the pointer through (the stylesheet), and is
 * placed where it covers neither its cell nor the figures it adds.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PageFigure } from '../lib/annotate/annotate';
import type { Mark } from '../lib/annotate/marks';
import { type Box, placeCard, type Size } from '../lib/annotate/position';
import { formatNumber } from '../lib/checks/shared/arithmetic';
import type { PreviousSummary } from '../lib/model/history';
import { likelyLine, listTerms, zerosLine } from './card-terms';
import type { Translate, UiLanguage } from './i18n';
import { lastYearFigure } from './last-year';
import { cellLabels, findingArithmetic, findingMessage, SEVERITY_KEYS } from './PageFindingText';

export interface TooltipProps {
  mark: Mark;
  /** What the card is about in viewport coordinates: the marked cell, or a sentence's figure. */
  anchor: Box;
  /** Boxes the card must leave readable: the cells its arithmetic adds, a figure's linked cells. */
  avoid: Box[];
  /** The table (or what holds the boxes): the card goes beside it when nothing nearer fits. */
  region: Box | null;
  viewport: Size;
  previous: PreviousSummary | null;
  /** A narrative finding's figure, by finding index. */
  figures: readonly (PageFigure | null)[];
  /** Whether a finding has a cell on the page to show (a sentence card's "show in table"). */
  hasCells: (index: number) => boolean;
  /**
   * The card's keys for its first finding (it lets the pointer through, so no
   * buttons): C copies it as a citation, E saves an evidence image where the
   * page can be captured. Null where no action is wired.
   */
  keys: { evidence: boolean } | null;
  /** What the last key did (copied, saved, failed). */
  status: string | null;
  t: Translate;
  language: UiLanguage;
}

/** Characters of the sentence shown on each side of its figure. */
const QUOTE_CONTEXT = 40;

/** One last-year figure per card (./last-year.ts): the one its arithmetic uses, or the same cell's. */
function lastYear(mark: Mark, previous: PreviousSummary | null, t: Translate): string | null {
  const key = mark.findings.find((f) => f.ref?.key)?.ref?.key;
  const figure = lastYearFigure(
    mark.findings.map((f) => f.finding),
    key,
    previous,
  );
  if (!figure) return null;
  const value = formatNumber(figure.value);
  if (!figure.label) return t('page_lastYear', String(figure.year), value);
  const { row, col } = figure.label;
  return t('page_lastYearOf', String(figure.year), col ? `${row}（${col}）` : row, value);
}

/** The sentence around its figure, the figure highlighted; long sentences cut with an ellipsis. */
function Quote({ figure, t }: { figure: PageFigure; t: Translate }) {
  const from = Math.max(0, figure.start - QUOTE_CONTEXT);
  const to = Math.min(figure.sentence.length, figure.end + QUOTE_CONTEXT);
  return (
    <div class="quote" data-ogi-quote="">
      <span class="quote-head">{t('page_sentenceHeading')}</span>
      {from > 0 ? '…' : ''}
      {figure.sentence.slice(from, figure.start)}
      <mark data-ogi-quote-figure="">{figure.sentence.slice(figure.start, figure.end)}</mark>
      {figure.sentence.slice(figure.end, to)}
      {to < figure.sentence.length ? '…' : ''}
    </div>
  );
}

export function Tooltip(props: TooltipProps) {
  const { mark, anchor, avoid, region, viewport, previous, figures, t, language } = props;
  const ref = useRef<HTMLDivElement>(null);
  // Measured after each render, then placed: its size depends on its text.
  useLayoutEffect(() => {
    const tip = ref.current;
    if (!tip) return;
    const place = placeCard(
      anchor,
      { width: tip.offsetWidth, height: tip.offsetHeight },
      viewport,
      avoid,
      region,
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
        const likely = likelyLine(finding, t);
        const { lines, zeros } = listTerms(finding.terms, t);
        const folded = zerosLine(zeros, t);
        const figure = figures[index] ?? null;
        const action =
          mark.kind === 'cell'
            ? figure?.range
              ? t('page_showInText')
              : null
            : props.hasCells(index)
              ? t('page_showInTable')
              : null;
        return (
          <div class={`item sev-${finding.severity}`} key={index}>
            <div>
              <span class="sev">{t(SEVERITY_KEYS[finding.severity])}</span>
              {findingMessage(finding, language)}
            </div>
            {likely && (
              <div class="likely" data-ogi-likely="">
                {likely}
              </div>
            )}
            {finding.arithmetic && <div class="arith">{findingArithmetic(finding, language)}</div>}
            {(lines.length > 0 || folded) && (
              <ul class="terms" aria-label={t('page_termsHeading')}>
                {lines.map((line, i) => (
                  <li key={i} data-ogi-term-line="">
                    {`${line.label} = ${line.value}`}
                  </li>
                ))}
                {folded && (
                  <li class="zeros" data-ogi-term-zeros="">
                    {folded}
                  </li>
                )}
              </ul>
            )}
            {mark.kind === 'cell' && figure && <Quote figure={figure} t={t} />}
            {labels && <div class="meta">{labels}</div>}
            {action && (
              <div class="action" data-ogi-action={mark.kind === 'cell' ? 'text' : 'table'}>
                {action}
              </div>
            )}
          </div>
        );
      })}
      {previousValue && <div class="meta">{previousValue}</div>}
      {props.keys && (
        <div class="keys" data-ogi-card-keys="">
          {t(props.keys.evidence ? 'cite_cardKeys' : 'cite_cardKeyCopy')}
        </div>
      )}
      {props.status && (
        <div class="key-status" role="status" data-ogi-card-status="">
          {props.status}
        </div>
      )}
    </div>
  );
}

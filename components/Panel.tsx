/**
 * The in-page summary: who and which year, the format, the counts by
 * severity and the findings, each in full; clicking one takes the reader to
 * its figure. Placed by the overlay beside the report (panel-dock.ts), moved
 * by dragging its title bar, and folded to a small tab at the edge.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { PdfOffer } from '../lib/content/analyser';
import type { PreviousYearView } from '../lib/content/previous-year';
import type { NotCheckedReason } from '../lib/messaging/protocol';
import type { Finding, Report, Severity } from '../lib/model/report';
import { type CountedKey, countText } from './count-text';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';
import { FindingActions } from './FindingActions';
import type { Translate, UiLanguage } from './i18n';
import { NOT_CHECKED_KEYS } from './not-checked';
import { findingMessage, SEVERITY_KEYS } from './PageFindingText';
import { PanelLegend } from './PanelLegend';
import { PdfChecks } from './PdfChecks';
import { PreviousYearLine } from './PreviousYearLine';
import { templateMessageKey } from './template-name';

const COUNT_KEYS: Record<Severity, CountedKey> = {
  error: 'page_countError',
  warning: 'page_countWarning',
  info: 'page_countInfo',
};
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export interface PanelProps {
  report: Report;
  findings: Finding[];
  /**
   * Why the report was not checked (refused by the background, or no
   * answer); null when it was. Unchecked, the panel shows no counts: zero
   * findings would read as a clean report.
   */
  unchecked: NotCheckedReason | null;
  /** Cached reports pruned from a full history to store this one. */
  pruned: number;
  /** The history could not be opened: said, so that no year-over-year finding is not read as a clean bill. */
  historyUnavailable: boolean;
  /** Which findings have a place on the page to go to. */
  locatable: boolean[];
  collapsed: boolean;
  /** Folded into a margin too narrow for its words: a coloured handle. */
  narrowTab?: boolean;
  /** The edge the tab sits against, which its rounded corners face away from. */
  tabSide?: 'left' | 'right';
  /** Where the panel (or its tab) sits: fixed-position offsets and width, from the overlay. */
  place: JSX.CSSProperties;
  /** Whether ▲/▼ badges of changes against last year's report are on the page: the legend explains them. */
  withDeltas: boolean;
  /** The finding the J/K keys last went to, announced in the panel. */
  current: { index: number; position: number; count: number } | null;
  t: Translate;
  language: UiLanguage;
  onToggle(): void;
  onSelect(index: number): void;
  /** A trusted press on the title bar, where a drag starts. */
  onDragStart(event: PointerEvent): void;
  onHideReport(): void;
  /** Absent when the report names no agency. */
  onHideAgency?: () => void;
  /** The export menu; absent where nothing can be exported (no content script behind the panel). */
  exportMenu?: Omit<ExportMenuProps, 't'>;
  /** Which clicks act: by default only the user's own (a page script's `click()` does nothing). */
  acceptEvent?: AcceptEvent;
  /**
   * 「检查附件 PDF」 for the report PDFs the page links, when its tables could
   * not all be read here (lib/content/pdf-offer.ts); absent otherwise.
   */
  pdfOffer?: PdfOffer;
  /** Last year's report looked for on the portal (lib/content/previous-year.ts); absent when not. */
  previousYear?: PreviousYearView;
}

export function Panel(props: PanelProps) {
  const { report, findings, collapsed, t } = props;
  const { identity } = report;
  const accept = props.acceptEvent ?? acceptTrustedEvent;
  /** A click handler that runs `action` only for an accepted event. */
  const onAccepted = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };
  const body = useRef<HTMLDivElement>(null);
  const currentIndex = props.current?.index;
  // The finding the keys went to is brought into the list's view, without scrolling the page.
  useEffect(() => {
    const list = body.current;
    const item = list?.querySelector<HTMLElement>(`[data-finding-index="${currentIndex}"]`);
    if (!list || !item || currentIndex === undefined) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + item.offsetHeight - list.clientHeight;
    }
  }, [currentIndex]);
  const counts = SEVERITIES.map((severity) => ({
    severity,
    count: findings.filter((f) => f.severity === severity).length,
  }));
  if (collapsed) {
    // The tab's colour and number are the report's worst findings; grey when none, or no check ran.
    const worst = props.unchecked ? undefined : counts.find(({ count }) => count > 0);
    return (
      <section
        data-ogi-panel=""
        class={`panel tab ${props.tabSide ?? 'right'} ${worst ? `sev-${worst.severity}` : 'sev-none'}${props.narrowTab ? ' narrow' : ''}`}
        style={props.place}
        aria-label={t('page_panelLabel')}
      >
        <button
          type="button"
          data-action="collapse"
          aria-expanded="false"
          title={t('page_expand')}
          aria-label={`${t('page_expand')}: ${t('page_panelLabel')}`}
          onClick={onAccepted(props.onToggle)}
        >
          <span class="tab-brand">{t('page_brand')}</span>
          {worst && (
            <span class="tab-count" aria-hidden="true">
              {String(worst.count)}
            </span>
          )}
        </button>
        {/* Folded, the panel still says where the J/K keys went, to a screen reader. */}
        <span
          class="sr"
          aria-live="polite"
          data-ogi-current={props.current ? String(props.current.index) : ''}
        >
          {props.current
            ? t('page_current', String(props.current.position), String(props.current.count))
            : ''}
        </span>
      </section>
    );
  }
  return (
    <section data-ogi-panel="" class="panel" style={props.place} aria-label={t('page_panelLabel')}>
      <div
        class="head"
        data-ogi-drag=""
        title={t('page_dragHint')}
        onPointerDown={(event) => {
          // The buttons in the bar stay buttons; only the bar itself moves the panel.
          if ((event.target as Element).closest('button')) return;
          if (accept(event)) props.onDragStart(event);
        }}
      >
        <span class="brand">{t('page_brand')}</span>
        {props.unchecked ? (
          <span class="counts unchecked-head" data-ogi-unchecked={props.unchecked}>
            {t('page_notCheckedShort')}
          </span>
        ) : (
          <span class="counts">
            {counts.map(({ severity, count }) => (
              <span class={`count sev-${severity}${count === 0 ? ' zero' : ''}`} key={severity}>
                <span class="dot" />
                {countText(t, COUNT_KEYS[severity], count)}
              </span>
            ))}
          </span>
        )}
        <button
          type="button"
          class="icon"
          data-action="collapse"
          aria-expanded="true"
          title={t('page_collapse')}
          aria-label={t('page_collapse')}
          onClick={onAccepted(props.onToggle)}
        >
          {props.place.left !== undefined && Number(props.place.left) < 40 ? '◂' : '▸'}
        </button>
      </div>
      <div class="body" ref={body}>
        <dl class="identity">
          <dt>{t('fieldAgency')}</dt>
          <dd>{identity.agency || t('fieldUnknown')}</dd>
          <dt>{t('fieldYear')}</dt>
          <dd>{identity.year === null ? t('fieldUnknown') : String(identity.year)}</dd>
          <dt>{t('fieldTemplate')}</dt>
          <dd>{t(templateMessageKey(identity.template))}</dd>
        </dl>
        {props.pdfOffer && (
          <PdfChecks
            offer={props.pdfOffer}
            note={t('page_pdfTablesUnread')}
            t={t}
            acceptEvent={accept}
          />
        )}
        {props.previousYear && (
          <PreviousYearLine view={props.previousYear} t={t} acceptEvent={accept} />
        )}
        {props.unchecked && <p class="unchecked">{t(NOT_CHECKED_KEYS[props.unchecked])}</p>}
        {props.pruned > 0 && (
          <p class="pruned" data-ogi-pruned={String(props.pruned)}>
            {t('page_pruned', String(props.pruned))}
          </p>
        )}
        {props.historyUnavailable && (
          <p class="history-unavailable" data-ogi-history-unavailable="">
            {t('page_historyUnavailable')}
          </p>
        )}
        {!props.unchecked && findings.length === 0 && <p class="none">{t('page_noFindings')}</p>}
        {findings.length > 0 && (
          <p
            class="current"
            data-ogi-current={props.current ? String(props.current.index) : ''}
            aria-live="polite"
          >
            {props.current
              ? t('page_current', String(props.current.position), String(props.current.count))
              : t('page_keysHint')}
          </p>
        )}
        {!props.unchecked && <PanelLegend t={t} withDeltas={props.withDeltas} />}
        {findings.length > 0 && (
          <ol class="list" aria-label={t('page_findingsHeading')}>
            {findings.map((finding, index) => {
              const here = props.locatable[index] === true;
              return (
                <li key={index}>
                  <button
                    type="button"
                    class={`finding sev-${finding.severity}${here ? '' : ' away'}`}
                    aria-current={props.current?.index === index ? 'true' : undefined}
                    data-finding-index={String(index)}
                    data-severity={finding.severity}
                    title={here ? undefined : t('page_notOnPage')}
                    onClick={onAccepted(() => props.onSelect(index))}
                  >
                    <span class="dot" aria-hidden="true" />
                    <span class="msg">
                      <span class="sr">{`${t(SEVERITY_KEYS[finding.severity])}: `}</span>
                      {findingMessage(finding, props.language)}
                    </span>
                  </button>
                  <FindingActions finding={finding} t={t} />
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div class="foot">
        {props.exportMenu && <ExportMenu {...props.exportMenu} acceptEvent={accept} t={t} />}
        <span class="hides">
          <button type="button" data-action="hide-report" onClick={onAccepted(props.onHideReport)}>
            {t('page_hideReport')}
          </button>
          {props.onHideAgency && (
            <button
              type="button"
              data-action="hide-agency"
              onClick={onAccepted(props.onHideAgency)}
            >
              {t('page_hideAgency')}
            </button>
          )}
        </span>
      </div>
    </section>
  );
}

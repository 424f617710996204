/**
 * The in-page summary: who and which year, the format, the counts by
 * severity and the findings; clicking one takes the reader to its figure.
 * Bottom-right and collapsible, so the page's own controls stay usable.
 */
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { NotCheckedReason } from '../lib/messaging/protocol';
import type { Finding, Report, Severity } from '../lib/model/report';
import { type CountedKey, countText } from './count-text';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';
import { FindingActions } from './FindingActions';
import type { Translate, UiLanguage } from './i18n';
import { NOT_CHECKED_KEYS } from './not-checked';
import { findingMessage, SEVERITY_KEYS } from './PageFindingText';
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
  t: Translate;
  language: UiLanguage;
  onToggle(): void;
  onSelect(index: number): void;
  onHideOnSite(): void;
  /** The export menu; absent where nothing can be exported (no content script behind the panel). */
  exportMenu?: Omit<ExportMenuProps, 't'>;
  /** Which clicks act: by default only the user's own (a page script's `click()` does nothing). */
  acceptEvent?: AcceptEvent;
}

export function Panel(props: PanelProps) {
  const { report, findings, collapsed, t } = props;
  const { identity } = report;
  const accept = props.acceptEvent ?? acceptTrustedEvent;
  /** A click handler that runs `action` only for an accepted event. */
  const onAccepted = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };
  const counts = SEVERITIES.map((severity) => ({
    severity,
    count: findings.filter((f) => f.severity === severity).length,
  }));
  return (
    <section
      data-ogi-panel=""
      class={`panel${collapsed ? ' collapsed' : ''}`}
      aria-label={t('page_panelLabel')}
    >
      <div class="head">
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
          aria-expanded={collapsed ? 'false' : 'true'}
          title={t(collapsed ? 'page_expand' : 'page_collapse')}
          aria-label={t(collapsed ? 'page_expand' : 'page_collapse')}
          onClick={onAccepted(props.onToggle)}
        >
          {collapsed ? '▴' : '▾'}
        </button>
      </div>
      {!collapsed && (
        <>
          <div class="body">
            <dl class="identity">
              <dt>{t('fieldAgency')}</dt>
              <dd>{identity.agency || t('fieldUnknown')}</dd>
              <dt>{t('fieldYear')}</dt>
              <dd>{identity.year === null ? t('fieldUnknown') : String(identity.year)}</dd>
              <dt>{t('fieldTemplate')}</dt>
              <dd>{t(templateMessageKey(identity.template))}</dd>
            </dl>
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
            {!props.unchecked && findings.length === 0 && (
              <p class="none">{t('page_noFindings')}</p>
            )}
            {findings.length > 0 && (
              <ol class="list" aria-label={t('page_findingsHeading')}>
                {findings.map((finding, index) => {
                  const here = props.locatable[index] === true;
                  return (
                    <li key={index}>
                      <button
                        type="button"
                        class={`finding sev-${finding.severity}${here ? '' : ' away'}`}
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
            <button
              type="button"
              data-action="hide-on-site"
              onClick={onAccepted(props.onHideOnSite)}
            >
              {t('page_hideOnSite')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The panel's key to what the extension draws on the page: the three
 * severities' outlines (each told by its line as well as its colour), the
 * tint of the figures an open card adds up, the underline of a contradicted
 * figure in the text and, when last year's report was compared, the ▲/▼
 * badges. Folded under one line until the reader opens it.
 */
import type { Severity } from '../lib/model/report';
import type { MessageKey, Translate } from './i18n';

const SEVERITY_LINES: { severity: Severity; key: MessageKey }[] = [
  { severity: 'error', key: 'page_legendError' },
  { severity: 'warning', key: 'page_legendWarning' },
  { severity: 'info', key: 'page_legendInfo' },
];

export function PanelLegend(props: { t: Translate; withDeltas: boolean }) {
  const { t } = props;
  return (
    <details class="legend" data-ogi-legend="">
      <summary>{t('page_legend')}</summary>
      <ul>
        {SEVERITY_LINES.map(({ severity, key }) => (
          <li key={severity} data-legend={severity}>
            <span class={`swatch mark sev-${severity}`} aria-hidden="true" />
            {t(key)}
          </li>
        ))}
        <li data-legend="terms">
          <span class="swatch term-swatch" aria-hidden="true" />
          {t('page_legendTerms')}
        </li>
        <li data-legend="figure">
          <span class="swatch fig-swatch sev-error" aria-hidden="true">
            2613
          </span>
          {t('page_legendFigure')}
        </li>
        {props.withDeltas && (
          <li data-legend="delta">
            <span class="swatch delta-swatch" aria-hidden="true">
              ▲12
            </span>
            {t('page_legendDelta')}
          </li>
        )}
      </ul>
    </details>
  );
}

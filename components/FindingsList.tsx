import { formatValue } from '../lib/compare/rows';
import type { UiLanguage } from '../lib/messaging/protocol';
import type { CellRef, Finding, Severity } from '../lib/model/report';
import { FindingActions } from './FindingActions';
import type { MessageKey, Translate } from './i18n';
import { findingArithmetic, findingMessage } from './PageFindingText';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_NAMES: Record<Severity, MessageKey> = {
  error: 'popup_severity_error',
  warning: 'popup_severity_warning',
  info: 'popup_severity_info',
};
const SEVERITY_HINTS: Record<Severity, MessageKey> = {
  error: 'popup_severityHint_error',
  warning: 'popup_severityHint_warning',
  info: 'popup_severityHint_info',
};

function CellLine({ cell, t }: { cell: CellRef; t: Translate }) {
  const where = [cell.row, cell.col].filter(Boolean).join(' · ');
  return (
    <li data-cell-key={cell.key}>
      <span class="cell-where">{where}</span>{' '}
      <span class="cell-value">{formatValue(cell.value, t('popup_blankValue'))}</span>
    </li>
  );
}

function FindingItem({
  finding,
  language,
  t,
}: {
  finding: Finding;
  language: UiLanguage;
  t: Translate;
}) {
  return (
    <li
      class={`finding sev-${finding.severity}`}
      data-finding=""
      data-rule={finding.rule}
      data-severity={finding.severity}
    >
      <p class="finding-message">{findingMessage(finding, language)}</p>
      {finding.arithmetic && (
        <p class="finding-arithmetic">
          <span class="finding-label">{t('popup_arithmetic')}</span>{' '}
          <code>{findingArithmetic(finding, language)}</code>
        </p>
      )}
      {finding.cells.length > 0 && (
        <div class="finding-cells">
          <span class="finding-label">{t('popup_markedCells')}</span>
          <ul>
            {finding.cells.map((cell, i) => (
              <CellLine key={i} cell={cell} t={t} />
            ))}
          </ul>
        </div>
      )}
      {finding.text && (
        <blockquote class="finding-text">
          <span class="finding-label">{t('popup_sentence')}</span> {finding.text}
        </blockquote>
      )}
      <FindingActions finding={finding} t={t} />
    </li>
  );
}

/** The checks' findings: counts by severity, then each group in the checks' own order. */
export function FindingsList({
  findings,
  language,
  t,
}: {
  findings: readonly Finding[];
  language: UiLanguage;
  t: Translate;
}) {
  const groups = SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  }));
  return (
    <section class="findings" data-findings="">
      <h2>{t('popup_findingsHeading')}</h2>
      <p class="severity-counts">
        {groups.map(({ severity, findings: group }) => (
          <span
            key={severity}
            class={`severity-count sev-${severity}${group.length === 0 ? ' zero' : ''}`}
            data-severity-count={severity}
            title={t(SEVERITY_HINTS[severity])}
          >
            {t(SEVERITY_NAMES[severity])} <strong>{group.length}</strong>
          </span>
        ))}
      </p>
      {findings.length === 0 && <p class="note">{t('popup_noFindings')}</p>}
      {groups
        .filter((group) => group.findings.length > 0)
        .map(({ severity, findings: group }) => (
          <div key={severity} class="finding-group" data-severity-group={severity}>
            <h3 title={t(SEVERITY_HINTS[severity])}>
              {t(SEVERITY_NAMES[severity])} ({group.length})
            </h3>
            <ol>
              {group.map((finding, i) => (
                <FindingItem key={i} finding={finding} language={language} t={t} />
              ))}
            </ol>
          </div>
        ))}
    </section>
  );
}

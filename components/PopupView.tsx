import type { NotCheckedReason, PageState, PanelHide, UiLanguage } from '../lib/messaging/protocol';
import type { PreviousSummary } from '../lib/model/history';
import type { ExtractedTable, Finding, Report } from '../lib/model/report';
import { claimSubjectName } from './claim-subject';
import { countText } from './count-text';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';
import { FindingsList } from './FindingsList';
import type { MessageKey, Translate } from './i18n';
import { NOT_CHECKED_KEYS } from './not-checked';
import { pdfFileName } from './pdf-name';
import { ReportGrid } from './ReportGrid';
import { templateMessageKey } from './template-name';
import { YearOverYearTable } from './YearOverYearTable';

/** The hides that keep the in-page panel off this tab's report, each undoable here. */
export interface PanelHides {
  hides: readonly PanelHide[];
  onShowAgain(hide: PanelHide): void;
}

/** What the popup knows about its tab: the content script's state, or why there is none. */
export type PopupState =
  | PageState
  | { kind: 'loading' }
  | { kind: 'noAccess' }
  /** A PDF opened in the browser's viewer, where no content script runs: it is read in an extension page. */
  | { kind: 'pdf'; url: string };

export const TABLE_NAMES: Record<ExtractedTable['kind'], MessageKey> = {
  t2: 'tableT2',
  t3: 'tableT3',
  t4: 'tableT4',
  legacy: 'tableLegacy',
  other: 'tableOther',
};

function Field({
  name,
  field,
  value,
  t,
}: {
  name: MessageKey;
  field: string;
  value: string | null;
  t: Translate;
}) {
  return (
    <div class="field">
      <dt>{t(name)}</dt>
      <dd data-field={field} class={value ? '' : 'missing'}>
        {value ?? t('fieldUnknown')}
      </dd>
    </div>
  );
}

function TableSection({ table, t }: { table: ExtractedTable; t: Translate }) {
  const unreadable = table.cells.filter((c) => c.unreadable).length;
  const notes: string[] = [];
  if (table.sourceTables > 1) notes.push(t('tableJoined', String(table.sourceTables)));
  if (unreadable > 0) notes.push(countText(t, 'unreadableCount', unreadable));
  if (table.missingKeys?.length) {
    notes.push(countText(t, 'missingCells', table.missingKeys.length));
  }
  return (
    <section class="table-section">
      <h2>{table.title || t(TABLE_NAMES[table.kind])}</h2>
      {notes.length > 0 && <p class="note">{notes.join(' · ')}</p>}
      <ReportGrid table={table} t={t} />
    </section>
  );
}

function ReportView({
  report,
  findings,
  previous,
  unchecked,
  historyUnavailable,
  language,
  exportMenu,
  t,
}: {
  report: Report;
  findings: readonly Finding[];
  previous: PreviousSummary | null;
  /** Why the report was not checked; undefined when it was. */
  unchecked: NotCheckedReason | undefined;
  /** The history could not be opened, so no earlier report could be looked for. */
  historyUnavailable: boolean;
  language: UiLanguage;
  exportMenu: Omit<ExportMenuProps, 't'> | undefined;
  t: Translate;
}) {
  const { identity } = report;
  return (
    <>
      <h1 class="title">{identity.title}</h1>
      {exportMenu && <ExportMenu {...exportMenu} t={t} />}
      <dl class="identity">
        <Field name="fieldAgency" field="agency" value={identity.agency || null} t={t} />
        <Field
          name="fieldYear"
          field="year"
          value={identity.year === null ? null : String(identity.year)}
          t={t}
        />
        <div class="field">
          <dt>{t('fieldTemplate')}</dt>
          <dd data-field="template" data-template={identity.template}>
            {t(templateMessageKey(identity.template))}
          </dd>
        </div>
        <Field name="fieldPublished" field="publishedAt" value={identity.publishedAt} t={t} />
      </dl>
      {report.imageTables > 0 && (
        <p class="warning">{countText(t, 'imageTables', report.imageTables)}</p>
      )}
      {report.tables.length === 0 && report.imageTables === 0 && (
        <p class="warning">{t('noTables')}</p>
      )}
      {unchecked ? (
        // No findings from an unchecked report is not a clean report: say why instead.
        <p class="warning" data-unchecked={unchecked}>
          {t(NOT_CHECKED_KEYS[unchecked])}
        </p>
      ) : (
        <FindingsList findings={findings} language={language} t={t} />
      )}
      <YearOverYearTable
        report={report}
        previous={previous}
        historyUnavailable={historyUnavailable}
        t={t}
      />
      {report.tables.map((table) => (
        <TableSection key={table.index} table={table} t={t} />
      ))}
      {report.claims.length > 0 && (
        <section class="claims">
          <h2>{t('claimsHeading')}</h2>
          <ul>
            {report.claims.map((claim, i) => (
              <li key={i} title={claim.sentence}>
                <span class="claim-raw">{claim.raw}</span>{' '}
                <span class="claim-subject">{claimSubjectName(claim.subject, t)}</span>
                <q>{claim.sentence}</q>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * 「检查此 PDF」 on a PDF tab, 「检查附件 PDF」 on a page that attaches reports
 * as PDF: each opens the extension's PDF page on one address.
 */
function PdfOffer({
  urls,
  label,
  hint,
  named,
  onCheckPdf,
}: {
  urls: readonly string[];
  label: string;
  /** What the offer is: the viewer cannot be annotated, or the page's report is an attachment. */
  hint: string;
  /** Each button followed by its file's name: the tab itself is not the PDF. */
  named: boolean;
  onCheckPdf: ((url: string) => void) | undefined;
}) {
  return (
    <section class="pdf-offer">
      <p class="note">{hint}</p>
      {urls.map((url) => (
        <p key={url}>
          <button
            type="button"
            data-action="check-pdf"
            data-pdf={url}
            title={url}
            onClick={(event) => {
              if (event.isTrusted) onCheckPdf?.(url);
            }}
          >
            {label}
          </button>{' '}
          {named ? <span>{pdfFileName(url)}</span> : null}
        </p>
      ))}
    </section>
  );
}

/** "Hidden on this report / for this agency — show again", one line per hide. */
function HiddenPanel({ panelHides, t }: { panelHides: PanelHides; t: Translate }) {
  return (
    <section class="panel-hidden" data-panel-hidden="">
      {panelHides.hides.map((hide) => (
        <p key={hide.scope} class="note" data-panel-hide={hide.scope}>
          {hide.scope === 'report' ? t('popup_hiddenReport') : t('popup_hiddenAgency', hide.agency)}{' '}
          <button
            type="button"
            data-action="show-panel"
            data-scope={hide.scope}
            onClick={() => panelHides.onShowAgain(hide)}
          >
            {t('popup_showAgain')}
          </button>
        </p>
      ))}
    </section>
  );
}

export function PopupView({
  state,
  language,
  exportMenu,
  panelHides,
  onCheckPdf,
  onAuditColumn,
  listingBar,
  t,
}: {
  state: PopupState;
  /** Opens the column audit page on the tab's column (a listing, or a column of a few reports). */
  onAuditColumn?: () => void;
  /** Whether the column pages themselves offer the audit (setting `listingBar`), and the switch. */
  listingBar?: { on: boolean; onChange(on: boolean): void };
  /** Opens the extension's PDF page on the tab's PDF. */
  onCheckPdf?: (url: string) => void;
  /** The UI's language, which picks each finding's message. */
  language: UiLanguage;
  /** Export of the tab's report (the content script builds and saves the file). */
  exportMenu?: Omit<ExportMenuProps, 't'>;
  /** Where the in-page panel is hidden on this report, with the way back. */
  panelHides?: PanelHides;
  t: Translate;
}) {
  return (
    <main data-state={state.kind}>
      {state.kind === 'report' && panelHides && <HiddenPanel panelHides={panelHides} t={t} />}
      {state.kind === 'loading' && <p class="status">{t('popupLoading')}</p>}
      {state.kind === 'pending' && <p class="status">{t('popupPending')}</p>}
      {state.kind === 'none' && !state.pdfs && <p class="status">{t('popupNotReport')}</p>}
      {state.kind === 'listing' && <p class="status">{t('popupListing')}</p>}
      {(state.kind === 'listing' || state.kind === 'none') && onAuditColumn && (
        <section class="audit-offer">
          <button
            type="button"
            data-action="audit-column"
            onClick={(event) => {
              if (event.isTrusted) onAuditColumn();
            }}
          >
            {t('popupAuditColumn')}
          </button>
          <p class="hint">{t('popupAuditHint')}</p>
          {listingBar && (
            <label class="listing-bar-setting">
              <input
                type="checkbox"
                data-setting="listingBar"
                checked={listingBar.on}
                onChange={(event) => listingBar.onChange(event.currentTarget.checked)}
              />
              {t('popupListingBar')}
            </label>
          )}
        </section>
      )}
      {state.kind === 'noAccess' && <p class="status">{t('popupNoAccess')}</p>}
      {state.kind === 'pdf' && (
        <PdfOffer
          urls={[state.url]}
          label={t('popupCheckPdf')}
          hint={t('popupPdfHint')}
          named={false}
          onCheckPdf={onCheckPdf}
        />
      )}
      {(state.kind === 'none' || state.kind === 'listing') && state.pdfs && (
        <PdfOffer
          urls={state.pdfs}
          label={t('popupCheckAttachedPdf')}
          hint={t('popupAttachedPdf')}
          named
          onCheckPdf={onCheckPdf}
        />
      )}
      {state.kind === 'error' && <p class="status error">{t('popupError', state.message)}</p>}
      {state.kind === 'report' && (
        <ReportView
          report={state.report}
          findings={state.findings}
          previous={state.previous}
          unchecked={state.unchecked}
          historyUnavailable={state.historyUnavailable === true}
          language={language}
          exportMenu={exportMenu}
          t={t}
        />
      )}
    </main>
  );
}

import type { HistoryListing, PanelHide, Settings } from '../lib/messaging/protocol';
import type { HistoryEntry } from '../lib/model/history';
import type { RuleFamily } from '../lib/model/report';
import { countText } from './count-text';
import type { MessageKey, Translate } from './i18n';

/** Every rule family, in the order the options list them. */
const FAMILY_NAMES: Record<RuleFamily, MessageKey> = {
  identity: 'opt_family_identity',
  legacy: 'opt_family_legacy',
  narrative: 'opt_family_narrative',
  crossTable: 'opt_family_crossTable',
  yearOverYear: 'opt_family_yearOverYear',
  timeliness: 'opt_family_timeliness',
  form: 'opt_family_form',
};
const FAMILIES = Object.keys(FAMILY_NAMES) as RuleFamily[];

const LANGUAGES: { value: Settings['language']; name: MessageKey }[] = [
  { value: 'auto', name: 'opt_languageAuto' },
  { value: 'zh_CN', name: 'opt_languageZh' },
  { value: 'en', name: 'opt_languageEn' },
];

export type OptionsStatus = { kind: 'saved' } | { kind: 'failed'; message: string } | null;

export interface OptionsViewProps {
  t: Translate;
  settings: Settings;
  /**
   * null while the history is being read; `available: false` when its
   * database cannot be opened (the page then offers "delete all" as the way out).
   */
  history: HistoryListing | null;
  status: OptionsStatus;
  onFamily(family: RuleFamily, enabled: boolean): void;
  onLanguage(language: Settings['language']): void;
  /** Turns the search for last year's report on the portal on or off. */
  onFindPrevious(enabled: boolean): void;
  onListingBar(enabled: boolean): void;
  /** Shows the in-page panel again where it was hidden. */
  onShowPanel(hide: PanelHide): void;
  onDelete(id: string): void;
  onDeleteAll(): void;
  onExport(format: 'json' | 'csv'): void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time, `2024-03-05 14:07`: the same in both languages. */
export function formatSeenAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** A stored address becomes a link only when it is a web page's. */
function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function Checks({ t, settings, onFamily }: OptionsViewProps) {
  const disabled = new Set(settings.disabledFamilies);
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t('opt_checksHeading')}</h2>
      <p class="hint">{t('opt_checksHint')}</p>
      <ul class="families">
        {FAMILIES.map((family) => (
          <li key={family}>
            <label>
              <input
                type="checkbox"
                data-family={family}
                checked={!disabled.has(family)}
                onChange={(event) => onFamily(family, event.currentTarget.checked)}
              />
              {t(FAMILY_NAMES[family])}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Language({ t, settings, onLanguage }: OptionsViewProps) {
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t('opt_languageHeading')}</h2>
      <label class="language">
        {t('opt_languageLabel')}
        <select
          data-setting="language"
          value={settings.language}
          onChange={(event) => onLanguage(event.currentTarget.value as Settings['language'])}
        >
          {LANGUAGES.map(({ value, name }) => (
            <option key={value} value={value}>
              {t(name)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

/** An option that is a plain switch, under its own heading, with a hint below when it needs one. */
function SwitchSection(props: {
  id: string;
  heading: string;
  setting: 'findPreviousYear' | 'listingBar';
  checked: boolean;
  label: string;
  hint?: string;
  onChange(enabled: boolean): void;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <label class="switch">
        <input
          type="checkbox"
          data-setting={props.setting}
          checked={props.checked}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        {props.label}
      </label>
      {props.hint && <p class="hint">{props.hint}</p>}
    </section>
  );
}

/** Whether last year's report is looked for on the portal (GET requests to that portal only). */
function FindPrevious({ t, settings, onFindPrevious }: OptionsViewProps) {
  return (
    <SwitchSection
      id="previous"
      heading={t('opt_findPreviousHeading')}
      setting="findPreviousYear"
      checked={settings.findPreviousYear}
      label={t('opt_findPrevious')}
      onChange={onFindPrevious}
    />
  );
}

/** Whether a column of reports offers its audit as a bar on the page (off: such pages stay untouched). */
function ListingBar({ t, settings, onListingBar }: OptionsViewProps) {
  return (
    <SwitchSection
      id="listing-bar"
      heading={t('opt_listingBarHeading')}
      setting="listingBar"
      checked={settings.listingBar}
      label={t('opt_listingBar')}
      hint={t('opt_listingBarHint')}
      onChange={onListingBar}
    />
  );
}

/** Where the reader hid the in-page panel, newest first, each with "show again". */
function HiddenPanels({ t, settings, onShowPanel }: OptionsViewProps) {
  const hides = [...settings.panelHidden].reverse();
  return (
    <section aria-labelledby="hidden-heading" data-hidden-panels="">
      <h2 id="hidden-heading">{t('opt_hiddenHeading')}</h2>
      <p class="hint">{t('opt_hiddenHint')}</p>
      {hides.length === 0 ? (
        <p class="empty">{t('opt_hiddenEmpty')}</p>
      ) : (
        <ul class="hidden-panels">
          {hides.map((hide) => {
            const id = hide.scope === 'report' ? hide.url : `${hide.portal}|${hide.agency}`;
            return (
              <li key={id} data-panel-hide={hide.scope} data-hide-id={id}>
                <span class="hide-kind">
                  {t(hide.scope === 'report' ? 'opt_hiddenReport' : 'opt_hiddenAgency')}
                </span>{' '}
                {hide.scope === 'report' ? (
                  <>
                    <span class="hide-name">{hide.title || hide.url}</span>{' '}
                    <span class="hide-where">{hide.url}</span>
                  </>
                ) : (
                  <>
                    <span class="hide-name">{hide.agency}</span>{' '}
                    <span class="hide-where">{hide.portal}</span>
                  </>
                )}{' '}
                <button type="button" data-action="show-panel" onClick={() => onShowPanel(hide)}>
                  {t('opt_showAgain')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function HistoryRow({ entry, t, onDelete }: { entry: HistoryEntry } & OptionsViewProps) {
  return (
    <tr data-history-entry={entry.id}>
      <td class="portal">{entry.portal || t('opt_portalNone')}</td>
      <td>{entry.agency}</td>
      <td class="number">{entry.year}</td>
      <td class="url">
        {isWebAddress(entry.url) ? (
          <a href={entry.url} target="_blank" rel="noopener noreferrer">
            {entry.url}
          </a>
        ) : (
          entry.url
        )}
      </td>
      <td>
        <time dateTime={entry.seenAt}>{formatSeenAt(entry.seenAt)}</time>
      </td>
      <td class={entry.errors > 0 ? 'number errors' : 'number'}>{entry.errors}</td>
      <td class={entry.warnings > 0 ? 'number warnings' : 'number'}>{entry.warnings}</td>
      <td>
        <button
          type="button"
          data-action="delete"
          aria-label={t('opt_deleteLabel', entry.agency, String(entry.year))}
          onClick={() => onDelete(entry.id)}
        >
          {t('opt_delete')}
        </button>
      </td>
    </tr>
  );
}

/** Why the history cannot be used, and what "delete all" will do about it. */
function Unavailable({ t, listing }: { t: Translate; listing: HistoryListing }) {
  if (listing.available) return null;
  return (
    <p class="status unavailable" role="alert" data-history-unavailable={listing.reason}>
      {listing.reason === 'newerVersion'
        ? t('opt_historyUnavailableNewer')
        : t('opt_historyUnavailableFailed', listing.detail)}
    </p>
  );
}

function History(props: OptionsViewProps) {
  const { t, history: listing, onDeleteAll, onExport } = props;
  const history = listing?.available ? listing.entries : null;
  const empty = history !== null && history.length === 0;
  // Nothing to export from a database that cannot be opened; "delete all" stays, as the way out.
  const unavailable = listing !== null && !listing.available;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('opt_historyHeading')}</h2>
      <p class="hint">{t('opt_historyHint')}</p>
      {listing === null ? (
        <p class="status">{t('opt_loading')}</p>
      ) : history === null ? (
        <Unavailable t={t} listing={listing} />
      ) : empty ? (
        <p class="status" data-history-empty>
          {t('opt_historyEmpty')}
        </p>
      ) : (
        <>
          <p class="count">{countText(t, 'opt_historyCount', history.length)}</p>
          <div class="table-wrap">
            <table data-history>
              <thead>
                <tr>
                  <th scope="col">{t('opt_colPortal')}</th>
                  <th scope="col">{t('opt_colAgency')}</th>
                  <th scope="col">{t('opt_colYear')}</th>
                  <th scope="col">{t('opt_colUrl')}</th>
                  <th scope="col">{t('opt_colSeen')}</th>
                  <th scope="col">{t('opt_colErrors')}</th>
                  <th scope="col">{t('opt_colWarnings')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('opt_delete')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((entry) => (
                  <HistoryRow key={entry.id} entry={entry} {...props} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div class="actions">
        <button type="button" data-action="delete-all" disabled={empty} onClick={onDeleteAll}>
          {t('opt_deleteAll')}
        </button>
      </div>
      <h3>{t('opt_exportHeading')}</h3>
      <p class="hint">{t('opt_exportHint')}</p>
      <div class="actions">
        <button
          type="button"
          data-action="export-json"
          disabled={unavailable}
          onClick={() => onExport('json')}
        >
          {t('opt_exportJson')}
        </button>
        <button
          type="button"
          data-action="export-csv"
          disabled={unavailable}
          onClick={() => onExport('csv')}
        >
          {t('opt_exportCsv')}
        </button>
      </div>
    </section>
  );
}

export function OptionsView(props: OptionsViewProps) {
  const { t, status } = props;
  return (
    <main>
      <h1>{t('opt_title')}</h1>
      <p class="status-line" role="status" aria-live="polite">
        {status?.kind === 'saved' ? t('opt_saved') : null}
        {status?.kind === 'failed' ? (
          <span class="failed">{t('opt_failed', status.message)}</span>
        ) : null}
      </p>
      <Checks {...props} />
      <Language {...props} />
      <FindPrevious {...props} />
      <ListingBar {...props} />
      <HiddenPanels {...props} />
      <History {...props} />
    </main>
  );
}

import { formatChange, formatValue, yearOverYearRows } from '../lib/compare/rows';
import type { PreviousSummary } from '../lib/model/history';
import type { Report } from '../lib/model/report';
import type { Translate } from './i18n';

/** Only web addresses become links: a stored URL is data, not something to run. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function CachedFrom({ previous, t }: { previous: PreviousSummary; t: Translate }) {
  const seen = previous.seenAt.slice(0, 10);
  // Named by its own title where the history kept it: "the 2022 report" alone does not say whose.
  const text = previous.title
    ? t('popup_yoyAgainstTitled', previous.title, seen)
    : t('popup_yoyAgainst', String(previous.year), seen);
  return (
    <p class="note" data-yoy-source="">
      {isWebAddress(previous.url) ? (
        <a href={previous.url} target="_blank" rel="noreferrer" title={previous.url}>
          {text}
        </a>
      ) : (
        text
      )}
    </p>
  );
}

/** This year's figures against the same agency's cached previous report. */
export function YearOverYearTable({
  report,
  previous,
  historyUnavailable = false,
  t,
}: {
  report: Report;
  previous: PreviousSummary | null;
  /** No earlier report could be looked for: "none cached" would be untrue advice. */
  historyUnavailable?: boolean;
  t: Translate;
}) {
  if (!previous) {
    return (
      <section class="yoy">
        <h2>{t('popup_yoyHeading')}</h2>
        {historyUnavailable ? (
          <p class="note warning" data-yoy-none="" data-history-unavailable="">
            {t('page_historyUnavailable')}
          </p>
        ) : (
          <p class="note" data-yoy-none="">
            {t('popup_yoyNone')}
          </p>
        )}
      </section>
    );
  }
  const rows = yearOverYearRows(report, previous.values);
  const blank = t('popup_blankValue');
  const thisYear = report.identity.year ?? previous.year + 1;
  return (
    <section class="yoy">
      <h2>{t('popup_yoyHeading')}</h2>
      <CachedFrom previous={previous} t={t} />
      {rows.length === 0 ? (
        <p class="note">{t('popup_yoyNoRows')}</p>
      ) : (
        <div class="grid-scroll">
          <table class="yoy-table" data-yoy="">
            <thead>
              <tr>
                <th>{t('popup_yoyItem')}</th>
                <th class="number">{t('popup_yoyYear', String(thisYear))}</th>
                <th class="number">{t('popup_yoyYear', String(previous.year))}</th>
                <th class="number">{t('popup_yoyChange')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-key={row.key} title={row.key}>
                  <th>
                    {row.label}
                    {row.column && <span class="yoy-column"> · {row.column}</span>}
                  </th>
                  <td class="number" data-year="current">
                    {formatValue(row.current, blank)}
                  </td>
                  <td class="number" data-year="previous">
                    {formatValue(row.previous, blank)}
                  </td>
                  <td
                    class={`number change${row.change && row.change.delta !== 0 ? (row.change.delta > 0 ? ' up' : ' down') : ''}`}
                    data-change=""
                  >
                    {row.change ? formatChange(row.change) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

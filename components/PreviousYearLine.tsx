/**
 * The panel's line about last year's report looked for on the portal
 * (lib/content/previous-year.ts): while searching, a progress bar (pages
 * read of pages planned) and a cancel button; found, which report was
 * compared, linked (a new tab), and 「不是这份」 listing the other
 * candidates to choose from; several alike, the choice is the reader's;
 * not found, why. Titles and addresses come from the portal: rendered as
 * text and as an http(s) link only. Only the user's own clicks act.
 */
import { useEffect, useState } from 'preact/hooks';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { PreviousYearState, PreviousYearView } from '../lib/content/previous-year';
import type { NotFoundReason, PortalLinkWire } from '../lib/messaging/protocol';
import type { MessageKey, Translate } from './i18n';

const REASON_KEYS: Record<NotFoundReason, MessageKey> = {
  'not-listed': 'prev_reasonNotListed',
  ambiguous: 'prev_reasonAmbiguous',
  mismatch: 'prev_reasonMismatch',
  unreadable: 'prev_reasonUnreadable',
  cancelled: 'prev_cancelled',
  limit: 'prev_reasonLimit',
};

/** An address the panel may link: http(s) only (the background kept it on the page's portal). */
const safeHref = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};

/** An address as the reader compares two postings by: host and path. */
const addressText = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
};

export interface PreviousYearLineProps {
  view: PreviousYearView;
  t: Translate;
  acceptEvent?: AcceptEvent;
}

export function PreviousYearLine({ view, t, acceptEvent }: PreviousYearLineProps) {
  const accept = acceptEvent ?? acceptTrustedEvent;
  const [state, setState] = useState<PreviousYearState>(view.get());
  const [choosing, setChoosing] = useState(false);
  useEffect(() => {
    setState(view.get());
    return view.subscribe((next) => {
      setState(next);
      setChoosing(false);
    });
  }, [view]);
  const onAccepted = (action: () => void) => (event: Event) => {
    if (accept(event)) action();
  };

  const choices = (links: readonly PortalLinkWire[]) =>
    links.length === 0 ? (
      <p class="prev-none" data-ogi-prev-none="">
        {t('prev_noOthers')}
      </p>
    ) : (
      <ul class="prev-list">
        {links.map((link) => (
          <li key={link.url}>
            <button
              type="button"
              class="prev-choose"
              data-action="prev-choose"
              data-url={link.url}
              title={link.url}
              onClick={onAccepted(() => view.choose(link.url))}
            >
              {link.text}
            </button>
            {link.date && <span class="prev-date">{link.date}</span>}
            {/* Two postings of one title differ only by their address: it is shown, as text. */}
            <span class="prev-url">{addressText(link.url)}</span>
          </li>
        ))}
      </ul>
    );

  switch (state.phase) {
    case 'idle':
      return null;
    case 'searching': {
      const { done, planned } = state.progress;
      const max = Math.max(planned, done, 1);
      return (
        <div class="prev" data-ogi-prev="searching" aria-live="polite">
          <p class="prev-text">{t('prev_searching')}</p>
          <div class="prev-progress">
            <progress value={done} max={max} aria-label={t('prev_searching')} />
            <span class="prev-count">{t('prev_progress', String(done), String(max))}</span>
            <button type="button" data-action="prev-cancel" onClick={onAccepted(view.cancel)}>
              {t('prev_cancel')}
            </button>
          </div>
        </div>
      );
    }
    case 'cancelled':
      return (
        <div class="prev" data-ogi-prev="cancelled">
          <p class="prev-text">{t('prev_cancelled')}</p>
        </div>
      );
    case 'failed':
      return (
        <div class="prev" data-ogi-prev="failed">
          <p class="prev-text">{t('prev_failed')}</p>
        </div>
      );
    case 'found': {
      const href = safeHref(state.compared.url);
      return (
        <div class="prev" data-ogi-prev="found">
          <p class="prev-text">
            {t('prev_compared')}
            <a
              class="prev-link"
              data-ogi-prev-link=""
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              title={state.compared.url}
            >
              {state.compared.title || state.compared.url}
            </a>
          </p>
          <button
            type="button"
            class="prev-other"
            data-action="prev-others"
            aria-expanded={choosing ? 'true' : 'false'}
            onClick={onAccepted(() => setChoosing(!choosing))}
          >
            {t('prev_notThis')}
          </button>
          {choosing && choices(state.others)}
        </div>
      );
    }
    case 'notFound':
      return (
        <div class="prev" data-ogi-prev="notFound" data-ogi-prev-reason={state.reason}>
          <p class="prev-text">
            {state.reason === 'ambiguous'
              ? t('prev_ambiguous')
              : t('prev_notFound', t(REASON_KEYS[state.reason]))}
          </p>
          {state.reason === 'ambiguous' || state.candidates.length > 0
            ? choices(state.candidates)
            : null}
        </div>
      );
  }
}

/**
 * The bar of a column of reports (lib/content/listing-bar.ts): how many
 * reports the page lists, and 「核查本栏目全部年报」, which opens the
 * column audit (entrypoints/audit/) beside the tab. Beside the list where a
 * side has room, else a tab at the edge (SideBar.tsx); only the reader's
 * own click acts, and a refusal is said here.
 */
import { useState } from 'preact/hooks';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { ListedReports } from '../lib/content/listing-bar';
import { MAX_COUNTED_LINKS } from '../lib/content/listing-bar';
import type { Translate } from './i18n';
import { type MountedBar, mountSideBar, SideBar } from './SideBar';

export interface ListingBarProps {
  doc: Document;
  listed: ListedReports;
  /** Opens the audit page; rejects with the reason it was not. */
  openAudit(): Promise<void>;
  t: Translate;
  onDismiss(): void;
  acceptEvent?: AcceptEvent;
}

export function ListingBar(props: ListingBarProps) {
  const { t, listed } = props;
  const accept = props.acceptEvent ?? acceptTrustedEvent;
  const [failed, setFailed] = useState<string | null>(null);
  const count = listed.count >= MAX_COUNTED_LINKS ? `${MAX_COUNTED_LINKS}+` : String(listed.count);
  return (
    <SideBar
      doc={props.doc}
      name="column"
      aside={listed.list}
      label={t('page_columnBarLabel')}
      tabMark={t('page_columnBarTab')}
      tabTitle={t('popupAuditColumn')}
      dismissLabel={t('page_columnBarDismiss')}
      t={t}
      onDismiss={props.onDismiss}
      acceptEvent={accept}
    >
      <div class="column-offer" data-ogi-column-offer="">
        <p class="column-note">{t('page_columnBarLinks', count)}</p>
        <button
          type="button"
          class="column-audit"
          data-action="audit-column"
          onClick={(event) => {
            if (!accept(event)) return;
            setFailed(null);
            props.openAudit().catch((error: unknown) => {
              setFailed(
                t('page_auditOpenFailed', error instanceof Error ? error.message : String(error)),
              );
            });
          }}
        >
          {t('popupAuditColumn')}
        </button>
        <p class="column-hint">{t('popupAuditHint')}</p>
        {failed && (
          <p class="pdf-failed" role="alert" data-ogi-audit-failed="">
            {failed}
          </p>
        )}
      </div>
    </SideBar>
  );
}

/** Mounts the bar in its own closed-root host on `<html>`; its × takes it (and its host) away. */
export function mountListingBar(props: Omit<ListingBarProps, 'onDismiss'>): MountedBar {
  return mountSideBar(props.doc, (dismiss) => <ListingBar {...props} onDismiss={dismiss} />);
}

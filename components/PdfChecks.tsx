/**
 * 「检查附件 PDF」 in the page, one line per report PDF the page links, each
 * followed by its file's name (text only: the name is the page's). Shared
 * by the bar of a page that attaches its report (PdfBar.tsx) and the panel
 * of a report whose tables could not be read (Panel.tsx). A press opens the
 * extension's PDF page in a tab through the background; only the user's own
 * click acts, and a refusal is said here.
 */
import { useState } from 'preact/hooks';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { PdfOffer } from '../lib/content/analyser';
import type { Translate } from './i18n';
import { pdfFileName } from './pdf-name';

export interface PdfChecksProps {
  offer: PdfOffer;
  /** What the offer is about, above the buttons. */
  note: string;
  t: Translate;
  acceptEvent?: AcceptEvent;
}

export function PdfChecks({ offer, note, t, acceptEvent }: PdfChecksProps) {
  const accept = acceptEvent ?? acceptTrustedEvent;
  const [failed, setFailed] = useState<string | null>(null);
  const open = (url: string) => {
    setFailed(null);
    offer.open(url).catch((error: unknown) => {
      setFailed(t('page_pdfOpenFailed', error instanceof Error ? error.message : String(error)));
    });
  };
  return (
    <div class="pdf-checks" data-ogi-pdf-checks="">
      <p class="pdf-note">{note}</p>
      <ul class="pdf-list">
        {offer.urls.map((url) => (
          <li key={url}>
            <button
              type="button"
              class="pdf-check"
              data-action="check-pdf"
              data-pdf={url}
              title={url}
              onClick={(event) => {
                if (accept(event)) open(url);
              }}
            >
              {t('popupCheckAttachedPdf')}
            </button>
            <span class="pdf-name">{pdfFileName(url)}</span>
          </li>
        ))}
      </ul>
      {failed && (
        <p class="pdf-failed" role="alert" data-ogi-pdf-failed="">
          {failed}
        </p>
      )}
    </div>
  );
}

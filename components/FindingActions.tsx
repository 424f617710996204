/**
 * What a journalist does with one finding: copy it as a citation, and (on the
 * page) save an image of the table as evidence. The same small row sits under
 * each finding in the panel, in the card and in the popup; what the buttons
 * do comes from the context its view provides (FindingActionsContext), so
 * each place inserts one element and nothing else.
 */
import { createContext } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import type { ExportOutcome } from '../lib/export/types';
import type { Finding } from '../lib/model/report';
import type { Translate } from './i18n';

export interface FindingActionsApi {
  /** The finding as a ready-to-paste sentence, in the view's language (lib/export/citation.ts). */
  citation(finding: Finding): string;
  /** Saves a PNG of the finding's table; absent where there is no page to capture (the popup). */
  saveEvidence?(finding: Finding): Promise<ExportOutcome>;
  /** Which clicks act: the user's own only, by default. */
  acceptEvent?: AcceptEvent;
}

export const FindingActionsContext = createContext<FindingActionsApi | null>(null);

type CopyStatus = 'idle' | 'copied' | 'failed';
type EvidenceStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; filename: string }
  | { kind: 'failed'; message: string };

/**
 * The async clipboard first; it is missing on plain-http portals (not a
 * secure context) and may refuse a document without focus, so then the
 * selection of a text field of our own, copied with `execCommand` inside the
 * same click. The field lives in the caller's (closed) tree, never the page's.
 */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  const clipboard = globalThis.navigator?.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused: try the selection below.
    }
  }
  if (!field) return false;
  field.value = text;
  field.hidden = false;
  field.focus();
  field.select();
  try {
    return field.ownerDocument.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.blur();
  }
}

export function FindingActions({ finding, t }: { finding: Finding; t: Translate }) {
  const api = useContext(FindingActionsContext);
  const field = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyStatus>('idle');
  const [evidence, setEvidence] = useState<EvidenceStatus>({ kind: 'idle' });
  if (!api) return null;
  const accept = api.acceptEvent ?? acceptTrustedEvent;
  const { saveEvidence } = api;

  const onCopy = async () => {
    const copied = await copyText(api.citation(finding), field.current);
    // Left in view when copying failed: the reader selects and copies it by hand.
    if (copied && field.current) field.current.hidden = true;
    setCopy(copied ? 'copied' : 'failed');
  };

  const onEvidence = async (save: NonNullable<FindingActionsApi['saveEvidence']>) => {
    setEvidence({ kind: 'busy' });
    const outcome = await save(finding).catch(
      (error: unknown): ExportOutcome => ({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    setEvidence(
      outcome.ok
        ? { kind: 'done', filename: outcome.filename }
        : { kind: 'failed', message: outcome.message },
    );
  };

  return (
    <div class="finding-actions" data-finding-actions="">
      <button
        type="button"
        data-action="copy-citation"
        onClick={(event) => {
          event.stopPropagation();
          if (accept(event)) void onCopy();
        }}
      >
        {t('cite_copy')}
      </button>
      {saveEvidence && (
        <button
          type="button"
          data-action="save-evidence"
          disabled={evidence.kind === 'busy'}
          onClick={(event) => {
            event.stopPropagation();
            if (accept(event)) void onEvidence(saveEvidence);
          }}
        >
          {t('cite_evidence')}
        </button>
      )}
      <span class="action-status" role="status">
        {copy !== 'idle' && (
          <span data-copy-status={copy}>
            {t(copy === 'copied' ? 'cite_copied' : 'cite_copyFailed')}
          </span>
        )}
        {evidence.kind === 'busy' && (
          <span data-evidence-status="busy">{t('cite_evidenceBusy')}</span>
        )}
        {evidence.kind === 'done' && (
          <span data-evidence-status="done">{t('cite_evidenceSaved', evidence.filename)}</span>
        )}
        {evidence.kind === 'failed' && (
          <span data-evidence-status="failed">{t('cite_evidenceFailed', evidence.message)}</span>
        )}
      </span>
      <textarea
        ref={field}
        class="citation-text"
        data-citation-text=""
        readOnly
        hidden
        aria-label={t('cite_copy')}
      />
    </div>
  );
}

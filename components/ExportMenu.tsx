/**
 * One-click export, in the popup and in the in-page panel: a small format
 * menu (remembered through `onFormatChange`) and a button. The file is built
 * and saved by the caller; this only says what happened, in words.
 */
import { useState } from 'preact/hooks';
import { type AcceptEvent, acceptTrustedEvent } from '../lib/annotate/trusted';
import { EXPORT_FORMATS, type ExportFormat, type ExportOutcome } from '../lib/export/types';
import type { MessageKey, Translate } from './i18n';

const FORMAT_NAMES: Record<ExportFormat, MessageKey> = {
  xlsx: 'export_xlsx',
  csv: 'export_csv',
  json: 'export_json',
  md: 'export_md',
};

export interface ExportMenuProps {
  /** The format chosen last time. */
  format: ExportFormat;
  t: Translate;
  onExport(format: ExportFormat): Promise<ExportOutcome>;
  onFormatChange(format: ExportFormat): void;
  /**
   * Which events act: by default only the user's own. In the page's panel a
   * page script's synthetic `change` or `click()` must neither start an
   * export nor change the remembered format; the popup holds to the same rule.
   */
  acceptEvent?: AcceptEvent;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; filename: string }
  | { kind: 'failed'; message: string };

const isExportFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

export function ExportMenu({
  format: initial,
  t,
  onExport,
  onFormatChange,
  acceptEvent = acceptTrustedEvent,
}: ExportMenuProps) {
  const [format, setFormat] = useState<ExportFormat>(initial);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async () => {
    setStatus({ kind: 'busy' });
    try {
      const outcome = await onExport(format);
      setStatus(
        outcome.ok
          ? { kind: 'done', filename: outcome.filename }
          : { kind: 'failed', message: outcome.message },
      );
    } catch (error) {
      setStatus({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <div class="export" data-export="">
      <select
        data-export-format=""
        aria-label={t('export_format')}
        value={format}
        onChange={(event) => {
          if (!acceptEvent(event)) {
            // The script that set the value is not the user: show the format that will be used.
            event.currentTarget.value = format;
            return;
          }
          const value = event.currentTarget.value;
          if (!isExportFormat(value)) return;
          setFormat(value);
          onFormatChange(value);
        }}
      >
        {EXPORT_FORMATS.map((option) => (
          <option key={option} value={option}>
            {t(FORMAT_NAMES[option])}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-action="export"
        disabled={status.kind === 'busy'}
        onClick={(event) => {
          if (acceptEvent(event)) void run();
        }}
      >
        {t('export_button')}
      </button>
      <span class="export-status" data-export-status={status.kind} role="status">
        {status.kind === 'busy' && t('export_busy')}
        {status.kind === 'done' && t('export_done', status.filename)}
        {status.kind === 'failed' && t('export_failed', status.message)}
      </span>
    </div>
  );
}

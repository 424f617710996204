/**
 * The extension's column audit page (audit.html?url=LISTING), minus its
 * wiring (entrypoints/audit/): runs the audit (./run-column-audit.ts) with a
 * progress bar (pages read of those planned, requests made) and a cancel
 * button that only the reader's own click presses, then shows the league
 * table (./render-league.ts), the governments' table 三 beside their
 * departments' (info, never an error), and the workbook and CSV of the
 * whole audit (lib/export/audit.ts, loaded when asked for). What the page
 * came to is on <html> as `data-ogi-lens-audit` (running, done, cancelled,
 * error), for tests and users' scripts.
 */
import type { AuditLeague } from '../audit/audit-league';
import type { LeagueSort } from '../audit/league';
import type { ExportFile } from '../export/types';
import type { PortalProgress } from '../portal/types';
import { nextSort, renderLeagueTable, type ShownColumn, sortedRows } from './render-league';
import {
  type ColumnAuditRun,
  type ColumnAuditRunDeps,
  failureText,
  runColumnAudit,
} from './run-column-audit';

export const AUDIT_STATE = 'data-ogi-lens-audit';

export type AuditPageKey =
  | 'auditTitle'
  | 'auditListing'
  | 'auditRunning'
  | 'auditProgress'
  | 'auditCancel'
  | 'auditCancelled'
  | 'auditDone'
  | 'auditNoAddress'
  | 'auditListingFailed'
  | 'auditNoReports'
  | 'auditHierarchy'
  | 'auditHierarchyNote'
  | 'auditExportXlsx'
  | 'auditExportCsv'
  | 'auditUnnamed'
  | 'auditImageTables'
  | 'auditSortBy'
  | 'auditColAgency'
  | 'auditColYear'
  | 'auditColBody'
  | 'auditColPublished'
  | 'auditColTimeliness'
  | 'auditColErrors'
  | 'auditColWarnings'
  | 'auditColWorst'
  | 'auditColMissing'
  | 'auditColSource';

const HEADER_KEYS: Record<ShownColumn, AuditPageKey> = {
  agency: 'auditColAgency',
  year: 'auditColYear',
  bodyKind: 'auditColBody',
  publishedAt: 'auditColPublished',
  timeliness: 'auditColTimeliness',
  errors: 'auditColErrors',
  warnings: 'auditColWarnings',
  worst: 'auditColWorst',
  missingTables: 'auditColMissing',
  source: 'auditColSource',
};

export interface AuditPageDeps
  extends Omit<ColumnAuditRunDeps, 'signal' | 'onProgress' | 'onEntry'> {
  doc: Document;
  root: HTMLElement;
  language: 'zh_CN' | 'en';
  t(key: AuditPageKey, ...subs: string[]): string;
  /** The extension's PDF page on a PDF's address. */
  pdfPageUrl(pdfUrl: string): string;
  /** Saves a file through the browser's downloads (lib/export/save-file.ts). */
  save(file: ExportFile): void;
  /** Only the user's own clicks act. */
  accept?(event: Event): boolean;
}

const trusted = (event: Event) => event.isTrusted;

function button(doc: Document, action: string, text: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = text;
  return b;
}

export async function runAuditPage(deps: AuditPageDeps): Promise<ColumnAuditRun> {
  const { doc, root, t } = deps;
  const accept = deps.accept ?? trusted;
  const html = doc.documentElement;
  const heading = doc.createElement('h1');
  heading.textContent = t('auditTitle');
  const source = doc.createElement('p');
  source.className = 'audit-source';
  const status = doc.createElement('p');
  status.className = 'audit-status';
  status.setAttribute('role', 'status');
  const progress = doc.createElement('progress');
  progress.className = 'audit-progress';
  const counts = doc.createElement('p');
  counts.className = 'audit-counts';
  const cancel = button(doc, 'cancel', t('auditCancel'));
  root.append(heading, source, status, progress, counts, cancel);
  const settle = (state: string, text: string) => {
    html.setAttribute(AUDIT_STATE, state);
    status.textContent = text;
    progress.remove();
    cancel.remove();
  };

  if (deps.listingUrl) {
    source.append(`${t('auditListing')} `);
    const link = doc.createElement('a');
    link.href = deps.listingUrl;
    link.textContent = deps.listingUrl;
    link.target = '_blank';
    link.rel = 'noopener';
    source.append(link);
  }

  const controller = new AbortController();
  cancel.addEventListener('click', (event) => {
    if (accept(event)) controller.abort();
  });
  html.setAttribute(AUDIT_STATE, 'running');
  status.textContent = t('auditRunning');
  const showProgress = (p: PortalProgress) => {
    progress.max = Math.max(1, p.planned);
    progress.value = p.done;
    const text = t('auditProgress', String(p.done), String(p.planned), String(p.requests));
    counts.textContent = text;
    counts.dataset.done = String(p.done);
    counts.dataset.planned = String(p.planned);
    counts.dataset.requests = String(p.requests);
  };

  let run: ColumnAuditRun;
  try {
    run = await runColumnAudit({ ...deps, signal: controller.signal, onProgress: showProgress });
  } catch (error) {
    deps.log('the audit failed', error);
    settle(
      'error',
      t('auditListingFailed', error instanceof Error ? error.message : String(error)),
    );
    throw error;
  }
  if (!run.ok) {
    if (run.problem === 'address') settle('error', t('auditNoAddress'));
    else if (run.problem === 'no-reports') settle('error', t('auditNoReports'));
    else {
      const why = failureText(run.failure, run.status);
      settle(
        run.failure === 'cancelled' ? 'cancelled' : 'error',
        t('auditListingFailed', deps.language === 'en' ? why.problemEn : why.problem),
      );
    }
    return run;
  }
  showProgress(run.progress);
  const rows = run.league.rows.length;
  const reports = run.league.rows.filter((row) => row.status === 'report').length;
  if (run.audit.stopped === 'cancelled') {
    settle('cancelled', t('auditCancelled', String(reports), String(run.notRead)));
  } else {
    settle(
      'done',
      t('auditDone', String(rows), String(reports), String(run.fromHistory), String(run.read)),
    );
  }
  showLeague(deps, run.league, accept);
  return run;
}

function showLeague(deps: AuditPageDeps, league: AuditLeague, accept: (e: Event) => boolean) {
  const { doc, root, t } = deps;
  const exports = doc.createElement('p');
  exports.className = 'audit-exports';
  const xlsx = button(doc, 'export-xlsx', t('auditExportXlsx'));
  const csv = button(doc, 'export-csv', t('auditExportCsv'));
  exports.append(xlsx, ' ', csv);
  const tableSlot = doc.createElement('div');
  tableSlot.className = 'league-wrap';
  root.append(exports, tableSlot);

  let sort: LeagueSort | null = null;
  const words = {
    header: (column: ShownColumn) => t(HEADER_KEYS[column]),
    language: deps.language,
    imageTables: (n: number) => t('auditImageTables', String(n)),
    unnamed: t('auditUnnamed'),
    sortBy: (header: string) => t('auditSortBy', header),
  };
  const draw = () => {
    tableSlot.replaceChildren(
      renderLeagueTable(doc, league.rows, {
        words,
        sort,
        accept,
        hrefOf: (row) => (row.source === 'pdf' ? deps.pdfPageUrl(row.url) : row.url),
        onSort: (column) => {
          sort = nextSort(sort, column);
          draw();
          doc.querySelector<HTMLButtonElement>(`th button[data-sort="${column}"]`)?.focus();
        },
      }),
    );
  };
  draw();

  if (league.hierarchy.length > 0) {
    const section = doc.createElement('section');
    section.className = 'audit-hierarchy';
    const h2 = doc.createElement('h2');
    h2.textContent = t('auditHierarchy');
    const note = doc.createElement('p');
    note.className = 'note';
    note.textContent = t('auditHierarchyNote');
    const list = doc.createElement('ul');
    for (const result of league.hierarchy) {
      for (const finding of result.findings) {
        const li = doc.createElement('li');
        li.dataset.rule = finding.rule;
        li.dataset.severity = finding.severity;
        const agency = doc.createElement('strong');
        agency.textContent = `${result.government.identity.agency} ${result.government.identity.year ?? ''}`;
        const text = doc.createElement('span');
        text.textContent = ` ${deps.language === 'en' ? finding.messageEn : finding.message}`;
        li.append(agency, text);
        list.append(li);
      }
    }
    section.append(h2, note, list);
    root.append(section);
  }

  const stem = `ogi-lens-audit-${new URL(deps.listingUrl ?? 'http://x/').hostname}`;
  xlsx.addEventListener('click', (event) => {
    if (!accept(event)) return;
    void import('../export/audit')
      .then(({ auditWorkbook }) => {
        const rows = sortedRows(league.rows, sort);
        const bytes = auditWorkbook(
          rows.map((row) => ({ row, findings: league.findingsOf(row) })),
          `年报审计 audit: ${deps.listingUrl ?? ''}`,
        );
        deps.save({
          filename: `${stem}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes,
        });
      })
      .catch((error: unknown) => deps.log('the workbook could not be built', error));
  });
  csv.addEventListener('click', (event) => {
    if (!accept(event)) return;
    void import('../export/audit')
      .then(({ auditCsv }) => {
        const text = auditCsv(sortedRows(league.rows, sort));
        deps.save({
          filename: `${stem}.csv`,
          mime: 'text/csv;charset=utf-8',
          bytes: new TextEncoder().encode(text),
        });
      })
      .catch((error: unknown) => deps.log('the CSV could not be built', error));
  });
}

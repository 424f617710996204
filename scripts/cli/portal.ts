/**
 * `npm run check -- --portal DIR`: audits a saved copy of a portal. Every
 * page under DIR is read with its address (./portal-files.ts), then each
 * report is paired with its own previous year among them (same portal,
 * agency, year − 1: lib/audit/pairing.ts) — the pairing, not the order of
 * the files, decides what the year-over-year checks compare with — checked,
 * and the governments' table 三 set beside their departments'
 * (lib/audit/hierarchy.ts) — all by lib/audit/audit-league.ts, which the
 * extension's column audit runs too. Prints the league table (lib/audit/league.ts),
 * or with --json the entries of the contract plus `url` and `previous`;
 * with --export, writes the audit's workbook or CSV (lib/export/audit.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AuditItem, type AuditOutcome, auditLeague } from '../../lib/audit/audit-league';
import { AUDIT_FILE_STEM, auditCsv, auditWorkbook } from '../../lib/export/audit';
import { type ContractEntry, toContractReport } from '../../lib/model/contract';
import { checkExtraction, type Extraction } from './analyse-file';
import type { CliOptions } from './args';
import { defaultJobs, extractAll } from './batch';
import { formatHierarchy, formatLeague } from './league-text';
import { type PortalFile, portalFiles } from './portal-files';
import { progressLine } from './progress';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * What the league shows for a page: a report, a page that should have been
 * one and was not read (an error, a scan), or nothing (a listing, another page).
 */
function auditItemOf(extraction: Extraction, file: PortalFile): AuditItem | null {
  const source = extraction.pdf?.source === 'pdf' ? 'pdf' : 'html';
  if (extraction.error !== null) {
    return {
      kind: 'unreadable',
      url: file.url,
      source,
      problem: `无法读取：${extraction.error}`,
      problemEn: `cannot be read: ${extraction.error}`,
    };
  }
  if (extraction.kind === 'scanned') {
    const reason = extraction.pdf?.reason ?? '';
    return {
      kind: 'unreadable',
      url: file.url,
      source,
      problem: `扫描件 PDF，无文字层，无法读取 ${reason}`.trim(),
      problemEn: `scanned PDF without a text layer: cannot be read ${reason}`.trim(),
    };
  }
  return extraction.report
    ? { kind: 'report', url: extraction.report.url, source, report: extraction.report }
    : null;
}

/** A page's entry of the contract, with its address and, for a report, the file used as last year. */
function entryOf(
  extraction: Extraction,
  file: PortalFile,
  outcome: AuditOutcome | null,
  relativeOf: (item: number) => string,
): ContractEntry {
  const { report } = extraction;
  if (!report || !outcome) {
    return { ...checkExtraction(extraction).entry, file: file.relative, url: file.url };
  }
  if (outcome.findings === null) {
    const error = outcome.error ?? 'the checks failed';
    return {
      file: file.relative,
      isReport: false,
      kind: 'none',
      findings: [],
      error,
      url: file.url,
    };
  }
  const entry: ContractEntry = {
    file: file.relative,
    isReport: true,
    kind: 'report',
    ...extraction.pdf,
    report: toContractReport(report),
    findings: outcome.findings,
    url: file.url,
  };
  const { pairing } = outcome;
  if (pairing.state === 'found') return { ...entry, previous: relativeOf(pairing.previous) };
  if (pairing.state === 'ambiguous') {
    return { ...entry, previous: null, previousCandidates: pairing.candidates.map(relativeOf) };
  }
  return { ...entry, previous: null };
}

export async function runPortalAudit(options: CliOptions & { portal: string }): Promise<number> {
  const { portal: dir, json, jobs, export: target } = options;
  let listed: Awaited<ReturnType<typeof portalFiles>>;
  try {
    listed = await portalFiles(dir);
  } catch (err) {
    process.stderr.write(`cannot read ${dir}: ${messageOf(err)}\n`);
    return 1;
  }
  const { files, found } = listed;
  if (files.length === 0) {
    process.stderr.write(`no pages (.html .htm .shtml .pdf) under ${dir}\n`);
    return 1;
  }
  if (found > files.length) {
    process.stderr.write(
      `${dir} holds ${found} pages; only the first ${files.length} (in path order) are read — audit a smaller folder for the rest\n`,
    );
  }
  if (target) {
    try {
      await mkdir(target.outDir, { recursive: true });
    } catch (err) {
      process.stderr.write(`cannot create ${target.outDir}: ${messageOf(err)}\n`);
      return 1;
    }
  }

  const progress = progressLine(process.stderr, files.length);
  const extractions = await extractAll(
    files.map((f) => f.path),
    {
      jobs: jobs ?? defaultJobs(),
      urls: files.map((f) => f.url || undefined),
      onExtracted: progress.update,
    },
  );
  progress.clear();

  // Last year's report by pairing, not by file order (a column lists the newest first),
  // checked, and the governments set beside their departments: the audit page's own steps.
  const itemAt: (number | null)[] = [];
  const fileOfItem: PortalFile[] = [];
  const items: AuditItem[] = [];
  extractions.forEach((extraction, i) => {
    const item = auditItemOf(extraction, files[i] as PortalFile);
    itemAt.push(item ? items.length : null);
    if (item) {
      items.push(item);
      fileOfItem.push(files[i] as PortalFile);
    }
  });
  const league = auditLeague(items);
  const { rows, hierarchy } = league;
  const relativeOf = (item: number) => fileOfItem[item]?.relative ?? '';
  const outcomeAt = (i: number) => {
    const item = itemAt[i];
    return item === null || item === undefined ? null : (league.outcomes[item] ?? null);
  };
  const fileOfUrl = new Map<string, string>();
  extractions.forEach((extraction, i) => {
    const file = files[i] as PortalFile;
    const url = extraction.report?.url ?? file.url;
    if (url && !fileOfUrl.has(url)) fileOfUrl.set(url, file.relative);
  });
  const fileOf = (url: string) => fileOfUrl.get(url) ?? url;

  const written = (path: string) =>
    (json ? process.stderr : process.stdout).write(`wrote ${path}\n`);

  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        extractions.map((extraction, i) =>
          entryOf(extraction, files[i] as PortalFile, outcomeAt(i), relativeOf),
        ),
        null,
        2,
      )}\n`,
    );
  } else {
    const reportCount = league.outcomes.filter((outcome) => outcome.findings !== null).length;
    const listings = extractions.filter((extraction) => extraction.kind === 'listing').length;
    process.stdout.write(
      `${dir}: ${files.length} 个页面 pages, ${reportCount} 份年报 reports, ${listings} 个列表页 listings, ${rows.length - reportCount} 份无法读取 unreadable\n\n`,
    );
    process.stdout.write(`${formatLeague(rows, fileOf).join('\n')}\n`);
    league.outcomes.forEach(({ pairing }, item) => {
      if (pairing.state !== 'ambiguous') return;
      process.stdout.write(
        `\n上年报告不确定，未作同比 previous year ambiguous, not compared: ${relativeOf(item)} — ${pairing.candidates.map(relativeOf).join(', ')}\n`,
      );
    });
    const lines = formatHierarchy(hierarchy);
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }

  if (target) {
    const path = join(target.outDir, `${AUDIT_FILE_STEM}.${target.format}`);
    try {
      if (target.format === 'csv') {
        await writeFile(path, auditCsv(rows), 'utf8');
      } else {
        const entries = rows.map((row) => ({ row, findings: league.findingsOf(row) }));
        await writeFile(path, auditWorkbook(entries, `年报审计 audit: ${dir}`));
      }
      written(path);
    } catch (err) {
      process.stderr.write(`export failed: ${messageOf(err)}\n`);
      return 1;
    }
  }
  return 0;
}

/**
 * `npm run check -- --portal DIR`: audits a saved copy of a portal. Every
 * page under DIR is read with its address (./portal-files.ts), then each
 * report is paired with its own previous year among them (same portal,
 * agency, year − 1: lib/audit/pairing.ts) — the pairing, not the order of
 * the files, decides what the year-over-year checks compare with — checked,
 * and the governments' table 三 set beside their departments'
 * (lib/audit/hierarchy.ts). Prints the league table (lib/audit/league.ts),
 * or with --json the entries of the contract plus `url` and `previous`;
 * with --export, writes the audit's workbook or CSV (lib/export/audit.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hierarchyFindings } from '../../lib/audit/hierarchy';
import {
  type AuditedPage,
  leagueRow,
  type PreviousPairing,
  sortLeague,
} from '../../lib/audit/league';
import { type Pairing, pairPrevious } from '../../lib/audit/pairing';
import { AUDIT_FILE_STEM, auditCsv, auditWorkbook } from '../../lib/export/audit';
import type { ContractEntry } from '../../lib/model/contract';
import type { Report } from '../../lib/model/report';
import { type Analysis, checkExtraction, type Extraction } from './analyse-file';
import type { CliOptions } from './args';
import { defaultJobs, extractAll } from './batch';
import { formatHierarchy, formatLeague } from './league-text';
import { type PortalFile, portalFiles } from './portal-files';
import { progressLine } from './progress';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface Audited {
  file: PortalFile;
  extraction: Extraction;
  pairing: Pairing<number>;
  analysis: Analysis;
}

/** What the league shows for a page: a report, a page that should have been one and was not read, or nothing. */
function auditedPage(item: Audited, urlOf: (index: number) => string): AuditedPage | null {
  const { extraction, analysis, pairing, file } = item;
  const source = extraction.pdf?.source === 'pdf' ? 'pdf' : 'html';
  const url = analysis.report?.url ?? file.url;
  if (analysis.entry.error !== undefined) {
    return {
      kind: 'unreadable',
      url,
      source,
      problem: `无法读取：${analysis.entry.error}`,
      problemEn: `cannot be read: ${analysis.entry.error}`,
    };
  }
  if (analysis.entry.kind === 'scanned') {
    const reason = analysis.entry.reason ?? '';
    return {
      kind: 'unreadable',
      url,
      source,
      problem: `扫描件 PDF，无文字层，无法读取 ${reason}`.trim(),
      problemEn: `scanned PDF without a text layer: cannot be read ${reason}`.trim(),
    };
  }
  if (!analysis.report) return null;
  const previous: PreviousPairing =
    pairing.state === 'found'
      ? { state: 'found', url: urlOf(pairing.previous) }
      : pairing.state === 'ambiguous'
        ? { state: 'ambiguous', candidates: pairing.candidates.length }
        : { state: 'none' };
  return {
    kind: 'report',
    url,
    source,
    report: analysis.report,
    findings: analysis.entry.findings,
    previous,
  };
}

function entryOf(item: Audited, relativeOf: (index: number) => string): ContractEntry {
  const { entry } = item.analysis;
  const withUrl = { ...entry, file: item.file.relative, url: item.file.url };
  if (!item.analysis.report) return withUrl;
  const { pairing } = item;
  if (pairing.state === 'found') return { ...withUrl, previous: relativeOf(pairing.previous) };
  if (pairing.state === 'ambiguous') {
    return { ...withUrl, previous: null, previousCandidates: pairing.candidates.map(relativeOf) };
  }
  return { ...withUrl, previous: null };
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

  // Last year's report by pairing, not by file order: a column lists the newest first.
  const pairings = pairPrevious(
    extractions.map((_, i) => i),
    (i) => extractions[i]?.report ?? null,
  );
  const items: Audited[] = extractions.map((extraction, i) => {
    const pairing = pairings[i] ?? { state: 'none' };
    const previous = pairing.state === 'found' ? extractions[pairing.previous]?.report : null;
    return {
      file: files[i] as PortalFile,
      extraction,
      pairing,
      analysis: checkExtraction(extraction, previous ? [previous] : []),
    };
  });

  // The governments' table 三 beside their departments': info findings of the government's report.
  const reports = items.flatMap((item) => (item.analysis.report ? [item.analysis.report] : []));
  const hierarchy = hierarchyFindings(reports);
  const itemOfReport = new Map<Report, Audited>(
    items.flatMap((item) => (item.analysis.report ? [[item.analysis.report, item]] : [])),
  );
  for (const result of hierarchy) {
    const item = itemOfReport.get(result.government);
    if (item) item.analysis.entry.findings.push(...result.findings);
  }

  const urlOf = (i: number) => items[i]?.analysis.report?.url ?? files[i]?.url ?? '';
  const relativeOf = (i: number) => files[i]?.relative ?? '';
  const pages = items.flatMap((item) => {
    const page = auditedPage(item, urlOf);
    return page ? [{ page, row: leagueRow(page) }] : [];
  });
  const rows = sortLeague(pages.map((p) => p.row));
  const pageOfRow = new Map(pages.map((p) => [p.row, p.page]));
  const fileOfUrl = new Map<string, string>();
  items.forEach((item, i) => {
    const url = item.analysis.report?.url ?? item.file.url;
    if (url && !fileOfUrl.has(url)) fileOfUrl.set(url, relativeOf(i));
  });
  const fileOf = (url: string) => fileOfUrl.get(url) ?? url;

  const written = (path: string) =>
    (json ? process.stderr : process.stdout).write(`wrote ${path}\n`);

  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        items.map((item) => entryOf(item, relativeOf)),
        null,
        2,
      )}\n`,
    );
  } else {
    const reportCount = items.filter((item) => item.analysis.report).length;
    const listings = items.filter((item) => item.analysis.entry.kind === 'listing').length;
    process.stdout.write(
      `${dir}: ${files.length} 个页面 pages, ${reportCount} 份年报 reports, ${listings} 个列表页 listings, ${rows.length - reportCount} 份无法读取 unreadable\n\n`,
    );
    process.stdout.write(`${formatLeague(rows, fileOf).join('\n')}\n`);
    const ambiguous = items.filter((item) => item.pairing.state === 'ambiguous');
    for (const item of ambiguous) {
      if (item.pairing.state !== 'ambiguous') continue;
      process.stdout.write(
        `\n上年报告不确定，未作同比 previous year ambiguous, not compared: ${item.file.relative} — ${item.pairing.candidates.map(relativeOf).join(', ')}\n`,
      );
    }
    const lines = formatHierarchy(hierarchy);
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }

  if (target) {
    const path = join(target.outDir, `${AUDIT_FILE_STEM}.${target.format}`);
    try {
      if (target.format === 'csv') {
        await writeFile(path, auditCsv(rows), 'utf8');
      } else {
        const entries = rows.map((row) => {
          const page = pageOfRow.get(row);
          return { row, findings: page?.kind === 'report' ? page.findings : [] };
        });
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

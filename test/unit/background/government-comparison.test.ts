/**
 * The government's table 三 beside its departments' on the government's own
 * report page: once the history holds the departments of the portal and
 * year (after a column audit), the answer to the government's report
 * carries the same `hierarchy.t3-sum` infos as the audit (lib/audit, which
 * the command line's `--portal` shares) — from the history of its own
 * portal only, never for a department, and never at the cost of the answer.
 */

import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLeague } from '../../../lib/audit/audit-league';
import { HIERARCHY_RULE } from '../../../lib/audit/hierarchy';
import { type BackgroundDeps, createBackgroundHandler } from '../../../lib/background/handler';
import { createHistoryStore, type HistoryStore } from '../../../lib/background/history-store';
import { type Checked, CheckedSchema, type Settings } from '../../../lib/messaging/protocol';
import type { Finding, Report } from '../../../lib/model/report';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { loadPortalManifest, PORTAL_DIR } from '../../support/portal';

const SELF = { id: 'ogi-lens-test', baseUrl: 'chrome-extension://ogi-lens-test/' };
const AUDIT_PAGE_URL = `${SELF.baseUrl}audit.html?url=x`;
const AUDIT_PAGE = { id: SELF.id, url: AUDIT_PAGE_URL, tab: { id: 9, url: AUDIT_PAGE_URL } };
const PDF_PAGE = { id: SELF.id, url: `${SELF.baseUrl}pdf-report.html?url=x`, tab: { id: 8 } };

interface Harness {
  handle: ReturnType<typeof createBackgroundHandler>;
  store: HistoryStore;
  warnings: unknown[][];
}

function harness(
  store: HistoryStore = createHistoryStore(new IDBFactory()),
  settings: Partial<Settings> = {},
): Harness {
  const warnings: unknown[][] = [];
  const deps: BackgroundDeps = {
    self: SELF,
    store,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    storageHasRoom: async () => false,
    showBadge: async () => undefined,
    loadLocale: async () => ({}),
    uiLanguage: () => 'zh-CN',
    injectWorkbookWriter: async () => undefined,
    captureVisibleTab: async () => '',
    injectAnalyser: async () => undefined,
    openPdfPage: async () => undefined,
    openAuditPage: async () => undefined,
    now: () => new Date('2024-05-06T07:08:09.000Z'),
    warn: (...details) => warnings.push(details),
  };
  return { handle: createBackgroundHandler(deps), store, warnings };
}

/** The government's report opened in tab 3, as its content script sends it. */
async function visited(h: Harness, report: Report): Promise<Checked> {
  return CheckedSchema.parse(
    await h.handle({ type: 'analysed', report }, { id: SELF.id, url: report.url, tab: { id: 3 } }),
  );
}

/** A report read by the column audit page at `url` and kept in history there. */
async function audited(h: Harness, report: Report, url = report.url): Promise<void> {
  CheckedSchema.parse(
    await h.handle({ type: 'auditedReport', report: { ...report, url }, url }, AUDIT_PAGE),
  );
}

const hierarchyOf = (findings: readonly Finding[]) =>
  findings.filter((finding) => finding.rule === HIERARCHY_RULE);

/**
 * What the audit (the audit page's league, the command line's steps) gives
 * the government, over the reports in the order the command line reads a
 * saved portal: by path (host, then path).
 */
function auditedHierarchy(government: Report, departments: readonly Report[]): Finding[] {
  const path = (report: Report) => report.url.replace(/^http:\/\//, '');
  const byPath = [government, ...departments].sort((a, b) =>
    path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0,
  );
  const league = auditLeague(
    byPath.map((report) => ({
      kind: 'report' as const,
      url: report.url,
      source: 'html' as const,
      report,
    })),
  );
  const row = league.rows.find((r) => r.url === government.url);
  if (!row) throw new Error('the government has no row in the audit');
  return hierarchyOf(league.findingsOf(row));
}

const manifest = loadPortalManifest();
async function portalReport(agency: string, year: number): Promise<Report> {
  const page = manifest.pages.find(
    (p) => p.kind === 'report' && p.report?.agency === agency && p.report.year === year,
  );
  if (!page) throw new Error(`no report of ${agency} ${year} in the mock portal`);
  const { report } = await analyseFile(join(PORTAL_DIR, page.file), { url: page.url });
  if (!report) throw new Error(`${page.url} is not a report`);
  return report;
}

let government: Report;
let departments: Report[];
beforeAll(async () => {
  government = await portalReport('鹤鸣区', 2023);
  departments = await Promise.all(
    manifest.pages
      .filter((p) => p.kind === 'report' && p.portal === 'A' && p.report?.year === 2023)
      .filter((p) => p.report?.expected.bodyKind === 'department')
      .map((p) => portalReport(p.report?.agency ?? '', 2023)),
  );
});

describe("the government's report page beside its departments in the history", () => {
  it('adds the same hierarchy infos as the column audit, and keeps the history to the report’s own findings', async () => {
    expect(departments.length).toBeGreaterThanOrEqual(2);
    const expected = auditedHierarchy(government, departments);
    expect(expected.length).toBeGreaterThan(0);

    const h = harness();
    for (const department of departments) await audited(h, department);
    const checked = await visited(h, government);
    expect(hierarchyOf(checked.findings)).toEqual(expected);
    for (const finding of hierarchyOf(checked.findings)) expect(finding.severity).toBe('info');
    // The comparison is made afresh on each visit: the history keeps the report's own findings.
    const kept = (await h.store.exportAll()).find((r) => r.agency === government.identity.agency);
    expect(kept?.findings.length).toBe(checked.findings.length - expected.length);
    expect(hierarchyOf(kept?.findings ?? [])).toEqual([]);
  });

  it("does not count the government's own earlier visit again", async () => {
    const h = harness();
    for (const department of departments) await audited(h, department);
    // An earlier visit kept under the same key, at another address of the portal (a re-posted copy).
    await audited(h, government, 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/copy/gov-2023.html');
    const again = await visited(h, government);
    expect(hierarchyOf(again.findings)).toEqual(auditedHierarchy(government, departments));
  });

  it('shows it on the PDF page too, keyed by the PDF’s portal', async () => {
    const h = harness();
    for (const department of departments) await audited(h, department);
    const url = 'http://www.heming.gov.cn/xxgk/zfxxgkndbg/202401/gov-2023.pdf';
    const pdfReport = { ...government, url };
    const checked = CheckedSchema.parse(
      await h.handle({ type: 'analysedPdf', report: pdfReport, url }, PDF_PAGE),
    );
    expect(hierarchyOf(checked.findings)).toEqual(auditedHierarchy(pdfReport, departments));
  });

  it('says nothing with fewer than two departments', async () => {
    const h = harness();
    await audited(h, departments[0] as Report);
    const checked = await visited(h, government);
    expect(hierarchyOf(checked.findings)).toEqual([]);
  });

  it('never counts departments kept under another portal', async () => {
    const h = harness();
    // The same departments' reports, read on another portal: that portal's records.
    for (const [i, department] of departments.entries()) {
      await audited(h, department, `http://www.yunqi.gov.cn/art/2024/1/1/heming_${i}.html`);
    }
    expect((await h.store.list()).every((entry) => entry.portal === 'yunqi.gov.cn')).toBe(true);
    const checked = await visited(h, government);
    expect(hierarchyOf(checked.findings)).toEqual([]);
  });

  it('gives no comparison, and still answers and keeps the report, when the history cannot be read', async () => {
    const real = createHistoryStore(new IDBFactory());
    const failing: HistoryStore = {
      ...real,
      portalYear: () => Promise.reject(new DOMException('disk gone', 'UnknownError')),
    };
    const h = harness(failing);
    for (const department of departments) await audited(h, department);
    const checked = await visited(h, government);
    expect(hierarchyOf(checked.findings)).toEqual([]);
    expect(h.warnings.some((w) => String(w[0]).includes('departments could not be read'))).toBe(
      true,
    );
    expect((await real.list()).some((e) => e.agency === government.identity.agency)).toBe(true);
  });

  it("gives a department's report none, with its government and siblings in the history", async () => {
    const h = harness();
    await audited(h, government);
    const [first, ...others] = departments as [Report, ...Report[]];
    for (const department of others) await audited(h, department);
    const checked = await visited(h, first);
    expect(hierarchyOf(checked.findings)).toEqual([]);
  });

  it('leaves it out when cross-table checks are switched off', async () => {
    const h = harness(undefined, { disabledFamilies: ['crossTable'] });
    for (const department of departments) await audited(h, department);
    const checked = await visited(h, government);
    expect(hierarchyOf(checked.findings)).toEqual([]);
  });
});

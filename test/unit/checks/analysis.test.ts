/**
 * The legacy and cross-table rules read the same analysis of a report (legacy
 * trees, section instances, legacy evaluation, mismatches). It is built at
 * most once per check run, and anew for every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { crossTableRule } from '../../../lib/checks/cross-table-rule';
import { legacyRule } from '../../../lib/checks/legacy-rule';
import { runChecks } from '../../../lib/checks/run';
import * as legacyEvaluation from '../../../lib/checks/shared/legacy-evaluation';
import * as mismatches from '../../../lib/checks/shared/mismatches';
import * as sections from '../../../lib/checks/shared/sections';
import { extractReport } from '../../../lib/extract';
import type { Report } from '../../../lib/model/report';
import { FIXTURE_DIR } from '../../support/fixtures';

// Each builder wrapped in a spy that still does the real work: the findings stay as they are.
vi.mock('../../../lib/checks/shared/sections', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/checks/shared/sections')>();
  return { ...actual, sectionInstances: vi.fn(actual.sectionInstances) };
});
vi.mock('../../../lib/checks/shared/legacy-evaluation', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../lib/checks/shared/legacy-evaluation')>();
  return { ...actual, evaluateLegacy: vi.fn(actual.evaluateLegacy) };
});
vi.mock('../../../lib/checks/shared/mismatches', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/checks/shared/mismatches')>();
  return { ...actual, crossTableMismatches: vi.fn(actual.crossTableMismatches) };
});

const URL_OF_PAGE = 'http://www.example.gov.cn/chk-cross-mismatch.html';

/** A statistics table whose 申请来源 breaks its total and disagrees with the 申请来源 table. */
function fixtureReport(): Report {
  const html = readFileSync(join(FIXTURE_DIR, 'chk-cross-mismatch.html'));
  return extractReport(new JSDOM(html, { url: URL_OF_PAGE }).window.document, URL_OF_PAGE).report;
}

/**
 * Counts how often each legacy table's rows are read: building a legacy tree
 * is the only read the two rules make, whatever module builds it.
 */
function countTreeBuilds(report: Report): () => number[] {
  const counts = report.tables
    .filter((t) => t.kind === 'legacy')
    .map((table) => {
      const rows = table.legacyRows;
      const count = { reads: 0 };
      Object.defineProperty(table, 'legacyRows', {
        get: () => {
          count.reads++;
          return rows;
        },
      });
      return count;
    });
  return () => counts.map((c) => c.reads);
}

const bothRules = { rules: [legacyRule, crossTableRule] };

describe('one analysis per check run', () => {
  it('builds each legacy tree once, though both rules read it', () => {
    const report = fixtureReport();
    const reads = countTreeBuilds(report);
    const findings = runChecks(report, null, bothRules);
    // Both rules raised findings, each singling the same culprit out of the other's broken
    // relations: one cause, reported once, the section's sum folded into the mismatch.
    expect(findings.map((f) => f.rule)).toEqual(['crossTable.mismatch']);
    expect(findings[0]?.arithmetic).toContain('申请来源各项');
    expect(reads()).toEqual([1]);
  });

  it('builds section instances, the legacy evaluation and mismatches once per run, anew each run', () => {
    const report = fixtureReport();
    const builders = [
      vi.mocked(sections.sectionInstances),
      vi.mocked(legacyEvaluation.evaluateLegacy),
      vi.mocked(mismatches.crossTableMismatches),
    ];
    for (const b of builders) b.mockClear();
    const first = runChecks(report, null, bothRules);
    expect(builders.map((b) => b.mock.calls.length)).toEqual([1, 1, 1]);
    // A second run does not reuse the first's analysis: the report may have changed in between.
    expect(runChecks(report, null, bothRules)).toEqual(first);
    expect(builders.map((b) => b.mock.calls.length)).toEqual([2, 2, 2]);
  });
});

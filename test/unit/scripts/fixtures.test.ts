/**
 * Every fixture page through the same path as the command line: detection,
 * identity and every canonical value must equal the hand-written expectation.
 */
import { describe, expect, it } from 'vitest';
import type { ContractEntry } from '../../../lib/model/contract';
import type { Report } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { type Fixture, findingId, findingSummary, loadFixtures } from '../../support/fixtures';

const fixtures = loadFixtures();
const byName = new Map(fixtures.map((f) => [f.name, f]));
// Each page is parsed once and its entry shared by the tests that read it.
const entries = new Map<string, Promise<ContractEntry>>();
const analyse = (fixture: Fixture): Promise<ContractEntry> => {
  let entry = entries.get(fixture.name);
  if (!entry) {
    entry = (async () => {
      // Earlier years first, as earlier files of one command-line run.
      const history: Report[] = [];
      for (const name of fixture.history ?? []) {
        const earlier = byName.get(name);
        if (!earlier) throw new Error(`${fixture.name}: unknown history fixture ${name}`);
        const { report } = await analyseFile(earlier.htmlPath, { url: earlier.url, history });
        if (report) history.push(report);
      }
      return (await analyseFile(fixture.htmlPath, { url: fixture.url, history })).entry;
    })();
    entries.set(fixture.name, entry);
  }
  return entry;
};

describe('fixture corpus', () => {
  it('has reports, listings and non-reports', () => {
    const kinds = new Set(fixtures.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['listing', 'none', 'report']);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      it(`is recognised as ${fixture.kind}`, async () => {
        const entry = await analyse(fixture);
        expect(entry.error).toBeUndefined();
        expect(entry.kind).toBe(fixture.kind);
        expect(entry.isReport).toBe(fixture.kind === 'report');
      });

      const expected = fixture.report;
      if (!expected) return;

      it('has the expected identity, tables and values', async () => {
        const { report } = await analyse(fixture);
        expect(report).toBeDefined();
        if (!report) return;
        expect({
          agency: report.agency,
          year: report.year,
          template: report.template,
          publishedAt: report.publishedAt,
          bodyKind: report.bodyKind,
          tableKinds: report.tables.map((t) => t.kind),
          imageTables: report.imageTables,
        }).toEqual({
          agency: expected.agency,
          year: expected.year,
          template: expected.template,
          publishedAt: expected.publishedAt,
          bodyKind: expected.bodyKind,
          tableKinds: expected.tableKinds,
          imageTables: expected.imageTables,
        });
        expect(report.values).toEqual(expected.values);
        const unreadable = report.tables.flatMap((t) => t.unreadable).sort();
        expect(unreadable).toEqual([...expected.unreadable].sort());
      });

      it('finds the figures its narrative states', async () => {
        const { report } = await analyse(fixture);
        const found = (report?.claims ?? []).map((c) => ({
          subject: c.subject,
          value: c.value,
          approximate: c.approximate,
        }));
        for (const claim of expected.claims) expect(found).toContainEqual(claim);
      });

      it('reports exactly its errors and warnings, and the expected notes', async () => {
        const { findings } = await analyse(fixture);
        const produced = findings.map(findingSummary);
        const wanted = expected.findings ?? [];
        const serious = (list: typeof produced) =>
          list
            .filter((f) => f.severity !== 'info')
            .map(findingId)
            .sort();
        expect(serious(produced)).toEqual(serious(wanted));
        const producedIds = produced.map(findingId);
        for (const info of wanted.filter((f) => f.severity === 'info')) {
          expect(producedIds).toContain(findingId(info));
        }
      });
    });
  }
});

/** The fixture corpus: every saved page in test/fixtures with its expected JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface ExpectedClaim {
  subject: string;
  value: number;
  approximate: boolean;
}

export interface ExpectedFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  /** Marked cells: canonical key, or `row|col` for a cell without one. */
  cells: string[];
  expected: number | string | null;
  actual: number | string | null;
}

export interface ExpectedReport {
  agency: string;
  year: number | null;
  template: string;
  publishedAt: string | null;
  bodyKind: string;
  tableKinds: string[];
  imageTables: number;
  values: Record<string, number | null>;
  unreadable: string[];
  claims: ExpectedClaim[];
  findings?: ExpectedFinding[];
}

export interface Fixture {
  name: string;
  htmlPath: string;
  url: string;
  kind: 'report' | 'listing' | 'none';
  /** Fixtures checked before this one (year-over-year history). */
  history?: string[];
  report?: ExpectedReport;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8'));
      return { name, htmlPath: join(FIXTURE_DIR, `${name}.html`), ...expected };
    });
}

/** A produced finding in the shape fixtures state them. */
export function findingSummary(f: {
  rule: string;
  severity: string;
  cells: { key?: string; row: string; col: string }[];
  expected: number | string | null;
  actual: number | string | null;
}): ExpectedFinding {
  return {
    rule: f.rule,
    severity: f.severity as ExpectedFinding['severity'],
    cells: f.cells.map((c) => c.key ?? `${c.row}|${c.col}`),
    expected: f.expected,
    actual: f.actual,
  };
}

/** Order-free comparison key of a finding. */
export const findingId = (f: ExpectedFinding): string =>
  JSON.stringify([f.rule, f.severity, [...f.cells].sort(), f.expected, f.actual]);

/** The errors and warnings of a list of findings, each as its findingId, sorted: what a fixture states exactly. */
export const seriousFindingIds = (list: ExpectedFinding[]): string[] =>
  list
    .filter((f) => f.severity !== 'info')
    .map(findingId)
    .sort();

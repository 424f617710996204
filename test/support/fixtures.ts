/** The fixture corpus: every saved page in test/fixtures with its expected JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface ExpectedClaim {
  subject: string;
  value: number;
  approximate: boolean;
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
}

export interface Fixture {
  name: string;
  htmlPath: string;
  url: string;
  kind: 'report' | 'listing' | 'none';
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

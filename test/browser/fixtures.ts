/**
 * The saved portal pages under test/fixtures and what each is expected to show.
 * Expectations are validated on load so that a malformed expected JSON fails
 * the suite with its file name instead of as a puzzling browser assertion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Overridable to run the suite on a scratch set of pages while debugging the harness. */
export const FIXTURES_DIR =
  process.env.OGI_LENS_FIXTURES_DIR ?? resolve(import.meta.dirname, '../fixtures');

const ExpectedReportSchema = z.object({
  agency: z.string(),
  year: z.number().int().nullable(),
  template: z.enum(['2019', '2021', 'legacy', 'unknown']),
  publishedAt: z.string().nullable(),
  tableKinds: z.array(z.enum(['t2', 't3', 't4', 'legacy', 'other'])).optional(),
  values: z.record(z.string(), z.number().nullable()),
  unreadable: z.array(z.string()).default([]),
});
export type ExpectedReport = z.infer<typeof ExpectedReportSchema>;

const ExpectedSchema = z.discriminatedUnion('kind', [
  z.object({ url: z.url(), kind: z.literal('report'), report: ExpectedReportSchema }),
  z.object({ url: z.url(), kind: z.enum(['listing', 'none']) }),
]);
export type Expected = z.infer<typeof ExpectedSchema>;

export interface Fixture {
  /** File name without `.html`, e.g. `fmt-2021-hanweb`. */
  name: string;
  htmlPath: string;
  expected: Expected;
  /**
   * Where the browser opens the page: the expected address, always over plain
   * HTTP because the fixture server speaks no TLS (the content script matches
   * both schemes, so nothing under test depends on it).
   */
  pageUrl: string;
  /**
   * Sent slowly: `chunkBytes` every `everyMs` (test/browser/pdf.ts's cancel
   * test). Only a fixture that sets it trickles; every other is sent at once.
   */
  trickle?: { chunkBytes: number; everyMs: number };
}

export function loadFixtures(dir: string = FIXTURES_DIR): Fixture[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.slice(0, -'.html'.length))
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const expectedPath = join(dir, `${name}.expected.json`);
    let expected: Expected;
    try {
      expected = ExpectedSchema.parse(JSON.parse(readFileSync(expectedPath, 'utf8')));
    } catch (error) {
      throw new Error(`${expectedPath}: ${error instanceof Error ? error.message : error}`);
    }
    const pageUrl = new URL(expected.url);
    pageUrl.protocol = 'http:';
    return { name, htmlPath: join(dir, `${name}.html`), expected, pageUrl: pageUrl.href };
  });
}

/** The fixture of that name; a missing one fails the suite that needs it, by name. */
export function fixtureNamed(fixtures: readonly Fixture[], name: string): Fixture {
  const fixture = fixtures.find((f) => f.name === name);
  if (!fixture) throw new Error(`fixture ${name} is missing from test/fixtures`);
  return fixture;
}

/** The page the demo and the screenshots show: the 2021 Hanweb sample, else the first report. */
export function pickSampleReport(fixtures: readonly Fixture[]): Fixture | undefined {
  const reports = fixtures.filter((fixture) => fixture.expected.kind === 'report');
  return reports.find((fixture) => fixture.name === 'fmt-2021-hanweb') ?? reports[0];
}

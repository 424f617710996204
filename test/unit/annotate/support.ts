/** Fixture pages in jsdom for the annotation tests, parsed the way the browser would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { findPrevious, runChecks } from '../../../lib/checks/run';
import { extractReport } from '../../../lib/extract';
import type { PreviousSummary } from '../../../lib/model/history';
import type { Finding, Report } from '../../../lib/model/report';
import { FIXTURE_DIR, loadFixtures } from '../../support/fixtures';

const fixtures = new Map(loadFixtures().map((f) => [f.name, f]));

export function fixtureUrl(name: string): string {
  const fixture = fixtures.get(name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixture.url;
}

/** A fixture page in its own window (rAF on, scripts off: a saved page is data). */
export function openFixture(name: string): JSDOM {
  const bytes = readFileSync(join(FIXTURE_DIR, `${name}.html`));
  return new JSDOM(bytes, {
    url: fixtureUrl(name),
    contentType: 'text/html',
    pretendToBeVisual: true,
  });
}

/** What the background would answer for a page: the command line's findings. */
export function checkLikeBackground(
  doc: Document,
  url: string,
  history: Report[] = [],
): { report: Report; findings: Finding[]; previous: PreviousSummary | null } {
  const { report } = extractReport(doc, url);
  const previousReport = findPrevious(report, history);
  const findings = runChecks(report, previousReport);
  const previous = previousReport
    ? {
        year: previousReport.identity.year ?? 0,
        url: previousReport.url,
        seenAt: '2024-02-01T00:00:00.000Z',
        values: previousReport.values,
      }
    : null;
  return { report, findings, previous };
}

/** The report of a fixture page, to serve as last year's. */
export function reportOf(name: string): Report {
  const dom = openFixture(name);
  return extractReport(dom.window.document, fixtureUrl(name)).report;
}

/** Preact renders through the global document; point it at the page under test. */
export function useWindowGlobals(dom: JSDOM): void {
  const g = globalThis as Record<string, unknown>;
  g.document = dom.window.document;
  g.window = dom.window;
}

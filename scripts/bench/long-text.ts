/**
 * Report pages with a runaway text (scripts/pages/long-text.ts): a
 * 100,000-character paragraph without a clause break, a 100,000-character
 * list joined by 、 only, measured in Chromium like the other report pages
 * and through the command line one page at a time; and 10,000 nested <span>s,
 * through the command line only (Chromium's parser stops nesting at 512).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from '../../test/browser/fixtures';
import { analyseFile, parsePage } from '../cli/analyse-file';
import { longListPage, longParagraphPage, nestedSpansPage } from '../pages/long-text';
import { type Summary, summarize } from './stats';

interface LongTextPage {
  name: string;
  html(): string;
  /** Measured in Chromium too (a nest deeper than its parser keeps is not). */
  inBrowser: boolean;
  /** The command line's budget applies (the nest has no budget of its own: it is measured to show the parse stays linear). */
  cliBudget: boolean;
}

export const LONG_TEXT_PAGES: readonly LongTextPage[] = [
  {
    name: 'long-paragraph-100000',
    html: () => longParagraphPage(100_000),
    inBrowser: true,
    cliBudget: true,
  },
  { name: 'long-list-100000', html: () => longListPage(100_000), inBrowser: true, cliBudget: true },
  {
    name: 'nested-spans-10000',
    html: () => nestedSpansPage(10_000),
    inBrowser: false,
    cliBudget: false,
  },
];

const HOST = 'http://www.jiangzhou.gov.cn';

/** The pages chosen, written where the fixture server (or the command line) reads them. */
export function writeLongTextPages(dir: string, chosen: (name: string) => boolean): Fixture[] {
  return LONG_TEXT_PAGES.filter((page) => chosen(page.name)).map((page) => {
    const htmlPath = join(dir, `${page.name}.html`);
    writeFileSync(htmlPath, page.html());
    const pageUrl = `${HOST}/long-text/${page.name}.html`;
    return { name: page.name, htmlPath, pageUrl, expected: { url: pageUrl, kind: 'none' } };
  });
}

export interface LongTextCli {
  name: string;
  /** analyseFile on the page alone: parse, extraction, checks. */
  seconds: Summary;
  /** Of that, the parse alone (measured apart, on the same bytes). */
  parseSeconds: Summary;
  /** A page not read as a report was not measured at all. */
  isReport: boolean;
  cliBudget: boolean;
  error: string | null;
}

export async function longTextCli(
  pages: readonly Fixture[],
  runs: number,
  progress: (line: string) => void,
): Promise<LongTextCli[]> {
  const results: LongTextCli[] = [];
  for (const page of pages) {
    const seconds: number[] = [];
    const parseSeconds: number[] = [];
    const bytes = readFileSync(page.htmlPath);
    let error: string | null = null;
    let isReport = false;
    for (let run = 1; run <= runs; run++) {
      progress(`command line: ${page.name}, run ${run}/${runs}`);
      const t0 = performance.now();
      const { entry } = await analyseFile(page.htmlPath, { url: page.pageUrl, history: [] });
      seconds.push((performance.now() - t0) / 1000);
      error = entry.error ?? error;
      isReport = entry.isReport;
      const t1 = performance.now();
      parsePage(bytes, page.pageUrl);
      parseSeconds.push((performance.now() - t1) / 1000);
    }
    const spec = LONG_TEXT_PAGES.find((p) => p.name === page.name);
    results.push({
      name: page.name,
      seconds: summarize(seconds),
      parseSeconds: summarize(parseSeconds),
      isReport,
      cliBudget: spec?.cliBudget ?? false,
      error,
    });
  }
  return results;
}

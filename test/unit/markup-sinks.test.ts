import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** The code that ships in the extension. */
const SHIPPED = ['lib', 'components', 'entrypoints'];

/** Every API that turns a string into markup (or code) in a document. */
const SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|srcdoc)\b|document\.write(ln)?\s*\(|new\s+DOMParser|\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/;

/**
 * The one parser of fetched markup: the column audit page reads the portal's
 * pages it fetched (entrypoints/audit/main.ts, through lib/portal's
 * parseFetchedPage, as the search for last year's report does) with DOMParser, into an inert
 * document that has no browsing context (its scripts never run, nothing it
 * names loads) and is never attached to or shown in any page: it is read for
 * its links and tables only, as lib/portal and the extraction read a tab's.
 */
const ALLOWED: { file: string; line: RegExp }[] = [
  {
    file: 'entrypoints/audit/main.ts',
    line: /^return parseFetchedPage\(new DOMParser\(\), html, url\);$/,
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('shipped code', () => {
  it('never turns a string into markup or code (page text is only ever text)', () => {
    const files = SHIPPED.flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => SINKS.test(line))
        .filter(
          ({ line }) =>
            !ALLOWED.some(
              (allowed) => relative(ROOT, file) === allowed.file && allowed.line.test(line.trim()),
            ),
        )
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('the scan finds a sink where there is one', () => {
    expect(SINKS.test('el.innerHTML = text;')).toBe(true);
    expect(SINKS.test("setTimeout('run()', 5)")).toBe(true);
    expect(SINKS.test('el.textContent = text;')).toBe(false);
  });
});

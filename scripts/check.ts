/**
 * npm run check -- [--json] FILE...
 * Checks saved report pages from the command line with the extension's lib/.
 */
import type { Report } from '../lib/model';
import { analyseFile } from './cli/analyse-file';
import { formatSummary } from './cli/summary';

const USAGE = 'usage: npm run check -- [--json] FILE...';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0 || files.length === 0) {
    process.stderr.write(
      `${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`,
    );
    return 2;
  }
  const entries = [];
  // In order: earlier reports of an agency serve as history for later ones, as in the browser.
  const history: Report[] = [];
  for (const file of files) {
    const { entry, report } = await analyseFile(file, { history });
    if (report) history.push(report);
    entries.push(entry);
    if (!json) process.stdout.write(`${formatSummary(entry)}\n\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return 0;
}

// exitCode, not exit(): exiting at once would cut off output still flowing into a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);

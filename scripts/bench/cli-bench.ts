/**
 * npm run bench:cli -- [--runs N]
 * The command line's part of the benchmark alone (no browser, no build):
 * the command line against pandas.read_html on the fixture pages, whole
 * processes (cli-vs-pandas.ts), with its PASS/MISS. `npm run bench` measures
 * the same among the rest.
 */
import { parseArgs } from 'node:util';
import { loadFixtures } from '../../test/browser/fixtures';
import { cliVsPandas, formatCliVsPandas, pandasBudget } from './cli-vs-pandas';

const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = values.runs === undefined ? 5 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run bench:cli -- [--runs N]\n');
  process.exit(2);
}
const result = cliVsPandas(
  loadFixtures().map((f) => f.htmlPath),
  runs,
  (line) => process.stderr.write(`[bench:cli] ${line}\n`),
);
const budget = pandasBudget(result);
process.stdout.write(
  `${[...formatCliVsPandas(result), '', `${budget.verdict}  ${budget.budget}: ${budget.measured}`].join('\n')}\n`,
);

/**
 * npm run check -- [--json] [--jobs N] [--export xlsx|csv|json|md --out DIR] FILE...
 *   or: npm run check -- --portal DIR [--json] [--export xlsx|csv --out DIR2] (./cli/portal.ts)
 * Checks saved report pages from the command line with the extension's lib/
 * (./cli/main.ts). `npm run check` runs it from a bundle (./cli/launch.mjs);
 * `node --import tsx scripts/check.ts` runs the sources, as the tests do.
 */
import { exitWith } from './cli/exit';
import { runCommandLine } from './cli/main';

exitWith(runCommandLine(process.argv.slice(2)));

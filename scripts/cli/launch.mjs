/**
 * What `npm run check` runs: the command line (scripts/check.ts) from a
 * bundle that esbuild builds on first use and again whenever one of its
 * sources changes, kept in node_modules/.cache/ogi-lens-cli/. Plain
 * JavaScript, so that Node starts it without tsx: tsx compiles and loads the
 * command line's hundred modules through loader hooks on every run, about a
 * second of start-up (and again in each worker thread), more than reading
 * the fixture corpus takes. `node --import tsx scripts/check.ts` still runs
 * the sources directly (the tests do).
 */
import { readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/ogi-lens-cli');
const MANIFEST = join(CACHE, 'inputs.json');
/** Runs the bundle with V8's code cache; copied beside it. */
const RUNNER = 'scripts/cli/run-bundle.cjs';
/** Besides the bundle's own inputs: the launcher, the runner, and the dependencies' versions. */
const ALSO_WATCHED = ['scripts/cli/launch.mjs', RUNNER, 'package-lock.json'];

/**
 * A file's identity for freshness: its modification time and size. Read
 * synchronously: a hundred stat calls through the thread pool's promises
 * took about 15 ms of every run's start, one after the other about 1 ms.
 */
function stamp(path) {
  const info = statSync(join(ROOT, path));
  return `${info.mtimeMs}:${info.size}`;
}

/** Whether the bundle was built from the files as they are now. */
function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return Object.entries(inputs).every(([path, value]) => stamp(path) === value);
  } catch {
    // No manifest yet, or a source gone: build.
    return false;
  }
}

async function buildBundle() {
  const { build } = await import('esbuild');
  // Built beside the cache and renamed into place, so that two runs at once never read half a bundle.
  const staging = `${CACHE}.${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    // One bundle for the main thread and the workers (bundle-entry.ts), which share its code cache.
    entryPoints: { check: 'scripts/cli/bundle-entry.ts' },
    outdir: staging,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    // CommonJS: a script, which Node runs with a code cache (run-bundle.cjs); an ES module it does not.
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import.meta in CommonJS: the bundle's own URL where the sources ask for theirs (batch.ts
    // finds the runner beside it), and require's resolution for import.meta.resolve.
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bundleUrl', 'import.meta.resolve': 'require.resolve' },
    // Only the sources' worker (run by tsx) loads tsx; the bundle never does.
    external: ['tsx', 'tsx/*'],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = {};
  for (const path of [...Object.keys(result.metafile.inputs), ...ALSO_WATCHED]) {
    inputs[path] = stamp(path);
  }
  await copyFile(join(ROOT, RUNNER), join(staging, 'run-bundle.cjs'));
  await writeFile(join(staging, 'inputs.json'), JSON.stringify(inputs));
  await mkdir(dirname(CACHE), { recursive: true });
  await rm(CACHE, { recursive: true, force: true });
  try {
    await rename(staging, CACHE);
  } catch (err) {
    // Another run put its bundle in place first: the same sources, so use that one.
    await rm(staging, { recursive: true, force: true });
    if (!fresh()) throw err;
  }
}

if (!fresh()) {
  process.stderr.write(`building the command line into ${relative(process.cwd(), CACHE)}\n`);
  await buildBundle();
}
createRequire(import.meta.url)(join(CACHE, 'run-bundle.cjs')).runBundle(join(CACHE, 'check.cjs'));

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
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/ogi-lens-cli');
const MANIFEST = join(CACHE, 'inputs.json');
/** Besides the bundle's own inputs: the launcher, and the dependencies' versions. */
const ALSO_WATCHED = ['scripts/cli/launch.mjs', 'package-lock.json'];

/** A file's identity for freshness: its modification time and size. */
async function stamp(path) {
  const info = await stat(join(ROOT, path));
  return `${info.mtimeMs}:${info.size}`;
}

/** Whether the bundle was built from the files as they are now. */
async function fresh() {
  try {
    const inputs = JSON.parse(await readFile(MANIFEST, 'utf8'));
    const stamps = await Promise.all(Object.keys(inputs).map(stamp));
    return Object.values(inputs).every((value, i) => value === stamps[i]);
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
    entryPoints: { check: 'scripts/check.ts', 'extract-worker': 'scripts/cli/extract-worker.ts' },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = {};
  for (const path of [...Object.keys(result.metafile.inputs), ...ALSO_WATCHED]) {
    inputs[path] = await stamp(path);
  }
  await writeFile(join(staging, 'inputs.json'), JSON.stringify(inputs));
  await mkdir(dirname(CACHE), { recursive: true });
  await rm(CACHE, { recursive: true, force: true });
  try {
    await rename(staging, CACHE);
  } catch (err) {
    // Another run put its bundle in place first: the same sources, so use that one.
    await rm(staging, { recursive: true, force: true });
    if (!(await fresh())) throw err;
  }
}

if (!(await fresh())) {
  process.stderr.write(`building the command line into ${relative(process.cwd(), CACHE)}\n`);
  await buildBundle();
}
await import(pathToFileURL(join(CACHE, 'check.mjs')).href);

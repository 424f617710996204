'use strict';
/**
 * Runs the command line's bundle (built by ./launch.mjs) with V8's code
 * cache: the bytecode of the functions a run compiled, kept beside the bundle
 * and handed to V8 on the next start, which then neither parses nor compiles
 * them again (about a tenth of a run over the fixtures; see the README's
 * Performance). CommonJS, because Node 20 takes a code cache for a script
 * (vm.Script) but not for an ES module.
 *
 * Required by launch.mjs in the main thread; the entry of each extraction
 * worker, which names the bundle in its argv.
 */
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

/** Leaves the run's bytecode for the next run; a cache is only ever a gain, so failing to write one is not an error. */
function writeCache(script, cacheFile) {
  const staging = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(staging, script.createCachedData());
    // Renamed into place: a run starting meanwhile reads a whole cache or none.
    renameSync(staging, cacheFile);
  } catch {
    rmSync(staging, { force: true });
  }
}

function runBundle(bundle) {
  const cacheFile = `${bundle}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // The first run after a build: it writes the cache.
  }
  const script = new Script(wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  // V8 rejects a cache made from other source or by another V8: the run replaces it. Written at
  // the end, so that it holds every function the run compiled; by the main thread only.
  if (isMainThread && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => writeCache(script, cacheFile));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

if (!isMainThread) runBundle(process.argv[2]);

module.exports = { runBundle };

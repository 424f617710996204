/**
 * The entry of the command line's bundle (built by ./launch.mjs): one bundle
 * for the main thread and the extraction workers, so that a worker starts
 * from the code cache the main thread left (./run-bundle.cjs). In the main
 * thread it runs the command line; in a worker, ./extract-worker.ts serves
 * the pages it is sent (it listens only where there is a parent port).
 */
import { isMainThread } from 'node:worker_threads';
import { exitWith } from './exit';
import './extract-worker';
import { runCommandLine } from './main';

if (isMainThread) exitWith(runCommandLine(process.argv.slice(2)));

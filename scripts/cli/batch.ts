/**
 * A batch of pages across the cores: the pages are extracted in worker
 * threads and in the main thread at once (each takes the next page as it
 * finishes one), then checked in the main thread in the order given, each
 * report with the reports before it as history — the year-over-year checks
 * pair a report with its agency's previous year wherever in the batch that
 * was, so every page is extracted before any is checked. The output is the
 * same, in the same order, whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Report } from '../../lib/model/report';
import {
  type Analysis,
  checkExtraction,
  type Extraction,
  type ExtractOptions,
  extractFile,
  readPage,
} from './analyse-file';
import type { ExtractRequest } from './extract-worker';

export interface BatchOptions extends ExtractOptions {
  /** Threads extracting at once, the main thread included; 1 reads the pages in this thread alone. */
  jobs: number;
  /** Told after each page is extracted: pages done, pages in all. */
  onExtracted?: (done: number, total: number) => void;
  /** Where each file was served, by its index (--portal); else every page has its file URL. */
  urls?: readonly (string | undefined)[];
}

/**
 * One thread fewer than the cores: a busy Node thread keeps V8's compiler and
 * garbage collector busy on about half a core besides (its CPU time is about
 * 1.5 times its wall time), so on two cores a second reader made a batch
 * slower, not faster (README, Performance).
 */
export const defaultJobs = (): number => Math.max(1, availableParallelism() - 1);

/**
 * Built into a bundle by launch.mjs (`npm run check`), this module sits in
 * check.cjs beside the runner that starts it with its code cache; run from
 * the sources with tsx (the tests), it sits beside extract-worker.ts.
 */
const BUNDLED = import.meta.url.endsWith('.cjs');

/**
 * From the sources the worker runs TypeScript through tsx, as the command
 * line itself does. Node 20 does not apply `--import tsx` to a worker's own
 * entry module, so the worker starts from a line of JavaScript that registers
 * tsx's loader and then imports the entry; both resolved from here, so that a
 * run from any directory finds them.
 */
function startWorker(workerData: ExtractOptions): Worker {
  if (BUNDLED) {
    // The same bundle, started by its runner (the bundle's extract-worker.ts serves in a worker).
    const runner = new URL('./run-bundle.cjs', import.meta.url);
    return new Worker(runner, { workerData, argv: [fileURLToPath(import.meta.url)] });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./extract-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

interface WorkerAnswer {
  index: number;
  extraction: Extraction;
}

/** Every file's Extraction, in the order of `files`. */
export async function extractAll(
  files: readonly string[],
  options: BatchOptions,
): Promise<Extraction[]> {
  const { jobs, onExtracted, urls, ...extractOptions } = options;
  const optionsOf = (index: number): ExtractOptions => {
    const url = urls?.[index];
    return url ? { ...extractOptions, url } : extractOptions;
  };
  const results: Extraction[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const finished = (index: number, extraction: Extraction) => {
    results[index] = extraction;
    done++;
    onExtracted?.(done, files.length);
  };

  // Threads beyond the pages would only start up for nothing.
  const workerCount = Math.max(0, Math.min(jobs, files.length) - 1);
  const workers = Array.from({ length: workerCount }, () => startWorker(extractOptions));
  const workersDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        const send = () => {
          if (next >= files.length) {
            resolve();
            return;
          }
          const url = urls?.[next];
          const request: ExtractRequest = {
            index: next,
            file: files[next] as string,
            ...(url ? { url } : {}),
          };
          next++;
          worker.postMessage(request);
        };
        worker.on('message', ({ index, extraction }: WorkerAnswer) => {
          finished(index, extraction);
          send();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (next < files.length || code !== 0) {
            reject(new Error(`an extraction worker stopped (exit code ${code})`));
          }
        });
        // The worker starts up while the main thread already reads pages.
        worker.once('online', send);
      }),
  );

  // The main thread reads pages too, so a small batch does not wait for a worker to start;
  // it reads the next file from disk while it parses the current one.
  const claim = () => {
    if (next >= files.length) return null;
    const index = next++;
    const file = files[index] as string;
    return { index, file, bytes: readPage(file) };
  };
  for (let page = claim(); page; ) {
    const upcoming = claim();
    finished(page.index, await extractFile(page.file, optionsOf(page.index), page.bytes));
    page = upcoming;
  }
  try {
    await Promise.all(workersDone);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** Every file's Analysis, in the order of `files`, each checked with the reports before it. */
export async function analyseBatch(
  files: readonly string[],
  options: BatchOptions,
): Promise<Analysis[]> {
  const extractions = await extractAll(files, options);
  const history: Report[] = [];
  return extractions.map((extraction) => {
    const analysis = checkExtraction(extraction, history);
    if (analysis.report) history.push(analysis.report);
    return analysis;
  });
}

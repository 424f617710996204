/**
 * A worker thread of a batch (batch.ts): extracts the pages it is sent, one
 * at a time, and posts each Extraction back with its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ExtractOptions, extractFile } from './analyse-file';

export interface ExtractRequest {
  index: number;
  file: string;
  /** Where this page was served (--portal), over the batch's own `url`. */
  url?: string;
}

const options = workerData as ExtractOptions;
const port = parentPort;
if (port) {
  port.on('message', async ({ index, file, url }: ExtractRequest) => {
    const extraction = await extractFile(file, url ? { ...options, url } : options);
    port.postMessage({ index, extraction });
  });
}

/**
 * A worker thread of a batch (batch.ts): extracts the pages it is sent, one
 * at a time, and posts each Extraction back with its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ExtractOptions, extractFile } from './analyse-file';

export interface ExtractRequest {
  index: number;
  file: string;
}

const options = workerData as ExtractOptions;
const port = parentPort;
if (port) {
  port.on('message', async ({ index, file }: ExtractRequest) => {
    port.postMessage({ index, extraction: await extractFile(file, options) });
  });
}

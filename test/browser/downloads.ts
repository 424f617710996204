/**
 * Files the browser saved: waited for by name in the session's download
 * folder, complete (Firefox writes a `.part` file first, Playwright copies).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const DOWNLOAD_TIMEOUT_MS = 20_000;
const sleep = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

/** Empties the folder, so that a file found afterwards was saved by the step under test. */
export async function clearDownloads(dir: string): Promise<void> {
  for (const name of await readdir(dir))
    await rm(join(dir, name), { recursive: true, force: true });
}

/** Resolves with the file's bytes once it exists, has no `.part` beside it and stopped growing. */
export async function waitForDownload(dir: string, filename: string): Promise<Buffer> {
  const path = join(dir, filename);
  const deadline = Date.now() + DOWNLOAD_TIMEOUT_MS;
  let lastSize = -1;
  while (Date.now() < deadline) {
    if (existsSync(path) && !existsSync(`${path}.part`)) {
      const { size } = await stat(path);
      if (size > 0 && size === lastSize) return readFile(path);
      lastSize = size;
    }
    await sleep(150);
  }
  const present = await readdir(dir).catch(() => []);
  assert.fail(
    `${filename} was not downloaded within ${DOWNLOAD_TIMEOUT_MS} ms (folder: ${present.join(', ') || 'empty'})`,
  );
}

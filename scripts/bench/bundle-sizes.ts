/** Gzipped size of every file of the Chrome build that a browser loads as code or style. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Path inside the build, e.g. `detector.js`. */
  file: string;
  /** What loads it, for the reader of the table. */
  role: string;
  bytes: number;
  gzipBytes: number;
}

/** The content script: detection only (entrypoints/detector.ts). */
export const CONTENT_SCRIPT = 'detector.js';

function roleOf(file: string): string {
  if (file === CONTENT_SCRIPT) return 'content script (every .gov.cn page)';
  if (file === 'analyser.js') return 'injected on a report page';
  if (file === 'background.js') return 'background worker';
  if (file === 'workbook-writer.js') return 'injected on the first workbook export';
  if (/^chunks\/popup-/.test(file)) return 'popup';
  if (/^chunks\/options-/.test(file)) return 'options page';
  if (file.startsWith('chunks/')) return 'shared by popup and options';
  if (file.endsWith('.css')) return 'popup / options style';
  return 'other';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

export function bundleSizes(buildDir: string): BundleSize[] {
  return filesUnder(buildDir)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(path);
      const file = relative(buildDir, path).split('\\').join('/');
      return {
        file,
        role: roleOf(file),
        bytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

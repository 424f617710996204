/**
 * The baseline of the non-report budget: the least a detector can cost. A
 * minimal MV3 extension, written by the benchmark into a folder of its own,
 * whose content script runs on the same pages at the same moment
 * (`*://*.gov.cn/*`, document_idle) and reads the document's title and a few
 * meta tags, nothing else: any detector pays this much (an isolated world, a
 * script to compile and start, a read of the head). It leaves the same
 * detection marks as OGI Lens's content script, so that the benchmark
 * measures both at the same point.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETECT_MARKS } from '../../lib/content/marks';

/** The minimal content script, as shipped: plain JavaScript, no build. */
export const MINIMAL_DETECTOR_SOURCE = `(() => {
  const started = performance.now();
  const wanted = ['ArticleTitle', 'title', 'og:title', 'ColumnName'];
  const found = {};
  const metas = document.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const key = metas[i].getAttribute('name') || metas[i].getAttribute('property');
    if (key && wanted.includes(key) && !(key in found)) found[key] = metas[i].getAttribute('content') || '';
  }
  const title = document.title;
  const detected = performance.now();
  // Kept, as a detector keeps its verdict for the popup.
  globalThis.__minimalDetector = { title, found };
  performance.mark(${JSON.stringify(DETECT_MARKS.start)}, { startTime: started });
  performance.mark(${JSON.stringify(DETECT_MARKS.end)}, { startTime: detected });
})();
`;

/**
 * Writes the minimal extension into `dir` and returns it. Its service worker
 * is empty: the test harness's launcher waits for one to learn the
 * extension's id; it runs in the extension's process, not the page's.
 */
export function writeMinimalDetector(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'minimal title-and-meta detector (OGI Lens benchmark baseline)',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [
      { matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_idle' },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'detector.js'), MINIMAL_DETECTOR_SOURCE);
  writeFileSync(join(dir, 'background.js'), '// Nothing: the baseline has no background work.\n');
  return dir;
}

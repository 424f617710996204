/**
 * Builds the Chrome (and Firefox) extension for the scripts that drive it (demo, bench),
 * keeping the build's chatter out of their output unless the build fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export function buildChromeExtension(): void {
  buildWith('build:chrome');
}

/** The Firefox build, for the parts that drive Firefox too (the benchmark's PDF page). */
export function buildFirefoxExtension(): void {
  buildWith('build:firefox');
}

function buildWith(script: 'build:chrome' | 'build:firefox'): void {
  const build = spawnSync('npm', ['run', '--silent', script], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0) {
    throw new Error(`\`npm run ${script}\` failed:\n${build.stdout}${build.stderr}`);
  }
}

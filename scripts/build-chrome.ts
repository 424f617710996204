/**
 * Builds the Chrome extension for the scripts that drive it (demo, bench),
 * keeping the build's chatter out of their output unless the build fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export function buildChromeExtension(): void {
  const build = spawnSync('npm', ['run', '--silent', 'build:chrome'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0) {
    throw new Error(`\`npm run build:chrome\` failed:\n${build.stdout}${build.stderr}`);
  }
}

/** The machine the figures came from: they mean little without it. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  chromium: string;
  /** One-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAtStart: number;
  loadAtEnd: number | null;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function chromiumVersion(executable: string): string {
  const run = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  // Debian's wrapper script may print shell noise on stderr; the version is on stdout.
  return run.stdout?.trim() || 'unknown';
}

export function describeMachine(chromiumExecutable: string): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion(chromiumExecutable),
    loadAtStart: loadavg()[0] ?? 0,
    loadAtEnd: null,
  };
}

export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}

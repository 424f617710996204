/**
 * Where a CPU profile's time went: self time per function and inclusive
 * time (the function or anything it called) per function, from the
 * DevTools protocol's Profiler.Profile.
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds between one sample and the previous one. */
  timeDeltas?: number[];
}

export interface FunctionCost {
  /** `name (file:line)`, or the engine's own bucket such as `(garbage collector)`. */
  label: string;
  selfMs: number;
  totalMs: number;
}

function labelOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const file = url.replace(/^.*\//, '');
  return `${name} (${file}:${lineNumber + 1})`;
}

/** Self and inclusive milliseconds per function, dearest first by inclusive time. */
export function functionCosts(profile: CpuProfile): FunctionCost[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the interval up to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    let id: number | undefined = samples[i];
    const node = id === undefined ? undefined : byId.get(id);
    if (!node) continue;
    const own = labelOf(node);
    self.set(own, (self.get(own) ?? 0) + ms);
    const seen = new Set<string>();
    while (id !== undefined) {
      const current = byId.get(id);
      if (!current) break;
      const label = labelOf(current);
      if (!seen.has(label)) {
        seen.add(label);
        total.set(label, (total.get(label) ?? 0) + ms);
      }
      id = parent.get(id);
    }
  }
  return [...total.entries()]
    .map(([label, totalMs]) => ({ label, selfMs: self.get(label) ?? 0, totalMs }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

/** Per-function costs averaged over several profiles of the same build (one per run). */
export function meanCosts(profiles: readonly CpuProfile[]): FunctionCost[] {
  const sums = new Map<string, FunctionCost>();
  for (const profile of profiles) {
    for (const cost of functionCosts(profile)) {
      const sum = sums.get(cost.label) ?? { label: cost.label, selfMs: 0, totalMs: 0 };
      sum.selfMs += cost.selfMs;
      sum.totalMs += cost.totalMs;
      sums.set(cost.label, sum);
    }
  }
  const n = Math.max(1, profiles.length);
  return [...sums.values()]
    .map((sum) => ({ label: sum.label, selfMs: sum.selfMs / n, totalMs: sum.totalMs / n }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

/** Milliseconds of samples with a frame of a script whose URL matches anywhere on the stack. */
export function timeUnder(profile: CpuProfile, urlPattern: RegExp): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let ms = 0;
  for (let i = 0; i < samples.length; i++) {
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      if (urlPattern.test(byId.get(id)?.callFrame.url ?? '')) {
        ms += (deltas[i + 1] ?? 0) / 1000;
        break;
      }
    }
  }
  return ms;
}

/**
 * Changes against last year's report, for the small badges on the totals of
 * tables 三 and 四: the figures a reader compares first.
 */
import { formatNumber } from '../checks/shared/arithmetic';

export interface Delta {
  key: string;
  current: number;
  previous: number;
  change: number;
  /** `▲12`, `▼3`. */
  text: string;
}

const TOTAL_KEY = /^t[34]\..+\.total$/;

export function deltaText(change: number): string {
  return `${change > 0 ? '▲' : '▼'}${formatNumber(Math.abs(change))}`;
}

export function totalDeltas(
  values: Readonly<Record<string, number | null>>,
  previous: Readonly<Record<string, number | null>>,
): Delta[] {
  const out: Delta[] = [];
  for (const [key, current] of Object.entries(values)) {
    const before = previous[key];
    if (!TOTAL_KEY.test(key) || current === null || before === null || before === undefined) {
      continue;
    }
    const change = current - before;
    // Float noise from decimals must not show as a change.
    if (Math.abs(change) < 1e-9) continue;
    out.push({ key, current, previous: before, change, text: deltaText(change) });
  }
  return out;
}

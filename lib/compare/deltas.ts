/**
 * Changes against last year's report, for the small ▲/▼ badges beside the
 * figures a reader compares with last year's (COMPARED_KEY: the row totals
 * of tables 三 and 四, the figures of table 二 and of a legacy table).
 */
import { formatNumber } from '../checks/shared/arithmetic';
import { COMPARED_KEY } from '../checks/year-over-year-data';

export interface Delta {
  key: string;
  current: number;
  previous: number;
  change: number;
  /** `▲12`, `▼3`. */
  text: string;
}

export function deltaText(change: number): string {
  return `${change > 0 ? '▲' : '▼'}${formatNumber(Math.abs(change))}`;
}

export function comparedDeltas(
  values: Readonly<Record<string, number | null>>,
  previous: Readonly<Record<string, number | null>>,
): Delta[] {
  const out: Delta[] = [];
  for (const [key, current] of Object.entries(values)) {
    const before = previous[key];
    if (!COMPARED_KEY.test(key) || current === null || before === null || before === undefined) {
      continue;
    }
    const change = current - before;
    // Float noise from decimals must not show as a change.
    if (Math.abs(change) < 1e-9) continue;
    out.push({ key, current, previous: before, change, text: deltaText(change) });
  }
  return out;
}

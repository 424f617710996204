/**
 * Where patterns match in a sentence, and the binary search every per-number
 * lookup goes through: found once per sentence, looked up once per number,
 * which is what keeps the reader linear in a long clause.
 */

/** Where a pattern matches in a sentence, in order (matches do not overlap, so ends are in order too). */
export interface Matches {
  starts: number[];
  ends: number[];
}

export function positionsOf(text: string, pattern: RegExp): number[] {
  return Array.from(text.matchAll(pattern), (m) => m.index);
}

export function matchesOf(text: string, pattern: RegExp): Matches {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(pattern)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends };
}

/** How many of the ascending `values` are below `value`. */
export function countBelow(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

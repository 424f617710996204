/**
 * The little statistics the benchmark prints: medians and ranges over runs,
 * and a least-squares line through cost against page size.
 */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Number of measurements summarised. */
  n: number;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

export interface LinearFit {
  /** Cost per unit of x (ms per cell). */
  slope: number;
  /** Cost at x = 0 (the fixed part: detection, messaging, overlay). */
  intercept: number;
  /** Coefficient of determination: 1 for points on a line. */
  r2: number;
}

/** Ordinary least squares of y on x. Needs at least two distinct x. */
export function linearFit(points: readonly { x: number; y: number }[]): LinearFit {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
    syy += (y - meanY) ** 2;
  }
  if (n < 2 || sxx === 0) throw new Error('a line needs at least two distinct sizes');
  const slope = sxy / sxx;
  // All costs equal: the line explains them perfectly.
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: meanY - slope * meanX, r2 };
}

/**
 * How much dearer a cell is on the larger page than on the smaller one: 1
 * when cost grows linearly, above 1 when it grows faster.
 */
export function perUnitRatio(
  small: { x: number; y: number },
  large: { x: number; y: number },
): number {
  return large.y / large.x / (small.y / small.x);
}

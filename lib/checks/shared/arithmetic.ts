/** How findings print their numbers: the arithmetic a reader can redo with a calculator. */

/** Integers as integers, decimals without float noise (0.1 + 0.2 prints 0.3). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/** `118 + 10 + 0 = 128` (an empty list sums to 0). */
export function sumExpression(values: number[]): string {
  const total = sumOf(values);
  if (values.length === 0) return '0';
  if (values.length === 1) return formatNumber(total);
  return `${values.map(formatNumber).join(' + ')} = ${formatNumber(total)}`;
}

/** Sums without binary-fraction drift (amounts in 万元 carry two decimals). */
export function sumOf(values: number[]): number {
  const scale = 1e6;
  return Math.round(values.reduce((acc, v) => acc + Math.round(v * scale), 0)) / scale;
}

export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

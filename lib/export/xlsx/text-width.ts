/**
 * Column widths from the text they hold. Excel measures widths in digits of
 * the default font; a Chinese character (or any full-width one) takes about
 * two of them.
 */

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x1f000
  );
}

/** Width of the widest line of the text, in digit widths. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const ch of line) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

/** A width that shows the text, within bounds (long text wraps instead). */
export function fitWidth(widest: number, min: number, max: number): number {
  return Math.min(Math.max(widest + 2, min), max);
}

/** Widths of the first `count` columns from the cells that sit in one column each. */
export function columnWidths(
  cells: readonly { col: number; value: string | number | null }[],
  count: number,
  bounds: (col: number) => { min: number; max: number },
): number[] {
  const widest = new Array<number>(count).fill(0);
  for (const cell of cells) {
    if (cell.col >= count || cell.value === null) continue;
    const width = displayWidth(String(cell.value));
    widest[cell.col] = Math.max(widest[cell.col] ?? 0, width);
  }
  return widest.map((w, col) => {
    const { min, max } = bounds(col);
    return fitWidth(w, min, max);
  });
}

/** A1 references; rows and columns are 0-based here, as in the report's tables. */

/** Excel's grid: columns A..XFD, rows 1..1048576. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** `0` → `A`, `25` → `Z`, `26` → `AA` (bijective base 26: there is no zero digit). */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** `A1:C2` for a block; a single cell is its own address. */
export function rangeAddress(row: number, col: number, rowSpan: number, colSpan: number): string {
  const first = cellAddress(row, col);
  if (rowSpan === 1 && colSpan === 1) return first;
  return `${first}:${cellAddress(row + rowSpan - 1, col + colSpan - 1)}`;
}

export function insideGrid(row: number, col: number): boolean {
  return row >= 0 && col >= 0 && row < MAX_ROWS && col < MAX_COLUMNS;
}

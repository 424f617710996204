/**
 * From a finding's cell reference back to the page element that printed it.
 * The extraction keeps, per table, the source element of every cell; a
 * reference names its table and the cell's top-left slot there.
 */
import type { CellRef, Report } from '../model/report';

export type CellLocator = (ref: CellRef) => Element | null;

export function cellLocator(
  report: Report,
  elements: readonly (readonly Element[])[],
): CellLocator {
  const bySlot = new Map<string, Element>();
  const byKey = new Map<string, Element>();
  report.tables.forEach((table, t) => {
    const tableElements = elements[t] ?? [];
    table.cells.forEach((cell, i) => {
      const element = tableElements[i];
      if (!element) return;
      bySlot.set(`${t}:${cell.row}:${cell.col}`, element);
      // The first cell of a key is the one the values (and so the checks) read.
      if (cell.key && !byKey.has(cell.key)) byKey.set(cell.key, element);
    });
  });
  return (ref) => {
    if (ref.table !== undefined && ref.r !== undefined && ref.c !== undefined) {
      const element = bySlot.get(`${ref.table}:${ref.r}:${ref.c}`);
      if (element) return element;
    }
    return ref.key ? (byKey.get(ref.key) ?? null) : null;
  };
}

/** The element of each canonical key (for the year-over-year badges). */
export function keyedElements(
  report: Report,
  elements: readonly (readonly Element[])[],
): Map<string, Element> {
  const out = new Map<string, Element>();
  report.tables.forEach((table, t) => {
    table.cells.forEach((cell, i) => {
      const element = elements[t]?.[i];
      if (cell.key && element && !out.has(cell.key)) out.set(cell.key, element);
    });
  });
  return out;
}

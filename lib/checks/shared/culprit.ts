/**
 * Singling out the likely wrong figure among broken relations. The legacy rule
 * (sums) and the cross-table rule (the same quantity in two tables) feed their
 * broken relations into one pool, so a cell both contradict is found by either.
 */
import type { CellRef } from '../../model/report';
import { refId } from './refs';

/** A broken relation between printed figures, for singling out a culprit. */
export interface Discrepancy {
  cells: CellRef[];
  gap: number;
}

/**
 * The likely culprit of a broken relation: a cell of it that is in at least
 * two broken relations, all with the same gap, and the only such cell.
 */
export function culpritOf(item: Discrepancy, all: readonly Discrepancy[]): CellRef | null {
  const candidates = item.cells.filter((ref) => {
    const within = all.filter((d) => d.cells.some((c) => refId(c) === refId(ref)));
    return within.length >= 2 && within.every((d) => d.gap === item.gap);
  });
  const unique = [...new Map(candidates.map((c) => [refId(c), c])).values()];
  return unique.length === 1 ? (unique[0] ?? null) : null;
}

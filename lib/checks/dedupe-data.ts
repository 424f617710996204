/**
 * Rules that can report one cause another rule reports more specifically.
 * When two findings of such a pair mark the same cells with the same expected
 * and actual figures, they are one contradiction seen twice: the general
 * finding is folded into the specific one (lib/checks/dedupe.ts).
 */
export interface Supersedes {
  /** The rule whose finding is folded away. */
  general: string;
  /** The rule whose finding is kept, with the general one's arithmetic and terms added. */
  specific: string;
}

export const SUPERSEDES: Supersedes[] = [
  // A 申请来源 row singled out both by its section's sum and by the other table's figure:
  // the other table names the very figure it should be.
  { general: 'legacy.section-total', specific: 'crossTable.mismatch' },
  // Not table 三's row and column sums that single out one culprit cell: each is a printed
  // total the cell contradicts, one finding per broken identity (checks.property.test.ts).
];

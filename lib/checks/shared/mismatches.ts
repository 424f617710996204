/**
 * One quantity printed in two tables of a report (domain.md, family 4) with
 * two different figures. The cross-table rule reports these; the legacy rule
 * counts them among the broken relations it singles culprits out of.
 */
import type { LegacySection } from '../legacy-data';
import type { Discrepancy } from './culprit';
import { refId } from './refs';
import type { SectionInstance, SectionRow } from './sections';

export interface Mismatch {
  section: LegacySection;
  a: { instance: SectionInstance; row: SectionRow };
  b: { instance: SectionInstance; row: SectionRow };
  discrepancy: Discrepancy;
}

/** Rows of one instance by name; a name printed twice is ambiguous and left out. */
function rowsByName(instance: SectionInstance): Map<string, SectionRow> {
  const seen = new Map<string, SectionRow | null>();
  for (const row of instance.rows) seen.set(row.name, seen.has(row.name) ? null : row);
  return new Map([...seen].filter((e): e is [string, SectionRow] => e[1] !== null));
}

/** Same quantity, two printed figures that differ, among a report's section instances. */
export function crossTableMismatches(instances: readonly SectionInstance[]): Mismatch[] {
  const out: Mismatch[] = [];
  instances.forEach((a, i) => {
    for (const b of instances.slice(i + 1)) {
      if (a.section !== b.section || a.table === b.table) continue;
      const pairs: [SectionRow, SectionRow][] = [];
      const bRows = rowsByName(b);
      for (const [name, row] of rowsByName(a)) {
        const other = bRows.get(name);
        if (other) pairs.push([row, other]);
      }
      if (a.total && b.total) pairs.push([a.total, b.total]);
      for (const [x, y] of pairs) {
        // Blank is not zero: only two printed figures can disagree.
        if (x.state !== 'number' || y.state !== 'number' || refId(x.ref) === refId(y.ref)) continue;
        const gap = Math.abs((x.ref.value ?? 0) - (y.ref.value ?? 0));
        if (gap === 0) continue;
        out.push({
          section: a.section,
          a: { instance: a, row: x },
          b: { instance: b, row: y },
          discrepancy: { cells: [x.ref, y.ref], gap },
        });
      }
    }
  });
  return out;
}

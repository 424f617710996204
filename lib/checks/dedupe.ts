/**
 * One finding per cause. Two findings that mark the same cells with the same
 * expected and actual figures, from one rule or from a general and a more
 * specific rule (./dedupe-data.ts), say one thing: the one kept carries the
 * other's terms and, when the rules differ, its arithmetic too, so no
 * evidence is lost. Findings of rules not declared as a pair are kept apart,
 * and so are findings that mark different cells or expect different figures:
 * two totals that are each wrong are two findings.
 */
import type { Finding } from '../model/report';
import { SUPERSEDES } from './dedupe-data';
import { refId } from './shared/refs';

/** What a finding says, apart from which rule says it; a finding that marks no cell is told by its message. */
const causeOf = (f: Finding): string =>
  JSON.stringify([
    f.cells.map(refId).sort(),
    f.expected,
    f.actual,
    f.cells.length ? '' : f.message,
  ]);

/** Does the kept finding's rule say `other`'s cause more specifically (or is it the same rule)? */
function absorbs(kept: Finding, other: Finding): boolean {
  return (
    kept.rule === other.rule ||
    SUPERSEDES.some((s) => s.specific === kept.rule && s.general === other.rule)
  );
}

/** Both arithmetics, when two rules found one cause by different sums. */
const joined = (a: string, b: string | undefined, sep: string): string =>
  b && b !== a ? `${a}${sep}${b}` : a;

function merge(kept: Finding, other: Finding): Finding {
  const seen = new Set([...kept.cells, ...kept.terms].map(refId));
  const added = other.terms.filter((t) => !seen.has(refId(t)) && seen.add(refId(t)));
  const merged: Finding = { ...kept, terms: [...kept.terms, ...added] };
  if (kept.rule === other.rule) return merged;
  merged.arithmetic = joined(kept.arithmetic, other.arithmetic, '。');
  if (kept.arithmeticEn) merged.arithmeticEn = joined(kept.arithmeticEn, other.arithmeticEn, '. ');
  return merged;
}

/** The findings with each cause reported once, in their order (a folded finding takes its keeper's place). */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const out: (Finding | null)[] = [...findings];
  // Only findings of one cause are compared: a page with hundreds of findings stays linear.
  const byCause = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const cause = causeOf(f);
    byCause.set(cause, [...(byCause.get(cause) ?? []), i]);
  });
  for (const places of byCause.values()) {
    for (const [n, i] of places.entries()) {
      for (const j of places.slice(n + 1)) {
        const [a, b] = [out[i], out[j]];
        if (!a || !b) continue;
        if (absorbs(a, b)) {
          out[i] = merge(a, b);
          out[j] = null;
        } else if (absorbs(b, a)) {
          out[j] = merge(b, a);
          out[i] = null;
          break;
        }
      }
    }
  }
  return out.filter((f): f is Finding => f !== null);
}

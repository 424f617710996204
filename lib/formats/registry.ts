/**
 * The registered report formats and every question the engine asks of them:
 * which format an id names, which is the era's format for a report year,
 * which format a table's keys show. Code that needs to know a format asks
 * here instead of naming '2019' or '2021'.
 */
import { formatProblems } from './consistency';
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';
import { keysOf, splitKey, tableOf } from './format-table';
import { LEGACY_FORMAT } from './legacy';
import type { FormatDeclaration, FormatId, FormatTableKind, TableTitle } from './types';

/** The formats the project reads. */
const BUILT_IN: readonly FormatDeclaration[] = [LEGACY_FORMAT, FORMAT_2019, FORMAT_2021];

const byEra = (formats: readonly FormatDeclaration[]): readonly FormatDeclaration[] =>
  [...formats].sort((a, b) => a.fromYear - b.fromYear);

/** Replaced, never changed in place: a new array tells caches (lib/formats/matchers.ts) to rebuild. */
let registered: readonly FormatDeclaration[] = byEra(BUILT_IN);

/** The registered formats, oldest era first. */
export const formats = (): readonly FormatDeclaration[] => registered;

/**
 * A value derived from the registered formats, computed on first use and
 * again only after a format is registered or removed: for what the checks
 * ask of the formats for every cell or claim.
 */
export function whileFormatsStay<T>(derive: () => T): () => T {
  let derivedFrom: readonly FormatDeclaration[] | null = null;
  let value: T;
  return () => {
    if (derivedFrom !== registered) {
      value = derive();
      derivedFrom = registered;
    }
    return value;
  };
}

/**
 * Registers a format; the returned function removes it again. Throws when
 * the formats together would not read as declared (lib/formats/consistency.ts).
 */
export function registerFormat(format: FormatDeclaration): () => void {
  const next = byEra([...registered, format]);
  const problems = formatProblems(next);
  if (problems.length > 0) {
    throw new Error(`cannot register format ${format.id}: ${problems.join('; ')}`);
  }
  registered = next;
  return () => {
    registered = registered.filter((f) => f !== format);
  };
}

/** Runs `fn` with `format` registered, and removes it afterwards however `fn` ends. */
export function withFormat<T>(format: FormatDeclaration, fn: () => T): T {
  const unregister = registerFormat(format);
  try {
    return fn();
  } finally {
    unregister();
  }
}

export const formatById = (id: string): FormatDeclaration | undefined =>
  registered.find((f) => f.id === id);

export const isFormatId = (id: string): id is FormatId => formatById(id) !== undefined;

/** The format of a report year's era: the latest one whose era has begun. */
export function formatOfYear(year: number): FormatDeclaration | undefined {
  let out: FormatDeclaration | undefined;
  for (const f of registered) if (f.fromYear <= year) out = f;
  return out;
}

/** Formats with fixed tables, oldest era first. */
export const fixedFormats = (): FormatDeclaration[] =>
  registered.filter((f) => f.tables.length > 0);

/** A format by id, when it has fixed tables. */
export function fixedFormatById(id: string): FormatDeclaration | undefined {
  const format = formatById(id);
  return format && format.tables.length > 0 ? format : undefined;
}

/** The newest format with fixed tables: what a fixed table says when nothing tells its format. */
export const latestFixedFormat = (): FormatDeclaration | undefined => fixedFormats().at(-1);

/** Of several formats, the one whose era began last. */
export const newestOf = (candidates: FormatDeclaration[]): FormatDeclaration | undefined =>
  [...candidates].sort((a, b) => b.fromYear - a.fromYear)[0];

/** The title of a table kind, as the formats that print it name it. */
export function tableTitle(kind: string): TableTitle | undefined {
  for (const f of registered) {
    const table = tableOf(f, kind);
    if (table) return table.title;
  }
  return undefined;
}

/** The table kinds the formats' identities speak of. */
export function identityKinds(): FormatTableKind[] {
  const kinds = new Set<FormatTableKind>();
  for (const f of fixedFormats()) {
    for (const identity of f.identities) {
      const key = identity.kind === 'sum' ? identity.total : (identity.left[0] ?? '');
      const table = f.tables.find((t) => key.startsWith(`${t.kind}.`));
      if (table) kinds.add(table.kind);
    }
  }
  return [...kinds];
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  [...a].every((k) => b.has(k));

/**
 * Which format a set of keys shows, from the keys of `kinds` that one format
 * prints and another does not. A format wins when no other has more such
 * evidence against it. Among formats the keys cannot tell apart, the one
 * printing nothing beyond what every other of them prints is the answer (a
 * table without the rows a later format added); otherwise the keys do not
 * tell, and the answer is null.
 */
export function formatOfKeys(
  keys: Iterable<string>,
  kinds: readonly FormatTableKind[],
): FormatDeclaration | null {
  const present = [...new Set(keys)];
  if (present.length === 0) return null;
  const candidates = fixedFormats().filter((f) => kinds.some((k) => tableOf(f, k)));
  const declared = new Map(
    candidates.map((f) => [f, new Set(kinds.flatMap((k) => keysOf(f, k)))] as const),
  );
  const printedBy = (f: FormatDeclaration) => declared.get(f) ?? new Set<string>();
  const evidence = (a: FormatDeclaration, b: FormatDeclaration): number =>
    present.filter((k) => printedBy(a).has(k) && !printedBy(b).has(k)).length;
  const unbeaten = candidates.filter((f) =>
    candidates.every((g) => g === f || evidence(g, f) <= evidence(f, g)),
  );
  if (unbeaten.length === 1) return unbeaten[0] ?? null;
  const narrowest = unbeaten.filter((f) =>
    unbeaten.every(
      (g) =>
        g === f || (isSubset(printedBy(f), printedBy(g)) && !isSubset(printedBy(g), printedBy(f))),
    ),
  );
  return narrowest.length === 1 ? (narrowest[0] ?? null) : null;
}

/**
 * Whether a key's figure is a count (never negative, never fractional):
 * every legacy key and every fixed-table key but those of a column declared
 * not a count (table 二's 本年增/减, amounts in 万元).
 */
export function isCountKey(key: string): boolean {
  if (key.startsWith('legacy.')) return true;
  // The checks ask this of every cell: answered once per key while the formats stay the same.
  const answers = countKeyAnswers();
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = isCountKeyOfFormats(key);
    answers.set(key, answer);
  }
  return answer;
}

const countKeyAnswers = whileFormatsStay(() => new Map<string, boolean>());

function isCountKeyOfFormats(key: string): boolean {
  const kind = key.split('.')[0] ?? '';
  const [, col] = splitKey(key);
  let known = false;
  for (const f of fixedFormats()) {
    const table = tableOf(f, kind);
    if (!table) continue;
    known = true;
    if (table.cols.some((c) => c.key === col && c.notCount)) return false;
  }
  return known;
}

/**
 * What must hold of a set of format declarations for the engine to read
 * them as declared. A declaration that breaks one of these would lose cells
 * without a word (a printed key no pattern produces, a pattern whose keys no
 * format prints, two formats matching one row differently), so registering
 * it fails instead (lib/formats/registry.ts), and a unit test holds the
 * built-in formats to it.
 */
import { columnMatchers, keysOf, keysOfTable, producibleKeys, splitKey } from './format-table';
import type { AxisEntry, FormatDeclaration, FormatTable, TableIdentity } from './types';

const patternOf = (e: AxisEntry): string =>
  [e.leaf?.source, e.path?.source, e.notPath?.source].join(' | ');

const identityKeys = (identity: TableIdentity): string[] =>
  identity.kind === 'sum'
    ? [identity.total, ...identity.parts]
    : [...identity.left, ...identity.right];

/** Within one table: every printed key is producible, every pattern is printed, no key twice. */
function tableProblems(format: FormatDeclaration, table: FormatTable): string[] {
  const where = `format ${format.id}, ${table.kind}`;
  const problems: string[] = [];
  const printed = keysOfTable(table);
  const producible = new Set(producibleKeys(table));
  const printedSet = new Set(printed);
  if (printedSet.size !== printed.length) problems.push(`${where}: a key is printed twice`);
  for (const key of printed) {
    if (!producible.has(key)) problems.push(`${where}: no row and column pattern produce ${key}`);
  }
  const printedRows = new Set(printed.map((k) => splitKey(k)[0]));
  const printedCols = new Set(printed.map((k) => splitKey(k)[1]));
  const rows = table.rows.length > 0 ? table.rows : (table.groups ?? []);
  for (const row of rows) {
    if (!printedRows.has(row.key))
      problems.push(`${where}: row ${row.key} is matched, never printed`);
  }
  for (const col of table.cols) {
    if (col.key && !printedCols.has(col.key)) {
      problems.push(`${where}: column ${col.key} is matched, never printed`);
    }
  }
  return problems;
}

/** Across formats: one table kind is recognised, and each of its rows and columns matched, alike. */
function sharedPatternProblems(formats: readonly FormatDeclaration[]): string[] {
  const problems: string[] = [];
  const signatures = new Map<string, string>();
  const patterns = new Map<string, string>();
  for (const format of formats) {
    for (const table of format.tables) {
      const signature = table.signature.map((re) => re.source).join(' & ');
      const seen = signatures.get(table.kind);
      if (seen !== undefined && seen !== signature) {
        problems.push(`format ${format.id}: ${table.kind} is recognised by another signature`);
      }
      signatures.set(table.kind, signature);
      const entries = [
        ...table.rows.map((e) => [`row ${e.key}`, e] as const),
        ...columnMatchers(table).map((e) => [`column ${e.key}`, e] as const),
      ];
      for (const [name, entry] of entries) {
        const id = `${table.kind} ${name}`;
        const pattern = patternOf(entry);
        const before = patterns.get(id);
        if (before !== undefined && before !== pattern) {
          problems.push(`format ${format.id}: ${id} is matched by another pattern than before`);
        }
        patterns.set(id, pattern);
      }
    }
  }
  return problems;
}

/** Problems of a set of formats; empty when the engine reads every declaration as declared. */
export function formatProblems(formats: readonly FormatDeclaration[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const years = new Set<number>();
  for (const format of formats) {
    if (ids.has(format.id) || format.id === 'unknown') {
      problems.push(`format id ${format.id} is taken`);
    }
    if (years.has(format.fromYear)) problems.push(`two formats begin in ${format.fromYear}`);
    ids.add(format.id);
    years.add(format.fromYear);
    for (const table of format.tables) problems.push(...tableProblems(format, table));
    for (const identity of format.identities) {
      for (const key of identityKeys(identity)) {
        const [kind] = key.split('.');
        const table = format.tables.find((t) => t.kind === kind);
        if (!table || !keysOf(format, table.kind).includes(key)) {
          problems.push(`format ${format.id}: identity ${identity.rule} uses ${key}, not printed`);
        }
      }
    }
  }
  return [...problems, ...sharedPatternProblems(formats)];
}

/**
 * Reading one format's table declaration: its keys in printed order, the
 * official label of a row or column, the keys its patterns can produce.
 */
import type { AxisEntry, FormatDeclaration, FormatTable, FormatTableKind } from './types';

/** The format's table of a kind; `kind` may be any table kind of the model ('legacy', 'other'). */
export const tableOf = (format: FormatDeclaration, kind: string): FormatTable | undefined =>
  format.tables.find((t) => t.kind === kind);

/** Declarations are not changed once made: each table's keys are spelled out once. */
const keysCache = new WeakMap<FormatTable, readonly string[]>();

/** Every key the printed table carries, in printed order. */
export function keysOfTable(table: FormatTable): readonly string[] {
  let keys = keysCache.get(table);
  if (!keys) {
    keys = table.cells.flatMap((block) =>
      block.rows.flatMap((row) => block.cols.map((col) => `${table.kind}.${row}.${col}`)),
    );
    keysCache.set(table, keys);
  }
  return keys;
}

/** The keys a format prints in its table of `kind`; none when it has no such table. */
export const keysOf = (format: FormatDeclaration, kind: FormatTableKind): readonly string[] => {
  const table = tableOf(format, kind);
  return table ? keysOfTable(table) : [];
};

/** `t3.deny.secret.natural` → ['deny.secret', 'natural']; table 二/四 keys have one row segment too. */
export function splitKey(key: string): [string, string] {
  const parts = key.split('.');
  return [parts.slice(1, -1).join('.'), parts[parts.length - 1] ?? ''];
}

/** What names a cell's row: the row labels, or for a table without them its column groups. */
const rowEntries = (table: FormatTable): AxisEntry[] =>
  table.rows.length > 0 ? table.rows : (table.groups ?? []);

/** The official label of the table's row (or column group) `row`; the key itself when undeclared. */
export const rowLabel = (table: FormatTable, row: string): string =>
  rowEntries(table).find((e) => e.key === row)?.label ?? row;

export const columnLabel = (table: FormatTable, col: string): string =>
  table.cols.find((e) => e.key === col)?.label ?? col;

/**
 * The column matchers as the engine applies them: under column groups each
 * column is matched within its group's path, and its key is group.column.
 */
export function columnMatchers(table: FormatTable): AxisEntry[] {
  if (!table.groups) return table.cols;
  return table.groups.flatMap((group) =>
    table.cols.map((col) => ({
      ...col,
      key: col.key && `${group.key}.${col.key}`,
      label: `${group.label} ${col.label}`,
      path: group.path,
      notPath: group.notPath,
    })),
  );
}

/** Every key the table's row and column patterns can produce (rows × columns). */
export function producibleKeys(table: FormatTable): string[] {
  const rows = table.rows.length > 0 ? table.rows.map((r) => r.key) : [''];
  const cols = columnMatchers(table)
    .map((c) => c.key)
    .filter(Boolean);
  return rows.flatMap((row) => cols.map((col) => [table.kind, row, col].filter(Boolean).join('.')));
}

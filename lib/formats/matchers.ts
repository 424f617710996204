/**
 * The registered formats' tables as the reader matches them. A table's
 * format is known only once its cells are keyed, so each kind of table is
 * matched against the rows and columns of every format that prints it: the
 * newest format's first (a later format's added rows are the more specific),
 * then what older formats print that it does not.
 */
import { columnMatchers, keysOfTable } from './format-table';
import { formats } from './registry';
import type {
  AxisEntry,
  FormatDeclaration,
  FormatTable,
  FormatTableKind,
  FormatTableTemplate,
} from './types';

/**
 * The order tables are recognised in: a grid whose text carries several
 * signatures (a page that merged its tables) is read as the first, and table
 * 三's signature is the most distinctive.
 */
const RECOGNITION_ORDER: FormatTableKind[] = ['t3', 't4', 't2'];

function union(entries: AxisEntry[]): AxisEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.key)) return false;
    seen.add(e.key);
    return true;
  });
}

function templateOf(kind: FormatTableKind, tables: FormatTable[]): FormatTableTemplate | null {
  const [newest] = tables;
  if (!newest) return null;
  return {
    kind,
    signature: newest.signature,
    rows: union(tables.flatMap((t) => t.rows)),
    cols: union(tables.flatMap(columnMatchers)),
    keys: new Set(tables.flatMap(keysOfTable)),
  };
}

let cache: { formats: readonly FormatDeclaration[]; templates: FormatTableTemplate[] } | null =
  null;

/** One template per table kind some registered format prints, in recognition order. */
export function formatTemplates(): FormatTableTemplate[] {
  const current = formats();
  if (cache?.formats === current) return cache.templates;
  const newestFirst = [...current].reverse();
  const templates = RECOGNITION_ORDER.flatMap((kind) => {
    const tables = newestFirst.flatMap((f) => f.tables.filter((t) => t.kind === kind));
    const template = templateOf(kind, tables);
    return template ? [template] : [];
  });
  cache = { formats: current, templates };
  return templates;
}

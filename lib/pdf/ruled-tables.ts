/**
 * Tables rebuilt from the borders a page draws. The rulings that touch each
 * other form a table; the distinct x of its vertical rulings and y of its
 * horizontal rulings cut it into slots; two neighbouring slots with no
 * border between them belong to one merged cell, as rowspan/colspan would
 * merge them in a page. Each glyph goes to the cell its centre falls in, so
 * a row label wrapped onto two lines, a header split over three lines, or a
 * vertical label one character per line is one cell's text.
 */
import { centreX, centreY, type Glyph } from './glyphs';
import type { PageRulings, Ruling } from './rulings';

/** Borders closer than this are one border (points): Word draws a cell's edges twice. */
const SAME_LINE = 2;
/** At most this thin (points), an empty row or column is a sliver between near borders, not a cell. */
const MIN_SLOT = 8;

/** One cell of a table part, with its slots in the part and its glyphs. */
export interface RuledCell {
  row: number;
  rowSpan: number;
  /** Horizontal extent (points), to place the cell among the columns of a joined table. */
  x0: number;
  x1: number;
  glyphs: Glyph[];
}

/** A table as drawn on one page. */
export interface RuledTable {
  page: number;
  top: number;
  bottom: number;
  /** Column borders, left to right. */
  xs: number[];
  rows: number;
  cells: RuledCell[];
}

/** Sorted values with those closer than SAME_LINE merged into their mean. */
export function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - (group[group.length - 1] ?? v) > SAME_LINE) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/**
 * A row or column thinner than a line of text and holding no glyph is no
 * cell: Chromium ends a merged cell's border a few points off the row's own
 * border, and Word doubles borders. Of the two borders around such a sliver,
 * the one drawn along less of the table goes; the table's own line stays.
 */
export function dropSlivers(
  bounds: number[],
  rulings: Ruling[],
  glyphCentres: number[],
  minGap: number,
): number[] {
  const out = [...bounds];
  const drawnLength = (at: number) =>
    rulings.reduce((sum, r) => (Math.abs(r.at - at) <= SAME_LINE ? sum + (r.to - r.from) : sum), 0);
  for (let i = 0; i + 1 < out.length; ) {
    const a = out[i] ?? 0;
    const b = out[i + 1] ?? 0;
    const thin = b - a < minGap && !glyphCentres.some((c) => c > a && c < b);
    if (!thin) {
      i++;
      continue;
    }
    const dropFirst = i > 0 && (i + 2 === out.length || drawnLength(a) < drawnLength(b));
    out.splice(dropFirst ? i : i + 1, 1);
    if (dropFirst) i = Math.max(0, i - 1);
  }
  return out;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const touches = (h: Ruling, v: Ruling): boolean =>
  v.at >= h.from - SAME_LINE &&
  v.at <= h.to + SAME_LINE &&
  h.at >= v.from - SAME_LINE &&
  h.at <= v.to + SAME_LINE;

/** The groups of rulings that touch one another: one group per drawn table. */
function rulingGroups(rulings: PageRulings): { horizontal: Ruling[]; vertical: Ruling[] }[] {
  const { horizontal, vertical } = rulings;
  const sets = new UnionFind(horizontal.length + vertical.length);
  for (const [i, h] of horizontal.entries()) {
    for (const [j, v] of vertical.entries()) {
      if (touches(h, v)) sets.union(i, horizontal.length + j);
    }
  }
  const groups = new Map<number, { horizontal: Ruling[]; vertical: Ruling[] }>();
  const groupOf = (i: number) => {
    const root = sets.find(i);
    let group = groups.get(root);
    if (!group) {
      group = { horizontal: [], vertical: [] };
      groups.set(root, group);
    }
    return group;
  };
  for (const [i, h] of horizontal.entries()) groupOf(i).horizontal.push(h);
  for (const [j, v] of vertical.entries()) groupOf(horizontal.length + j).vertical.push(v);
  return [...groups.values()];
}

const covers = (rulings: Ruling[], at: number, from: number, to: number): boolean => {
  const mid = (from + to) / 2;
  return rulings.some(
    (r) => Math.abs(r.at - at) <= SAME_LINE && r.from <= mid + SAME_LINE && r.to >= mid - SAME_LINE,
  );
};

/** Index of the interval of `bounds` that holds `v`, or -1 outside them. */
export function intervalOf(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (v >= (bounds[i] ?? 0) && v < (bounds[i + 1] ?? 0)) return i;
  }
  return -1;
}

function tableOfGroup(
  page: number,
  group: { horizontal: Ruling[]; vertical: Ruling[] },
  glyphs: Glyph[],
  used: Set<Glyph>,
): RuledTable | null {
  const x0 = Math.min(...group.horizontal.map((h) => h.from));
  const x1 = Math.max(...group.horizontal.map((h) => h.to));
  const y0 = Math.min(...group.vertical.map((v) => v.from));
  const y1 = Math.max(...group.vertical.map((v) => v.to));
  const inside = glyphs.filter((g) => {
    const cx = centreX(g);
    const cy = centreY(g);
    return !used.has(g) && cx > x0 && cx < x1 && cy > y0 && cy < y1;
  });
  const minGap = Math.min(MIN_SLOT, ...inside.map((g) => g.size * 0.75));
  const xs = dropSlivers(
    clusterPositions(group.vertical.map((v) => v.at)),
    group.vertical,
    inside.map(centreX),
    minGap,
  );
  const ys = dropSlivers(
    clusterPositions(group.horizontal.map((h) => h.at)),
    group.horizontal,
    inside.map(centreY),
    minGap,
  );
  // A box (a framed note, a single bordered line) is no table.
  if (xs.length < 3 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const sets = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    const top = ys[r] ?? 0;
    const bottom = ys[r + 1] ?? 0;
    for (let c = 0; c < cols; c++) {
      const left = xs[c] ?? 0;
      const right = xs[c + 1] ?? 0;
      if (c + 1 < cols && !covers(group.vertical, right, top, bottom)) {
        sets.union(r * cols + c, r * cols + c + 1);
      }
      if (r + 1 < rows && !covers(group.horizontal, bottom, left, right)) {
        sets.union(r * cols + c, (r + 1) * cols + c);
      }
    }
  }
  const boxes = new Map<
    number,
    { r0: number; r1: number; c0: number; c1: number; glyphs: Glyph[] }
  >();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = sets.find(r * cols + c);
      const box = boxes.get(root);
      if (!box) boxes.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1, glyphs: [] });
      else {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r + 1);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c + 1);
      }
    }
  }
  for (const glyph of inside) {
    const r = intervalOf(ys, centreY(glyph));
    const c = intervalOf(xs, centreX(glyph));
    if (r < 0 || c < 0) continue;
    boxes.get(sets.find(r * cols + c))?.glyphs.push(glyph);
    used.add(glyph);
  }
  const cells = [...boxes.values()]
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((b) => ({
      row: b.r0,
      rowSpan: b.r1 - b.r0,
      x0: xs[b.c0] ?? 0,
      x1: xs[b.c1] ?? 0,
      glyphs: b.glyphs,
    }));
  return { page, top: ys[0] ?? 0, bottom: ys[rows] ?? 0, xs, rows, cells };
}

/**
 * The bordered tables of one page, top to bottom. Glyphs placed in a table
 * are added to `used`, so that the narrative is what is left.
 */
export function ruledTablesOfPage(
  page: number,
  rulings: PageRulings,
  glyphs: Glyph[],
  used: Set<Glyph>,
): RuledTable[] {
  const out: RuledTable[] = [];
  for (const group of rulingGroups(rulings)) {
    const table = tableOfGroup(page, group, glyphs, used);
    if (table) out.push(table);
  }
  return out.sort((a, b) => a.top - b.top);
}

import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  buildGrid,
  type Grid,
  type GridCell,
  MAX_COLSPAN,
  MAX_ROWSPAN,
  MAX_SLOTS,
} from '../../../lib/tables/grid';
import {
  amplifiedTableArb,
  type LayoutGroup,
  spanTableArb,
  spelledLayoutArb,
  tableMarkup,
} from '../../support/arbitraries';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

function parseTable(markup: string): HTMLTableElement {
  document.body.innerHTML = markup;
  const table = document.body.querySelector('table');
  if (table === null) throw new Error('no table');
  return table;
}

const SECTION_ORDER: Record<string, number> = { thead: 0, tfoot: 2 };

/** The table's own rows (not a nested table's), thead rows first and tfoot rows last. */
function ownRows(table: HTMLTableElement): Element[] {
  const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
  const rank = (tr: Element) => SECTION_ORDER[tr.parentElement?.localName ?? ''] ?? 1;
  return rows.sort((a, b) => rank(a) - rank(b));
}

/**
 * HTML's rules for parsing non-negative integers, written from the spec:
 * whitespace, a sign, digits, the rest ignored; `-0` is zero, other negatives are errors.
 */
function specNonNegative(attr: string | null, cap: number): number | null {
  const m = attr === null ? null : /^[\t\n\f\r ]*([+-]?)(\d+)/.exec(attr);
  if (!m) return null;
  const n = Number(m[2]);
  if (m[1] === '-' && n !== 0) return null;
  return Math.min(n, cap);
}

/** Slot matrix where each slot holds the first cell, in reading order, whose rectangle covers it. */
function firstClaimants(g: Grid): (GridCell | null)[][] {
  const slots = Array.from({ length: g.height }, () =>
    new Array<GridCell | null>(g.width).fill(null),
  );
  for (const cell of [...g.cells].reverse()) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const row = slots[r];
        if (row !== undefined && c < g.width) row[c] = cell;
      }
    }
  }
  return slots;
}

/** Properties every grid has, whatever the markup. */
function expectWellFormed(g: Grid): void {
  // The module's size bound, first (a grid past it is slow to walk): past MAX_SLOTS, only columns in which some cell starts are kept.
  const starts = new Set(g.cells.map((c) => c.col)).size;
  expect(g.width * g.height).toBeLessThanOrEqual(Math.max(MAX_SLOTS, g.height * starts));
  expect(g.slots).toHaveLength(g.height);
  for (const row of g.slots) expect(row).toHaveLength(g.width);
  for (const cell of g.cells) {
    expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
    expect(cell.colSpan).toBeGreaterThanOrEqual(1);
    expect(cell.rowSpan).toBeLessThanOrEqual(MAX_ROWSPAN);
    expect(cell.colSpan).toBeLessThanOrEqual(MAX_COLSPAN);
    expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(g.height);
    expect(cell.col + cell.colSpan).toBeLessThanOrEqual(g.width);
    // The anchor slot is the cell's own: no printed cell is hidden under another.
    // Compared by identity: printing a cell would print its whole jsdom document.
    if (g.slots[cell.row]?.[cell.col] !== cell) {
      throw new Error(`the anchor ${cell.row},${cell.col} of “${cell.text}” holds another cell`);
    }
  }
  // A slot is held by the first cell covering it, never by a cell that does not cover it.
  const expected = firstClaimants(g);
  for (let r = 0; r < g.height; r++) {
    for (let c = 0; c < g.width; c++) {
      if (g.slots[r]?.[c] !== expected[r]?.[c]) {
        throw new Error(`slot ${r},${c} holds the wrong cell`);
      }
    }
  }
}

describe('buildGrid on random markup', () => {
  it('places every cell of any span markup where the HTML table model puts it', () => {
    fc.assert(
      fc.property(spanTableArb, (spec) => {
        const table = parseTable(tableMarkup(spec));
        const g = buildGrid(table);
        expectWellFormed(g);

        const rows = ownRows(table);
        expect(g.height).toBe(rows.length);
        const sourceCells = rows.flatMap((tr) =>
          [...tr.children].filter((el) => el.localName === 'td' || el.localName === 'th'),
        );
        // Each source cell once, in reading order; nested tables' cells are not the table's.
        expect(g.cells).toHaveLength(sourceCells.length);
        g.cells.forEach((cell, i) => {
          if (cell.el !== sourceCells[i])
            throw new Error(`cell ${i} is not the ${i}th source cell`);
        });

        const groupEnd = (r: number): number => {
          const parent = rows[r]?.parentElement;
          let end = r + 1;
          while (end < rows.length && rows[end]?.parentElement === parent) end++;
          return end;
        };
        let width = 0;
        let previous: GridCell | null = null;
        for (const cell of g.cells) {
          const r = rows.indexOf(cell.el?.parentElement as Element);
          expect(cell.row).toBe(r);
          const colspan = specNonNegative(cell.el?.getAttribute('colspan') ?? null, MAX_COLSPAN);
          expect(cell.colSpan).toBe(colspan === null || colspan < 1 ? 1 : colspan);
          const rowspan = specNonNegative(cell.el?.getAttribute('rowspan') ?? null, MAX_ROWSPAN);
          const toEnd = groupEnd(r) - r;
          expect(cell.rowSpan).toBe(rowspan === null ? 1 : Math.min(rowspan || toEnd, toEnd));

          // A cell starts at the first slot right of its row's previous cell that no row above covers.
          const from = previous?.row === r ? previous.col + previous.colSpan : 0;
          expect(cell.col).toBeGreaterThanOrEqual(from);
          for (let c = from; c < cell.col; c++) {
            expect(g.slots[r]?.[c]?.row ?? r).toBeLessThan(r);
          }
          width = Math.max(width, cell.col + cell.colSpan);
          previous = cell;
        }
        expect(g.width).toBe(width);
      }),
      { numRuns: 120 },
    );
  });

  it('reads a well-formed merged layout back exactly, however its spans are spelled', () => {
    fc.assert(
      fc.property(spelledLayoutArb, ({ groups, markup }) => {
        const g = buildGrid(parseTable(markup));
        expectWellFormed(g);

        // thead rows first and tfoot rows last, wherever the markup puts them.
        let offset = 0;
        const expected: [number, number, number, number, string][] = [];
        const owner: (string | null)[][] = [];
        const width = Math.max(...groups.map((group) => group.width));
        for (const group of groups as LayoutGroup[]) {
          for (let r = 0; r < group.height; r++) owner.push(new Array(width).fill(null));
          for (const rect of group.rects) {
            const text = `${group.section}:${rect.row},${rect.col}`;
            expected.push([offset + rect.row, rect.col, rect.rowSpan, rect.colSpan, text]);
            for (let r = rect.row; r < rect.row + rect.rowSpan; r++) {
              for (let c = rect.col; c < rect.col + rect.colSpan; c++) {
                // The generator tiles: no slot is covered twice.
                expect(owner[offset + r]?.[c]).toBeNull();
                (owner[offset + r] as (string | null)[])[c] = text;
              }
            }
          }
          offset += group.height;
        }
        expect(g.height).toBe(offset);
        expect(g.width).toBe(width);
        expect(g.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual(expected);
        // Every slot a merged cell covers is its, and only its; slots right of a narrower group are empty.
        expect(g.slots.map((row) => row.map((cell) => cell?.text ?? null))).toEqual(owner);
      }),
      { numRuns: 120 },
    );
  });

  it('keeps a few kilobytes of colspan="1000" cells from declaring millions of slots', () => {
    fc.assert(
      fc.property(amplifiedTableArb, (markup) => {
        const table = parseTable(markup);
        const g = buildGrid(table);
        expectWellFormed(g);
        expect(g.cells).toHaveLength(table.querySelectorAll('td').length);
        // Every cell still stands over the ones it spans: the wide row's cells keep their order.
        const wideRow = g.cells.filter((c) => c.text === '表');
        wideRow.slice(1).forEach((cell, i) => {
          expect(cell.col).toBeGreaterThan(wideRow[i]?.col ?? Number.POSITIVE_INFINITY);
        });
      }),
      { numRuns: 10 },
    );
  });
});

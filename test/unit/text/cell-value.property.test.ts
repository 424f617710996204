import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellValueSchema } from '../../../lib/model/report';
import { parseCellValue } from '../../../lib/text/cell-value';
import { cleanText, toHalfWidth } from '../../../lib/text/normalise';
import {
  blankTextArb,
  cellGarbageArb,
  dashTextArb,
  printedFigureArb,
  spacingArb,
} from '../../support/arbitraries';

const anyTextArb = fc.oneof(
  cellGarbageArb,
  printedFigureArb.map((f) => f.text),
);

/** The runs of digits and dots in a cell once width, spacing and thousands separators are undone. */
function digitRuns(text: string): string[] {
  return (
    cleanText(toHalfWidth(text))
      .replace(/[ ,]/g, '')
      .match(/[\d.]+/g) ?? []
  );
}

describe('parseCellValue on random input', () => {
  it('reads a figure back in every printed form: width, separators, spaces, signs, units', () => {
    fc.assert(
      fc.property(printedFigureArb, ({ text, expected }) => {
        expect(parseCellValue(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and always returns a value the model accepts', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const value = parseCellValue(text);
        expect(CellValueSchema.safeParse(value).success).toBe(true);
        if (value.kind === 'number') expect(Number.isFinite(value.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never reads a number the text does not print', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const value = parseCellValue(text);
        if (value.kind !== 'number') return;
        // The figure is one whole run of digits and dots: `1.2.3` is not 1.2, `12 34` is not 12.
        const run = digitRuns(text).find((r) => Number(r) === Math.abs(value.value));
        expect(run, `no run of ${JSON.stringify(text)} reads ${value.value}`).toBeDefined();
        expect(value.decimals).toBe(run?.split('.')[1]?.length ?? 0);
        const printed = cleanText(toHalfWidth(text));
        if (value.value < 0) expect(printed).toMatch(/[-−﹣–减负]/);
        if (value.unit !== '') expect(printed).toContain(value.unit);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads nothing with two decimal points as a number', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('.', '．'), spacingArb, spacingArb),
        fc.constantFrom('', '件', '%', '万元'),
        ([a, b, c, dot, before, after], unit) => {
          const text = `${before.join('')}${a}${dot}${b}${dot}${c}${unit}${after.join('')}`;
          expect(parseCellValue(text).kind).toBe('text');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never reads a figure with a Latin letter in it (an exponent, a typed O for 0)', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        fc.pre(/[a-z]/i.test(toHalfWidth(text)));
        expect(parseCellValue(text).kind).not.toBe('number');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a percentage as its figure with the unit %', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1000 }),
        fc.constantFrom('%', '％'),
        spacingArb,
        (n, percent, pad) => {
          const text = `${pad.join('')}${n}${percent}`;
          expect(parseCellValue(text)).toEqual({
            kind: 'number',
            value: n,
            decimals: 0,
            unit: '%',
            approximate: false,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads whitespace and invisible characters as blank, never as zero', () => {
    fc.assert(
      fc.property(blankTextArb, (text) => {
        expect(parseCellValue(text)).toEqual({ kind: 'blank' });
      }),
      { numRuns: 500 },
    );
  });

  it('reads dash marks and "not applicable" words as a dash, never as zero', () => {
    fc.assert(
      fc.property(dashTextArb, (text) => {
        expect(parseCellValue(text)).toEqual({ kind: 'dash' });
      }),
      { numRuns: 500 },
    );
  });
});

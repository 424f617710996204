import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../lib/checks/run';
import { FORMAT_2021 } from '../../../lib/formats/format-2021';
import type { TableIdentity } from '../../../lib/formats/types';
import type { Finding } from '../../../lib/model/report';
import {
  brokenIdentities,
  consistentPairArb,
  consistentReportArb,
  consistentValuesArb,
  identityKeys,
  printedCountArb,
  printedReportArb,
  report2021,
  T2_KEYS_2021,
  T3_KEYS_2021,
  T4_KEYS,
} from '../../support/arbitraries';

/** The families whose findings a consistent report must not raise above info. */
const STRUCTURAL = new Set(['identity', 'form', 'crossTable']);

const IDENTITIES = FORMAT_2021.identities;
/** An identity named by its rule and the keys it relates (the data, not the rule's code). */
const identityId = (rule: string, keys: string[]): string =>
  `${rule}: ${[...keys].sort().join(' ')}`;
const idOf = (identity: TableIdentity): string => identityId(identity.rule, identityKeys(identity));
const findingId = (f: Finding): string =>
  identityId(
    f.rule,
    [...f.cells, ...f.terms].map((c) => c.key ?? '?'),
  );
const keysOf = (f: Finding): string[] => [...f.cells, ...f.terms].map((c) => c.key ?? '?');

const faults = (findings: Finding[]) =>
  findings
    .filter((f) => STRUCTURAL.has(f.family) && f.severity !== 'info')
    .map((f) => `${f.rule} ${f.severity}: ${f.message}`);

describe('checks on generated 2021 reports', () => {
  it('the generator satisfies every identity the format declares', () => {
    fc.assert(
      fc.property(consistentValuesArb(), ({ values }) => {
        expect(brokenIdentities(values)).toEqual([]);
        // Every cell of the three tables is printed, so the form rule has nothing missing to report.
        expect(Object.keys(values).sort()).toEqual(
          [...T2_KEYS_2021, ...T3_KEYS_2021, ...T4_KEYS].sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('finds no error or warning in a consistent report, however its figures are printed', () => {
    fc.assert(
      fc.property(consistentReportArb({ blankZeros: true }), ({ report }) => {
        expect(faults(runChecks(report, null))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('finds no year-over-year error or warning between two consistent consecutive reports', () => {
    fc.assert(
      fc.property(consistentPairArb({ blankZeros: false }), ({ previous, current }) => {
        const findings = runChecks(current.report, previous.report);
        expect(faults(findings)).toEqual([]);
        // Large swings are info, a lead for the reader; nothing above it.
        const yoy = findings.filter((f) => f.family === 'yearOverYear');
        expect(yoy.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('breaks exactly the identities that contain a cell printed off by k, and names that cell', () => {
    const perturbedArb = consistentValuesArb().chain(({ values }) =>
      fc
        .record({
          key: fc.constantFrom(...T3_KEYS_2021, ...T4_KEYS),
          k: fc.oneof(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -5000, max: 5000 })),
          texts: printedReportArb(values, { blankZeros: false }),
        })
        .filter(({ k }) => k !== 0)
        .chain(({ key, k, texts }) =>
          printedCountArb((values[key] ?? 0) + k, { blankZeros: false }).map((text) => ({
            values,
            key,
            k,
            texts: { ...texts, [key]: text },
          })),
        ),
    );
    fc.assert(
      fc.property(perturbedArb, ({ values, key, k, texts }) => {
        const findings = runChecks(report2021(texts), null);
        const errors = findings.filter((f) => f.severity === 'error');
        const expected = IDENTITIES.filter((id) => identityKeys(id).includes(key));

        // Every error is an identity that contains the cell, and every such identity is reported once.
        for (const f of errors) {
          expect(f.family).toBe('identity');
          expect(keysOf(f)).toContain(key);
        }
        expect(errors.map(findingId).sort()).toEqual(expected.map(idOf).sort());

        const original = values[key] ?? 0;
        for (const f of errors) {
          if (expected.length >= 2) {
            // The one cell in every broken sum is singled out, with the figure it should have.
            expect(f.cells.map((c) => c.key)).toEqual([key]);
            expect([f.expected, f.actual]).toEqual([original, original + k]);
          } else {
            // One broken sum: the stated total is the figure the arithmetic contradicts.
            const [identity] = expected;
            expect(identity?.kind).toBe('sum');
            if (identity?.kind === 'sum')
              expect(f.cells.map((c) => c.key)).toEqual([identity.total]);
          }
        }

        // Nothing else, apart from the negative count a perturbation may print.
        const others = findings.filter((f) => f.severity !== 'error');
        for (const f of others) {
          expect(f.rule).toBe('form.negative');
          expect(f.cells.map((c) => c.key)).toEqual([key]);
        }
        expect(others.length > 0).toBe(original + k < 0);
      }),
      { numRuns: 200 },
    );
  });
});

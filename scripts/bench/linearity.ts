/** How cost grows with the size of the page, over the generated report pages. */
import { GENERATED_SIZES, type ReportResult } from './browser-bench';
import { type LinearFit, linearFit, perUnitRatio } from './stats';

export interface CostLine extends LinearFit {
  /** Cost per cell on the 20,000-cell page over cost per cell on the 5,000-cell one. */
  perCellRatio: number;
}

export interface Linearity {
  endToEnd: CostLine;
  extract: CostLine;
  /** The points fitted: cells and median milliseconds. */
  points: { name: string; cells: number; endToEndMs: number; extractMs: number }[];
}

const SMALL = 'generated-5000';
const LARGE = 'generated-20000';

export function measureLinearity(reports: readonly ReportResult[]): Linearity | null {
  // The plain pages of each size only: a variant (hostile CSS) measures something else.
  const plain = new Set<string>(GENERATED_SIZES.map((cells) => `generated-${cells}`));
  const generated = reports.filter((r) => plain.has(r.name) && r.endToEndMs.n > 0);
  const small = generated.find((r) => r.name === SMALL);
  const large = generated.find((r) => r.name === LARGE);
  if (generated.length < 2 || !small || !large) return null;
  const line = (cost: (r: ReportResult) => number): CostLine => ({
    ...linearFit(generated.map((r) => ({ x: r.cells, y: cost(r) }))),
    perCellRatio: perUnitRatio(
      { x: small.cells, y: cost(small) },
      { x: large.cells, y: cost(large) },
    ),
  });
  return {
    endToEnd: line((r) => r.endToEndMs.median),
    extract: line((r) => r.extractMs.median),
    points: generated.map((r) => ({
      name: r.name,
      cells: r.cells,
      endToEndMs: r.endToEndMs.median,
      extractMs: r.extractMs.median,
    })),
  };
}

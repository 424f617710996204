import { describe, expect, test } from 'vitest';
import { pdfChecks } from '../../../scripts/bench/budgets';
import { type CpuProfile, functionCosts, timeUnder } from '../../../scripts/bench/cpu-profile';
import { longestTaskWithin } from '../../../scripts/bench/probes';
import { linearFit, median, perUnitRatio, summarize } from '../../../scripts/bench/stats';

describe('median and range over runs', () => {
  test('the middle run of an odd count, whatever the order', () => {
    expect(median([9, 1, 5, 3, 7])).toBe(5);
  });

  test('the mean of the two middle runs of an even count', () => {
    expect(median([4, 1, 10, 2])).toBe(3);
  });

  test('an outlier run moves the range, not the median', () => {
    expect(summarize([10, 11, 12, 500, 11])).toEqual({ median: 11, min: 10, max: 500, n: 5 });
  });

  test('no runs summarise to no figure rather than to zero', () => {
    const none = summarize([]);
    expect(none.n).toBe(0);
    expect(none.median).toBeNaN();
  });
});

describe('cost against cells', () => {
  test('points on a line give its slope and intercept exactly', () => {
    const fit = linearFit([
      { x: 250, y: 30 + 0.01 * 250 },
      { x: 5_000, y: 30 + 0.01 * 5_000 },
      { x: 20_000, y: 30 + 0.01 * 20_000 },
    ]);
    expect(fit.slope).toBeCloseTo(0.01, 10);
    expect(fit.intercept).toBeCloseTo(30, 8);
    expect(fit.r2).toBeCloseTo(1, 10);
  });

  test('quadratic cost fits worse and costs more per cell on the larger page', () => {
    const points = [250, 5_000, 20_000, 50_000].map((x) => ({ x, y: 1e-5 * x * x }));
    expect(linearFit(points).r2).toBeLessThan(0.99);
    expect(
      perUnitRatio(points[1] as { x: number; y: number }, points[2] as { x: number; y: number }),
    ).toBeCloseTo(4, 10);
  });

  test('a fixed cost makes a cell of the larger page cheaper, not dearer', () => {
    const cost = (x: number) => ({ x, y: 100 + 0.01 * x });
    expect(perUnitRatio(cost(5_000), cost(20_000))).toBeLessThan(1);
  });

  test('one size cannot give a line', () => {
    expect(() =>
      linearFit([
        { x: 5, y: 1 },
        { x: 5, y: 2 },
      ]),
    ).toThrow();
  });
});

describe('the longest task of a pass', () => {
  const tasks = [
    { start: 0, duration: 300 },
    { start: 1_000, duration: 80 },
    { start: 1_200, duration: 120 },
    { start: 5_000, duration: 400 },
  ];

  test('only tasks overlapping the pass count, even one that began before it', () => {
    expect(longestTaskWithin(tasks, 1_050, 1_250)).toBe(120);
    expect(longestTaskWithin(tasks, 250, 1_010)).toBe(300);
  });

  test('a pass without a long task has 0', () => {
    expect(longestTaskWithin(tasks, 2_000, 4_000)).toBe(0);
  });
});

describe('where a profile spent its time', () => {
  // (root) → main (content.js) → extract (content.js); (root) → (garbage collector)
  const frame = (functionName: string, url = '') => ({
    functionName,
    url,
    lineNumber: 0,
    columnNumber: 0,
  });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4] },
      {
        id: 2,
        callFrame: frame('main', 'chrome-extension://x/content-scripts/content.js'),
        children: [3],
      },
      { id: 3, callFrame: frame('extract', 'chrome-extension://x/content-scripts/content.js') },
      { id: 4, callFrame: frame('(garbage collector)') },
    ],
    startTime: 0,
    endTime: 4_000,
    // Each sample lasts until the next one: 1 ms each.
    samples: [3, 3, 2, 4],
    timeDeltas: [0, 1_000, 1_000, 1_000, 1_000],
  };

  test('a function is charged its own samples as self time and its callees as total', () => {
    const costs = new Map(functionCosts(profile).map((c) => [c.label, c]));
    expect(costs.get('extract (content.js:1)')).toMatchObject({ selfMs: 2, totalMs: 2 });
    expect(costs.get('main (content.js:1)')).toMatchObject({ selfMs: 1, totalMs: 3 });
    expect(costs.get('(garbage collector)')).toMatchObject({ selfMs: 1, totalMs: 1 });
  });

  test('time under a script counts samples with it anywhere on the stack', () => {
    expect(timeUnder(profile, /content\.js/)).toBe(3);
  });
});

describe('the 5-page PDF budget line', () => {
  const result = (browser: 'chromium' | 'firefox', totals: number[], failedRuns = 0) => ({
    browser,
    fixture: 'pdf-2021-county-5-pages',
    fetchMs: summarize(totals.map((t) => t * 0.2)),
    readMs: summarize(totals.map((t) => t * 0.7)),
    checkMs: summarize(totals.map((t) => t * 0.1)),
    totalMs: summarize(totals),
    failedRuns,
  });

  test('passes on the median, one line a browser, with fetch, read and check beside the total', () => {
    const [chromium, firefox] = pdfChecks([
      result('chromium', [600, 700, 2000]),
      result('firefox', [1400, 1600, 1700]),
    ]);
    expect(chromium?.budget).toMatch(/^5-page PDF report checked ≤ 1.5 s in Chromium/);
    expect(chromium?.verdict).toBe('PASS');
    expect(chromium?.measured).toBe(
      '700.0 ms (fetch 140.0 ms, read 490.0 ms, check 70.0 ms; 3 runs)',
    );
    expect(firefox?.verdict).toBe('MISS');
  });

  test('a failed run is a miss, and a browser not measured is N/A', () => {
    const [chromium, firefox] = pdfChecks([result('chromium', [500, 600], 1)]);
    expect(chromium?.verdict).toBe('MISS');
    expect(chromium?.measured).toContain('1 failed');
    expect(firefox).toMatchObject({ verdict: 'N/A', measured: 'not measured' });
    expect(pdfChecks(null).map((c) => c.verdict)).toEqual(['N/A', 'N/A']);
  });
});

/**
 * The analyser's slot in the isolated world: one entry per frame, whatever
 * the number of injections, and one analysis per entry.
 */
import { describe, expect, it } from 'vitest';
import {
  type AnalyserHandoff,
  once,
  publishAnalyser,
  publishedAnalyser,
} from '../../../lib/content/analyser-slot';
import { needsAnalyser } from '../../../lib/content/detector';

const HANDOFF: AnalyserHandoff = {
  detection: { kind: 'report', reasons: [], title: '2023年政府信息公开工作年度报告' },
  settledAt: 12,
};

describe('the analyser slot', () => {
  it('is empty until the analyser publishes, and keeps the first of two injections', () => {
    const world = {};
    expect(publishedAnalyser(world)).toBeNull();
    const first = () => () => undefined;
    const second = () => () => undefined;
    expect(publishAnalyser(first, world)).toBe(true);
    expect(publishAnalyser(second, world)).toBe(false);
    expect(publishedAnalyser(world)).toBe(first);
  });

  it('is not filled by a value that is not an entry', () => {
    const world = { __ogiLensAnalyser: 'forged' };
    expect(publishedAnalyser(world)).toBeNull();
  });

  it('starts the analysis once, however often the entry is called', () => {
    let starts = 0;
    const receive = () => undefined;
    const entry = once(() => {
      starts++;
      return receive;
    });
    expect(entry(HANDOFF)).toBe(receive);
    expect(entry(HANDOFF)).toBe(receive);
    expect(starts).toBe(1);
  });
});

describe('the decision to load the analyser', () => {
  it('is taken for a report and for a report title over a body still loading, only', () => {
    expect(needsAnalyser(HANDOFF.detection)).toBe(true);
    expect(
      needsAnalyser({ kind: 'none', reasons: [], title: '2023年政府信息公开工作年度报告' }),
    ).toBe(true);
    expect(needsAnalyser({ kind: 'none', reasons: [], title: null })).toBe(false);
    expect(needsAnalyser({ kind: 'none', reasons: [], title: null, listingToConfirm: true })).toBe(
      false,
    );
    expect(needsAnalyser({ kind: 'listing', reasons: [], title: '政府信息公开年报' })).toBe(false);
  });
});

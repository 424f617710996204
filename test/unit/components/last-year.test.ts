import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastYearFigure } from '../../../components/last-year';
import type { PreviousSummary } from '../../../lib/model/history';
import type { Finding } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { FIXTURE_DIR } from '../../support/fixtures';

let findings: Finding[] = [];
let previous: PreviousSummary;
beforeAll(async () => {
  const base = await analyseFile(join(FIXTURE_DIR, 'chk-yoy-base-2022.html'));
  const broken = await analyseFile(join(FIXTURE_DIR, 'chk-yoy-broken-2023.html'), {
    history: base.report ? [base.report] : [],
  });
  if (!base.report) throw new Error('chk-yoy-base-2022 is not a report');
  findings = broken.entry.findings;
  previous = { year: 2022, url: base.report.url, seenAt: '', values: base.report.values };
});

describe('the last-year figure of a card', () => {
  it("is the cell of last year's report the card's arithmetic uses, not the same cell's", () => {
    const carry = findings.find(
      (f) => f.rule === 'yoy.carry-over' && f.cells[0]?.key === 't3.carryIn.total',
    );
    expect(carry).toBeDefined();
    const figure = lastYearFigure([carry as Finding], 't3.carryIn.total', previous);
    // Last year's 结转下年度 (5), which this year's 上年结转 must repeat; not last year's 上年结转 (3).
    expect(figure).toMatchObject({ year: 2022, value: previous.values['t3.carryOut.total'] });
    expect(figure?.value).not.toBe(previous.values['t3.carryIn.total']);
    expect(figure?.label?.row).toContain('结转下年度继续办理');
  });

  it('is the same cell of last year’s report when no finding of the card compares years', () => {
    const other = findings.filter((f) => f.family !== 'yearOverYear').slice(0, 1);
    expect(lastYearFigure(other, 't3.new.total', previous)).toEqual({
      year: 2022,
      value: previous.values['t3.new.total'],
      label: null,
    });
  });

  it('is nothing without last year, or for a cell last year left blank or did not print', () => {
    expect(lastYearFigure([], 't3.new.total', null)).toBeNull();
    expect(lastYearFigure([], 'no.such.key', previous)).toBeNull();
    expect(lastYearFigure([], undefined, previous)).toBeNull();
  });
});

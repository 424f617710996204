import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PopupState, PopupView } from '../../../components/PopupView';
import { formatChange, yearOverYearRows } from '../../../lib/compare/rows';
import type { PreviousSummary } from '../../../lib/model/history';
import type { Finding, Report } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { FIXTURE_DIR } from '../../support/fixtures';
import { reportOf, tableOf } from '../../support/report-builder';
import { translatorFor } from '../../support/translator';

const dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
const app = dom.window.document.getElementById('app') as HTMLElement;
// Preact creates elements through the global document.
beforeAll(() => {
  globalThis.document = dom.window.document;
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

function show(state: PopupState, locale: 'zh_CN' | 'en' = 'en'): HTMLElement {
  render(<PopupView state={state} language={locale} t={translatorFor(locale)} />, app);
  return app;
}

const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((element) => element.textContent?.trim() ?? '');

describe('popup on a report with last year cached', () => {
  let report: Report;
  let findings: Finding[];
  let previous: PreviousSummary;

  beforeAll(async () => {
    const base = await analyseFile(join(FIXTURE_DIR, 'chk-yoy-base-2022.html'));
    const broken = await analyseFile(join(FIXTURE_DIR, 'chk-yoy-broken-2023.html'), {
      history: base.report ? [base.report] : [],
    });
    if (!base.report || !broken.report) throw new Error('the yoy fixtures are not reports');
    report = broken.report;
    findings = broken.entry.findings;
    previous = {
      year: 2022,
      url: base.report.url,
      seenAt: '2026-11-20T08:00:00.000Z',
      values: base.report.values,
    };
  });
  afterEach(() => render(null, app));

  it('lists every finding with its rule, severity, message and arithmetic', () => {
    const root = show({ kind: 'report', report, findings, previous });
    const items = Array.from(root.querySelectorAll('section[data-findings] [data-finding]'));
    expect(items.map((item) => item.getAttribute('data-rule'))).toEqual(
      findings.map((finding) => finding.rule),
    );
    expect(items.map((item) => item.getAttribute('data-severity'))).toEqual([
      'error',
      'error',
      'warning',
      'info',
      'info',
      'info',
    ]);
    for (const [i, finding] of findings.entries()) {
      expect(items[i]?.textContent).toContain(finding.messageEn);
      // The English popup: the arithmetic in English too.
      expect(items[i]?.textContent).toContain(finding.arithmeticEn);
      expect(items[i]?.textContent).toContain(finding.cells[0]?.row);
    }
    expect(texts(root, '[data-severity-count]')).toEqual(['Errors 2', 'Warnings 1', 'Notes 3']);
  });

  it("names the report's format in the UI's words, never by its id", () => {
    expect(
      texts(show({ kind: 'report', report, findings, previous }), '[data-field="template"]'),
    ).toEqual(['2021 format']);
    const legacy = { ...report, identity: { ...report.identity, template: 'legacy' as const } };
    expect(
      texts(
        show({ kind: 'report', report: legacy, findings, previous }, 'zh_CN'),
        '[data-field="template"]',
      ),
    ).toEqual(['2019年以前的统计表']);
  });

  it('counts one table published as an image in the singular, several in the plural', () => {
    const one = show({ kind: 'report', report: { ...report, imageTables: 1 }, findings, previous });
    expect(one.textContent).toContain('1 table is published as an image and cannot be read.');
    const two = show({ kind: 'report', report: { ...report, imageTables: 2 }, findings, previous });
    expect(two.textContent).toContain('2 tables are published as images and cannot be read.');
  });

  it('shows the messages in Chinese when the UI speaks Chinese', () => {
    const root = show({ kind: 'report', report, findings, previous }, 'zh_CN');
    const first = root.querySelector('[data-finding]');
    expect(first?.textContent).toContain(findings[0]?.message);
    expect(first?.textContent).not.toContain(findings[0]?.messageEn);
  });

  it('compares this year with last year', () => {
    const root = show({ kind: 'report', report, findings, previous });
    const row = root.querySelector('table[data-yoy] tr[data-key="t3.new.total"]');
    expect(texts(row as Element, 'td')).toEqual(['160', '71', '▲89 (+125.4%)']);
    const carry = root.querySelector('table[data-yoy] tr[data-key="t3.carryOut.total"]');
    expect(texts(carry as Element, 'td')).toEqual(['6', '5', '▲1 (+20%)']);
    // A numbered sub-row is named with its category.
    expect(
      root
        .querySelector('tr[data-key="t3.deny.secret.total"] th')
        ?.textContent?.replace(/\s+/g, ''),
    ).toBe('（三）不予公开1.属于国家秘密');
    expect(root.querySelector('[data-yoy-none]')).toBeNull();
    expect(root.querySelector('[data-yoy-source]')?.textContent).toContain('2022');
  });

  it('names and links the report it compares with, by its own title', () => {
    const titled = {
      ...previous,
      url: 'http://www.qingshan.gov.cn/2022/report.html',
      title: '青山区2022年政府信息公开工作年度报告',
    };
    const root = show({ kind: 'report', report, findings, previous: titled });
    const source = root.querySelector('[data-yoy-source]');
    expect(source?.textContent).toContain('“青山区2022年政府信息公开工作年度报告”');
    expect(source?.querySelector('a')?.getAttribute('href')).toBe(titled.url);
  });

  it('says plainly when last year is not cached', () => {
    const root = show({ kind: 'report', report, findings: [], previous: null });
    expect(root.querySelector('table[data-yoy]')).toBeNull();
    expect(root.querySelector('[data-yoy-none]')?.textContent).toContain(
      "Visit last year's report",
    );
    expect(root.querySelectorAll('[data-finding]')).toHaveLength(0);
    expect(root.querySelector('section[data-findings]')?.textContent).toContain(
      'No contradictions found',
    );
  });

  it('says that the history is unavailable rather than that last year is not cached', () => {
    for (const [locale, says] of [
      ['en', 'History is unavailable'],
      ['zh_CN', '历史记录'],
    ] as const) {
      const root = show(
        { kind: 'report', report, findings: [], previous: null, historyUnavailable: true },
        locale,
      );
      const note = root.querySelector('[data-yoy-none][data-history-unavailable]');
      expect(note?.textContent).toContain(says);
      expect(root.textContent).not.toContain("Visit last year's report");
      expect(root.textContent).not.toContain('先打开上一年度的报告');
    }
  });

  it('says that a refused or unanswered report was not checked, and why, never "no contradictions"', () => {
    const cases = [
      ['tooLarge', 'en', 'holds more than the extension accepts'],
      ['tooLarge', 'zh_CN', '本报告未经核查：内容超出扩展可接受的范围'],
      ['invalid', 'en', 'refused what was read from the page'],
      ['noAnswer', 'en', 'did not answer; reload the page'],
      ['noAnswer', 'zh_CN', '扩展后台没有响应'],
    ] as const;
    for (const [unchecked, locale, says] of cases) {
      const root = show(
        { kind: 'report', report, findings: [], previous: null, unchecked },
        locale,
      );
      expect(root.querySelector(`[data-unchecked="${unchecked}"]`)?.textContent).toContain(says);
      expect(root.querySelector('section[data-findings]')).toBeNull();
      expect(root.textContent).not.toContain('No contradictions found');
      expect(root.textContent).not.toContain('未发现');
    }
  });

  it('says plainly when the page is not a report', () => {
    const root = show({ kind: 'none' });
    expect(root.textContent).toContain('not a government information disclosure annual report');
    expect(root.querySelector('section[data-findings]')).toBeNull();
  });
});

describe('year-over-year rows', () => {
  const report = reportOf([
    tableOf('t2', { 't2.fees.amount': '12.35', 't2.normative.valid': '30' }, 0),
    tableOf('t3', { 't3.new.natural': '10', 't3.new.total': '12', 't3.carryIn.total': '' }, 1),
  ]);

  it('compares the totals and table 二 figures both years carry, totals first', () => {
    const rows = yearOverYearRows(report, {
      't2.fees.amount': 12.1,
      't3.new.total': 0,
      't3.new.natural': 4,
      't3.carryIn.total': 3,
    });
    expect(rows.map((row) => row.key)).toEqual([
      't3.new.total',
      't3.carryIn.total',
      't2.fees.amount',
    ]);
    expect(rows[0]?.change).toEqual({ delta: 12, percent: null });
    expect(rows[1]?.change).toBeNull();
    expect(rows[2]?.change?.delta).toBe(0.25);
  });

  it('prints a change with its arrow and percentage', () => {
    expect(formatChange({ delta: 12, percent: null })).toBe('▲12');
    expect(formatChange({ delta: -3, percent: -37.5 })).toBe('▼3 (−37.5%)');
    expect(formatChange({ delta: 0.25, percent: 2.0661157 })).toBe('▲0.25 (+2.1%)');
    expect(formatChange({ delta: 0, percent: 0 })).toBe('0');
  });
});

describe('popup on a column of reports', () => {
  afterEach(() => render(null, app));

  it('offers 「核查本栏目全部年报」 on a listing and on a column of a few reports, acting on the user’s click only', () => {
    const opened: string[] = [];
    for (const state of [{ kind: 'listing' }, { kind: 'none', column: true }] as PopupState[]) {
      render(
        <PopupView
          state={state}
          language="zh_CN"
          t={translatorFor('zh_CN')}
          onAuditColumn={() => opened.push(state.kind)}
        />,
        app,
      );
      const button = app.querySelector('button[data-action="audit-column"]') as HTMLButtonElement;
      expect(button.textContent).toBe('核查本栏目全部年报');
      // A script's click (untrusted) opens nothing.
      button.click();
    }
    expect(opened).toEqual([]);
    // Without a column to audit there is no offer.
    render(<PopupView state={{ kind: 'none' }} language="en" t={translatorFor('en')} />, app);
    expect(app.querySelector('button[data-action="audit-column"]')).toBeNull();
  });

  it('offers to show the audit on the column pages themselves, off until the reader turns it on', () => {
    const changes: boolean[] = [];
    const showWith = (on: boolean) =>
      render(
        <PopupView
          state={{ kind: 'listing' }}
          language="zh_CN"
          t={translatorFor('zh_CN')}
          onAuditColumn={() => {}}
          listingBar={{ on, onChange: (next) => changes.push(next) }}
        />,
        app,
      );
    showWith(false);
    const box = app.querySelector('input[data-setting="listingBar"]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.parentElement?.textContent).toContain('也在栏目页上直接显示此按钮');
    box.click();
    expect(changes).toEqual([true]);
    showWith(true);
    expect(
      (app.querySelector('input[data-setting="listingBar"]') as HTMLInputElement).checked,
    ).toBe(true);
  });
});

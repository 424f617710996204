import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../../lib/checks/define-rule';
import { RULES, runChecks } from '../../../lib/checks/run';
import { extractReport } from '../../../lib/extract';
import type { Report, RuleFamily } from '../../../lib/model/report';
import { FIXTURE_DIR } from '../../support/fixtures';

const URL_OF_PAGE = 'http://www.example.gov.cn/chk-form-blank-total.html';

function fixtureReport(name: string): Report {
  const html = readFileSync(join(FIXTURE_DIR, `${name}.html`));
  return extractReport(new JSDOM(html, { url: URL_OF_PAGE }).window.document, URL_OF_PAGE).report;
}

const families = (report: Report, disabled: RuleFamily[]) =>
  new Set(runChecks(report, null, { disabled: new Set(disabled) }).map((f) => f.family));

describe('switching rule families off (the options page)', () => {
  const report = fixtureReport('chk-form-blank-total');

  it('hides every finding of a family switched off, whichever rule module raised it', () => {
    // A blank total is found by the identity rule's arithmetic but is a finding of the form family.
    const all = runChecks(report, null);
    expect(all.some((f) => f.rule.startsWith('form.blank-total') && f.family === 'form')).toBe(
      true,
    );
    expect(families(report, ['form']).has('form')).toBe(false);
  });

  it('keeps a family switched on even when the rule module that raises it belongs to another', () => {
    const withoutIdentity = runChecks(report, null, { disabled: new Set(['identity']) });
    expect(withoutIdentity.some((f) => f.family === 'identity')).toBe(false);
    expect(withoutIdentity.some((f) => f.rule.startsWith('form.blank-total'))).toBe(true);
  });
});

describe('rules declare themselves', () => {
  const report = fixtureReport('chk-form-blank-total');
  const lateLooking = defineRule({
    id: 'test-only',
    family: 'timeliness',
    run: () => [
      {
        rule: 'test.finding',
        severity: 'warning',
        message: '测试',
        messageEn: 'test',
        arithmeticEn: '',
        cells: [],
        terms: [],
        expected: null,
        actual: null,
        arithmetic: '',
      },
    ],
  });

  it('gives every finding the family its rule declares, placed where the model declares it', () => {
    const [finding] = runChecks(report, null, { rules: [lateLooking] });
    expect(finding?.family).toBe('timeliness');
    expect(Object.keys(finding ?? {}).slice(0, 3)).toEqual(['rule', 'family', 'severity']);
  });

  it('leaves the rules of a family switched off out of the run', () => {
    expect(
      runChecks(report, null, { rules: [lateLooking], disabled: new Set(['timeliness']) }),
    ).toEqual([]);
  });

  it('names each rule of the extension once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

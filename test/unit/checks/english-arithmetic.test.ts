/**
 * An English card shows English arithmetic: every finding of every fixture
 * (and of the year-over-year pairs, which only a history gives) says its
 * arithmetic in English too, with the same figures, and quotes the report
 * only where it names what the report prints — the labels of its cells, the
 * tables' own numbering (一 + 二), a label in quotes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/model/report';
import { analyseFile } from '../../../scripts/cli/analyse-file';
import { FIXTURE_DIR } from '../../support/fixtures';

const HAN = /[\u3400-\u9fff]/u;
/** What an English arithmetic may keep of the report's own words. */
function withoutPrinted(text: string, finding: Finding): string {
  // Labels are quoted on one line, however the page wrapped them.
  const flat = (s: string) => s.replace(/\s+/g, '');
  let rest = flat(text).replace(/“[^”]*”|「[^」]*」|"[^"]*"/g, '');
  const labels = [...finding.cells, ...finding.terms]
    .flatMap((ref) => [flat(`${ref.row}${ref.col}`), flat(ref.row), flat(ref.col)])
    .filter((label) => label.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const label of labels) rest = rest.split(label).join('');
  // The tables' numbering (一 + 二 = …; 三(七) + 四) is printed on the form.
  return rest.replace(/[一二三四五六七八九十]/g, '');
}

const findings: Finding[] = [];
beforeAll(async () => {
  const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html'));
  for (const file of files) {
    findings.push(...(await analyseFile(join(FIXTURE_DIR, file))).entry.findings);
  }
  const pairs = [
    ['chk-yoy-base-2022', 'chk-yoy-broken-2023'],
    ['chk-yoy-format-2020', 'chk-yoy-format-2021'],
    ['chk-yoy-base-2022', 'chk-yoy-copied-sections'],
  ];
  for (const [before, after] of pairs) {
    const base = await analyseFile(join(FIXTURE_DIR, `${before}.html`));
    const next = await analyseFile(join(FIXTURE_DIR, `${after}.html`), {
      history: base.report ? [base.report] : [],
    });
    findings.push(...next.entry.findings.filter((f) => f.family === 'yearOverYear'));
  }
}, 120_000);

describe('English arithmetic', () => {
  it('covers findings of every family', () => {
    const families = new Set(findings.map((f) => f.family));
    for (const family of [
      'identity',
      'legacy',
      'narrative',
      'crossTable',
      'yearOverYear',
      'form',
    ]) {
      expect(families, family).toContain(family);
    }
  });

  it('is given for every finding, with the same figures as the Chinese', () => {
    for (const finding of findings) {
      expect(finding.arithmeticEn, finding.rule).toBeTypeOf('string');
      const figures = (text: string) => text.match(/\d+(?:\.\d+)?/g) ?? [];
      expect(figures(finding.arithmeticEn ?? ''), finding.arithmetic).toEqual(
        figures(finding.arithmetic),
      );
    }
  });

  it('has no Chinese words of its own, only what the report prints', () => {
    for (const finding of findings) {
      const rest = withoutPrinted(finding.arithmeticEn ?? '', finding);
      expect(HAN.test(rest), `${finding.rule}: ${finding.arithmeticEn}`).toBe(false);
    }
  });
});

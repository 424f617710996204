/**
 * A row of a format table whose value cells are all text (见附件, a garbled
 * figure) is still a data row when its label names one: its cells are
 * unreadable, and the rows after it are read as usual. Taken for a header, it
 * used to become the column header of the rows below and lose table 三.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../lib/extract';
import { FIXTURE_DIR } from '../../support/fixtures';

const URL_OF_PAGE = 'http://www.jiangzhou.gov.cn/art/2024/1/18/art_1229_3581470.html';
const GARBLED = ['见附件', '1O', '暂无', '见附件', 'l2', '不详', '见附件'];

/** fmt-2021-hanweb with the seven value cells of the row labelled `label` replaced by text. */
function withTextRow(label: RegExp) {
  const html = readFileSync(join(FIXTURE_DIR, 'fmt-2021-hanweb.html'));
  const doc = new JSDOM(html, { url: URL_OF_PAGE }).window.document;
  const expected = JSON.parse(
    readFileSync(join(FIXTURE_DIR, 'fmt-2021-hanweb.expected.json'), 'utf8'),
  ) as { report: { values: Record<string, number | null> } };
  const row = Array.from(doc.querySelectorAll('tr')).find((tr) =>
    Array.from(tr.cells).some((cell) => label.test(cell.textContent ?? '')),
  );
  if (!row) throw new Error(`no row ${label}`);
  const cells = Array.from(row.cells).slice(-GARBLED.length);
  cells.forEach((cell, i) => {
    cell.textContent = GARBLED[i] ?? '';
  });
  return { report: extractReport(doc, URL_OF_PAGE).report, expected: expected.report.values };
}

describe('a table 三 row whose value cells are all text', () => {
  for (const [name, label, rowKey] of [
    ['（一）予以公开, among the data rows', /^（一）予以公开$/, 'open'],
    ['一、本年新收, the first data row', /^一、本年新收/, 'new'],
  ] as const) {
    it(`reads ${name} as unreadable cells and the rest of the table as usual`, () => {
      const { report, expected } = withTextRow(label);
      const t3 = report.tables.find((table) => table.kind === 't3');
      const unreadable = t3?.cells.filter((cell) => cell.unreadable) ?? [];
      const columns = [
        'natural',
        'commercial',
        'research',
        'nonprofit',
        'legal',
        'otherOrg',
        'total',
      ];
      expect(unreadable.map((cell) => cell.key)).toEqual(columns.map((c) => `t3.${rowKey}.${c}`));
      expect(unreadable.map((cell) => cell.text)).toEqual(GARBLED);
      // Never a figure: the row's keys are left out of the values, every other key is as printed.
      const others = Object.fromEntries(
        Object.entries(expected).filter(([key]) => !key.startsWith(`t3.${rowKey}.`)),
      );
      expect(report.values).toEqual(others);
      expect(t3?.headerRows).toBe(3);
    });
  }
});

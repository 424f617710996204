import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../lib/export/filename';
import type { Report } from '../../../lib/model/report';

function report(agency: string, year: number | null): Report {
  return {
    url: 'https://www.example.gov.cn/r.html',
    identity: { agency, year, template: '2021', publishedAt: null, title: '', bodyKind: 'unknown' },
    tables: [],
    values: {},
    claims: [],
    imageTables: 0,
    textLength: 0,
  };
}

describe('exportFileName', () => {
  it('names the file after agency and year', () => {
    expect(exportFileName(report('青山区', 2023), 'csv')).toBe('青山区-2023-年报核查.csv');
    expect(exportFileName(report('青山区', 2023), '.json')).toBe('青山区-2023-年报核查.json');
  });

  it('replaces characters no file system accepts and trims dots and spaces', () => {
    const name = exportFileName(report(' ..A/B\\C:D*E?F"G<H>I|J\u0007 . ', 2023), 'md');
    expect(name).toBe('A_B_C_D_E_F_G_H_I_J_-2023-年报核查.md');
  });

  it('falls back when agency or year is unknown', () => {
    expect(exportFileName(report('', null), 'xlsx')).toBe('未知机构-未知年度-年报核查.xlsx');
    expect(exportFileName(report('///', 2020), 'csv')).toBe('___-2020-年报核查.csv');
    expect(exportFileName(report('青山区', 2023), '../x')).toBe('青山区-2023-年报核查.x');
  });

  it('stays under the 255-byte name limit for a very long agency name', () => {
    const name = exportFileName(report('很长的机构名称'.repeat(40), 2023), 'json');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith('-2023-年报核查.json')).toBe(true);
  });
});

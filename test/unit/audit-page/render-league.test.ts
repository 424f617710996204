/**
 * The audit page's league table in a DOM (jsdom): a row's texts are the
 * page's words set as text (a hostile agency name stays text), the headers
 * sort with aria-sort saying how, only the user's own clicks sort, and a
 * PDF row links to the extension's PDF page.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { LeagueRow } from '../../../lib/audit/league';
import { renderLeagueTable, type ShownColumn } from '../../../lib/audit-page/render-league';

const base: LeagueRow = {
  url: 'http://www.heming.gov.cn/a.html',
  source: 'html',
  status: 'report',
  problem: null,
  problemEn: null,
  agency: '鹤鸣区教育局',
  title: '鹤鸣区教育局2023年政府信息公开工作年度报告',
  year: 2023,
  bodyKind: 'department',
  publishedAt: '2024-01-24',
  deadline: '2024-01-31',
  delayDays: -7,
  errors: 0,
  warnings: 1,
  infos: 0,
  worst: null,
  missingTables: [],
  imageTables: 0,
  previous: { state: 'none' },
};

const rows: LeagueRow[] = [
  base,
  {
    ...base,
    url: 'http://www.heming.gov.cn/b.pdf',
    source: 'pdf',
    agency: '<img src=x onerror="window.__pwned=1">局',
    errors: 3,
    worst: { rule: 't3.row-total', severity: 'error', message: '总计不符', messageEn: 'total' },
  },
  {
    ...base,
    url: 'http://www.heming.gov.cn/c.html',
    status: 'unreadable',
    problem: '无法读取：HTTP 404',
    problemEn: 'cannot be read: HTTP 404',
    agency: '',
    year: null,
    errors: null,
    warnings: null,
    missingTables: null,
    imageTables: null,
  },
];

function mount(accept: (e: Event) => boolean, shown: LeagueRow[] = rows) {
  const { window } = new JSDOM('<!doctype html><body></body>');
  const doc = window.document;
  let sort: { column: ShownColumn; direction: 'asc' | 'desc' } | null = null;
  const draw = () => {
    doc.body.replaceChildren(
      renderLeagueTable(doc, shown, {
        words: {
          header: (c) => c,
          language: 'zh_CN',
          imageTables: (n) => `图片表 ${n}`,
          unnamed: '（未读取）',
          sortBy: (h) => h,
        },
        hrefOf: (row) => (row.source === 'pdf' ? `ext:pdf?url=${row.url}` : row.url),
        sort,
        accept,
        onSort: (column) => {
          sort = { column, direction: sort?.direction === 'desc' ? 'asc' : 'desc' };
          draw();
        },
      }),
    );
  };
  draw();
  const column = (name: string) =>
    [...doc.querySelectorAll(`tbody td[data-col="${name}"]`)].map((td) => td.textContent);
  return { doc, window, column };
}

describe('the league table on the audit page', () => {
  it('shows the page’s words as text, a page not read with why, and links a PDF to the PDF page', () => {
    const { doc, window, column } = mount(() => true);
    expect(doc.querySelector('tbody img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(column('agency')).toContain('<img src=x onerror="window.__pwned=1">局');
    expect(column('errors')).toEqual(['3', '0', '—']);
    expect(column('worst')).toEqual(['总计不符', '', '无法读取：HTTP 404']);
    const pdfLink = doc.querySelector('tr[data-url$="b.pdf"] a') as HTMLAnchorElement;
    expect(pdfLink.getAttribute('href')).toBe('ext:pdf?url=http://www.heming.gov.cn/b.pdf');
    expect(pdfLink.target).toBe('_blank');
  });

  it('keeps a note for reference to two lines of its row, whole on hover; a problem is shown whole', () => {
    const note =
      '本级政府报告表三「一、本年新收政府信息公开申请数量」总计为 91；同一门户同年 7 个部门报告之和为 530。'.repeat(
        2,
      );
    const { doc, column } = mount(
      () => true,
      [
        {
          ...base,
          bodyKind: 'government',
          worst: { rule: 'hierarchy.t3-sum', severity: 'info', message: note, messageEn: 'n' },
        },
        rows[1] as LeagueRow,
      ],
    );
    // The most errors first, as the page opens.
    expect(column('worst')).toEqual(['总计不符', note]);
    const clamped = doc.querySelectorAll('td[data-col="worst"] .info-note');
    expect(clamped).toHaveLength(1);
    expect((clamped[0] as HTMLElement).title).toBe(note);
    expect(clamped[0]?.parentElement?.getAttribute('data-severity')).toBe('info');
  });

  it('sorts by a header the user clicks, saying how in aria-sort, and ignores a script’s click', () => {
    const trusted = mount((event) => (event as MouseEvent).detail === 1);
    const button = () =>
      trusted.doc.querySelector('th button[data-sort="agency"]') as HTMLButtonElement;
    // A synthetic click (detail 0 here stands for an untrusted one): nothing happens.
    button().dispatchEvent(new trusted.window.MouseEvent('click', { detail: 0 }));
    expect(trusted.doc.querySelector('th[data-col="agency"]')?.getAttribute('aria-sort')).toBe(
      'none',
    );
    button().dispatchEvent(new trusted.window.MouseEvent('click', { detail: 1 }));
    expect(trusted.doc.querySelector('th[data-col="agency"]')?.getAttribute('aria-sort')).toBe(
      'descending',
    );
    // Unknowns (the page not read) last either way.
    expect(trusted.column('agency').at(-1)).toBe('（未读取）');
    button().dispatchEvent(new trusted.window.MouseEvent('click', { detail: 1 }));
    expect(trusted.doc.querySelector('th[data-col="agency"]')?.getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(trusted.column('agency').at(-1)).toBe('（未读取）');
  });
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildGrid, type Grid } from '../../../lib/tables/grid';

function grid(html: string): Grid {
  const table = new JSDOM(`<!doctype html><body>${html}</body>`, {
    url: 'https://www.example.gov.cn/',
  }).window.document.querySelector('table');
  if (table === null) throw new Error('no table');
  return buildGrid(table);
}

/** Text of every slot, row by row ('·' where the page has no cell). */
function texts(g: Grid): string[][] {
  return g.slots.map((row) => row.map((cell) => (cell === null ? '·' : cell.text)));
}

const APPLICANT_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
];

/** Word-pasted cell markup, as TRS pages carry it. */
function wordCell(text: string, attrs = ''): string {
  return `<td ${attrs} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'><p class=MsoNormal align=center><span style='font-family:仿宋_GB2312'>${text}<o:p></o:p></span></p></td>`;
}

/** Seven value cells whose figures name their own row and column: row r, column c prints r*100+c. */
function values(row: number): string {
  return [3, 4, 5, 6, 7, 8, 9].map((col) => wordCell(String(row * 100 + col))).join('');
}

/** The official table 三 as the format prints it; `format` decides row （六）. */
function officialTable3(format: '2019' | '2021'): string {
  const rows: string[] = [];
  const add = (labels: string) => rows.push(`<tr>${labels}${values(rows.length)}</tr>`);
  rows.push(
    `<tr>${wordCell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'rowspan=3 colspan=3')}${wordCell('申请人情况', 'colspan=7')}</tr>`,
    `<tr>${wordCell('自然人', 'rowspan=2')}${wordCell('法人或其他组织', 'colspan=5')}${wordCell('总计', 'rowspan=2')}</tr>`,
    `<tr>${APPLICANT_COLUMNS.slice(1, 6)
      .map((t) => wordCell(t))
      .join('')}</tr>`,
  );
  add(wordCell('一、本年新收政府信息公开申请数量', 'colspan=3'));
  add(wordCell('二、上年结转政府信息公开申请数量', 'colspan=3'));
  const resultRows = format === '2019' ? 20 : 22;
  add(
    wordCell('三、本年度办理结果', `rowspan=${resultRows}`) +
      wordCell('（一）予以公开', 'colspan=2'),
  );
  add(wordCell('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'colspan=2'));
  const group = (head: string, items: string[]) => {
    items.forEach((item, i) => {
      const lead = i === 0 ? wordCell(head, `rowspan=${items.length}`) : '';
      add(lead + wordCell(item));
    });
  };
  group('（三）不予公开', [
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
  ]);
  group('（四）无法提供', [
    '1.本机关不掌握相关政府信息',
    '2.没有现成信息需要另行制作',
    '3.补正后申请内容仍不明确',
  ]);
  group('（五）不予处理', [
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
  ]);
  if (format === '2019') add(wordCell('（六）其他处理', 'colspan=2'));
  else
    group('（六）其他处理', [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ]);
  add(wordCell('（七）总计', 'colspan=2'));
  add(wordCell('四、结转下年度继续办理', 'colspan=3'));
  return `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0><tbody>${rows.join('')}</tbody></table>`;
}

describe('buildGrid: the official table 三', () => {
  it.each([
    ['2019', 26, 20],
    ['2021', 28, 22],
  ] as const)(
    'expands the %s layout so every figure sits under its column',
    (format, height, resultRows) => {
      const g = grid(officialTable3(format));
      expect(g.height).toBe(height);
      expect(g.width).toBe(10);

      // Column headers, read down each value column through the merged header rows.
      expect(g.slots[0]?.slice(3).every((c) => c?.text === '申请人情况')).toBe(true);
      expect(g.slots[1]?.[3]?.text).toBe('自然人');
      expect(g.slots[2]?.[3]?.text).toBe('自然人');
      expect(g.slots[1]?.slice(4, 9).every((c) => c?.text === '法人或其他组织')).toBe(true);
      expect(g.slots[2]?.slice(3).map((c) => c?.text)).toEqual(APPLICANT_COLUMNS);
      expect(g.slots[2]?.[9]?.text).toBe('总计');

      // Every body slot under a value column holds the figure printed for that row and column.
      for (let r = 3; r < height; r++) {
        for (let c = 3; c < 10; c++) {
          expect(g.slots[r]?.[c]?.value).toMatchObject({ kind: 'number', value: r * 100 + c });
        }
      }

      // Label columns: the corner covers 3×3; 三、 spans all result rows; groups span their items.
      const corner = g.slots[0]?.[0];
      expect(corner?.rowSpan).toBe(3);
      expect(corner?.colSpan).toBe(3);
      expect(
        texts(g)
          .slice(0, 3)
          .every((row) => row.slice(0, 3).every((t) => t.startsWith('（本列数据'))),
      ).toBe(true);
      for (let r = 5; r < 5 + resultRows; r++)
        expect(g.slots[r]?.[0]?.text).toBe('三、本年度办理结果');
      expect(g.slots[5 + resultRows]?.[0]?.text).toBe('四、结转下年度继续办理');
      expect(texts(g)[7]?.slice(0, 3)).toEqual([
        '三、本年度办理结果',
        '（三）不予公开',
        '1.属于国家秘密',
      ]);
      expect(texts(g)[14]?.slice(0, 3)).toEqual([
        '三、本年度办理结果',
        '（三）不予公开',
        '8.属于行政查询事项',
      ]);
      expect(texts(g)[17]?.slice(1, 3)).toEqual(['（四）无法提供', '3.补正后申请内容仍不明确']);
      expect(texts(g)[5]?.slice(1, 3)).toEqual(['（一）予以公开', '（一）予以公开']);

      // Each printed cell once, in reading order: 10 header cells; per body row its own label and
      // 7 figures; plus 三、 and the group labels （三）（四）（五） (and （六） in 2021).
      const groupLabels = format === '2021' ? 4 : 3;
      expect(g.cells).toHaveLength(10 + (height - 3) * 8 + 1 + groupLabels);
      expect(g.cells.map((c) => c.row)).toEqual(
        [...g.cells.map((c) => c.row)].sort((a, b) => a - b),
      );
      expect(g.tables).toHaveLength(1);
    },
  );
});

describe('buildGrid: spans and ragged rows', () => {
  it('pads ragged rows with null', () => {
    const g = grid(
      '<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr><tr></tr></table>',
    );
    expect(g.height).toBe(3);
    expect(texts(g)).toEqual([
      ['a', 'b', 'c'],
      ['d', '·', '·'],
      ['·', '·', '·'],
    ]);
  });

  it('extends rowspan=0 to the end of its row group only', () => {
    const g = grid(`<table>
      <thead><tr><td rowspan=0>h</td><td>x</td></tr><tr><td>y</td></tr></thead>
      <tbody><tr><td rowspan="0">b</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>
    </table>`);
    expect(texts(g)).toEqual([
      ['h', 'x'],
      ['h', 'y'],
      ['b', '1'],
      ['b', '2'],
      ['b', '3'],
    ]);
    expect(g.slots[2]?.[0]?.rowSpan).toBe(3);
  });

  it('cuts row spans that run past the last row', () => {
    const g = grid(`<table>
      <tr><td rowspan=1000>a</td><td>b</td></tr>
      <tr><td>c</td></tr>
    </table>`);
    expect(g.height).toBe(2);
    expect(g.slots[0]?.[0]).toMatchObject({ text: 'a', rowSpan: 2 });
    expect(texts(g)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('makes the columns a column span declares, padded with null', () => {
    const g = grid('<table><tr><td colspan=3>标题</td></tr><tr><td>a</td><td>b</td></tr></table>');
    expect(texts(g)).toEqual([
      ['标题', '标题', '标题'],
      ['a', 'b', '·'],
    ]);
  });

  it('cuts the empty columns a stray colspan adds to a long table', () => {
    const body = '<tr><td>指标</td><td>件</td><td>1</td></tr>'.repeat(5000);
    const g = grid(`<table><tr><td colspan=1000>统计表</td></tr>${body}</table>`);
    expect(g.width).toBe(3);
    expect(g.slots[0]?.[0]).toMatchObject({ text: '统计表', colSpan: 3 });
    expect(g.slots[0]?.[2]?.text).toBe('统计表');
    expect(g.slots[5000]?.[2]?.text).toBe('1');
  });

  it('merges the columns a row of colspan=1000 cells declares over a long table', () => {
    // Found by test/unit/tables/grid.property.test.ts: 3 KB of markup asked for 6 million slots.
    const wide = '<td colspan="1000">表</td>'.repeat(60);
    const g = grid(`<table><tr>${wide}</tr>${'<tr><td>1</td></tr>'.repeat(100)}</table>`);
    expect(g.width).toBe(60);
    expect(g.height).toBe(101);
    expect(g.cells.filter((c) => c.text === '表').map((c) => [c.col, c.colSpan])).toEqual(
      Array.from({ length: 60 }, (_, i) => [i, 1]),
    );
    expect(texts(g)[100]).toEqual(['1', ...new Array(59).fill('·')]);
  });

  it('keeps the cells a merged column stands over under it', () => {
    const wide = '<td colspan="1000">表</td>'.repeat(50);
    const body = '<tr><td>a</td><td colspan="1500">b</td><td>c</td></tr>'.repeat(100);
    const g = grid(`<table><tr>${wide}</tr>${body}</table>`);
    // Columns left: the 50 wide cells' starts (0, 1000, 2000…) and the body's 1 and 1501.
    expect(g.width).toBe(52);
    // b spans the columns starting at 1 and 1000, as it stood under the first two wide cells.
    expect(g.slots[1]?.map((c) => c?.text ?? '·').join('')).toBe(`abbc${'·'.repeat(48)}`);
    expect(g.slots[0]?.[0]).toMatchObject({ colSpan: 2 });
    expect(g.slots[0]?.[2]).toMatchObject({ col: 2, colSpan: 2 });
    expect(g.slots[1]?.[1]).toMatchObject({ text: 'b', col: 1, colSpan: 2 });
  });

  it('reads rowspan="-0" as 0, to the end of the row group, as browsers do', () => {
    // Found by test/unit/tables/grid.property.test.ts: `-0` is zero under HTML's integer rules, not an error.
    const g = grid(`<table>
      <tr><td rowspan="-0" colspan="-0">a</td><td>b</td></tr>
      <tr><td>c</td></tr>
      <tr><td>d</td></tr>
    </table>`);
    expect(texts(g)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
    ]);
  });

  it('reads span attributes the way browsers do', () => {
    const g = grid(`<table>
      <tr><td colspan="abc">a</td><td colspan="-2">b</td><td colspan="0">c</td><td colspan=" 2px">d</td></tr>
      <tr><td rowspan="x">e</td><td rowspan="-1">f</td><td rowspan="+2">g</td><td>h</td><td>i</td></tr>
      <tr><td>j</td><td>k</td><td>l</td><td>m</td></tr>
    </table>`);
    expect(texts(g)).toEqual([
      ['a', 'b', 'c', 'd', 'd'],
      ['e', 'f', 'g', 'h', 'i'],
      ['j', 'k', 'g', 'l', 'm'],
    ]);
  });

  it('clamps huge spans without allocating them', () => {
    const g = grid(`<table>
      <tr><td rowspan="99999999999999999999" colspan="99999999">a</td><td>b</td></tr>
      <tr><td>c</td></tr>
    </table>`);
    expect(g.width).toBe(1001);
    expect(g.height).toBe(2);
    expect(g.slots[0]?.[0]).toMatchObject({ rowSpan: 2, colSpan: 1000 });
    expect(g.slots[1]?.[1000]?.text).toBe('c');
  });

  it('keeps rows in thead, tbody, tfoot order whatever the markup order', () => {
    const g = grid(`<table>
      <tfoot><tr><td>合计</td></tr></tfoot>
      <tbody><tr><td>正文</td></tr></tbody>
      <thead><tr><th>表头</th></tr></thead>
    </table>`);
    expect(g.cells.map((c) => c.text)).toEqual(['表头', '正文', '合计']);
    expect(g.cells.map((c) => c.isTh)).toEqual([true, false, false]);
  });

  it('leaves overlapping cells (a broken table) to the first one without failing', () => {
    const g = grid(`<table>
      <tr><td>a</td><td rowspan=2>b</td><td>c</td></tr>
      <tr><td colspan=2>wide</td><td>d</td></tr>
    </table>`);
    expect(texts(g)).toEqual([
      ['a', 'b', 'c'],
      ['wide', 'b', 'd'],
    ]);
    expect(g.cells).toHaveLength(5);
  });

  it('ignores the rows of a nested table', () => {
    const g = grid(
      '<table><tr><td>外<table><tr><td>内1</td></tr><tr><td>内2</td></tr></table></td></tr></table>',
    );
    expect(g.height).toBe(1);
    expect(g.cells).toHaveLength(1);
    expect(g.cells[0]?.text).toBe('外\n内1\n内2');
  });

  it('reads cell values and keeps the source element', () => {
    const g = grid(
      '<table><tr><th>总计</th><td>&nbsp;</td><td>—</td><td>１，２３４</td></tr></table>',
    );
    expect(g.cells.map((c) => c.value.kind)).toEqual(['text', 'blank', 'dash', 'number']);
    expect(g.cells[3]?.value).toMatchObject({ value: 1234 });
    expect(g.cells[3]?.el?.localName).toBe('td');
  });

  it('builds an empty grid for a table without rows', () => {
    const g = grid('<table></table>');
    expect(g).toMatchObject({ height: 0, width: 0, cells: [], slots: [] });
  });

  it('builds a 50,000-cell table with long rowspans', () => {
    const rows: string[] = [];
    for (let r = 0; r < 5000; r++) {
      const label = r % 100 === 0 ? '<td rowspan=100>组</td>' : '';
      rows.push(`<tr>${label}${'<td>1</td>'.repeat(r % 100 === 0 ? 9 : 10)}</tr>`);
    }
    const g = grid(`<table>${rows.join('')}</table>`);
    expect(g.cells).toHaveLength(50_000);
    expect(g.height).toBe(5000);
    expect(g.width).toBe(11);
    expect(g.slots[4999]?.[0]?.text).toBe('组');
    expect(g.slots[4999]?.[10]?.text).toBe('1');
    expect(g.slots[100]?.[10]).toBeNull();
  });
});

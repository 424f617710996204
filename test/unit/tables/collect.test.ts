import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectTables } from '../../../lib/tables/collect';
import type { Grid } from '../../../lib/tables/grid';

function collect(html: string): Grid[] {
  const document = new JSDOM(`<!doctype html><body><div id=zoom>${html}</div></body>`, {
    url: 'https://www.example.gov.cn/',
  }).window.document;
  const root = document.getElementById('zoom');
  if (root === null) throw new Error('no root');
  return collectTables(root);
}

/** Text of every slot, row by row ('·' where the page has no cell). */
function texts(g: Grid | undefined): string[][] {
  return (g?.slots ?? []).map((row) => row.map((cell) => (cell === null ? '·' : cell.text)));
}

const td = (text: string, attrs = '') =>
  `<td ${attrs}><p class=MsoNormal><span>${text}<o:p></o:p></span></p></td>`;
const row = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
const table = (...rows: string[]) =>
  `<table class=MsoNormalTable border=1>${rows.join('')}</table>`;

/** Table 四 printed as the format prints it, in one table. */
const TABLE_4_HEADER = [
  row(td('行政复议', 'colspan=5'), td('行政诉讼', 'colspan=10')),
  row(
    ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => td(t, 'rowspan=2')),
    td('未经复议直接起诉', 'colspan=5'),
    td('复议后起诉', 'colspan=5'),
  ),
  row(
    ...[
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ].map((t) => td(t)),
  ),
];
const TABLE_4_BODY = row(
  ...[1, 0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 1, 0, 0, 1].map((n) => td(String(n))),
);

describe('collectTables: tables and layout tables', () => {
  it('yields every data table in document order', () => {
    const grids = collect(`
      <p>二、主动公开政府信息情况</p>${table(row(td('信息内容'), td('本年制发件数')), row(td('规章'), td('0')))}
      <p>四、政府信息公开行政复议、行政诉讼情况</p>${table(...TABLE_4_HEADER, TABLE_4_BODY)}`);
    expect(grids.map((g) => [g.height, g.width, g.tables.length])).toEqual([
      [2, 2, 1],
      [4, 15, 1],
    ]);
  });

  it('reads the data table inside layout tables, not the layout tables', () => {
    const grids = collect(`
      <table width=1002><tr><td class=nav>网站首页</td></tr><tr><td>
        <table width="94%"><tr><td>
          <div class=TRS_Editor>${table(row(td('统计指标'), td('单位'), td('统计数')), row(td('主动公开信息数'), td('条'), td('1,234')))}</div>
        </td></tr></table>
      </td></tr></table>`);
    expect(grids).toHaveLength(1);
    expect(texts(grids[0])).toEqual([
      ['统计指标', '单位', '统计数'],
      ['主动公开信息数', '条', '1,234'],
    ]);
    expect(grids[0]?.tables[0]?.className).toBe('MsoNormalTable');
  });

  it('accepts a table as the root and skips tables without cells', () => {
    const document = new JSDOM(`<table id=t><tr><td>a</td><td>1</td></tr></table><table></table>`)
      .window.document;
    const root = document.getElementById('t');
    if (root === null) throw new Error('no table');
    expect(collectTables(root)).toHaveLength(1);
    expect(collectTables(document.body)).toHaveLength(1);
  });
});

describe('collectTables: joining split tables', () => {
  it('joins a header table and the body table that follows it', () => {
    const grids = collect(`${table(...TABLE_4_HEADER)}\n${table(TABLE_4_BODY)}`);
    expect(grids).toHaveLength(1);
    const g = grids[0];
    expect(g?.tables).toHaveLength(2);
    expect(g?.height).toBe(4);
    expect(g?.slots[3]?.map((c) => c?.text)).toEqual([
      '1',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
      '2',
      '2',
      '0',
      '1',
      '0',
      '0',
      '1',
    ]);
    expect(g?.slots[2]?.[14]?.text).toBe('总计');
    expect(g?.slots[0]?.[14]?.text).toBe('行政诉讼');
    // Cells of the second table keep their element but continue the row numbering.
    expect(g?.cells.find((c) => c.row === 3 && c.col === 8)?.el?.ownerDocument).toBeDefined();
    expect(g?.cells.filter((c) => c.row === 3)).toHaveLength(15);
  });

  it.each([
    ['an empty Word paragraph', '<p class=MsoNormal><span>&nbsp;<o:p></o:p></span></p>'],
    ['several empty paragraphs and breaks', '<p>&nbsp;</p><br><p> </p><div><br></div>'],
    ['（续表）', '<p align=center><b>（续表）</b></p>'],
    ['a unit note', '<p>单位：件</p>'],
    ['a caption that says it continues', '<p>表3（续）</p>'],
    ['a wrapper div', '</div><div class=page2>'],
  ])('joins a table broken by %s', (_, between) => {
    const top = table(
      row(td('统计指标'), td('单位'), td('统计数')),
      row(td('收到申请数'), td('件'), td('12')),
    );
    const bottom = table(
      row(td('其中：当面申请数'), td('件'), td('3')),
      row(td('网络申请数'), td('件'), td('9')),
    );
    const grids = collect(`<div>${top}${between}${bottom}</div>`);
    expect(grids).toHaveLength(1);
    expect(texts(grids[0]).map((r) => r[0])).toEqual([
      '统计指标',
      '收到申请数',
      '其中：当面申请数',
      '网络申请数',
    ]);
    expect(grids[0]?.tables).toHaveLength(2);
  });

  it.each([
    ['a section heading', '<p>四、政府信息公开行政复议、行政诉讼情况</p>'],
    ['a numbered sub-heading', '<p>（一）行政复议情况</p>'],
    ['a new table caption', '<p>表2 申请来源情况</p>'],
    ['two short paragraphs', '<p>说明：</p><p>单位：件</p>'],
    [
      'a long paragraph',
      `<p>${'本年度共收到政府信息公开申请，均已按期答复，无行政复议和诉讼案件发生。'.repeat(2)}</p>`,
    ],
    ['an image', '<p><img src=seal.png></p>'],
    ['a horizontal rule', '<hr>'],
  ])('does not join tables separated by %s', (_, between) => {
    const top = table(...TABLE_4_HEADER, TABLE_4_BODY);
    const bottom = table(TABLE_4_BODY);
    const grids = collect(`${top}${between}${bottom}`);
    expect(grids).toHaveLength(2);
  });

  it('does not join a table that opens with its own header row', () => {
    const first = table(row(td('统计指标'), td('数量')), row(td('主动公开'), td('5')));
    const second = table(row(td('申请来源'), td('数量')), row(td('当面'), td('3')));
    const withCorner = table(
      row(td('&nbsp;'), td('件数'), td('占比')),
      row(td('当面'), td('3'), td('50%')),
    );
    expect(collect(`${first}<p>&nbsp;</p>${second}`)).toHaveLength(2);
    expect(collect(`${first}${withCorner}`)).toHaveLength(2);
    const thRow = table('<tr><th>甲</th><th>&nbsp;</th></tr>', row(td('a'), td('1')));
    expect(collect(`${first}${thRow}`)).toHaveLength(2);
  });

  it('joins a continuation whose first row has only blank or dash figures', () => {
    const first = table(
      row(td('指标'), td('单位'), td('数量')),
      row(td('收到申请数'), td('件'), td('4')),
    );
    const blankRow = table(
      row(td('行政复议数'), td('件'), td('&nbsp;')),
      row(td('行政诉讼数'), td('件'), td('1')),
    );
    const dashRow = table(row(td('行政复议数'), td('件'), td('—')));
    expect(collect(`${first}${blankRow}`)).toHaveLength(1);
    expect(collect(`${first}${dashRow}`)).toHaveLength(1);
  });

  it('does not join tables in different cells of a layout table', () => {
    const grids = collect(`<table><tr><td>${table(row(td('甲'), td('1')))}</td></tr>
      <tr><td>${table(row(td('乙'), td('2')))}</td></tr></table>`);
    expect(grids).toHaveLength(2);
  });

  it('joins several continuation tables into one', () => {
    const grids = collect(
      [
        table(row(td('统计指标'), td('统计数'))),
        table(row(td('主动公开'), td('10'))),
        '<p>&nbsp;</p>',
        table(row(td('依申请公开'), td('20'))),
        '<p>（续表）</p>',
        table(row(td('行政复议'), td('0'))),
      ].join(''),
    );
    expect(grids).toHaveLength(1);
    expect(grids[0]?.tables).toHaveLength(4);
    expect(texts(grids[0])).toEqual([
      ['统计指标', '统计数'],
      ['主动公开', '10'],
      ['依申请公开', '20'],
      ['行政复议', '0'],
    ]);
  });

  it('maps a body with more label columns onto a header table laid out differently, by declared widths', () => {
    // Header: one wide corner cell over the label area, then seven value columns.
    const header = `<table border=1 width=640>${row(
      td('项目', "width=290 style='width:217.5pt'"),
      ...['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map(
        (t) => td(t, "width=50 style='width:37.5pt'"),
      ),
    )}</table>`;
    // Body: three label columns of different widths, as the official table lays them out.
    const values = (r: number) =>
      [1, 2, 3, 4, 5, 6, 7]
        .map((c) => td(String(r * 10 + c), "width=50 style='width:37.5pt'"))
        .join('');
    const body = `<table border=1 width=640>${[
      row(
        td('三、本年度办理结果', "rowspan=2 width=90 style='width:67.5pt'"),
        td('（三）不予公开', "rowspan=2 width=100 style='width:75pt'"),
        td('1.属于国家秘密', "width=100 style='width:75pt'"),
        values(1),
      ),
      row(td('2.其他法律行政法规禁止公开', "width=100 style='width:75pt'"), values(2)),
      row(td('四、结转下年度继续办理', "colspan=3 width=290 style='width:217.5pt'"), values(3)),
    ].join('')}</table>`;
    const g = collect(`${header}${body}`)[0];
    expect(g?.tables).toHaveLength(2);
    expect(g?.width).toBe(10);
    expect(texts(g)[0]).toEqual([
      '项目',
      '项目',
      '项目',
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(texts(g)[1]).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
    ]);
    expect(texts(g)[3]?.slice(2)).toEqual([
      '四、结转下年度继续办理',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
      '37',
    ]);
    expect(g?.slots[0]?.[0]).toMatchObject({ col: 0, colSpan: 3, row: 0 });
  });

  it('maps a narrower body onto a wider header table by <col> widths', () => {
    const header = `<table><colgroup><col width=40><col width=160><col span=2 width=100></colgroup>${row(
      td('序号'),
      td('项目'),
      td('本年'),
      td('上年'),
    )}</table>`;
    const body = `<table>${row(td('收到申请数', 'width=200'), td('12', 'width=100'), td('9', 'width=100'))}</table>`;
    const g = collect(`${header}${body}`)[0];
    expect(g?.tables).toHaveLength(2);
    expect(texts(g)).toEqual([
      ['序号', '项目', '本年', '上年'],
      ['收到申请数', '收到申请数', '12', '9'],
    ]);
  });

  it('maps columns by proportional position when no widths are declared', () => {
    const header = table(row(td('项目'), td('本年'), td('上年')));
    const body = table(row(td('收到'), td('申请'), td('7'), td('人次'), td('5'), td('人次')));
    const g = collect(`${header}${body}`)[0];
    expect(g?.width).toBe(6);
    expect(texts(g)).toEqual([
      ['项目', '项目', '本年', '本年', '上年', '上年'],
      ['收到', '申请', '7', '人次', '5', '人次'],
    ]);
  });

  it('does not join tables whose columns cannot be lined up', () => {
    const header = `<table>${row(td('甲', 'width=10'), td('乙', 'width=80'), td('丙', 'width=10'))}</table>`;
    const body = `<table>${row(...['a', '1', '2', '3'].map((t) => td(t, 'width=25')))}</table>`;
    expect(collect(`${header}${body}`)).toHaveLength(2);
  });
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { elementText, shortTextContent } from '../../../lib/text/dom-text';

function body(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
}

function firstCell(html: string): Element {
  const cell = body(`<table><tr>${html}</tr></table>`).querySelector('td');
  if (cell === null) throw new Error('no cell');
  return cell;
}

describe('elementText', () => {
  it('reads a Word-pasted cell as its clean text', () => {
    const cell =
      firstCell(`<td width=80 valign=top style='width:60.0pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
      <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US
      style='font-size:10.0pt;font-family:仿宋_GB2312'>１２<o:p></o:p></span></p></td>`);
    expect(elementText(cell)).toBe('１２');
  });

  it('keeps <br> and paragraph breaks inside a label as line breaks', () => {
    const cell = firstCell(`<td><p class=MsoNormal><span>1.本机关不掌握<br>
      相关政府信息</span></p><p class=MsoNormal><span>（含&nbsp;&nbsp;注）</span></p></td>`);
    expect(elementText(cell)).toBe('1.本机关不掌握\n相关政府信息\n（含 注）');
  });

  it('joins inline runs without breaking the line, and collapses source newlines', () => {
    const cell = firstCell(`<td><span>三、本年度</span><span
      >办理结果</span><b>\n  （续）</b></td>`);
    expect(elementText(cell)).toBe('三、本年度办理结果 （续）');
  });

  it('reads a cell of text alone like any other: comments dropped, runs joined, spaces collapsed', () => {
    const cell = firstCell('<td>\n  1,234<!-- 旧值 998 -->  件\n</td>');
    cell.appendChild(cell.ownerDocument.createTextNode('（含\u00a0补正）'));
    expect(elementText(cell)).toBe('1,234 件 （含 补正）');
    expect(elementText(firstCell('<td><!-- 空 -->&nbsp; </td>'))).toBe('');
    // The same text wrapped in an element reads the same.
    expect(elementText(firstCell('<td><span>\n  1,234  件\n</span>（含&nbsp;补正）</td>'))).toBe(
      '1,234 件 （含 补正）',
    );
  });

  it('reads a cell of only &nbsp; and empty Word paragraphs as empty', () => {
    const cell = firstCell(
      `<td><p class=MsoNormal><span>&nbsp;<o:p></o:p></span></p><p>&nbsp;</p></td>`,
    );
    expect(elementText(cell)).toBe('');
  });

  it('skips hidden and non-text content', () => {
    const root = body(`<div>
      <span style='display:none;mso-hide:all'>隐藏</span>
      <span style="DISPLAY: NONE !important">隐藏</span>
      <span style="color:red; visibility : hidden">隐藏</span>
      <span hidden>隐藏</span>
      <script>var x = "脚本";</script><style>p{color:red}</style><noscript>无脚本</noscript>
      <template><p>模板</p></template><svg><text>图</text></svg><!-- 注释 -->
      <span style="border:none;mso-border-alt:none">可见</span>
      <span style="mso-display:none">也可见</span>
    </div>`);
    expect(elementText(root)).toBe('可见 也可见');
  });

  it('breaks lines at block boundaries and reads a table row as one line', () => {
    const root =
      body(`<div><h2>一、总体情况</h2>正文第一段<div>第二段</div><ul><li>甲</li><li>乙</li></ul>
      <table><tr><td>自然人</td><td>12</td></tr><tr><th>总计</th><th>30</th></tr></table>尾</div>`);
    expect(elementText(root)).toBe(
      '一、总体情况\n正文第一段\n第二段\n甲\n乙\n自然人 12\n总计 30\n尾',
    );
  });

  it('keeps the line breaks of preformatted text', () => {
    const root = body('<div><pre>第一行\n第二行</pre></div>');
    expect(elementText(root)).toBe('第一行\n第二行');
  });

  it('reads deeply nested markup without exhausting the stack', () => {
    const document = new JSDOM('').window.document;
    // Built detached, innermost first: jsdom itself recurses when a deep subtree is attached.
    let node: Element = document.createElement('span');
    node.textContent = '底';
    for (let i = 0; i < 20_000; i++) {
      const wrapper = document.createElement(i % 2 === 0 ? 'span' : 'div');
      wrapper.appendChild(node);
      node = wrapper;
    }
    expect(elementText(node)).toBe('底');
  });
});

describe('elementText options', () => {
  it('reads a skipped element as a gap, not its text', () => {
    const root = body('<p>申请<table><tr><td>999</td></tr></table>答复</p><p>下一段</p>');
    const table = root.querySelector('table');
    if (!table) throw new Error('no table');
    expect(elementText(root, { skip: new Set([table]) })).toBe('申请\n答复\n下一段');
    expect(elementText(root)).toContain('999');
  });

  it('stops walking once enough text is collected', () => {
    const root = body(`<p>开头</p>${'<p>很长的一段正文。</p>'.repeat(10_000)}`);
    const head = elementText(root, { maxChars: 50 });
    expect(head.length).toBe(50);
    expect(head.startsWith('开头\n很长的一段正文。')).toBe(true);
    expect(elementText(root).startsWith(head)).toBe(true);
  });
});

describe('shortTextContent', () => {
  it('is textContent for a small element: every text and CDATA node, comments left out', () => {
    const el = body(
      '<p>二、<span><b>收到</b><!-- x -->和<i>处理</i></span>申请<script>s</script></p>',
    );
    const p = el.firstElementChild as Element;
    expect(shortTextContent(p, 100, 100)).toBe(p.textContent);
  });

  it('gives up past its characters or its nodes, without reading the rest', () => {
    const p = body(`<p>${'字'.repeat(50)}<span>${'字'.repeat(50)}</span></p>`).firstElementChild;
    expect(shortTextContent(p as Element, 60, 100)).toBeNull();
    const nest = body(`${'<span>'.repeat(50)}二、${'</span>'.repeat(50)}`).firstElementChild;
    expect(shortTextContent(nest as Element, 60, 10)).toBeNull();
    expect(shortTextContent(nest as Element, 60, 60)).toBe('二、');
  });

  it('stays within its element', () => {
    const el = body('<div><p><span>一</span></p><p>二</p></div>');
    const first = el.querySelector('span') as Element;
    expect(shortTextContent(first, 60, 60)).toBe('一');
    expect(shortTextContent(el.querySelector('p') as Element, 60, 60)).toBe('一');
  });
});

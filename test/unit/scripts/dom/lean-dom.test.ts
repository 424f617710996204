/**
 * The members of the lean DOM that the fixtures may not reach: TreeWalker
 * moves, foster-parented text, template contents, refused selectors —
 * each against jsdom (or the HTML standard where jsdom departs from it).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../scripts/cli/dom/parse';

const lean = (html: string) => parseHtml(html, 'http://x.gov.cn/') as unknown as Document;
const full = (html: string) => new JSDOM(html).window.document;

function walk(doc: Document, root: Element, moves: string[]): string[] {
  const walker = doc.createTreeWalker(root, 1);
  return moves.map((move) => {
    const node = (walker as unknown as Record<string, () => Node | null>)[move]?.call(walker);
    return node ? `${(node as Element).localName}` : 'null';
  });
}

describe('the lean DOM', () => {
  const html =
    '<div id=r><p>a<b>b</b></p><!--c--><section><i>i</i>t<u>u</u></section><em>e</em></div><p>out</p>';

  it('walks elements as a TreeWalker over SHOW_ELEMENT does', () => {
    const moves = [
      'nextNode',
      'nextSibling',
      'firstChild',
      'nextSibling',
      'parentNode',
      'nextSibling',
      'nextSibling',
      'previousSibling',
      'lastChild',
      'parentNode',
      'parentNode',
      'nextNode',
      'nextNode',
      'nextNode',
      'nextNode',
      'nextNode',
      'nextNode',
    ];
    const a = lean(html);
    const b = full(html);
    const rootA = a.getElementById?.('r') ?? (a.querySelector('#r') as Element);
    const rootB = b.getElementById('r') as Element;
    expect(walk(a, rootA, moves)).toEqual(walk(b, rootB, moves));
  });

  it('gives title, body, text and element counts as jsdom does', () => {
    const page =
      '<title>  A \n title </title><body><table><tr><td>1<td>2</table><p>x<br>y</p><noscript><b>n</b></noscript>';
    const a = lean(page);
    const b = full(page);
    expect(a.title).toBe(b.title);
    expect(a.body?.textContent).toBe(b.body?.textContent);
    expect(a.getElementsByTagName('td').length).toBe(2);
    expect(a.getElementsByTagName('tbody').length).toBe(b.getElementsByTagName('tbody').length);
    expect(a.querySelector('noscript b')?.textContent).toBe('n');
    expect(a.body?.childElementCount).toBe(b.body?.childElementCount);
    expect(a.querySelector('td')?.closest('table')?.localName).toBe('table');
    expect(a.querySelector('td')?.closest('p')).toBeNull();
  });

  it('puts stray text in a table before the table, as browsers do', () => {
    // jsdom appends such text at the end of the parent instead (its insertTextBefore
    // ignores the reference node); the HTML standard and browsers put it before the table.
    const a = lean('<div><table>stray<tr><td>1</td></tr></table><p>after</p></div>');
    const div = a.querySelector('div') as Element;
    expect(div.firstChild?.nodeValue).toBe('stray');
    expect(div.textContent).toBe('stray1after');
  });

  it('keeps a template’s contents out of the tree, as the DOM does', () => {
    const a = lean('<body><template><p>hidden</p></template><p>shown</p>');
    expect(a.body?.textContent).toBe('shown');
    expect(a.getElementsByTagName('p')).toHaveLength(1);
  });

  it('keeps the first value of an attribute a second <body> tag repeats, as browsers do', () => {
    const a = lean('<body id=first><p>x</p><body id=second class=c>');
    expect(a.body?.getAttribute('id')).toBe('first');
    expect(a.body?.getAttribute('class')).toBe('c');
  });

  it('refuses a selector it does not support instead of matching wrongly', () => {
    const a = lean('<p class=x>x</p>');
    expect(() => a.querySelectorAll('p:first-child')).toThrow(SyntaxError);
    expect(() => a.querySelectorAll('p ~ p')).toThrow(SyntaxError);
    expect(() => a.querySelectorAll('')).toThrow(SyntaxError);
    expect(a.querySelectorAll('P.x')).toHaveLength(1);
  });
});

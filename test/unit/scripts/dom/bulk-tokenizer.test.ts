/**
 * The command line's tokenizer takes plain stretches of text, tag names,
 * attribute names and quoted values in one step (scripts/cli/dom/bulk-tokenizer.ts).
 * It must build the very tree parse5 builds: compared here through parse5's own serialiser, on
 * every fixture page and on the inputs where a name's or a value's plain
 * stretch ends.
 */
import { readFileSync } from 'node:fs';
import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../../lib/text/html-encoding';
import { parseDocument } from '../../../../scripts/cli/dom/bulk-tokenizer';
import { loadFixtures } from '../../../support/fixtures';

function bulk(html: string): string {
  return serialize(
    parseDocument<DefaultTreeAdapterMap>(html, {
      treeAdapter: defaultTreeAdapter,
      scriptingEnabled: false,
    }),
  );
}

function standard(html: string): string {
  return serialize(parse(html, { scriptingEnabled: false }));
}

/** Each case puts one kind of character inside, or at the end of, a name or an attribute value. */
const EDGE_CASES: Record<string, string> = {
  'character references': `<p title="a&amp;b &lt; &#x4E2D;&#25991; &notin &copy x" class='c&quot;d'>x</p>`,
  'a reference that is not one': `<a href="?a=1&b=2&amp=3&ampx">x</a>`,
  'CR LF and CR inside values': `<td style="width:10pt;\r\n  height:5pt\rborder:none" title='a\r\nb'>1</td>`,
  'LF at the value’s start and end': `<td style="\nwidth:1pt\n">1</td>`,
  'NUL inside a value': `<td title="a\u0000b" lang='c\u0000'>1</td>`,
  'astral characters': `<td title="𠀀𠀁 emoji 😀 end" class='😀'>1</td>`,
  'a lone surrogate': `<td title="a\uD800b" class='\uDC00c'>1</td>`,
  'the other quote inside': `<td title="it's" class='say "hi"'>1</td>`,
  'empty values': `<td title="" class=''>1</td>`,
  'a value the input ends in': `<td title="never closed`,
  'a single-quoted value the input ends in': `<td title='never closed`,
  'unquoted values': `<td width=10 title=a&amp;b>1</td>`,
  'a value in foreign content': `<svg><path d="M0 0 L10 10" fill='none'/></svg><p title="x">y</p>`,
  'capitals in names': `<TABLE BORDER=1 CellPadding="0"><TR><TD ColSpan=2 Style="x">1</TD></TR></TABLE>`,
  'odd characters in names': `<td data-x"y='1' a<b=2 c'd e\u0000f=3 中文属性=4 𠀀x=5>1</td><my-élément x=1>2</my-élément>`,
  'a repeated attribute': `<td class=a style="x" class=b STYLE='y'>1</td>`,
  'line breaks between and in names': `<td\r\nclass=a\nstyle\r=\r\n"x"\r\n>1</td\r\n>`,
  'a name the input ends in': `<td class`,
  'a tag name the input ends in': `<tablecell`,
  'names in script and textarea': `<script>if (a<b) x = "</scr" + "ipt>";</SCRIPT><textarea>a<b c=d></TEXTAREA>`,
  'text with references and NUL': `<p>a &amp; b &lt;c&gt; &#20013;&notit; x\u0000y 𠀀 z\uD800 end</p>`,
  'text with CR LF and spaces': `<p>\r\n  第一行\r\n\t第二行\r  \f第三行\n</p>`,
  'text and whitespace in a table': `<table> \n <tr>\n <td>1</td> x y \n</tr> z <tr><td> 2 </td></tr></table>`,
  // A frameset keeps the whitespace of its text and drops the rest: the kinds of text must not mix.
  'text in a frameset': `<frameset>a b\tc\fd\ne<frame></frameset>`,
  'text in a pre and a textarea': `<pre>\n\nkeep</pre><textarea>\r\nfirst &amp; <b>not a tag</b></textarea>`,
  'a title, a style and a script': `<title>年报 &amp; 目录</title><style>td > p { x: "<" }</style><script>a = "</scr" + 'ipt>'; if (b<c) d();</script>`,
  'an escaped script': `<script><!-- document.write("<script>x</script>"); --></script><p>after</p>`,
  'text the input ends in': `<p>never closed 文本`,
  plaintext: `<plaintext>a <b> &amp; c`,
  'Word markup': `<p class=MsoNormal style='mso-margin-top-alt:auto;text-indent:21.0pt;line-height:150%'><span lang=EN-US style="font-family:&quot;宋体&quot;">1</span></p>`,
};

describe('the bulk tokenizer', () => {
  for (const [name, html] of Object.entries(EDGE_CASES)) {
    it(`builds parse5's tree with ${name}`, () => {
      expect(bulk(html)).toBe(standard(html));
    });
  }

  it("builds parse5's tree for every fixture page", () => {
    const fixtures = loadFixtures();
    expect(fixtures.length).toBeGreaterThan(20);
    for (const fixture of fixtures) {
      const { text } = decodePage(readFileSync(fixture.htmlPath));
      expect(bulk(text), fixture.name).toBe(standard(text));
    }
  });

  it('keeps a long value whole across the point where the input is trimmed', () => {
    // parse5 drops input it has parsed past 64 KiB; a value that spans that point must survive it.
    const style = 'mso-border-alt:solid windowtext .5pt;'.repeat(4000);
    const html = `<table><tr><td style="${style}">7</td><td style='${style}'>8</td></tr></table>`;
    const tree = bulk(html);
    expect(tree).toBe(standard(html));
    expect(tree).toContain(`style="${style}"`);
  });
});

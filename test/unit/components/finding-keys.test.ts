import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { step, takesText } from '../../../components/finding-keys';

describe('J and K', () => {
  it('go round the findings: J from the first, K from the last', () => {
    expect(step(null, 3, true)).toBe(0);
    expect(step(null, 3, false)).toBe(2);
    expect(step(0, 3, true)).toBe(1);
    expect(step(2, 3, true)).toBe(0);
    expect(step(0, 3, false)).toBe(2);
  });

  it('leave the keys to fields that take text, on the page or in the overlay', () => {
    const { document } = new JSDOM(`<body>
      <input id="q"><textarea id="t"></textarea><select id="s"></select>
      <div contenteditable="true"><span id="e">x</span></div>
      <table><tr><td id="cell" tabindex="0">8</td></tr></table>
    </body>`).window;
    for (const id of ['q', 't', 's', 'e'])
      expect(takesText(document.getElementById(id))).toBe(true);
    expect(takesText(document.getElementById('cell'))).toBe(false);
    expect(takesText(document.body)).toBe(false);
    expect(takesText(null)).toBe(false);
  });
});

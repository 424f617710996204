import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { annotatePage } from '../../../lib/annotate/annotate';
import { applyMarks, FINDING_ATTRIBUTE, STYLE_ATTRIBUTE } from '../../../lib/annotate/marks';
import { sentenceFinder } from '../../../lib/annotate/sentence';
import { extractReport, findContentRoot } from '../../../lib/extract';
import { checkLikeBackground, fixtureUrl, openFixture, reportOf } from './support';

function annotateFixture(name: string, history: string[] = []) {
  const dom = openFixture(name);
  const doc = dom.window.document;
  const url = fixtureUrl(name);
  const { findings, previous } = checkLikeBackground(doc, url, history.map(reportOf));
  const { report, elements } = extractReport(doc, url);
  const before = doc.documentElement.outerHTML;
  const annotation = annotatePage({
    doc,
    report,
    elements,
    findings,
    previous,
    unchecked: null,
    articleRoot: findContentRoot(doc),
  });
  const marked = Array.from(doc.querySelectorAll(`[${FINDING_ATTRIBUTE}]`));
  return { dom, doc, findings, annotation, marked, before };
}

describe('marks on a page', () => {
  it('mark the likely culprit of a broken sum, not the terms of its arithmetic', () => {
    const { marked, findings } = annotateFixture('chk-identity-culprit');
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    // 本机关不掌握相关政府信息 / 自然人 printed 32 for 22: that cell alone carries the errors.
    expect(
      marked.map((el) => [el.textContent?.trim(), el.getAttribute(FINDING_ATTRIBUTE)]),
    ).toEqual([['32', 'error']]);
    expect(marked[0]?.getAttribute('tabindex')).toBe('0');
  });

  it('mark every cell a finding names, and none of the other terms of its arithmetic', () => {
    const { dom, marked, findings } = annotateFixture('chk-identity-balance');
    const slot = (c: { table?: number; r?: number; c?: number }) => `${c.table}:${c.r}:${c.c}`;
    const cells = new Set(findings.flatMap((f) => f.cells.map(slot)));
    const termsOnly = findings.flatMap((f) => f.terms).filter((t) => !cells.has(slot(t)));
    expect(termsOnly.length).toBeGreaterThan(0);
    expect(marked).toHaveLength(cells.size);
    // Locate the terms' cells on the same page through a fresh extraction.
    const doc = dom.window.document;
    const { report, elements } = extractReport(doc, fixtureUrl('chk-identity-balance'));
    for (const term of termsOnly) {
      const i = report.tables[term.table ?? -1]?.cells.findIndex(
        (c) => c.row === term.r && c.col === term.c,
      );
      const element = elements[term.table ?? -1]?.[i ?? -1];
      expect(element, `${term.row}/${term.col}`).toBeDefined();
      expect(element?.hasAttribute(FINDING_ATTRIBUTE), `${term.row}/${term.col}`).toBe(false);
    }
  });

  it('mark the sentences of narrative findings, and their table cells', () => {
    const { marked, findings } = annotateFixture('chk-narrative-2021-contradictions');
    const sentences = marked.filter((el) => el.localName === 'p');
    const squash = (s: string) => s.replace(/\s/g, '');
    const holders = new Set<Element>();
    for (const finding of findings.filter((f) => f.text)) {
      const holder = sentences.find((p) =>
        squash(p.textContent ?? '').includes(squash(finding.text ?? '')),
      );
      expect(holder, finding.text).toBeDefined();
      if (holder) holders.add(holder);
    }
    // Paragraphs without a contradicted sentence stay unmarked.
    expect(sentences).toHaveLength(holders.size);
    expect(sentences.every((p) => p.getAttribute(FINDING_ATTRIBUTE) === 'warning')).toBe(true);
    expect(marked.some((el) => el.localName === 'td')).toBe(true);
  });

  it('give an element its most severe finding', () => {
    const dom = openFixture('chk-identity-culprit');
    const doc = dom.window.document;
    const url = fixtureUrl('chk-identity-culprit');
    const { findings } = checkLikeBackground(doc, url);
    const { report, elements } = extractReport(doc, url);
    const culprit = findings.find((f) => f.severity === 'error');
    const other = report.tables[culprit?.cells[0]?.table ?? 0]?.cells.find(
      (c) => c.key && c.key !== culprit?.cells[0]?.key && c.value.kind === 'number',
    );
    if (!culprit || !other) throw new Error('fixture changed');
    const otherRef = { key: other.key, table: culprit.cells[0]?.table, r: other.row, c: other.col };
    const note = (severity: 'warning' | 'info', cells: typeof culprit.cells) => ({
      ...culprit,
      rule: `test.${severity}`,
      severity,
      cells,
    });
    const extra = [
      note('info', culprit.cells),
      note('warning', culprit.cells),
      note('info', [{ ...otherRef, row: '', col: '', value: 0 }]),
      note('warning', [{ ...otherRef, row: '', col: '', value: 0 }]),
    ];
    annotatePage({
      doc,
      report,
      elements,
      findings: [...extra, ...findings],
      previous: null,
      unchecked: null,
      articleRoot: findContentRoot(doc),
    });
    const marked = Array.from(doc.querySelectorAll(`[${FINDING_ATTRIBUTE}]`));
    // The culprit's error outranks the notes on it; the other cell's warning outranks its note.
    const severities = new Map(marked.map((el) => [el, el.getAttribute(FINDING_ATTRIBUTE)]));
    expect(marked).toHaveLength(2);
    expect(marked.find((el) => el.textContent?.trim() === '32')).toBeDefined();
    for (const [el, severity] of severities) {
      expect(severity).toBe(el.textContent?.trim() === '32' ? 'error' : 'warning');
    }
  });

  it('add one style element with outline and shadow rules only, and take everything back', () => {
    const { doc, annotation, before } = annotateFixture('chk-identity-culprit');
    const styles = doc.querySelectorAll(`style[${STYLE_ATTRIBUTE}]`);
    expect(styles).toHaveLength(1);
    expect(styles[0]?.parentElement).toBe(doc.head);
    const declarations = (styles[0]?.textContent ?? '').match(/[a-z-]+(?=:)/g) ?? [];
    expect(new Set(declarations)).toEqual(new Set(['outline', 'outline-offset', 'box-shadow']));
    // Not colour alone: each severity has its own line style.
    const css = styles[0]?.textContent ?? '';
    for (const [severity, style] of [
      ['error', 'solid'],
      ['warning', 'dashed'],
      ['info', 'dotted'],
    ]) {
      expect(css).toMatch(new RegExp(`="${severity}"\\]\\{outline:2px ${style} `));
    }
    annotation.unmark();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('add their style even where the page forged one with the same attribute', () => {
    const dom = openFixture('chk-identity-culprit');
    const page = dom.window.document;
    const forged = page.createElement('style');
    forged.setAttribute(STYLE_ATTRIBUTE, '');
    page.head.append(forged);
    const url = fixtureUrl('chk-identity-culprit');
    const { findings } = checkLikeBackground(page, url);
    const { report, elements } = extractReport(page, url);
    annotatePage({
      doc: page,
      report,
      elements,
      findings,
      previous: null,
      unchecked: null,
      historyUnavailable: false,
      articleRoot: findContentRoot(page),
    });
    const styles = Array.from(page.querySelectorAll(`style[${STYLE_ATTRIBUTE}]`));
    expect(styles).toHaveLength(2);
    expect(styles.find((style) => style !== forged)?.textContent).toContain(FINDING_ATTRIBUTE);
    expect(forged.textContent).toBe('');
  });

  it('leave a clean report without any mark', () => {
    const { marked, doc, findings } = annotateFixture('chk-yoy-clean-2023', ['chk-yoy-base-2022']);
    expect(findings.filter((f) => f.cells.length > 0 || f.text)).toEqual([]);
    expect(marked).toEqual([]);
    expect(doc.querySelector(`style[${STYLE_ATTRIBUTE}]`)).toBeNull();
  });

  it('keep a tabindex the page gave', () => {
    const { doc } = annotateFixture('chk-identity-culprit');
    const cell = doc.querySelector(`[${FINDING_ATTRIBUTE}]`);
    expect(cell?.getAttribute('tabindex')).toBe('0');
    const dom = openFixture('chk-identity-culprit');
    const page = dom.window.document;
    const url = fixtureUrl('chk-identity-culprit');
    const { findings } = checkLikeBackground(page, url);
    const { report, elements } = extractReport(page, url);
    const culprit = elements.flat().find((el) => el.textContent?.trim() === '32');
    culprit?.setAttribute('tabindex', '-1');
    annotatePage({
      doc: page,
      report,
      elements,
      findings,
      previous: null,
      unchecked: null,
      articleRoot: findContentRoot(page),
    });
    expect(culprit?.getAttribute('tabindex')).toBe('-1');
  });
});

describe('finding a sentence on the page', () => {
  const page = new JSDOM(`<div id="a"><div>
      <p>第一段。共收到申请 <span>12</span> 件，均已办结。</p>
      <p>另一段重复的话。</p><p>另一段重复的话。</p>
    </div></div>`).window.document;
  const find = sentenceFinder(page.getElementById('a') as Element);

  it('is the innermost paragraph holding it, across inline markup and spaces', () => {
    expect(find.find('共收到申请12件，均已办结。')?.localName).toBe('p');
  });

  it('is the first of two paragraphs that say the same', () => {
    expect(find.find('另一段重复的话。')).toBe(page.querySelectorAll('p')[1]);
  });

  it('is nothing for text the page does not hold, or too short to single out', () => {
    expect(find.find('未发生行政诉讼。')).toBeNull();
    expect(find.find('办结。')).toBeNull();
  });
});

/** A page with the given style sheets in its head, and one cell marked as an error. */
function markOneCell(sheets: string[], breakSheet?: (sheet: CSSStyleSheet) => void) {
  const styles = sheets.map((css) => `<style>${css}</style>`).join('');
  const { document: doc } = new JSDOM(
    `<!doctype html><html><head><title>t</title>${styles}</head><body><table><tr><td>1</td></tr></table></body></html>`,
  ).window;
  const [first] = Array.from(doc.styleSheets);
  if (breakSheet && first) breakSheet(first);
  const element = doc.querySelector('td') as Element;
  const unmark = applyMarks(doc, [{ element, severity: 'error', kind: 'cell', findings: [] }]);
  const style = doc.querySelector(`style[${STYLE_ATTRIBUTE}]`);
  return { doc, style, unmark };
}

describe('where the highlight style goes', () => {
  // Appended last, the style costs the page a restyle of the marked cells only; anywhere else
  // its cascade layer makes Chromium lay the whole page out again (scripts/bench, hostile CSS).
  it('last in <head> when no sheet of the page declares a cascade layer', () => {
    const { doc, style } = markOneCell([
      'td{outline:none !important}',
      '@media screen{td{box-shadow:none !important}}',
    ]);
    expect(style).not.toBeNull();
    expect(doc.head.lastElementChild).toBe(style);
  });

  it('also for the hostile-css fixture, whose theme resets everything with !important', () => {
    const { doc } = annotateFixture('hostile-css-2023');
    const style = doc.querySelector(`style[${STYLE_ATTRIBUTE}]`);
    expect(style).not.toBeNull();
    expect(doc.head.lastElementChild).toBe(style);
    const pageStyles = Array.from(doc.head.querySelectorAll('style')).filter((s) => s !== style);
    expect(pageStyles.length).toBeGreaterThan(0);
  });

  it.each([
    ['a layer block', '@layer theme{td{outline:none !important}}'],
    ['a layer statement', '@layer reset, theme;'],
    ['a layer inside a condition', '@supports (display:grid){@media screen{@layer theme;}}'],
  ])(
    'first in <head> when a sheet of the page declares %s, so that the page layer comes after',
    (_, css) => {
      const { doc, style } = markOneCell(['td{color:red}', css]);
      expect(style).not.toBeNull();
      expect(doc.head.firstChild).toBe(style);
    },
  );

  it('first in <head> when a sheet cannot be read (cross-origin) and may declare one', () => {
    const { doc, style } = markOneCell(['td{color:red}'], (sheet) => {
      Object.defineProperty(sheet, 'cssRules', {
        get() {
          throw new Error('SecurityError: cannot access rules');
        },
      });
    });
    expect(doc.head.firstChild).toBe(style);
  });

  it('is taken off with the marks wherever it went', () => {
    for (const css of ['td{color:red}', '@layer theme;']) {
      const { doc, unmark } = markOneCell([css]);
      unmark();
      expect(doc.querySelector(`style[${STYLE_ATTRIBUTE}]`)).toBeNull();
      expect(doc.querySelector(`[${FINDING_ATTRIBUTE}]`)).toBeNull();
    }
  });
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { annotatePage } from '../../../lib/annotate/annotate';
import { figureOf, figureRange } from '../../../lib/annotate/figure';
import { extractReport } from '../../../lib/extract';
import type { Claim, Finding } from '../../../lib/model/report';
import { extractClaims } from '../../../lib/narrative/claims';
import { checkLikeBackground, fixtureUrl, openFixture } from './support';

const narrative = (text: string, expected: number): Finding => ({
  rule: 'narrative.figure',
  family: 'narrative',
  severity: 'warning',
  message: '',
  messageEn: '',
  cells: [],
  terms: [],
  expected,
  actual: 1,
  arithmetic: '',
  text,
});

const claimAt = (sentence: string, value: number, at: [number, number]): Claim => ({
  subject: 'received',
  value,
  approximate: false,
  raw: String(value),
  sentence,
  at,
});

describe('where a claim’s figure is', () => {
  it('is the number with its unit and approximation as printed', () => {
    const claims = extractClaims(
      '全年主动公开各类政府信息2613条。2017年全区共收到政府信息公开申请约90余件。',
      { year: 2017 },
    );
    const shown = claims.map((c) => (c.at ? c.sentence.slice(...c.at) : null));
    expect(shown).toEqual(['2613条', '约90余件']);
  });

  it('is a position of the printed sentence, full-width digits included', () => {
    const [claim] = extractClaims('本年度共收到政府信息公开申请１２８件。', { year: 2023 });
    expect(claim?.at && claim.sentence.slice(...claim.at)).toBe('１２８件');
  });
});

describe('the figure of a narrative finding', () => {
  const sentence = '行政复议3件，被依法纠错1件。';

  it('is the one claim of its sentence with its value', () => {
    const claims = [claimAt(sentence, 3, [4, 6]), claimAt(sentence, 1, [12, 14])];
    expect(figureOf(narrative(sentence, 1), claims)).toEqual({ sentence, start: 12, end: 14 });
  });

  it('is unknown when the sentence states that value twice in different places', () => {
    const twice = '当面申请3件，信函申请3件。';
    const claims = [claimAt(twice, 3, [4, 6]), claimAt(twice, 3, [11, 13])];
    expect(figureOf(narrative(twice, 3), claims)).toBeNull();
  });

  it('is unknown for a statement without a number, or a finding of the tables', () => {
    expect(figureOf(narrative(sentence, 0), [claimAt(sentence, 3, [4, 6])])).toBeNull();
    expect(
      figureOf({ ...narrative(sentence, 3), family: 'identity' }, [claimAt(sentence, 3, [4, 6])]),
    ).toBeNull();
  });
});

describe('the figure in the page', () => {
  const block = (html: string) =>
    new JSDOM(`<p>${html}</p>`).window.document.querySelector('p') as Element;
  const sentence =
    '全年通过区政府网站发布动态信息20903条,主动公开各类政府信息2613条,公开内容主要围绕';
  const at = sentence.indexOf('2613条');
  const figure = { sentence, start: at, end: at + '2613条'.length };

  it('is found across the page’s text nodes and line breaks, exactly', () => {
    const p = block(
      '前文。全年通过区政府网站发布动态信息<span>20903</span>条,主动公开各类政府信息<b>26</b>\n  <i>13</i>条,公开内容主要围绕',
    );
    const range = figureRange(p, figure);
    expect(range?.toString().replace(/\s+/g, '')).toBe('2613条');
  });

  it('is not guessed when the sentence is not in the block or is in it twice', () => {
    expect(figureRange(block('另一段文字，主动公开各类政府信息2613条。'), figure)).toBeNull();
    expect(figureRange(block(`${sentence}。${sentence}`), figure)).toBeNull();
  });

  it('is underlined on seed 002 where its sentence says 2613条', () => {
    const dom = openFixture('seed-002-hailing-2017');
    const doc = dom.window.document;
    const url = fixtureUrl('seed-002-hailing-2017');
    const { elements } = extractReport(doc, url);
    const { report, findings } = checkLikeBackground(doc, url);
    const { overlay } = annotatePage({
      doc,
      report,
      elements,
      findings,
      previous: null,
      unchecked: null,
      articleRoot: doc.body,
    });
    const index = findings.findIndex((f) => f.text?.includes('2613条'));
    const found = overlay.figures[index];
    expect(found?.range?.toString()).toBe('2613条');
    expect(found?.element.hasAttribute('data-ogi-lens-finding')).toBe(true);
    // The figure's table cell is known, for the tint and "show in table".
    expect(overlay.cells[index]?.[0]?.textContent?.trim()).toBe('9585');
    // Table findings have no figure; their terms are located for the tint.
    const sum = findings.findIndex((f) => f.rule === 'legacy.partition');
    expect(overlay.figures[sum]).toBeNull();
    expect(overlay.terms[sum]?.map((e) => e.textContent?.trim())).toEqual([
      '2',
      '17',
      '4',
      '5',
      '3',
      '15',
      '4',
      '5',
    ]);
  });
});

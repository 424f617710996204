/**
 * The command line's lean DOM (scripts/cli/dom/) against jsdom, which the
 * command line used before, on every fixture page: the same tree as lib/
 * reads it, and the same command-line entry, byte for byte, with the history
 * carried in name order as `npm run check -- test/fixtures/*.html` carries it.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findPrevious, runChecks } from '../../../../lib/checks/run';
import { reportText } from '../../../../lib/export/report-text';
import { extractReport } from '../../../../lib/extract';
import { type ContractEntry, toContractReport } from '../../../../lib/model/contract';
import type { Report } from '../../../../lib/model/report';
import { detectPage } from '../../../../lib/page/detect';
import { parsePage } from '../../../../scripts/cli/analyse-file';
import { loadFixtures } from '../../../support/fixtures';

const fixtures = loadFixtures();

function entryOf(doc: Document, file: string, url: string, history: Report[]): ContractEntry {
  const detection = detectPage(doc);
  if (detection.kind !== 'report')
    return { file, isReport: false, kind: detection.kind, findings: [] };
  const { report } = extractReport(doc, url, detection.title);
  const findings = runChecks(report, findPrevious(report, history));
  history.push(report);
  return { file, isReport: true, kind: 'report', report: toContractReport(report), findings };
}

/** What lib/ reads of a tree, element by element: names, attributes, own text, counts. */
function treeOf(doc: Document): string[] {
  const lines: string[] = [`title ${doc.title}`, `body ${doc.body?.localName}`];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const attrs = Array.from({ length: el.attributes.length }, (_, i) => el.attributes[i])
      .map((a) => `${a?.name}=${a?.value}`)
      .join(' ');
    let own = '';
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += n.nodeValue;
    lines.push(`${el.localName} ${el.childElementCount} [${attrs}] ${JSON.stringify(own)}`);
  }
  return lines;
}

/** The lean DOM's elements with what treeOf reads (its attributes are a plain list). */
function leanTreeOf(doc: Document): string[] {
  const lines: string[] = [`title ${doc.title}`, `body ${doc.body?.localName}`];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const attrs = (el as unknown as { attrs: { name: string; value: string }[] }).attrs
      .map((a) => `${a.name}=${a.value}`)
      .join(' ');
    let own = '';
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += n.nodeValue;
    lines.push(`${el.localName} ${el.childElementCount} [${attrs}] ${JSON.stringify(own)}`);
  }
  return lines;
}

/** Every selector lib/ passes to querySelectorAll, and which elements it finds. */
const SELECTORS = [
  'h1, h2, .title, .article-title, #title, .con-title, .art_title, .xxgk_title, td.title, .bt',
  'p, div, td, span',
  '#zoom',
  '.TRS_Editor',
  '#UCAP-CONTENT',
  '.content',
  'article',
  'meta[name="ContentSource"]',
  'meta[name=PubDate]',
  'table table',
  'tr > td',
];

function selected(doc: Document): number[][] {
  const all = Array.from(doc.getElementsByTagName('*'));
  return SELECTORS.map((s) => Array.from(doc.querySelectorAll(s)).map((el) => all.indexOf(el)));
}

describe('the lean DOM against jsdom, on every fixture', () => {
  const jsdomHistory: Report[] = [];
  const leanHistory: Report[] = [];
  for (const fixture of fixtures) {
    it(`${fixture.name}: the same tree, texts and command-line entry`, () => {
      const bytes = readFileSync(fixture.htmlPath);
      const full = new JSDOM(bytes, { url: fixture.url, contentType: 'text/html' }).window.document;
      const lean = parsePage(bytes, fixture.url);
      expect(leanTreeOf(lean)).toEqual(treeOf(full));
      expect(lean.body?.textContent).toBe(full.body?.textContent);
      expect(selected(lean)).toEqual(selected(full));
      expect(reportText(lean)).toBe(reportText(full));
      const fromLean = entryOf(lean, fixture.htmlPath, fixture.url, leanHistory);
      const fromJsdom = entryOf(full, fixture.htmlPath, fixture.url, jsdomHistory);
      expect(JSON.stringify(fromLean)).toBe(JSON.stringify(fromJsdom));
    }, 60_000);
  }
});

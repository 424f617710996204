/**
 * What the page should show, computed in Node from the command line's own
 * analysis of the same bytes: which elements carry `data-ogi-lens-finding`
 * and with which severity. Elements are named by tag and ordinal
 * (`td#57`: the 58th <td> in document order), which the browser and jsdom
 * agree on because both parse HTML by the same standard algorithm.
 */
import { readFile } from 'node:fs/promises';
import { findPrevious, runChecks } from '../../lib/checks/run';
import { extractReport } from '../../lib/extract';
import type { Finding, Report, Severity } from '../../lib/model/report';
import { detectPage } from '../../lib/page/detect';
import { analyseFile, parsePage } from '../../scripts/cli/analyse-file';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const mostSevere = (severities: readonly Severity[]): Severity | undefined =>
  [...severities].sort((a, b) => RANK[a] - RANK[b])[0];

/** Collapses whitespace so a sentence matches however the page wrapped it. */
export const normaliseText = (text: string) => text.replace(/\s+/g, '');

export interface ExpectedPage {
  report: Report;
  findings: Finding[];
  /**
   * Marked table cells: `tag#ordinal` → most severe finding that marks it,
   * of those the page alone gives (year-over-year findings come from the
   * history, which the page must not be able to read from its cells).
   */
  cells: Map<string, Severity>;
  /** Cells the history marks, or marks more severely: outlined in the closed root instead. */
  historyCells: Map<string, Severity>;
  /** Narrative findings' sentences, each with its severity. */
  sentences: { text: string; severity: Severity }[];
  /** For each finding (same order), the names of the cells it marks. */
  findingCells: string[][];
  /** For each finding (same order), the names of the cells its arithmetic adds (its terms). */
  findingTerms: string[][];
  /** Marked cells that have a canonical key: key → name. */
  cellsByKey: Map<string, string>;
}

/** `tag#ordinal` of an element among the elements of its tag, in document order. */
function elementName(doc: Document, element: Element): string {
  const tag = element.localName;
  return `${tag}#${Array.prototype.indexOf.call(doc.getElementsByTagName(tag), element)}`;
}

const worse = (map: Map<string, Severity>, name: string, severity: Severity) => {
  const previous = map.get(name);
  map.set(name, mostSevere(previous ? [previous, severity] : [severity]) ?? severity);
};

function expectedFrom(doc: Document, report: Report, elements: Element[][], findings: Finding[]) {
  const cells = new Map<string, Severity>();
  const withHistory = new Map<string, Severity>();
  const sentences: ExpectedPage['sentences'] = [];
  const findingCells: string[][] = [];
  const findingTerms: string[][] = [];
  const cellsByKey = new Map<string, string>();
  const nameOf = (ref: Finding['cells'][number]): string | null => {
    if (ref.table === undefined || ref.r === undefined || ref.c === undefined) return null;
    const index = report.tables[ref.table]?.cells.findIndex(
      (cell) => cell.row === ref.r && cell.col === ref.c,
    );
    const element = index === undefined ? undefined : elements[ref.table]?.[index];
    return element ? elementName(doc, element) : null;
  };
  for (const finding of findings) {
    findingTerms.push([...new Set(finding.terms.flatMap((ref) => nameOf(ref) ?? []))]);
    if (finding.text) sentences.push({ text: finding.text, severity: finding.severity });
    const names: string[] = [];
    findingCells.push(names);
    for (const ref of finding.cells) {
      if (ref.table === undefined || ref.r === undefined || ref.c === undefined) continue;
      const index = report.tables[ref.table]?.cells.findIndex(
        (cell) => cell.row === ref.r && cell.col === ref.c,
      );
      const element = index === undefined ? undefined : elements[ref.table]?.[index];
      if (!element) {
        throw new Error(`finding ${finding.rule} marks a cell the extraction does not hold`);
      }
      const name = elementName(doc, element);
      names.push(name);
      if (ref.key) cellsByKey.set(ref.key, name);
      worse(withHistory, name, finding.severity);
      if (finding.family !== 'yearOverYear') worse(cells, name, finding.severity);
    }
  }
  const historyCells = new Map<string, Severity>();
  for (const [name, severity] of withHistory) {
    if (cells.get(name) !== severity) historyCells.set(name, severity);
  }
  return { cells, historyCells, sentences, findingCells, findingTerms, cellsByKey };
}

/**
 * The command line's findings for a saved page run alone (or after the given
 * history), and the elements they mark.
 */
export async function expectedForFile(
  htmlPath: string,
  url: string,
  history: readonly Report[] = [],
): Promise<ExpectedPage> {
  const analysis = await analyseFile(htmlPath, { url, history });
  if (!analysis.report) {
    throw new Error(`${htmlPath}: the command line does not read it as a report`);
  }
  const doc = parsePage(await readFile(htmlPath), url);
  const { report, elements } = extractReport(doc, url);
  const findings = analysis.entry.findings;
  return { report: analysis.report, findings, ...expectedFrom(doc, report, elements, findings) };
}

/**
 * The same for a page as the browser holds it (tables that arrived after
 * load): its serialised DOM, the extension's own nodes and marks removed
 * first, analysed like a saved page.
 */
export function expectedForMarkup(
  html: string,
  url: string,
  history: readonly Report[] = [],
): ExpectedPage {
  const doc = parsePage(Buffer.from(html, 'utf8'), url);
  if (detectPage(doc).kind !== 'report') throw new Error(`${url}: not read as a report`);
  const { report, elements } = extractReport(doc, url);
  const findings = runChecks(report, findPrevious(report, history));
  return { report, findings, ...expectedFrom(doc, report, elements, findings) };
}

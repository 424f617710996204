/**
 * Puts a checked report on its page: marks on the flagged cells and
 * sentences, then the overlay (panel, tooltips, year-over-year badges), which
 * is rendered by the caller so that this module stays free of UI code.
 */

import { comparedDeltas, type Delta } from '../compare/deltas';
import type { NotCheckedReason } from '../messaging/protocol';
import type { PreviousSummary } from '../model/history';
import type { Finding, Report } from '../model/report';
import { figureOf, figureRange, type SentenceFigure } from './figure';
import { type HistoryOutline, splitHistoryMarks } from './history-marks';
import { cellLocator, keyedElements } from './locate';
import { applyMarks, type Mark, planMarks } from './marks';
import { sentenceFinder } from './sentence';

export interface OverlayInput {
  report: Report;
  findings: Finding[];
  previous: PreviousSummary | null;
  /** Why the report was not checked (refused, or no answer); null when it was. No findings is then not a clean bill. */
  unchecked: NotCheckedReason | null;
  /** Cached reports the background pruned to store this one (full storage); 0 usually. */
  pruned: number;
  /** The history could not be opened: not compared with last year's, not kept. */
  historyUnavailable: boolean;
  marks: Map<Element, Mark>;
  /** Where each finding is on the page (its first marked cell, else its sentence), by index. */
  targets: (Element | null)[];
  deltas: { delta: Delta; element: Element }[];
  /** Marks that come from the history, drawn in the closed root rather than on the page. */
  historyOutlines: HistoryOutline[];
  /** The cells each finding's arithmetic adds (its `terms`) on the page, by index: tinted while it is shown. */
  terms: Element[][];
  /** The cells each finding marks, by index: a narrative figure tints them while it is shown. */
  cells: Element[][];
  /** A narrative finding's figure in its sentence, by index; null for the others. */
  figures: (PageFigure | null)[];
}

/** A contradicted figure of the text: where it is in its sentence, and on the page when found exactly. */
export interface PageFigure extends SentenceFigure {
  /** The marked block that holds the sentence. */
  element: Element;
  /** The figure's own text in the page (null: not found exactly; the whole sentence stays marked). */
  range: Range | null;
}

export interface AnnotateInput {
  doc: Document;
  report: Report;
  elements: Element[][];
  findings: Finding[];
  previous: PreviousSummary | null;
  unchecked: NotCheckedReason | null;
  /** Cached reports pruned to store this one. */
  pruned?: number;
  /** The background could not open the history. */
  historyUnavailable?: boolean;
  /** The article, where narrative sentences are looked for. */
  articleRoot: Element;
}

export interface Annotation {
  overlay: OverlayInput;
  /** Takes the marks back off the page. */
  unmark(): void;
}

export function annotatePage(input: AnnotateInput): Annotation {
  const { doc, report, elements, findings, previous } = input;
  const hasSentences = findings.some((f) => f.text);
  const locate = cellLocator(report, elements);
  const marks = planMarks(
    findings,
    locate,
    hasSentences ? sentenceFinder(input.articleRoot) : null,
  );
  const located = (refs: Finding['terms']): Element[] => [
    ...new Set(refs.flatMap((ref) => locate(ref) ?? [])),
  ];
  const figures: (PageFigure | null)[] = findings.map(() => null);
  const targets: (Element | null)[] = findings.map(() => null);
  // The first printed figure of a finding is where it is shown; its sentence only when no cell is.
  const rank: number[] = findings.map(() => Number.POSITIVE_INFINITY);
  for (const mark of marks.values()) {
    for (const { index, finding, ref } of mark.findings) {
      const order = ref ? finding.cells.indexOf(ref) : finding.cells.length;
      if (targets[index] === null || order < (rank[index] ?? 0)) {
        targets[index] = mark.element;
        rank[index] = order;
      }
      if (mark.kind === 'sentence' && figures[index] === null) {
        const figure = figureOf(finding, report.claims);
        if (figure) {
          figures[index] = {
            ...figure,
            element: mark.element,
            range: figureRange(mark.element, figure),
          };
        }
      }
    }
  }
  const byKey = previous ? keyedElements(report, elements) : new Map<string, Element>();
  const deltas = previous
    ? comparedDeltas(report.values, previous.values).flatMap((delta) => {
        const element = byKey.get(delta.key);
        // A figure marked as an error is in doubt: a change computed from it would mislead,
        // and its card says what the figure should be.
        if (!element || marks.get(element)?.severity === 'error') return [];
        return [{ delta, element }];
      })
    : [];
  const { onPage, outlines } = splitHistoryMarks(marks.values());
  const unmark = applyMarks(doc, onPage);
  return {
    overlay: {
      report,
      findings,
      previous,
      unchecked: input.unchecked,
      pruned: input.pruned ?? 0,
      historyUnavailable: input.historyUnavailable ?? false,
      marks,
      targets,
      deltas,
      historyOutlines: outlines,
      terms: findings.map((f) => located(f.terms)),
      cells: findings.map((f) => located(f.cells)),
      figures,
    },
    unmark,
  };
}

/**
 * A report table as printed: every cell at its place, merged cells merged,
 * headers bold, and each cell a finding marks filled by its most severe
 * finding, with a note that says what is wrong.
 */
import type { ExtractedTable, Finding, TableCell } from '../../model/report';
import { SEVERITY_LABEL, SEVERITY_RANK } from './labels';
import type { CellContent, Note, SheetCell, SheetSpec } from './sheet';
import type { CellStyle } from './styles';
import { columnWidths } from './text-width';

/** Merged blocks up to this many slots get their covered slots styled. */
const MAX_DRAWN_SPAN = 10_000;

/** Only a number is a number; a blank is an empty cell; anything else is the printed text. */
function contentOf(cell: TableCell): CellContent {
  switch (cell.value.kind) {
    case 'number':
      return cell.value.value;
    case 'blank':
      return null;
    default:
      return cell.text;
  }
}

/**
 * Findings by the cells they mark (`cells`, not `terms`: the terms are the
 * rest of the arithmetic, which the page does not mark either).
 */
function findingsByCell(findings: readonly Finding[], tableIndex: number): Map<string, Finding[]> {
  const marked = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const ref of finding.cells) {
      if (ref.table !== tableIndex || ref.r === undefined || ref.c === undefined) continue;
      const slot = `${ref.r},${ref.c}`;
      const list = marked.get(slot) ?? [];
      if (!list.includes(finding)) list.push(finding);
      marked.set(slot, list);
    }
  }
  return marked;
}

/** The note of a flagged cell: each finding with its severity, both messages and the arithmetic. */
export function noteText(findings: readonly Finding[]): string {
  return findings
    .map((f) =>
      [
        `${SEVERITY_LABEL[f.severity]} · ${f.rule}`,
        f.message,
        f.messageEn,
        f.arithmetic ? `算式 Arithmetic: ${f.arithmetic}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
}

/** Most severe first (the note is read from the top), otherwise in the findings' order. */
function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

export function tableSheet(
  table: ExtractedTable,
  tableIndex: number,
  findings: readonly Finding[],
  name: string,
): SheetSpec {
  const marked = findingsByCell(findings, tableIndex);
  const cells: SheetCell[] = [];
  const covered: SheetCell[] = [];
  const notes: Note[] = [];
  const merges = [];
  let colCount = table.colCount;
  for (const cell of table.cells) {
    const value = contentOf(cell);
    const flags = bySeverity(marked.get(`${cell.row},${cell.col}`) ?? []);
    const fill = flags[0]?.severity;
    const style: CellStyle = {
      border: true,
      ...(cell.header ? { bold: true } : {}),
      ...(typeof value === 'string' ? { wrap: true } : {}),
      ...(cell.value.kind === 'number' ? { decimals: cell.value.decimals } : {}),
      ...(fill ? { fill } : {}),
    };
    cells.push({ row: cell.row, col: cell.col, value, style });
    if (flags.length > 0) notes.push({ row: cell.row, col: cell.col, text: noteText(flags) });
    colCount = Math.max(colCount, cell.col + cell.colSpan);
    if (cell.rowSpan === 1 && cell.colSpan === 1) continue;
    merges.push({ row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
    // The covered slots carry the borders (and fill) so the merged block is drawn whole;
    // a runaway span (a hostile page) is merged but not drawn slot by slot.
    if (cell.rowSpan * cell.colSpan > MAX_DRAWN_SPAN) continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        if (r !== cell.row || c !== cell.col) covered.push({ row: r, col: c, value: null, style });
      }
    }
  }
  const single = table.cells
    .filter((cell) => cell.colSpan === 1)
    .map((cell) => ({ col: cell.col, value: contentOf(cell) }));
  return {
    name,
    // Printed cells first: where a hostile table overlaps itself, the printed cell wins.
    cells: [...cells, ...covered],
    merges,
    widths: columnWidths(single, colCount, () => ({ min: 8, max: 32 })),
    notes,
  };
}

/**
 * Totals left blank over filled parts, as findings: one omission, one
 * finding. A column of totals left blank (table 三's 总计 column, table 四's
 * 总计 cells) or a row of them (（七）总计 across the applicant columns) is
 * ONE finding that marks every blank total of it and says how many; a blank
 * total alone is a finding of its own, as before.
 */
import { splitKey } from '../../formats/format-table';
import { tableTitle } from '../../formats/registry';
import type { CellRef } from '../../model/report';
import type { ReportIndex } from '../report-index';
import type { RuleFinding } from '../types';
import { formatNumber, sumExpression } from './arithmetic';

/** A total printed blank while its parts are filled (they add up to `sum`). */
export interface BlankTotal {
  total: CellRef;
  parts: CellRef[];
  sum: number;
}

function singleFinding({ total, parts, sum }: BlankTotal): RuleFinding {
  const values = parts.map((p) => p.value ?? 0);
  return {
    rule: 'form.blank-total',
    severity: 'warning',
    message: `「${total.row}」「${total.col}」为空白，但其组成部分已填写（合计 ${formatNumber(sum)}）：表格不完整`,
    messageEn: `“${total.row} / ${total.col}” is blank while its parts are filled (they add up to ${formatNumber(sum)}): the table is incomplete`,
    cells: [total],
    terms: parts,
    expected: sum,
    actual: null,
    arithmetic: `${sumExpression(values)}，但${total.col || '总计'}为空白`,
    arithmeticEn: `${sumExpression(values)}, but “${total.col || '总计'}” is blank`,
  };
}

type Axis = 'column' | 'row';

/** The table, and the column or row, a keyed cell lies in. */
function lineOf(key: string, axis: Axis): string {
  const [row, col] = splitKey(key);
  return `${key.split('.')[0]}|${axis === 'column' ? col : row}`;
}

/** Every printed cell of that line is blank: the whole column (or row) was left out. */
function wholeLineBlank(index: ReportIndex, line: string, axis: Axis): boolean {
  const cells = index
    .keys()
    .filter((k) => lineOf(k, axis) === line)
    .map((k) => index.get(k));
  return cells.length > 0 && cells.every((c) => c?.state === 'blank');
}

function lineFinding(index: ReportIndex, group: BlankTotal[], axis: Axis): RuleFinding {
  const first = group[0] as BlankTotal;
  const key = first.total.key ?? '';
  const title = tableTitle(key.split('.')[0] ?? '');
  const [table, tableEn] = title ? [title.numberZh, `Table ${title.numberEn}`] : ['表格', 'Table'];
  const cells = group.map((b) => b.total);
  const n = cells.length;
  const whole = wholeLineBlank(index, lineOf(key, axis), axis);
  // A column of totals is named by its header (总计), a row by its label ((七)总计).
  const name = axis === 'column' ? first.total.col || '总计' : first.total.row;
  const [lineZh, lineEn] = axis === 'column' ? ['一列', 'column'] : ['一行', 'row'];
  const other = (b: BlankTotal) => (axis === 'column' ? b.total.row : b.total.col);
  const said = whole
    ? {
        zh: `${table}「${name}」${lineZh}整${lineZh.slice(1)}空白，其中 ${n} 个合计的组成部分已填写`,
        en: `${tableEn}: the whole “${name}” ${lineEn} is blank while the parts of ${n} of its totals are filled`,
      }
    : {
        zh: `${table}「${name}」${lineZh}有 ${n} 个合计空白，而它们的组成部分已填写`,
        en: `${tableEn}: ${n} totals of the “${name}” ${lineEn} are blank while their parts are filled`,
      };
  return {
    rule: axis === 'column' ? 'form.blank-total-column' : 'form.blank-total-row',
    severity: 'warning',
    message: `${said.zh}：表格不完整，这些合计无法核对`,
    messageEn: `${said.en}: the table is incomplete and those totals cannot be checked`,
    cells,
    // Each blank total's sum is in the arithmetic; listing every part would tint the whole table.
    terms: [],
    expected: null,
    actual: null,
    arithmetic: `${n} 个合计为空白，其组成部分之和：${group.map((b) => `「${other(b)}」${formatNumber(b.sum)}`).join('，')}`,
    arithmeticEn: `${n} totals are blank; their parts add up to: ${group.map((b) => `“${other(b)}” ${formatNumber(b.sum)}`).join(', ')}`,
  };
}

/** Groups of at least two blank totals on one line of the axis; the rest stay as they came. */
function groupBy(blanks: BlankTotal[], axis: Axis): { groups: BlankTotal[][]; rest: BlankTotal[] } {
  const byLine = new Map<string, BlankTotal[]>();
  const rest: BlankTotal[] = [];
  for (const b of blanks) {
    if (!b.total.key) {
      rest.push(b);
      continue;
    }
    const line = lineOf(b.total.key, axis);
    byLine.set(line, [...(byLine.get(line) ?? []), b]);
  }
  const groups: BlankTotal[][] = [];
  for (const group of byLine.values()) {
    if (group.length > 1) groups.push(group);
    else rest.push(...group);
  }
  return { groups, rest };
}

/** One finding per column of blank totals, then per row, then per lone blank total. */
export function blankTotalFindings(index: ReportIndex, blanks: BlankTotal[]): RuleFinding[] {
  const columns = groupBy(blanks, 'column');
  const rows = groupBy(columns.rest, 'row');
  return [
    ...columns.groups.map((g) => lineFinding(index, g, 'column')),
    ...rows.groups.map((g) => lineFinding(index, g, 'row')),
    ...rows.rest.map(singleFinding),
  ];
}

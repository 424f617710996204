/**
 * "Copy as citation": one finding as a sentence a journalist pastes into a
 * story or a note, in the UI's language — who published the report, its
 * title, where the figure is printed (table, row and column as printed), the
 * printed figure and what the report's own other figures (or its text, or
 * last year's report) say instead, the page's address and when it was read,
 * in Beijing time. A report read from a PDF is cited as the PDF, by its
 * address and the page the figure is printed on. Pure: the UI and the tests call the same function.
 */
import { formatNumber } from '../checks/shared/arithmetic';
import type { PreviousSummary } from '../model/history';
import type { CellRef, Finding, Report, TableKind } from '../model/report';
import { beijingTime } from './beijing-time';
import { findingPages, isPdfReport } from './printed-page';

export type CitationLanguage = 'zh' | 'en';

export interface CitationInput {
  report: Report;
  finding: Finding;
  /** When the page was read, ISO 8601. */
  retrievedAt: string;
  /** The previous report compared with, for year-over-year findings. */
  previous: PreviousSummary | null;
  language: CitationLanguage;
}

/** A quoted sentence longer than this is cut: a citation points to the page, it does not copy it. */
const MAX_QUOTE_CHARS = 60;

const TABLE_ZH: Record<TableKind, string> = {
  t2: '表二',
  t3: '表三',
  t4: '表四',
  legacy: '统计表',
  other: '另一张表',
};
const TABLE_EN: Record<TableKind, string> = {
  t2: 'Table II',
  t3: 'Table III',
  t4: 'Table IV',
  legacy: 'the statistics table',
  other: 'another table',
};

/** A label as one line: Word's line breaks inside a label are layout, not words. */
function label(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The sentence, or as much of it as surrounds `figure` (the number the text
 * states) when it is long: the reader must see the figure in the quote.
 */
function quote(text: string, figure: string): string {
  const chars = Array.from(label(text));
  if (chars.length <= MAX_QUOTE_CHARS) return chars.join('');
  const at = Math.max(0, chars.join('').indexOf(figure));
  const from = Math.max(0, Math.min(at - MAX_QUOTE_CHARS / 2, chars.length - MAX_QUOTE_CHARS));
  const to = from + MAX_QUOTE_CHARS;
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}

const figure = (value: number | string | null): string =>
  value === null ? '' : typeof value === 'number' ? formatNumber(value) : value;

/** A table that is none of the format's is named by its own caption when it has a short one (「申请来源」). */
function tableName(report: Report, ref: CellRef, names: Record<TableKind, string>): string {
  const table = ref.table === undefined ? undefined : report.tables[ref.table];
  if (!table) return names.other;
  const title = label(table.title);
  if (table.kind === 'other' && title && Array.from(title).length <= 20) return `“${title}”`;
  return names[table.kind];
}

function tableKind(report: Report, ref: CellRef | undefined): TableKind | null {
  if (ref?.table === undefined) return null;
  return report.tables[ref.table]?.kind ?? null;
}

/** A bound such as `≤ 5` or `≥ 4`, as the legacy rules state their expectation. */
function bound(expected: Finding['expected']): { op: '≤' | '≥'; value: string } | null {
  if (typeof expected !== 'string') return null;
  const match = /^([≤≥])\s*(.+)$/.exec(expected.trim());
  return match ? { op: match[1] as '≤' | '≥', value: match[2] ?? '' } : null;
}

interface Words {
  /** The clause after the location: what the report says instead of the printed figure. */
  claim: string | null;
  /** A claim that stands without a cell (timeliness, missing tables). */
  bare: string | null;
}

function previousYear(input: CitationInput): string {
  const year = input.previous?.year ?? (input.report.identity.year ?? 0) - 1;
  return year > 0 ? String(year) : '';
}

function zhWords(input: CitationInput, cell: CellRef | undefined): Words {
  const { finding, report } = input;
  const expected = figure(finding.expected);
  const actual = figure(finding.actual);
  const other = finding.terms[0];
  const none: Words = { claim: null, bare: null };
  switch (finding.family) {
    case 'identity':
      return { ...none, claim: `而按表中其余数字应为 ${expected}` };
    case 'legacy': {
      const limit = bound(finding.expected);
      if (limit?.op === '≤')
        return {
          ...none,
          claim: `超过了它所属的“${label(other?.row ?? '')}”（${limit.value}）`,
        };
      if (limit?.op === '≥') return { ...none, claim: `少于其下“其中”各项之和 ${limit.value}` };
      return { ...none, claim: `而按表中其余数字应为 ${expected}` };
    }
    case 'narrative': {
      const said = finding.text ? `“${quote(finding.text, expected)}”` : '';
      if (finding.rule === 'narrative.percent')
        return { ...none, claim: `按此计算的比例为 ${actual}%，而正文称 ${expected}%` };
      if (typeof finding.expected === 'number' && finding.expected === 0 && said)
        return { ...none, claim: `而正文称${said}` };
      // Only where the marked figure is the one the text contradicts; a sum of rows is worded by the rule.
      if (finding.terms.length === 0 && cell?.value === finding.actual)
        return { ...none, claim: `而正文称 ${expected}${said ? `（${said}）` : ''}` };
      return none;
    }
    case 'crossTable': {
      if (!other) return none;
      return {
        ...none,
        claim: `而${tableName(report, other, TABLE_ZH)}“${label(other.row)}”行为 ${expected}`,
      };
    }
    case 'yearOverYear': {
      const year = previousYear(input);
      const last = year ? `上一年度（${year}年度）报告` : '上一年度报告';
      if (finding.rule === 'yoy.swing') return { ...none, claim: `${last}为 ${expected}` };
      return { ...none, claim: `而按${last}应为 ${expected}` };
    }
    case 'timeliness':
      return {
        ...none,
        bare: `该报告于 ${actual} 发布，晚于 ${expected} 的公布期限`,
      };
    case 'form':
      if (finding.rule === 'form.blank-total' && expected)
        return { ...none, claim: `而其各组成部分之和为 ${expected}` };
      if (finding.rule === 'form.fraction') return { ...none, claim: '不是整数' };
      if (finding.rule === 'form.negative') return { ...none, claim: '为负数' };
      return none;
  }
}

function enWords(input: CitationInput, cell: CellRef | undefined): Words {
  const { finding, report } = input;
  const expected = figure(finding.expected);
  const actual = figure(finding.actual);
  const other = finding.terms[0];
  const none: Words = { claim: null, bare: null };
  switch (finding.family) {
    case 'identity':
      return { ...none, claim: `where the table's other figures give ${expected}` };
    case 'legacy': {
      const limit = bound(finding.expected);
      if (limit?.op === '≤')
        return {
          ...none,
          claim: `more than the ${limit.value} of “${label(other?.row ?? '')}”, of which it is a part`,
        };
      if (limit?.op === '≥')
        return { ...none, claim: `less than the ${limit.value} its “of which” rows add up to` };
      return { ...none, claim: `where the table's other figures give ${expected}` };
    }
    case 'narrative': {
      const said = finding.text ? `“${quote(finding.text, expected)}”` : '';
      if (finding.rule === 'narrative.percent')
        return { ...none, claim: `which makes ${actual}%, while the text says ${expected}%` };
      if (typeof finding.expected === 'number' && finding.expected === 0 && said)
        return { ...none, claim: `while the text says ${said}` };
      if (finding.terms.length === 0 && cell?.value === finding.actual)
        return { ...none, claim: `while the text says ${expected}${said ? ` (${said})` : ''}` };
      return none;
    }
    case 'crossTable': {
      if (!other) return none;
      return {
        ...none,
        claim: `while row “${label(other.row)}” of ${tableName(report, other, TABLE_EN)} gives ${expected}`,
      };
    }
    case 'yearOverYear': {
      const year = previousYear(input);
      const last = year ? `the previous (${year}) report` : 'the previous report';
      if (finding.rule === 'yoy.swing') return { ...none, claim: `against ${expected} in ${last}` };
      return { ...none, claim: `where ${last} implies ${expected}` };
    }
    case 'timeliness':
      return {
        ...none,
        bare: `the report was published on ${actual}, after the deadline of ${expected}`,
      };
    case 'form':
      if (finding.rule === 'form.blank-total' && expected)
        return { ...none, claim: `while its parts add up to ${expected}` };
      if (finding.rule === 'form.fraction') return { ...none, claim: 'not a whole number' };
      if (finding.rule === 'form.negative') return { ...none, claim: 'a negative count' };
      return none;
  }
}

/** Year-over-year findings cite the report compared with, by its address. */
function previousUrl(input: CitationInput): string | null {
  return input.finding.family === 'yearOverYear' && input.previous?.url ? input.previous.url : null;
}

/** Where the report is: the page's address, or the PDF's and the page(s) the figures are printed on. */
function zhSource(input: CitationInput): string {
  const { report, finding } = input;
  if (!isPdfReport(report)) return `页面：${report.url}`;
  const pages = findingPages(report, finding);
  return `PDF：${report.url}${pages.length > 0 ? `，第 ${pages.join('、')} 页` : ''}`;
}

function enSource(input: CitationInput): string {
  const { report, finding } = input;
  if (!isPdfReport(report)) return `page: ${report.url}`;
  const pages = findingPages(report, finding);
  const page = pages.length === 1 ? 'page' : 'pages';
  return `PDF: ${report.url}${pages.length > 0 ? `, ${page} ${pages.join(', ')}` : ''}`;
}

function zhCitation(input: CitationInput): string {
  const { report, finding } = input;
  const { agency, title, year } = report.identity;
  const name = label(title) || `${year ?? ''}年度政府信息公开工作年度报告`;
  const source = `据${label(agency)}《${name}》`;
  const time = beijingTime(input.retrievedAt);
  const last = previousUrl(input);
  const where = `（${zhSource(input)}${time ? `，北京时间 ${time} 读取` : ''}${last ? `；上一年度报告：${last}` : ''}）`;
  const cell = finding.cells[0];
  const words = zhWords(input, cell);
  let body: string;
  if (cell && words.claim) {
    const kind = tableKind(report, cell);
    const place = `${kind ? TABLE_ZH[kind] : ''}“${label(cell.row)}”行“${label(cell.col)}”列`;
    const printed = cell.value === null ? '为空白' : `印为 ${formatNumber(cell.value)}`;
    body = `${source}${place}${printed}，${words.claim}`;
  } else if (words.bare) {
    body = `${source}，${words.bare}`;
  } else {
    body = `${source}：${finding.message.replace(/[。；]$/, '')}`;
  }
  return `${body}${where}。`;
}

function enCitation(input: CitationInput): string {
  const { report, finding } = input;
  const { agency, title, year } = report.identity;
  const name = label(title) || `annual report for ${year ?? 'an unknown year'}`;
  const source = agency ? `In ${label(agency)}'s “${name}”` : `In “${name}”`;
  const time = beijingTime(input.retrievedAt);
  const last = previousUrl(input);
  const where = ` (${enSource(input)}${time ? `, read ${time} Beijing time` : ''}${last ? `; previous report: ${last}` : ''})`;
  const cell = finding.cells[0];
  const words = enWords(input, cell);
  let body: string;
  if (cell && words.claim) {
    const kind = tableKind(report, cell);
    const place = `${kind ? `${TABLE_EN[kind]}, ` : ''}row “${label(cell.row)}”, column “${label(cell.col)}”`;
    const printed = cell.value === null ? 'is blank' : `prints ${formatNumber(cell.value)}`;
    body = `${source}, ${place} ${printed}, ${words.claim}`;
  } else if (words.bare) {
    body = `${source}, ${words.bare}`;
  } else {
    const message = finding.messageEn.replace(/[.;]$/, '');
    body = `${source}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  }
  return `${body}${where}.`;
}

/** The finding as a ready-to-paste sentence in `input.language`. */
export function findingCitation(input: CitationInput): string {
  return input.language === 'zh' ? zhCitation(input) : enCitation(input);
}

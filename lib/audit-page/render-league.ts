/**
 * The league table of a column audit as the audit page shows it: one row
 * per report (or per page that should have been one, saying why), headers
 * that sort it (a button each, `aria-sort` on the sorted column), each
 * agency a link to its report — the page itself, where the extension marks
 * it on any visit, or for a PDF the extension's PDF page. Page text is set
 * as text only (`textContent`, attributes): a portal's words are data.
 */
import {
  BODY_KIND_TEXT,
  DEFAULT_LEAGUE_SORT,
  type LeagueColumn,
  type LeagueRow,
  type LeagueSort,
  missingTablesText,
  sortLeague,
  timelinessText,
} from '../audit/league';

/** The columns shown, in order; each sorts by lib/audit/league.ts's column of the same name. */
export const SHOWN_COLUMNS = [
  'agency',
  'year',
  'bodyKind',
  'publishedAt',
  'timeliness',
  'errors',
  'warnings',
  'worst',
  'missingTables',
  'source',
] as const satisfies readonly LeagueColumn[];
export type ShownColumn = (typeof SHOWN_COLUMNS)[number];

export interface LeagueWords {
  header(column: ShownColumn): string;
  language: 'zh_CN' | 'en';
  /** 「图片表 N」 */
  imageTables(count: number): string;
  /** The link text of a page with no agency (a page not read). */
  unnamed: string;
  sortBy(header: string): string;
}

/** The sort a click on `column` asks for: the other direction when it is already sorted by it. */
export function nextSort(current: LeagueSort | null, column: ShownColumn): LeagueSort {
  if (current?.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  // Counts open with the largest, names and dates with the first.
  const descFirst = ['errors', 'warnings', 'worst', 'missingTables', 'timeliness'];
  return { column, direction: descFirst.includes(column) ? 'desc' : 'asc' };
}

/** The rows in the order a sort asks for, ties broken by the league's default order. */
export const sortedRows = (rows: readonly LeagueRow[], sort: LeagueSort | null): LeagueRow[] =>
  sortLeague(rows, sort ? [sort, ...DEFAULT_LEAGUE_SORT] : DEFAULT_LEAGUE_SORT);

function cellText(row: LeagueRow, column: ShownColumn, words: LeagueWords): string {
  const en = words.language === 'en';
  const count = (n: number | null) => (n === null ? '—' : String(n));
  switch (column) {
    case 'agency':
      return row.agency || words.unnamed;
    case 'year':
      return row.year === null ? '—' : String(row.year);
    case 'bodyKind':
      return row.status === 'report' ? BODY_KIND_TEXT[row.bodyKind][en ? 'en' : 'zh'] : '—';
    case 'publishedAt':
      return row.publishedAt ?? '—';
    case 'timeliness':
      return row.status === 'report' ? timelinessText(row)[en ? 'en' : 'zh'] : '—';
    case 'errors':
      return count(row.errors);
    case 'warnings':
      return count(row.warnings);
    case 'worst':
      if (row.status !== 'report') return (en ? row.problemEn : row.problem) ?? '';
      return row.worst ? (en ? row.worst.messageEn : row.worst.message) : '';
    case 'missingTables': {
      const missing = missingTablesText(row);
      if (!missing) return '—';
      const parts = [missing[en ? 'en' : 'zh']].filter(Boolean);
      if (row.imageTables) parts.push(words.imageTables(row.imageTables));
      return parts.join(en ? '; ' : '；');
    }
    case 'source':
      return row.source === 'pdf' ? 'PDF' : 'HTML';
  }
}

export interface LeagueTableOptions {
  words: LeagueWords;
  /** Where a row's agency links: the report's page, or the PDF page for a PDF. */
  hrefOf(row: LeagueRow): string;
  sort: LeagueSort | null;
  onSort(column: ShownColumn): void;
  /** Only the user's own clicks sort. */
  accept(event: Event): boolean;
}

/** The table element, built afresh for each sort. */
export function renderLeagueTable(
  doc: Document,
  rows: readonly LeagueRow[],
  options: LeagueTableOptions,
): HTMLTableElement {
  const { words, sort } = options;
  const table = doc.createElement('table');
  table.className = 'league';
  const head = table.createTHead().insertRow();
  for (const column of SHOWN_COLUMNS) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.dataset.col = column;
    const sorted = sort?.column === column;
    th.setAttribute(
      'aria-sort',
      sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none',
    );
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.sort = column;
    const header = words.header(column);
    button.textContent = sorted ? `${header} ${sort.direction === 'asc' ? '▲' : '▼'}` : header;
    button.title = words.sortBy(header);
    button.addEventListener('click', (event) => {
      if (options.accept(event)) options.onSort(column);
    });
    th.append(button);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of sortedRows(rows, sort)) {
    const tr = body.insertRow();
    tr.dataset.status = row.status;
    tr.dataset.url = row.url;
    if (row.errors) tr.classList.add('has-errors');
    for (const column of SHOWN_COLUMNS) {
      const td = tr.insertCell();
      td.dataset.col = column;
      const text = cellText(row, column, words);
      if (column === 'agency') {
        const link = doc.createElement('a');
        link.href = options.hrefOf(row);
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = text;
        link.title = row.title || row.url;
        td.append(link);
      } else if (column === 'worst' && row.worst?.severity === 'info') {
        // A note for reference only (a government beside its departments, most often) is long
        // and no problem: two lines in the row, the whole of it on hover and below the table.
        const note = doc.createElement('span');
        note.className = 'info-note';
        note.textContent = text;
        note.title = text;
        td.append(note);
      } else {
        td.textContent = text;
      }
      if (column === 'worst' && row.worst) td.dataset.severity = row.worst.severity;
      if (column === 'worst' && row.worst) td.dataset.rule = row.worst.rule;
      if (column === 'timeliness' && row.delayDays !== null) {
        td.dataset.delay = String(row.delayDays);
        if (row.delayDays > 0) td.classList.add('late');
      }
    }
  }
  return table;
}

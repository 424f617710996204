import type { ExtractedTable, TableCell } from '../lib/model/report';
import type { Translate } from './i18n';

interface Props {
  table: ExtractedTable;
  t: Translate;
}

/** Cells grouped by their top-left row, so merged cells render once with their spans. */
function rowsOf(table: ExtractedTable): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const cell of table.cells) rows[cell.row]?.push(cell);
  for (const row of rows) row.sort((a, b) => a.col - b.col);
  return rows;
}

function cellClass(cell: TableCell): string {
  if (cell.unreadable) return 'cell unreadable';
  if (cell.header) return 'cell label';
  if (cell.value.kind === 'number') return 'cell number';
  return 'cell';
}

/** The table as the page printed it: merged cells kept, text shown as text only. */
export function ReportGrid({ table, t }: Props) {
  return (
    <div class="grid-scroll">
      <table class="grid" data-table-kind={table.kind}>
        <tbody>
          {rowsOf(table).map((row, r) => (
            <tr key={r}>
              {row.map((cell) => {
                const props = {
                  rowSpan: cell.rowSpan,
                  colSpan: cell.colSpan,
                  class: cellClass(cell),
                  'data-key': cell.key,
                  'data-unreadable': cell.unreadable ? 'true' : undefined,
                  title: cell.unreadable ? `${cell.key ?? ''} ${t('unreadableCell')}` : cell.key,
                };
                return cell.header ? (
                  <th key={cell.col} {...props}>
                    {cell.text}
                  </th>
                ) : (
                  <td key={cell.col} {...props}>
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

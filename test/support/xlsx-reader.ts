/**
 * Reads a workbook back with openpyxl (test/support/read_xlsx.py), an
 * implementation independent of lib/export/xlsx: what it finds is what a
 * spreadsheet program finds. Without python3 or openpyxl it throws, so a
 * missing reader fails the tests instead of skipping them.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The Debian python, which has python3-openpyxl (scripts/setup.sh installs it). */
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./read_xlsx.py', import.meta.url));

export interface CellDump {
  /** A1 reference. */
  address: string;
  /** 0-based, as in the report's tables. */
  row: number;
  col: number;
  value: string | number | boolean | null;
  /** openpyxl's data type: `n` number, `s` string, `f` formula, `b`, `d`, `e`. */
  type: string;
  bold: boolean;
  /** ARGB of a solid fill, e.g. `FFFFC7CE`. */
  fill: string | null;
  numberFormat: string;
  comment: string | null;
  /** The cell's hyperlink: a web address (`target`) or a place in the workbook (`location`). */
  link: { target: string | null; location: string | null } | null;
}

export interface SheetDump {
  name: string;
  /** Merged ranges, e.g. `A1:B2`, sorted. */
  merged: string[];
  /** Custom column widths by column letter. */
  widths: Record<string, number>;
  /** Top-left cell of the scrolling pane when rows are frozen. */
  freeze: string | null;
  /** Non-empty or styled cells, row by row; slots covered by a merge are left out. */
  cells: CellDump[];
}

export interface WorkbookDump {
  sheets: SheetDump[];
}

export function readWorkbook(bytes: Uint8Array): Promise<WorkbookDump> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      PYTHON,
      [SCRIPT],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const why =
            code === 'ENOENT'
              ? `${PYTHON} not found: install python3 and python3-openpyxl (scripts/setup.sh)`
              : `the workbook reader failed (${error.message.trim()}): ${stderr.trim()}`;
          reject(new Error(why));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as WorkbookDump);
        } catch (parseError) {
          reject(new Error(`the workbook reader printed no JSON: ${String(parseError)}`));
        }
      },
    );
    // A reader that died before reading stdin must not crash the test process (EPIPE).
    child.stdin?.on('error', () => {});
    child.stdin?.end(bytes);
  });
}

/**
 * The command line's arguments. Hand-parsed rather than with util.parseArgs so
 * that everything the command accepted before --export existed (any argument
 * not starting with `--` is a file, `--json` anywhere) still means the same.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/export/types';

/** What an audit exports: its workbook (league table + findings per report) or the league as CSV. */
export const PORTAL_EXPORT_FORMATS = ['xlsx', 'csv'] as const satisfies readonly ExportFormat[];

export const USAGE = `usage: npm run check -- [--json] [--jobs N] [--export ${EXPORT_FORMATS.join('|')} --out DIR] FILE...
       npm run check -- --portal DIR [--json] [--jobs N] [--export ${PORTAL_EXPORT_FORMATS.join('|')} --out DIR2]
  --jobs N      threads that read the pages at once (default: the number of cores less one, at least 1)
  --portal DIR  audit a saved copy of a portal (wget --mirror layout DIR/<host>/<path>): every page,
                each report checked against its own previous year, printed as a league table`;

export interface ExportTarget {
  format: ExportFormat;
  /** Directory the files are written into; created when missing. */
  outDir: string;
}

export interface CliOptions {
  json: boolean;
  /** Threads that read the pages at once; null for the default (the cores). */
  jobs: number | null;
  files: string[];
  /** Null without --export: the command then only prints, as it always did. */
  export: ExportTarget | null;
  /** --portal DIR: the saved portal to audit (then `files` is empty). */
  portal: string | null;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; problem: string };

const VALUE_OPTIONS = ['--export', '--out', '--jobs', '--portal'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<ValueOption, string>();
  const files: string[] = [];
  const unknown: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const option = VALUE_OPTIONS.find((o) => o === name);
    if (!option) {
      unknown.push(arg);
      continue;
    }
    // A following option or nothing at all is a forgotten value, not a value.
    const value = inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
    if (!value) return { ok: false, problem: `${option} needs a value` };
    if (values.has(option)) return { ok: false, problem: `${option} given twice` };
    values.set(option, value);
  }
  if (unknown.length > 0) return { ok: false, problem: `unknown option ${unknown.join(' ')}` };
  const portal = values.get('--portal') ?? null;
  if (portal !== null && files.length > 0) {
    return {
      ok: false,
      problem: `--portal reads every page under ${portal}; give either --portal DIR or files, not both (${files.join(' ')})`,
    };
  }
  if (files.length === 0 && portal === null) return { ok: false, problem: '' };

  const jobsValue = values.get('--jobs');
  const jobs = jobsValue === undefined ? null : Number(jobsValue);
  if (jobs !== null && !(Number.isInteger(jobs) && jobs >= 1)) {
    return { ok: false, problem: `--jobs needs a whole number ≥ 1, not ${jobsValue}` };
  }
  const format = values.get('--export');
  const outDir = values.get('--out');
  if (format === undefined && outDir === undefined) {
    return { ok: true, options: { json, jobs, files, export: null, portal } };
  }
  if (format === undefined) return { ok: false, problem: '--out is only used with --export' };
  if (!isExportFormat(format)) {
    return {
      ok: false,
      problem: `unknown export format ${format} (one of ${EXPORT_FORMATS.join(', ')})`,
    };
  }
  if (outDir === undefined) return { ok: false, problem: '--export needs --out DIR' };
  if (portal !== null && !(PORTAL_EXPORT_FORMATS as readonly string[]).includes(format)) {
    return {
      ok: false,
      problem: `with --portal, --export writes the audit as ${PORTAL_EXPORT_FORMATS.join(' or ')}, not ${format}`,
    };
  }
  return { ok: true, options: { json, jobs, files, export: { format, outDir }, portal } };
}

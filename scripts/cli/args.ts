/**
 * The command line's arguments. Hand-parsed rather than with util.parseArgs so
 * that everything the command accepted before --export existed (any argument
 * not starting with `--` is a file, `--json` anywhere) still means the same.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/export/types';

export const USAGE = `usage: npm run check -- [--json] [--jobs N] [--export ${EXPORT_FORMATS.join('|')} --out DIR] FILE...
  --jobs N  threads that read the pages at once (default: the number of cores less one, at least 1)`;

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
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; problem: string };

const VALUE_OPTIONS = ['--export', '--out', '--jobs'] as const;
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
  if (files.length === 0) return { ok: false, problem: '' };

  const jobsValue = values.get('--jobs');
  const jobs = jobsValue === undefined ? null : Number(jobsValue);
  if (jobs !== null && !(Number.isInteger(jobs) && jobs >= 1)) {
    return { ok: false, problem: `--jobs needs a whole number ≥ 1, not ${jobsValue}` };
  }
  const format = values.get('--export');
  const outDir = values.get('--out');
  if (format === undefined && outDir === undefined) {
    return { ok: true, options: { json, jobs, files, export: null } };
  }
  if (format === undefined) return { ok: false, problem: '--out is only used with --export' };
  if (!isExportFormat(format)) {
    return {
      ok: false,
      problem: `unknown export format ${format} (one of ${EXPORT_FORMATS.join(', ')})`,
    };
  }
  if (outDir === undefined) return { ok: false, problem: '--export needs --out DIR' };
  return { ok: true, options: { json, jobs, files, export: { format, outDir } } };
}

/**
 * `--portal DIR`: the pages of a saved copy of a portal. DIR is laid out as
 * `wget --mirror` lays it out, `DIR/<host>/<path>`, so a file's address is
 * `http://<host>/<path>`; a page saved by a browser carries
 * `<!-- saved from url=(NNNN)ADDRESS -->` near its top, which wins when it
 * names a web address. Only pages and PDFs are read (.html, .htm, .shtml,
 * .pdf), at most MAX_AUDIT_PAGES of them, in path order; the rest are
 * counted so that the run can say it did not read them.
 */
import { open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MAX_AUDIT_PAGES } from '../../lib/audit/league';

const PAGE_FILE = /\.(html?|shtml|pdf)$/i;

export interface PortalFile {
  /** The path to read. */
  path: string;
  /** Relative to DIR, with `/` (what the JSON's `file` and `previous` name). */
  relative: string;
  /** The address the file stands for. */
  url: string;
}

export interface PortalFiles {
  files: PortalFile[];
  /** Pages found in all; more than `files.length` when the limit cut the list. */
  found: number;
}

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile() && PAGE_FILE.test(entry.name)) into.push(path);
  }
}

/** `www.x.gov.cn/a/b c.html` → `http://www.x.gov.cn/a/b%20c.html` (a `?` saved by wget is the query). */
export function addressOfMirrorPath(relativePath: string): string | null {
  const [host, ...rest] = relativePath.split('/');
  if (!host || rest.length === 0) return null;
  const path = rest.join('/');
  const q = path.indexOf('?');
  const [pathPart, query] = q >= 0 ? [path.slice(0, q), path.slice(q)] : [path, ''];
  try {
    return new URL(`http://${host}/${encodeURI(pathPart)}${query}`).href;
  } catch {
    return null;
  }
}

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;
/** The comment sits in the first line or two; a kilobyte more covers a BOM and a doctype. */
const SAVED_FROM_BYTES = 2048;

/** The `saved from url` a browser wrote at the top of a page, when it names a web address. */
export function savedFromAddress(head: string): string | null {
  const m = head.match(SAVED_FROM);
  if (!m?.[1]) return null;
  try {
    const url = new URL(m[1]);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

async function headOf(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAVED_FROM_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAVED_FROM_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

export async function portalFiles(dir: string, limit = MAX_AUDIT_PAGES): Promise<PortalFiles> {
  const paths: string[] = [];
  await walk(dir, paths);
  paths.sort();
  const files: PortalFile[] = [];
  for (const path of paths.slice(0, limit)) {
    const rel = relative(dir, path).split(sep).join('/');
    const url = savedFromAddress(await headOf(path)) ?? addressOfMirrorPath(rel);
    // A file directly in DIR names no host: it has no address, and its report no portal.
    files.push({ path, relative: rel, url: url ?? '' });
  }
  return { files, found: paths.length };
}

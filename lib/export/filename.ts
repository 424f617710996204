/**
 * File names for exports: `{agency}-{year}-年报核查.{ext}`, safe to save on
 * Windows, macOS and Linux whatever the page calls itself.
 */
import type { Report } from '../model/report';

const UNKNOWN_AGENCY = '未知机构';
const UNKNOWN_YEAR = '未知年度';
const SUFFIX = '年报核查';

/**
 * Longest agency part, in characters. File systems limit a name to 255 bytes;
 * a CJK character is 3 bytes in UTF-8, so 60 leaves room for the rest.
 */
const MAX_AGENCY_CHARS = 60;

/**
 * Windows forbids <>:"/\|?* and control characters; / is the separator
 * elsewhere; : confuses the macOS Finder. Whitespace runs become one space.
 */
function safePart(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must go
      .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      // Windows drops trailing dots and spaces; leading dots hide files on Unix.
      .replace(/^[.\s]+|[.\s]+$/g, '')
  );
}

function truncate(text: string, max: number): string {
  // Array.from counts code points, so a surrogate pair is never cut in half.
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trim();
}

export function exportFileName(report: Report, ext: string): string {
  const agency = truncate(safePart(report.identity.agency), MAX_AGENCY_CHARS) || UNKNOWN_AGENCY;
  const year = report.identity.year === null ? UNKNOWN_YEAR : String(report.identity.year);
  const extension = ext.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '') || 'txt';
  return `${agency}-${year}-${SUFFIX}.${extension}`;
}

/** The evidence image of finding `number` (1-based): the export's name with `-证据{n}`, so they sort together. */
export function evidenceFileName(report: Report, number: number): string {
  const base = exportFileName(report, 'png').replace(/\.png$/, '');
  const n = Number.isInteger(number) && number > 0 ? number : 1;
  return `${base}-证据${n}.png`;
}

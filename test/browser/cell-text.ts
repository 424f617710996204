/**
 * Reads a table cell's printed text the way a person reading the popup does,
 * independently of the extension's own parser: the browser tests compare what
 * the user sees with what the fixture's author wrote down.
 */
import { cleanText, toHalfWidth } from '../../lib/text/normalise';

export type PrintedValue =
  | { kind: 'number'; value: number }
  /** Empty, or a mark that says "nothing here": `—`, `-`, `/`, `无`, `不适用`. */
  | { kind: 'blank' }
  | { kind: 'text'; text: string };

const DASH = /^(?:[-—–─/\\]+|无|不适用)$/;
const SIGN_WORDS: Record<string, string> = { 减: '-', 增: '+', 增加: '+', 减少: '-' };
const NUMBER_WITH_UNIT = /^([+-]?)(\d+(?:\.\d+)?)(?:%|[个件项人次条元万亿]{1,3})?$/;

export function readPrintedValue(printed: string): PrintedValue {
  const text = toHalfWidth(cleanText(printed)).replace(/\s+/g, '');
  if (text === '' || DASH.test(text)) return { kind: 'blank' };
  const signed = text.replace(/^(增加|减少|增|减)/, (word) => SIGN_WORDS[word] ?? word);
  // Thousands separators only between digit groups, so `1,234` reads 1234
  // while a stray comma elsewhere still makes the cell unreadable.
  const unseparated = signed.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  const match = unseparated.match(NUMBER_WITH_UNIT);
  if (!match) return { kind: 'text', text };
  const value = Number(match[2]);
  return { kind: 'number', value: match[1] === '-' ? -value : value };
}

/** Whether a printed cell shows the expected value (`null`: a blank or a dash). */
export function showsExpectedValue(printed: string, expected: number | null): boolean {
  const read = readPrintedValue(printed);
  if (expected === null) return read.kind === 'blank';
  return read.kind === 'number' && Math.abs(read.value - expected) < 1e-9;
}

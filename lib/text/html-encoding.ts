/**
 * A page's bytes to text (a saved page in the command line, a page the
 * extension fetched from its portal), as a browser decodes a page served without a
 * charset in its Content-Type (HTML "encoding sniffing algorithm"): a byte
 * order mark, else a <meta charset> or <meta http-equiv=Content-Type> found by
 * the prescan of the first 1024 bytes, else windows-1252, the default for
 * pages of unknown origin (and jsdom's). Many county portals still serve
 * GB2312/GBK pages that say so only in a <meta>. TextDecoder knows the
 * WHATWG labels (gb2312 → GBK, whose decoder is gb18030's).
 */

const PRESCAN_BYTES = 1024;
export const DEFAULT_ENCODING = 'windows-1252';

/** The encoding a label names (WHATWG "get an encoding"), as TextDecoder calls it; null when none. */
export function encodingOfLabel(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // Unknown labels, and the "replacement" encodings that TextDecoder refuses.
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

const isSpace = (b: number | undefined) =>
  b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
const isLetter = (b: number | undefined) =>
  b !== undefined && (isUpper(b) || (b >= 0x61 && b <= 0x7a));
/** An attribute's bytes as the prescan keeps them: A–Z lowercased, every byte one code unit. */
const lowered = (b: number) => String.fromCharCode(isUpper(b) ? b + 0x20 : b);

/** Thrown when the prescan runs past its bytes: it then finds no encoding. */
class PastEnd extends Error {}

/** HTML "prescan a byte stream to determine its encoding", over the first 1024 bytes. */
class Prescan {
  private pos = 0;
  private readonly end: number;

  constructor(private readonly bytes: Uint8Array) {
    this.end = Math.min(bytes.length, PRESCAN_BYTES);
  }

  private at(offset = 0): number {
    const i = this.pos + offset;
    if (i >= this.end) throw new PastEnd();
    return this.bytes[i] as number;
  }

  /** The byte `offset` ahead, or undefined past the end (for lookahead only). */
  private peek(offset: number): number | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.bytes[i] : undefined;
  }

  private startsWithCaseless(ascii: string): boolean {
    for (let i = 0; i < ascii.length; i++) {
      const b = this.peek(i);
      if (b === undefined || lowered(b) !== ascii[i]) return false;
    }
    return true;
  }

  run(): string | null {
    try {
      while (this.pos < this.end) {
        const found = this.step();
        if (found !== null) return found;
        this.pos++;
      }
    } catch (err) {
      if (!(err instanceof PastEnd)) throw err;
    }
    return null;
  }

  /** One position of the prescan's loop; an encoding when a <meta> gives one. */
  private step(): string | null {
    if (this.startsWithCaseless('<!--')) {
      // To the '>' of the first '-->' (which may share the comment opener's dashes).
      this.pos += 2;
      while (!(this.at() === 0x3e && this.at(-1) === 0x2d && this.at(-2) === 0x2d)) this.pos++;
      return null;
    }
    const afterMeta = this.peek(5);
    if (this.startsWithCaseless('<meta') && (isSpace(afterMeta) || afterMeta === 0x2f)) {
      this.pos += 5;
      return this.meta();
    }
    const second = this.peek(1);
    if (
      (this.at() === 0x3c && isLetter(second)) ||
      (this.at() === 0x3c && second === 0x2f && isLetter(this.peek(2)))
    ) {
      while (!isSpace(this.at()) && this.at() !== 0x3e) this.pos++;
      while (this.attribute() !== null);
      return null;
    }
    if (this.at() === 0x3c && (second === 0x21 || second === 0x2f || second === 0x3f)) {
      while (this.at() !== 0x3e) this.pos++;
    }
    return null;
  }

  private meta(): string | null {
    const seen = new Set<string>();
    let gotPragma = false;
    let needPragma: boolean | null = null;
    let charset: string | null = null;
    for (let attr = this.attribute(); attr !== null; attr = this.attribute()) {
      const [name, value] = attr;
      if (seen.has(name)) continue;
      seen.add(name);
      if (name === 'http-equiv') {
        if (value === 'content-type') gotPragma = true;
      } else if (name === 'content') {
        const fromContent = charsetFromContent(value);
        if (fromContent !== null && charset === null) {
          charset = fromContent;
          needPragma = true;
        }
      } else if (name === 'charset') {
        charset = encodingOfLabel(value);
        needPragma = false;
      }
    }
    if (needPragma === null || (needPragma && !gotPragma) || charset === null) return null;
    // A page that claims UTF-16 in ASCII-compatible bytes is not UTF-16.
    if (charset === 'utf-16le' || charset === 'utf-16be') return 'utf-8';
    if (charset === 'x-user-defined') return DEFAULT_ENCODING;
    return charset;
  }

  /** HTML "get an attribute": [name, value], or null at the tag's end. */
  private attribute(): [string, string] | null {
    while (isSpace(this.at()) || this.at() === 0x2f) this.pos++;
    if (this.at() === 0x3e) return null;
    let name = '';
    const value = '';
    for (;;) {
      const b = this.at();
      if (b === 0x3d && name !== '') {
        this.pos++;
        return [name, this.attributeValue()];
      }
      if (isSpace(b)) break;
      if (b === 0x2f || b === 0x3e) return [name, value];
      name += lowered(b);
      this.pos++;
    }
    while (isSpace(this.at())) this.pos++;
    if (this.at() !== 0x3d) return [name, value];
    this.pos++;
    return [name, this.attributeValue()];
  }

  private attributeValue(): string {
    while (isSpace(this.at())) this.pos++;
    let value = '';
    const first = this.at();
    if (first === 0x22 || first === 0x27) {
      for (;;) {
        this.pos++;
        const b = this.at();
        if (b === first) {
          this.pos++;
          return value;
        }
        value += lowered(b);
      }
    }
    if (first === 0x3e) return value;
    for (;;) {
      const b = this.at();
      if (isSpace(b) || b === 0x3e) return value;
      value += lowered(b);
      this.pos++;
    }
  }
}

/** HTML "extracting a character encoding from a meta element" (the content attribute). */
export function charsetFromContent(content: string): string | null {
  const lower = content.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf('charset', from);
    if (at < 0) return null;
    let i = at + 'charset'.length;
    while (isSpace(lower.charCodeAt(i))) i++;
    if (lower[i] !== '=') {
      from = i;
      continue;
    }
    i++;
    while (isSpace(lower.charCodeAt(i))) i++;
    const next = content[i];
    if (next === '"' || next === "'") {
      const close = content.indexOf(next, i + 1);
      return close < 0 ? null : encodingOfLabel(content.slice(i + 1, close));
    }
    if (next === undefined) return null;
    let end = i;
    while (end < content.length && !isSpace(content.charCodeAt(end)) && content[end] !== ';') end++;
    return encodingOfLabel(content.slice(i, end));
  }
}

/** The encoding a browser reads these bytes with (no transport-layer charset: a saved file has none). */
export function sniffEncoding(bytes: Uint8Array): string {
  return bomEncoding(bytes) ?? new Prescan(bytes).run() ?? DEFAULT_ENCODING;
}

/** The page's text and the encoding it was read with. */
export function decodePage(bytes: Uint8Array): { text: string; encoding: string } {
  const encoding = sniffEncoding(bytes);
  // TextDecoder drops a byte order mark of its own encoding, as the HTML decoder does.
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/**
 * The text of a page fetched from a portal, read as a browser reads it: a
 * byte order mark, else the charset of the Content-Type header, else the
 * <meta> prescan. A page that declares nothing is UTF-8 when its bytes are
 * valid UTF-8 and GB18030 otherwise: a .gov.cn page is Chinese, and a
 * Chinese browser's default for such a page is GBK, not windows-1252.
 */
export function decodeFetchedPage(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; encoding: string } {
  const declared =
    bomEncoding(bytes) ??
    (contentType ? charsetFromContent(contentType) : null) ??
    new Prescan(bytes).run();
  if (declared) return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * parse5's tokenizer, taking the plain stretches of text, tag names,
 * attribute names and quoted attribute values in one step. The standard's tokenizer
 * (and parse5's) goes one character at a time; on a Word-pasted report page
 * about three characters in five sit in `style="…"` values and one in five
 * in names, and in a short batch most of them are read before V8 has
 * optimised the tokenizer, at some twenty times the optimised cost (README,
 * Performance). A stretch of characters the state would only append, one
 * step each, is appended at once: the names, the values, and so the tree,
 * are the same (bulk-tokenizer.test.ts compares both parsers on every
 * fixture page and on the edge cases).
 *
 * Parse5 declares the state handlers and the run bounds `protected` for
 * subclasses; the parser's tokenizer is replaced right after construction,
 * before any input is written.
 */
import { Parser, type ParserOptions, Token, Tokenizer, type TreeAdapterTypeMap } from 'parse5';

/**
 * The characters each state handles by only appending them, sticky so that a
 * match starts where the previous character ended. A line break always stops
 * a run, for the preprocessor's CR LF and line bookkeeping; so does a
 * surrogate, for its pairing of code units; and an ASCII capital in a name,
 * which the name's state lowers.
 */
const PLAIN_IN_DOUBLE_QUOTES = /[^"&\0\r\n\uD800-\uDFFF]*/y;
const PLAIN_IN_SINGLE_QUOTES = /[^'&\0\r\n\uD800-\uDFFF]*/y;
const PLAIN_IN_NAME = /[^\t\n\f\r />="'<\0A-Z\uD800-\uDFFF]*/y;
/** Text is emitted as tokens of whitespace and of other characters, so a stretch keeps to one kind. */
const PLAIN_TEXT = /[^\t\n\f\r <&\0\uD800-\uDFFF]*/y;
const PLAIN_WHITESPACE = /[ \t\f]*/y;

const LINE_FEED = 0x0a;

/** A tag token while its name is read. */
interface NamedToken {
  tagName: string;
}

class BulkTokenizer extends Tokenizer {
  protected override _stateData(cp: number): void {
    const state = this.state;
    super._stateData(cp);
    if (this.appendedOnly(state, cp)) this.extendTextRun();
  }

  protected override _stateRcdata(cp: number): void {
    const state = this.state;
    super._stateRcdata(cp);
    if (this.appendedOnly(state, cp)) this.extendTextRun();
  }

  protected override _stateRawtext(cp: number): void {
    const state = this.state;
    super._stateRawtext(cp);
    if (this.appendedOnly(state, cp)) this.extendTextRun();
  }

  protected override _stateScriptData(cp: number): void {
    const state = this.state;
    super._stateScriptData(cp);
    if (this.appendedOnly(state, cp)) this.extendTextRun();
  }

  protected override _stateTagName(cp: number): void {
    const state = this.state;
    super._stateTagName(cp);
    if (this.appendedOnly(state, cp)) {
      (this.currentToken as unknown as NamedToken).tagName += this.consumePlain(PLAIN_IN_NAME);
    }
  }

  protected override _stateAttributeName(cp: number): void {
    const state = this.state;
    super._stateAttributeName(cp);
    if (this.appendedOnly(state, cp)) this.currentAttr.name += this.consumePlain(PLAIN_IN_NAME);
  }

  protected override _stateAttributeValueDoubleQuoted(cp: number): void {
    const state = this.state;
    super._stateAttributeValueDoubleQuoted(cp);
    if (this.appendedOnly(state, cp)) this.extendRun(PLAIN_IN_DOUBLE_QUOTES);
  }

  protected override _stateAttributeValueSingleQuoted(cp: number): void {
    const state = this.state;
    super._stateAttributeValueSingleQuoted(cp);
    if (this.appendedOnly(state, cp)) this.extendRun(PLAIN_IN_SINGLE_QUOTES);
  }

  /**
   * Whether the handler only appended `cp` and stays where it was: every
   * branch that ends a text, name or value, or starts a tag or a character
   * reference, leaves the state. Not after the end of input, nor after a line break,
   * whose CR LF pairing the preprocessor settles on the next character.
   */
  private appendedOnly(stateBefore: number, cp: number): boolean {
    return this.state === stateBefore && cp >= 0 && cp !== LINE_FEED;
  }

  /** Consumes the plain characters after the current one, as the state would one by one; returns how many. */
  private skipPlain(plain: RegExp): number {
    const { preprocessor } = this;
    plain.lastIndex = preprocessor.pos + 1;
    plain.test(preprocessor.html);
    const consumed = plain.lastIndex - preprocessor.pos - 1;
    preprocessor.pos += consumed;
    // A chunked write rewinds this many characters when it has to wait for more input.
    this.consumedAfterSnapshot += consumed;
    return consumed;
  }

  /** The plain characters after the current one, consumed. */
  private consumePlain(plain: RegExp): string {
    const end = this.preprocessor.pos + 1;
    return this.preprocessor.html.slice(end, end + this.skipPlain(plain));
  }

  /** Text, like a value, is kept as a run; a stretch of the same kind of character as the current one extends it. */
  private extendTextRun(): void {
    const token = this.currentCharacterToken;
    if (token === null || token.type === Token.TokenType.NULL_CHARACTER) return;
    this.extendRun(token.type === Token.TokenType.CHARACTER ? PLAIN_TEXT : PLAIN_WHITESPACE);
  }

  /**
   * A value or a text is kept as a run, a slice of the input that ends after
   * the current character; the plain characters after it extend the slice.
   */
  private extendRun(plain: RegExp): void {
    if (this.runEnd === this.preprocessor.pos + 1) this.runEnd += this.skipPlain(plain);
  }
}

/** parse5's tree builder over the bulk tokenizer. */
class BulkParser<T extends TreeAdapterTypeMap> extends Parser<T> {
  constructor(options?: ParserOptions<T>) {
    super(options);
    const inForeignNode = this.tokenizer.inForeignNode;
    this.tokenizer = new BulkTokenizer(this.options, this);
    this.tokenizer.inForeignNode = inForeignNode;
  }
}

/** parse5's `parse`, with the bulk tokenizer. */
export function parseDocument<T extends TreeAdapterTypeMap>(
  html: string,
  options: ParserOptions<T>,
): T['document'] {
  return BulkParser.parse(html, options);
}

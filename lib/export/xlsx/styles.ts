/**
 * Cell formats, registered as they are used: the first use of a combination
 * gets the next index, so the same workbook content always gives the same
 * styles part.
 */
import type { Severity } from '../../model/report';
import { XML_DECLARATION } from './xml';

export interface CellStyle {
  bold?: boolean;
  /** Background for a flagged cell, by its most severe finding. */
  fill?: Severity;
  /** Wrap long text inside the column width (rows grow to fit when the file is opened). */
  wrap?: boolean;
  /** Thin lines around the cell, as a printed table has. */
  border?: boolean;
  /** Digits after the decimal point, as printed (`3.50` stays `3.50`). */
  decimals?: number;
  /** The number is a fraction shown as a percentage. */
  percent?: boolean;
  /**
   * Text that starts like a formula: marked so that a user who edits the cell
   * does not turn it into one (the stored cell is text either way).
   */
  quotePrefix?: boolean;
  /** A hyperlink: blue and underlined, as spreadsheets show links. */
  link?: boolean;
}

/** Fills of flagged cells, in the colours spreadsheet users know for bad / neutral / note. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

/** Fill ids: 0 and 1 are the two fills every styles part must start with. */
const FILL_ID: Record<Severity, number> = { error: 2, warning: 3, info: 4 };

/** Built-in number format `0.00%`. */
const PERCENT_FORMAT = 10;
/** Custom number formats start here; lower ids are built in. */
const FIRST_CUSTOM_FORMAT = 164;
const MAX_DECIMALS = 10;

function decimalsOf(style: CellStyle): number {
  return Math.min(Math.max(Math.trunc(style.decimals ?? 0), 0), MAX_DECIMALS);
}

function keyOf(style: CellStyle): string {
  return [
    style.bold ? 'b' : '',
    style.fill ?? '',
    style.wrap ? 'w' : '',
    style.border ? 'l' : '',
    style.percent ? 'p' : decimalsOf(style),
    style.quotePrefix ? 'q' : '',
    style.link ? 'h' : '',
  ].join('|');
}

function numberFormatId(style: CellStyle): number {
  if (style.percent) return PERCENT_FORMAT;
  const decimals = decimalsOf(style);
  return decimals === 0 ? 0 : FIRST_CUSTOM_FORMAT + decimals - 1;
}

function xfXml(style: CellStyle): string {
  const numFmtId = numberFormatId(style);
  const fillId = style.fill ? FILL_ID[style.fill] : 0;
  const attrs = [
    `numFmtId="${numFmtId}"`,
    `fontId="${style.link ? 2 : style.bold ? 1 : 0}"`,
    `fillId="${fillId}"`,
    `borderId="${style.border ? 1 : 0}"`,
    'xfId="0"',
    numFmtId ? 'applyNumberFormat="1"' : '',
    style.bold || style.link ? 'applyFont="1"' : '',
    fillId ? 'applyFill="1"' : '',
    style.border ? 'applyBorder="1"' : '',
    style.wrap ? 'applyAlignment="1"' : '',
    style.quotePrefix ? 'quotePrefix="1"' : '',
  ].filter(Boolean);
  const alignment = style.wrap ? '<alignment vertical="center" wrapText="1"/>' : '';
  return alignment ? `<xf ${attrs.join(' ')}>${alignment}</xf>` : `<xf ${attrs.join(' ')}/>`;
}

function fillXml(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const THIN = '<color indexed="64"/>';

export class StyleRegistry {
  private readonly ids = new Map<string, number>();
  private readonly styles: CellStyle[] = [];

  constructor() {
    this.id({});
  }

  /** Index of the format in cellXfs; 0 is the default format. */
  id(style: CellStyle): number {
    const key = keyOf(style);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.ids.set(key, id);
      this.styles.push(style);
    }
    return id;
  }

  xml(): string {
    const decimals = [...new Set(this.styles.filter((s) => !s.percent).map(decimalsOf))].filter(
      (d) => d > 0,
    );
    decimals.sort((a, b) => a - b);
    const numFmts = decimals.length
      ? `<numFmts count="${decimals.length}">${decimals
          .map(
            (d) =>
              `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + d - 1}" formatCode="0.${'0'.repeat(d)}"/>`,
          )
          .join('')}</numFmts>`
      : '';
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      fillXml(SEVERITY_FILL.error),
      fillXml(SEVERITY_FILL.warning),
      fillXml(SEVERITY_FILL.info),
    ];
    const borders = [
      '<border><left/><right/><top/><bottom/><diagonal/></border>',
      `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
    ];
    return [
      XML_DECLARATION,
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      numFmts,
      `<fonts count="3"><font>${FONT}</font><font><b/>${FONT}</font><font><u/><color rgb="FF0563C1"/>${FONT}</font></fonts>`,
      `<fills count="${fills.length}">${fills.join('')}</fills>`,
      `<borders count="${borders.length}">${borders.join('')}</borders>`,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.styles.length}">${this.styles.map(xfXml).join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}

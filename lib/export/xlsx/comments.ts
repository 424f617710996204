/**
 * Cell notes: the comments part holds the text; the legacy VML drawing holds
 * the boxes. Excel shows no note without its VML shape (LibreOffice and WPS
 * read the comments part, and accept the drawing too).
 */
import { cellAddress } from './cell-address';
import type { Note } from './sheet';
import { displayWidth } from './text-width';
import { XML_DECLARATION, xmlText } from './xml';

export const NOTE_AUTHOR = 'OGI Lens';

/** Notes in the order of their cells, as Excel writes them. */
function ordered(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => a.row - b.row || a.col - b.col);
}

export function commentsXml(notes: readonly Note[]): string {
  const list = ordered(notes).map(
    (note) =>
      `<comment ref="${cellAddress(note.row, note.col)}" authorId="0"><text><t xml:space="preserve">${xmlText(note.text)}</t></text></comment>`,
  );
  return [
    XML_DECLARATION,
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    `<authors><author>${NOTE_AUTHOR}</author></authors>`,
    `<commentList>${list.join('')}</commentList>`,
    '</comments>',
  ].join('');
}

/** Columns a note box spans, and the text width that fits one line of it. */
const BOX_COLUMNS = 4;
const BOX_LINE_WIDTH = 44;
const MAX_BOX_ROWS = 40;

/** Enough rows for the note's text once wrapped to the box's width. */
function boxRows(text: string): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    lines += Math.max(1, Math.ceil(displayWidth(line) / BOX_LINE_WIDTH));
  }
  return Math.min(Math.max(lines + 1, 3), MAX_BOX_ROWS);
}

function shapeXml(note: Note, shapeId: number): string {
  const left = note.col + 1;
  const top = Math.max(note.row - 1, 0);
  const anchor = [left, 15, top, 10, left + BOX_COLUMNS, 15, top + boxRows(note.text), 4].join(
    ', ',
  );
  return [
    `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" `,
    'style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:120pt;z-index:1;visibility:hidden" ',
    'fillcolor="#ffffe1" o:insetmode="auto">',
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>',
    '<v:path o:connecttype="none"/>',
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>',
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>',
    `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>`,
    `<x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column>`,
    '</x:ClientData></v:shape>',
  ].join('');
}

/** Shape ids come in blocks of 1024 (block 0 is reserved); a drawing claims the blocks its notes need. */
const BLOCK = 1024;

export function vmlBlocksFor(noteCount: number): number {
  return Math.ceil((noteCount + 1) / BLOCK);
}

/**
 * The drawing of one sheet's notes. Each drawing claims its own blocks of
 * shape ids (`idmap`), starting at `firstBlock`, so ids never clash across sheets.
 */
export function notesVml(notes: readonly Note[], firstBlock: number): string {
  const blocks = Array.from({ length: vmlBlocksFor(notes.length) }, (_, i) => firstBlock + i);
  const firstId = firstBlock * BLOCK + 1;
  return [
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ',
    'xmlns:x="urn:schemas-microsoft-com:office:excel">',
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>`,
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">',
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
    ...ordered(notes).map((note, i) => shapeXml(note, firstId + i)),
    '</xml>',
  ].join('');
}

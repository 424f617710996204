/**
 * The package around the sheets: content types, relationships, the workbook
 * part, minimal document properties, and the zip container.
 */
import { strToU8, type ZipOptions, zipSync } from 'fflate';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface PackagedSheet {
  name: string;
  xml: string;
  /** The sheet's notes (comments part and VML drawing), when it has any. */
  notes: { comments: string; vml: string } | null;
  /** The web addresses the sheet links to, with the relationship ids its hyperlinks name. */
  externalLinks: readonly { id: string; url: string }[];
}

export interface PackageParts {
  sheets: readonly PackagedSheet[];
  styles: string;
  sharedStrings: string;
  /** Document title (the report's), shown in the file's properties. */
  title: string;
}

/** Relationship id the sheet part uses for its notes' drawing. */
export const NOTES_DRAWING_REL = 'rId1';
const NOTES_COMMENTS_REL = 'rId2';

/** Relationship id of a sheet's k-th external link (0-based), after the notes' two. */
export function linkRelId(k: number): string {
  return `rId${k + 3}`;
}

/**
 * Entries are dated with a fixed local time, so the same input gives the same
 * bytes on any machine in any time zone: zip stores local time, and 1980 is
 * the earliest date it can hold. Built at each call, because a Date made once
 * is an instant, which reads as 1979 once the time zone moves west.
 */
function zipOptions(): ZipOptions {
  return { level: 6, mtime: new Date(1980, 0, 1, 12, 0, 0) };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  /** A target outside the package (a web address). */
  external?: boolean;
}

function relationships(rels: readonly Relationship[]): string {
  const items = rels.map(
    (rel) =>
      `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${xmlAttr(rel.target)}"${rel.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL}">${items.join('')}</Relationships>`;
}

function contentTypes(sheets: readonly PackagedSheet[]): string {
  const overrides = [
    ['/xl/workbook.xml', `${SPREADSHEET_TYPE}.sheet.main+xml`],
    ['/xl/styles.xml', `${SPREADSHEET_TYPE}.styles+xml`],
    ['/xl/sharedStrings.xml', `${SPREADSHEET_TYPE}.sharedStrings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  sheets.forEach((sheet, i) => {
    overrides.push([`/xl/worksheets/sheet${i + 1}.xml`, `${SPREADSHEET_TYPE}.worksheet+xml`]);
    if (sheet.notes)
      overrides.push([`/xl/comments${i + 1}.xml`, `${SPREADSHEET_TYPE}.comments+xml`]);
  });
  return [
    XML_DECLARATION,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
    ...overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`),
    '</Types>',
  ].join('');
}

function workbookXml(sheets: readonly PackagedSheet[]): string {
  const items = sheets.map(
    (sheet, i) => `<sheet name="${xmlAttr(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  return `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${items.join('')}</sheets></workbook>`;
}

function workbookRels(sheets: readonly PackagedSheet[]): string {
  const n = sheets.length;
  return relationships([
    ...sheets.map((_, i) => ({
      id: `rId${i + 1}`,
      type: `${REL}/worksheet`,
      target: `worksheets/sheet${i + 1}.xml`,
    })),
    { id: `rId${n + 1}`, type: `${REL}/styles`, target: 'styles.xml' },
    { id: `rId${n + 2}`, type: `${REL}/sharedStrings`, target: 'sharedStrings.xml' },
  ]);
}

function coreXml(title: string): string {
  return [
    XML_DECLARATION,
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ',
    'xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>OGI Lens</dc:creator>`,
    '</cp:coreProperties>',
  ].join('');
}

const APP_XML = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>OGI Lens</Application></Properties>`;

/** The .xlsx bytes. Parts are added in a fixed order, content types first as Office writes them. */
export function packageWorkbook(parts: PackageParts): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': contentTypes(parts.sheets),
    '_rels/.rels': relationships([
      { id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' },
      { id: 'rId2', type: `${PACKAGE_REL}/metadata/core-properties`, target: 'docProps/core.xml' },
      { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
    ]),
    'docProps/core.xml': coreXml(parts.title),
    'docProps/app.xml': APP_XML,
    'xl/workbook.xml': workbookXml(parts.sheets),
    'xl/_rels/workbook.xml.rels': workbookRels(parts.sheets),
    'xl/styles.xml': parts.styles,
    'xl/sharedStrings.xml': parts.sharedStrings,
  };
  parts.sheets.forEach((sheet, i) => {
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = sheet.xml;
    const rels: Relationship[] = sheet.externalLinks.map((link) => ({
      id: link.id,
      type: `${REL}/hyperlink`,
      target: link.url,
      external: true,
    }));
    if (sheet.notes) {
      rels.unshift(
        {
          id: NOTES_DRAWING_REL,
          type: `${REL}/vmlDrawing`,
          target: `../drawings/vmlDrawing${n}.vml`,
        },
        { id: NOTES_COMMENTS_REL, type: `${REL}/comments`, target: `../comments${n}.xml` },
      );
      files[`xl/comments${n}.xml`] = sheet.notes.comments;
      files[`xl/drawings/vmlDrawing${n}.vml`] = sheet.notes.vml;
    }
    if (rels.length > 0) files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = relationships(rels);
  });
  const zipped: Record<string, Uint8Array> = {};
  // A copy into this realm's Uint8Array: fflate tells files from folders with
  // `instanceof Uint8Array`, and in a Firefox content script TextEncoder (which
  // strToU8 uses) returns the page's Uint8Array — every file became a folder.
  for (const [path, text] of Object.entries(files)) zipped[path] = new Uint8Array(strToU8(text));
  return zipSync(zipped, zipOptions());
}

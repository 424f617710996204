/**
 * The lines a page draws, from pdf.js's operator list: Word and LibreOffice
 * stroke each cell border as a line, Chromium fills each as a thin
 * rectangle. Both become horizontal and vertical rulings in page
 * coordinates (y growing downwards), which lib/pdf/ruled-tables.ts turns
 * into cells.
 */
import type { PdfOperatorList, PdfOps } from './pdfjs';

export interface Ruling {
  /** Horizontal: y; vertical: x. */
  at: number;
  /** The extent along the line: x0..x1 for a horizontal, top..bottom for a vertical ruling. */
  from: number;
  to: number;
}

export interface PageRulings {
  horizontal: Ruling[];
  vertical: Ruling[];
  /** Images painted on the page (a scanned page is one image and no text). */
  images: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** A line or a filled bar thinner than this is a ruling (points). */
const THIN = 2.5;
/** Shorter than this, a mark is no table border (a bullet, an underline's dot). */
const MIN_LENGTH = 4;
/** pdf.js's DrawOPS codes inside a constructPath's path data. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

interface Point {
  x: number;
  y: number;
}

/** The straight subpaths of a path; a subpath with a curve is no ruling and is dropped. */
function subpaths(data: ArrayLike<number>): { points: Point[]; closed: boolean }[] {
  const out: { points: Point[]; closed: boolean }[] = [];
  let current: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  const finish = () => {
    if (current && !current.curved && current.points.length > 1) out.push(current);
    current = null;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      finish();
      current = {
        points: [{ x: data[i] ?? 0, y: data[i + 1] ?? 0 }],
        closed: false,
        curved: false,
      };
      i += 2;
    } else if (op === LINE_TO) {
      current?.points.push({ x: data[i] ?? 0, y: data[i + 1] ?? 0 });
      i += 2;
    } else if (op === CURVE_TO || op === QUAD_TO) {
      if (current) current.curved = true;
      i += op === CURVE_TO ? 6 : 4;
    } else if (op === CLOSE) {
      if (current) current.closed = true;
    } else break;
  }
  finish();
  return out;
}

/** Collects the page's rulings from its operator list; `pageHeight` flips y downwards. */
export function rulingsOf(list: PdfOperatorList, ops: PdfOps, pageHeight: number): PageRulings {
  const horizontal: Ruling[] = [];
  const vertical: Ruling[] = [];
  const strokes = new Set([ops.stroke, ops.closeStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const both = new Set([
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const imageOps = new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
  ]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let images = 0;
  const toPage = (p: Point): Point => ({
    x: ctm[0] * p.x + ctm[2] * p.y + ctm[4],
    y: pageHeight - (ctm[1] * p.x + ctm[3] * p.y + ctm[5]),
  });
  const addEdge = (a: Point, b: Point) => {
    if (Math.abs(a.y - b.y) <= THIN / 2 && Math.abs(a.x - b.x) >= MIN_LENGTH) {
      horizontal.push({
        at: (a.y + b.y) / 2,
        from: Math.min(a.x, b.x),
        to: Math.max(a.x, b.x),
      });
    } else if (Math.abs(a.x - b.x) <= THIN / 2 && Math.abs(a.y - b.y) >= MIN_LENGTH) {
      vertical.push({ at: (a.x + b.x) / 2, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) });
    }
  };
  const addBar = (points: Point[]) => {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) {
      horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    } else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) {
      vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
    }
    // A larger filled shape is shading (a header's background), not a border.
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) {
      const m = list.argsArray[i] as number[];
      ctm = multiply(ctm, [m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0]);
    } else if (fn !== undefined && imageOps.has(fn)) images++;
    else if (fn === ops.constructPath) {
      const [paint, paths] = list.argsArray[i] as [number, (ArrayLike<number> | null)[] | null];
      const data = paths?.[0];
      if (!data) continue;
      const stroked = strokes.has(paint) || both.has(paint);
      const filled = fills.has(paint) || both.has(paint);
      if (!stroked && !filled) continue;
      for (const sub of subpaths(data)) {
        const points = sub.points.map(toPage);
        if (filled) addBar(points);
        if (stroked) {
          for (let k = 1; k < points.length; k++)
            addEdge(points[k - 1] as Point, points[k] as Point);
          if (sub.closed) addEdge(points[points.length - 1] as Point, points[0] as Point);
        }
      }
    }
  }
  return { horizontal, vertical, images };
}

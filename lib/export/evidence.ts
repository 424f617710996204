/**
 * "Save evidence image": a PNG of the table that holds a finding's cell, as
 * the reader sees it — the page's own rendering with the extension's marks
 * (and the card, when it is open). The page is scrolled to the table, the
 * background captures the visible tab (`tabs.captureVisibleTab`, the only way
 * to get the rendered pixels), and the capture is cropped here to the
 * table's box, in device pixels, then saved like the exports.
 */
import type { Report } from '../model/report';
import { evidenceFileName } from './filename';
import { saveFile } from './save-file';
import type { ExportFile, ExportOutcome } from './types';

export interface EvidenceDeps {
  /** The visible tab as a PNG data URL, from the background. */
  capture(): Promise<string>;
  save?(doc: Document, file: ExportFile): void;
  /** Waits for the scroll to be painted (two animation frames in the page). */
  painted?(view: Window): Promise<void>;
}

export interface EvidenceRequest {
  report: Report;
  /** The finding's cell (or sentence) on the page. */
  element: Element;
  /** 1-based number of the finding, in the file name. */
  number: number;
}

/** A box in CSS pixels of the viewport. */
export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
}

const framesPainted = (view: Window): Promise<void> =>
  new Promise((resolve) =>
    view.requestAnimationFrame(() => view.requestAnimationFrame(() => resolve())),
  );

/**
 * The part of `box` inside the viewport, in whole CSS pixels: a table wider
 * or taller than the window is cut at the window's edges (the capture holds
 * nothing beyond them).
 */
export function visibleCrop(
  box: DOMRectReadOnly | Crop,
  viewport: { width: number; height: number },
): Crop | null {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const right = Math.min(viewport.width, Math.ceil(box.left + box.width));
  const bottom = Math.min(viewport.height, Math.ceil(box.top + box.height));
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

/** Bytes of a base64 data URL, decoded here: a `fetch` or `<img>` of it would answer to the page's CSP. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/png;base64,') || comma < 0)
    throw new Error('The capture is not a PNG image.');
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) reject(new Error('The image could not be encoded.'));
      else blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png');
  });
}

/** The table the element sits in: what a reader needs to redo the sum; the element itself outside a table. */
function regionOf(element: Element): Element {
  return element.closest('table') ?? element;
}

export async function saveEvidence(
  doc: Document,
  request: EvidenceRequest,
  deps: EvidenceDeps,
): Promise<ExportOutcome> {
  try {
    const view = doc.defaultView;
    if (!view) throw new Error('This page has no window to capture.');
    const region = regionOf(request.element);
    const viewport = {
      width: doc.documentElement.clientWidth || view.innerWidth,
      height: doc.documentElement.clientHeight || view.innerHeight,
    };
    // The whole table when it fits in the window, else the part around the finding's cell.
    const fits = region.getBoundingClientRect().height <= viewport.height;
    (fits ? region : request.element).scrollIntoView({ block: 'center', inline: 'nearest' });
    await (deps.painted ?? framesPainted)(view);
    const crop = visibleCrop(region.getBoundingClientRect(), viewport);
    if (!crop) throw new Error('The table is not in view.');
    const png = dataUrlBytes(await deps.capture());
    const bitmap = await createImageBitmap(new Blob([png.slice()], { type: 'image/png' }));
    const ratio = view.devicePixelRatio || 1;
    const canvas = doc.createElement('canvas');
    canvas.width = Math.round(crop.width * ratio);
    canvas.height = Math.round(crop.height * ratio);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to crop the image on.');
    context.drawImage(
      bitmap,
      Math.round(crop.left * ratio),
      Math.round(crop.top * ratio),
      canvas.width,
      canvas.height,
      0,
      0,
      canvas.width,
      canvas.height,
    );
    bitmap.close();
    const file: ExportFile = {
      filename: evidenceFileName(request.report, request.number),
      mime: 'image/png',
      bytes: await canvasPng(canvas),
    };
    (deps.save ?? saveFile)(doc, file);
    return { ok: true, filename: file.filename };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

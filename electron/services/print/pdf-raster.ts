import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfArtBox } from './pdf-art.js';
import type { PrintResource } from './print-resources.js';

/**
 * A supplied PDF drawn as a picture by pdf.js (pdfjs-dist) in the print browser: the screen, the
 * thumbnails and the page images show this picture, while the print PDF gets the PDF's own vectors.
 * pdf.js runs on the page's thread (its worker module imported as `pdfjsWorker`), so every file it
 * needs is a plain request that the print browser answers in-process.
 */

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CONTENT_TYPES: Record<string, string> = { mjs: 'text/javascript', pfb: 'application/octet-stream', ttf: 'font/ttf', bcmap: 'application/octet-stream' };

/** Files of pdfjs-dist the raster document may load: its two modules, standard fonts and character maps. */
export function pdfjsResource(path: string): PrintResource | null {
  const match = /^pdfjs\/(build\/pdf(?:\.worker)?\.min\.mjs|standard_fonts\/[\w.-]+\.(?:pfb|ttf)|cmaps\/[\w.-]+\.bcmap)$/.exec(path);
  const file = match?.[1] ? join(pdfjsRoot, match[1]) : null;
  if (!file || !existsSync(file)) return null;
  return { body: readFileSync(file), contentType: CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}

/** Renders `art.pdf`'s first page, cut to `box`, `widthPx` wide on white; `window.lnvRaster` resolves to a JPEG data URL. */
export function pdfRasterDocument(box: PdfArtBox, widthPx: number): string {
  const script = `
import * as pdfjs from './pdfjs/build/pdf.min.mjs';
import * as worker from './pdfjs/build/pdf.worker.min.mjs';
globalThis.pdfjsWorker = worker;
const box = [${box.x}, ${box.y}, ${box.x + box.width}, ${box.y + box.height}];
window.lnvRaster = (async () => {
  const doc = await pdfjs.getDocument({ url: './art.pdf', isEvalSupported: false, standardFontDataUrl: './pdfjs/standard_fonts/', cMapUrl: './pdfjs/cmaps/', cMapPacked: true }).promise;
  const page = await doc.getPage(1);
  const unit = page.getViewport({ scale: 1 }).convertToViewportRectangle(box);
  const viewport = page.getViewport({ scale: ${widthPx} / Math.abs(unit[2] - unit[0]) });
  const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(box);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(Math.abs(x1 - x0));
  canvas.height = Math.round(Math.abs(y1 - y0));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.translate(-Math.min(x0, x1), -Math.min(y0, y1));
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  return canvas.toDataURL('image/jpeg', 0.9);
})();`;
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module">${script}</script></body></html>`;
}

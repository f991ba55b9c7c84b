import { basename } from 'node:path';
import { PDFDocument, clip, endPath, popGraphicsState, pushGraphicsState, rectangle } from 'pdf-lib';
import { DeskError } from '../../../shared/errors.js';

/** PDF points per millimetre. */
const PT = 72 / 25.4;

/** The part of a supplied PDF that is the artwork: its BleedBox (which pdf-lib falls back to the CropBox, then the MediaBox). */
export interface PdfArtBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A supplied PDF (an advertiser's ad) checked for print: one page or more, not encrypted, with a usable box. */
export async function inspectPdfArt(bytes: Uint8Array, fileName: string): Promise<PdfArtBox> {
  const name = basename(fileName);
  let box: PdfArtBox | null;
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    box = doc.getPages()[0]?.getBleedBox() ?? null;
  } catch (error) {
    const encrypted = /encrypt/i.test((error as Error).message);
    throw new DeskError(
      'invalid_file',
      encrypted
        ? `Tệp "${name}" là PDF có mật khẩu hoặc bị khoá; hãy xin bên quảng cáo bản PDF không khoá.`
        : `Tệp "${name}" không phải PDF đọc được; hãy xin bên quảng cáo gửi lại tệp.`,
    );
  }
  if (!box) throw new DeskError('invalid_file', `Tệp PDF "${name}" không có trang nào.`);
  if (!(box.width > 1 && box.height > 1)) throw new DeskError('invalid_file', `Trang đầu của "${name}" không có kích thước in được.`);
  return box;
}

/** Where a supplied PDF goes on a page of Chromium's PDF, in millimetres from the page's top left corner. */
export interface PdfArtPlacement {
  page: number;
  assetHash: string;
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/**
 * Draws each supplied PDF's first page, as vectors, over its box on the printed page: scaled to
 * fill the box and centred, the overflow clipped, as the screen shows its picture (object-fit: cover).
 * Chromium printed nothing in the box (the page document leaves it transparent for print).
 */
export async function placePdfArt(source: Uint8Array, placements: PdfArtPlacement[], read: (hash: string) => Uint8Array): Promise<Uint8Array> {
  if (placements.length === 0) return source;
  const doc = await PDFDocument.load(source);
  const pages = doc.getPages();
  const embedded = new Map<string, Awaited<ReturnType<PDFDocument['embedPage']>>>();
  for (const placement of placements) {
    const page = pages[placement.page - 1];
    if (!page) continue;
    let art = embedded.get(placement.assetHash);
    if (!art) {
      const artDoc = await PDFDocument.load(read(placement.assetHash));
      const artPage = artDoc.getPages()[0];
      if (!artPage) continue;
      const box = artPage.getBleedBox();
      art = await doc.embedPage(artPage, { left: box.x, bottom: box.y, right: box.x + box.width, top: box.y + box.height });
      embedded.set(placement.assetHash, art);
    }
    const frame = {
      x: placement.xMm * PT,
      y: page.getHeight() - (placement.yMm + placement.heightMm) * PT,
      width: placement.widthMm * PT,
      height: placement.heightMm * PT,
    };
    const scale = Math.max(frame.width / art.width, frame.height / art.height);
    const width = art.width * scale;
    const height = art.height * scale;
    page.pushOperators(pushGraphicsState(), rectangle(frame.x, frame.y, frame.width, frame.height), clip(), endPath());
    page.drawPage(art, { x: frame.x + (frame.width - width) / 2, y: frame.y + (frame.height - height) / 2, width, height });
    page.pushOperators(popGraphicsState());
  }
  return doc.save();
}

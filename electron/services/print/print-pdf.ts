import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** PDF points per millimetre. */
const PT = 72 / 25.4;

export interface SheetGeometry {
  trimWidthMm: number;
  trimHeightMm: number;
  bleedMm: number;
  /** Paper drawn around the trim in the page HTML (more than the bleed; see page-document.ts). */
  sheetBleedMm: number;
}

/** Crop marks start this far outside the trim (past the bleed) and run this long; the sheet leaves room for them. */
const MARK_GAP_MM = 1;
const MARK_LENGTH_MM = 6;
const SHEET_MARGIN_MM = 14;

/**
 * The printer's PDF: each page on a larger sheet with its bleed, crop marks, registration targets
 * and a slug line outside the bleed; TrimBox and BleedBox set exactly (Chromium rounds page sizes,
 * so the boxes are placed here rather than trusted from the page size).
 */
export async function printPdf(source: Uint8Array, geo: SheetGeometry, slug: (page: number) => string, fontBytes: Uint8Array, documentDate: Date): Promise<Uint8Array> {
  const src = await PDFDocument.load(source);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  const font = await out.embedFont(fontBytes, { subset: true });
  const trimW = geo.trimWidthMm * PT;
  const trimH = geo.trimHeightMm * PT;
  const bleed = geo.bleedMm * PT;
  const margin = SHEET_MARGIN_MM * PT;
  const offset = geo.sheetBleedMm * PT;
  const sourcePages = src.getPages();
  for (const [index, sourcePage] of sourcePages.entries()) {
    // Only trim plus bleed of the source page goes on the sheet; the rest would run into the marks.
    const embedded = await out.embedPage(sourcePage, {
      left: offset - bleed,
      bottom: sourcePage.getHeight() - offset - trimH - bleed,
      right: offset + trimW + bleed,
      top: sourcePage.getHeight() - offset + bleed,
    });
    const sheet = out.addPage([trimW + 2 * margin, trimH + 2 * margin]);
    sheet.drawPage(embedded, { x: margin - bleed, y: margin - bleed });
    sheet.setTrimBox(margin, margin, trimW, trimH);
    sheet.setBleedBox(margin - bleed, margin - bleed, trimW + 2 * bleed, trimH + 2 * bleed);
    drawCropMarks(sheet, margin, trimW, trimH, bleed);
    drawRegistration(sheet, margin, trimW, trimH);
    sheet.drawText(slug(index + 1), { x: margin, y: margin / 2 - 6, size: 6.5, font, color: rgb(0, 0, 0) });
  }
  out.setTitle(src.getTitle() ?? '');
  return reproducible(out, documentDate).save();
}

function drawCropMarks(page: PDFPage, margin: number, trimW: number, trimH: number, bleed: number): void {
  const gap = bleed + MARK_GAP_MM * PT;
  const length = MARK_LENGTH_MM * PT;
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.25, color: rgb(0, 0, 0) });
  for (const x of [margin, margin + trimW]) {
    line(x, margin - gap, x, margin - gap - length);
    line(x, margin + trimH + gap, x, margin + trimH + gap + length);
  }
  for (const y of [margin, margin + trimH]) {
    line(margin - gap, y, margin - gap - length, y);
    line(margin + trimW + gap, y, margin + trimW + gap + length, y);
  }
}

/** A target at the middle of each side, for the printer to register the plates. */
function drawRegistration(page: PDFPage, margin: number, trimW: number, trimH: number): void {
  const r = 2.2 * PT;
  const distance = margin - 4.5 * PT;
  const centres = [
    { x: margin + trimW / 2, y: distance * 0.5 + 1.2 * PT },
    { x: margin + trimW / 2, y: margin + trimH + margin - distance * 0.5 - 1.2 * PT },
    { x: distance * 0.5 + 1.2 * PT, y: margin + trimH / 2 },
    { x: margin + trimW + margin - distance * 0.5 - 1.2 * PT, y: margin + trimH / 2 },
  ];
  for (const { x, y } of centres) {
    page.drawCircle({ x, y, size: r, borderColor: rgb(0, 0, 0), borderWidth: 0.25 });
    page.drawLine({ start: { x: x - r * 1.6, y }, end: { x: x + r * 1.6, y }, thickness: 0.25, color: rgb(0, 0, 0) });
    page.drawLine({ start: { x, y: y - r * 1.6 }, end: { x, y: y + r * 1.6 }, thickness: 0.25, color: rgb(0, 0, 0) });
  }
}

/** The proof: trim size, no marks, the page number on every page (ads and cover too) and a watermark. */
export async function proofPdf(source: Uint8Array, geo: SheetGeometry, fontBytes: Uint8Array, documentDate: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(source, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const pages = doc.getPages();
  const trimW = geo.trimWidthMm * PT;
  const trimH = geo.trimHeightMm * PT;
  const offset = geo.sheetBleedMm * PT;
  pages.forEach((page, index) => {
    const x = offset;
    const y = page.getHeight() - offset - trimH;
    page.setMediaBox(x, y, trimW, trimH);
    page.setCropBox(x, y, trimW, trimH);
    drawWatermark(page, font, x, y, trimW, trimH);
    const label = `Trang ${index + 1}/${pages.length}`;
    const size = 7;
    page.drawText(label, { x: x + trimW - font.widthOfTextAtSize(label, size) - 4 * PT, y: y + trimH - 4 * PT, size, font, color: rgb(0.75, 0.1, 0.1) });
  });
  return reproducible(doc, documentDate).save();
}

/**
 * The same pages give the same bytes: dated by the issue rather than the clock, without Chromium's
 * random document ID and XMP packet. A file the website already has is then recognised and not sent again.
 */
function reproducible(doc: PDFDocument, date: Date): PDFDocument {
  doc.setProducer('LNV Desk');
  doc.setCreator('LNV Desk');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.catalog.delete(PDFName.of('Metadata'));
  delete doc.context.trailerInfo.ID;
  return doc;
}

function drawWatermark(page: PDFPage, font: PDFFont, x: number, y: number, w: number, h: number): void {
  const text = 'BẢN IN THỬ';
  const size = w / 6;
  const width = font.widthOfTextAtSize(text, size);
  const angle = Math.atan2(h, w);
  const cx = x + w / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * size) / 3;
  const cy = y + h / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * size) / 3;
  page.drawText(text, { x: cx, y: cy, size, font, rotate: degrees((angle * 180) / Math.PI), color: rgb(0.85, 0.2, 0.2), opacity: 0.16 });
}

export interface FontEmbedding {
  name: string;
  embedded: boolean;
}

/** Every font the PDF uses, and whether its glyph outlines are inside the file (Type 3 counts as not). */
export async function pdfFonts(bytes: Uint8Array): Promise<FontEmbedding[]> {
  const doc = await PDFDocument.load(bytes);
  const fonts: FontEmbedding[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Type0')) continue;
    const name = object.get(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '(không tên)';
    const descriptor = object.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded =
      subtype !== PDFName.of('Type3') &&
      descriptor !== undefined &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
    fonts.push({ name, embedded });
  }
  return fonts;
}

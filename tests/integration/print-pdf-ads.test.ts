import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import type { ExportProgress, PageSlot } from '../../shared/model/print-issue.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace, defaultResourcesDir } from '../../electron/services/workspace/workspace.js';
import { jobEnd } from '../support/print-job.js';
import { tempDir } from '../support/temp-dir.js';

const MM = 72 / 25.4;
const GREEN = { r: 20, g: 110, b: 60 };
const RED = { r: 190, g: 30, b: 40 };

/**
 * An advertiser's PDF as they come: trim plus 3 mm bleed, BleedBox and TrimBox set, one solid
 * colour and a line of Vietnamese text, the font embedded unless `standardFont`.
 */
async function adPdf(widthMm: number, heightMm: number, colour: typeof GREEN, text: string, standardFont = false): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = standardFont
    ? await doc.embedFont(StandardFonts.HelveticaBold)
    : await doc.embedFont(readFileSync(join(defaultResourcesDir(), 'fonts', 'BeVietnamPro-Bold.ttf')), { subset: true });
  const page = doc.addPage([(widthMm + 6) * MM, (heightMm + 6) * MM]);
  page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: page.getHeight(), color: rgb(colour.r / 255, colour.g / 255, colour.b / 255) });
  page.drawText(text, { x: 15 * MM, y: page.getHeight() / 2, size: 14, font, color: rgb(1, 1, 1) });
  page.setBleedBox(0, 0, page.getWidth(), page.getHeight());
  page.setTrimBox(3 * MM, 3 * MM, widthMm * MM, heightMm * MM);
  return Buffer.from(await doc.save());
}

/** The colour of a PDF page at a point given in fractions of its width and height (poppler's pdftoppm, 30 dpi). */
async function pdfColourAt(file: string, page: number, fx: number, fy: number): Promise<{ r: number; g: number; b: number }> {
  const png = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '30', '-png', '-singlefile', file]);
  return colourAt(png, fx, fy);
}

async function colourAt(image: Buffer, fx: number, fy: number): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const x = Math.floor(info.width * fx);
  const y = Math.floor(info.height * fy);
  const at = (y * info.width + x) * info.channels;
  return { r: data[at] ?? 0, g: data[at + 1] ?? 0, b: data[at + 2] ?? 0 };
}

const close = (colour: { r: number; g: number; b: number }, expected: typeof GREEN) =>
  Math.abs(colour.r - expected.r) + Math.abs(colour.g - expected.g) + Math.abs(colour.b - expected.b) < 40;

describe('advertisements supplied as PDF', () => {
  let ws: Workspace;
  let call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
  let issueId: number;
  let adPage: number;
  let footAdPage: number;
  let done: ExportProgress;
  let fullHash: string;

  beforeAll(async () => {
    ws = await Workspace.open(tempDir('lnv-pdf-ads-'));
    const dispatch = createDispatcher(createHandlers(ws), () => {});
    call = ((name: CallName, input: unknown) => dispatch(name, input)) as typeof call;
    issueId = (await call('issues.list', {}))[0]!.id;
    const detail = await call('print.issue.get', { issueId });
    const toBase64 = (bytes: Buffer) => bytes.toString('base64');

    const full = await call('print.art.add', { fileName: 'sua-dong-xanh.pdf', dataBase64: toBase64(await adPdf(210, 297, GREEN, 'Sữa Đồng Xanh – vị quê mùa gặt')) });
    const foot = await call('print.art.add', { fileName: 'gom-hong-ha.pdf', dataBase64: toBase64(await adPdf(178, 60, RED, 'Gốm Hồng Hà – men lam Bát Tràng')) });
    fullHash = full.hash;
    adPage = detail.flatplan.pages.findIndex((slot) => slot.kind === 'ad') + 1;
    footAdPage = detail.flatplan.pages.findIndex((slot, i) => slot.kind === 'article' && detail.flatplan.pages[i - 1]?.articleId === slot.articleId) + 1;
    const pages: PageSlot[] = detail.flatplan.pages.map((slot, i) => {
      if (i === adPage - 1) return { ...slot, assetHash: full.hash };
      if (i === footAdPage - 1) return { ...slot, ad: { assetHash: foot.hash, name: 'Gốm Hồng Hà', size: 'quarter' } };
      return slot;
    });
    await call('print.flatplan.save', { issueId, pages });

    done = await jobEnd(ws, () => call('print.export.start', { issueId, outputs: ['print', 'images'] }));
  }, 240_000);

  afterAll(async () => {
    await ws?.print.browser.close();
    ws?.close();
  });

  const printFile = () => done.files.find((f) => f.endsWith('-in.pdf'))!;

  it('stores the PDF whole and shows a picture of it on screen', async () => {
    expect(done.stage).toBe('done');
    const asset = await call('assets.get', { hash: fullHash });
    expect(asset.mimeType).toBe('application/pdf');
    expect(ws.assetFiles.read(fullHash).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // 216 mm at 200 ppi, and the page's shape.
    expect(asset.width).toBe(1701);
    expect(Math.abs(asset.height / asset.width - 303 / 216)).toBeLessThan(0.01);
    const picture = await ws.print.resources.get(`assets/${fullHash}`, new URLSearchParams({ w: '800' }));
    expect(picture?.contentType).toBe('image/jpeg');
    expect(close(await colourAt(picture!.body, 0.5, 0.2), GREEN)).toBe(true);
  });

  it('prints the ad as vectors: its own text is in the print PDF, no picture of it, and its colour fills the page', async () => {
    const text = execFileSync('pdftotext', ['-f', String(adPage), '-l', String(adPage), '-enc', 'UTF-8', printFile(), '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('Sữa Đồng Xanh – vị quê mùa gặt');
    const images = execFileSync('pdfimages', ['-list', '-f', String(adPage), '-l', String(adPage), printFile()], { encoding: 'utf8' });
    const sizes = images.split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/).slice(3, 5).map(Number));
    expect(sizes.filter(([w = 0, h = 0]) => w > 8 || h > 8)).toEqual([]);
    // The sheet has crop-mark room around the page: the middle of the sheet is the middle of the ad.
    expect(close(await pdfColourAt(printFile(), adPage, 0.5, 0.3), GREEN)).toBe(true);
    expect(close(await pdfColourAt(printFile(), adPage, 0.5, 0.7), GREEN)).toBe(true);
  });

  it('prints a part-page PDF ad at the foot of its article page, above the bottom margin', async () => {
    const text = execFileSync('pdftotext', ['-f', String(footAdPage), '-l', String(footAdPage), '-enc', 'UTF-8', printFile(), '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('Gốm Hồng Hà – men lam Bát Tràng');
    const sheet = await PDFDocument.load(readFileSync(printFile()));
    const page = sheet.getPage(footAdPage - 1);
    const trim = page.getTrimBox();
    // A quarter of the text area, ending at the bottom margin: red just above it, white in the margin, body text colour (not red) at the top.
    const fy = (mmFromTrimBottom: number) => 1 - (trim.y + mmFromTrimBottom * MM) / page.getHeight();
    const profile = ws.catalog.profile().print;
    expect(close(await pdfColourAt(printFile(), footAdPage, 0.5, fy(profile.marginBottomMm + 10)), RED)).toBe(true);
    expect(close(await pdfColourAt(printFile(), footAdPage, 0.5, fy(profile.marginBottomMm / 2)), RED)).toBe(false);
    expect(close(await pdfColourAt(printFile(), footAdPage, 0.5, fy(profile.trimHeightMm / 2)), RED)).toBe(false);
  });

  it('embeds the ad’s own fonts in the print PDF', () => {
    const fonts = execFileSync('pdffonts', ['-f', String(adPage), '-l', String(adPage), printFile()], { encoding: 'utf8' });
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.some((row) => row.includes('BeVietnamPro-Bold'))).toBe(true);
    expect(rows.every((row) => / yes +(yes|no) +(yes|no) +\d+/.test(row))).toBe(true);
  });

  it('shows the picture of the ad in the page image, so the e-magazine sees it', async () => {
    const slug = ws.printIssues.get(issueId).issue.slug;
    const image = readFileSync(join(done.files.find((f) => f.endsWith(`/anh-trang/${slug}-${adPage}.jpg`))!));
    expect(close(await colourAt(image, 0.5, 0.25), GREEN)).toBe(true);
  });

  it('has preflight name a PDF whose fonts are not embedded, and never its resolution', async () => {
    const unembedded = await call('print.art.add', {
      fileName: 'quang-cao-thieu-phong.pdf',
      dataBase64: (await adPdf(210, 297, GREEN, 'Quang cao khong nhung phong', true)).toString('base64'),
    });
    const detail = await call('print.issue.get', { issueId });
    const pages = detail.flatplan.pages.map((slot, i) => (i === adPage - 1 ? { ...slot, assetHash: unembedded.hash } : slot));
    await call('print.flatplan.save', { issueId, pages });
    const findings = await call('print.preflight', { issueId });
    expect(findings.filter((f) => f.code === 'font-not-embedded')).toEqual([
      expect.objectContaining({ page: adPage, message: expect.stringContaining('Helvetica-Bold') }),
    ]);
    expect(findings.filter((f) => f.code === 'low-resolution' && f.page === adPage)).toEqual([]);
  });

  it('refuses a file that only claims to be a PDF, in Vietnamese, and keeps nothing of it', async () => {
    const assetFiles = () => readdirSync(join(ws.dataDir, 'assets'), { recursive: true }).length;
    const before = assetFiles();
    await expect(call('print.art.add', { fileName: 'quang-cao-hong.pdf', dataBase64: Buffer.from('%PDF-1.7\nkhông phải PDF').toString('base64') })).rejects.toThrow(
      'Tệp "quang-cao-hong.pdf" không phải PDF đọc được',
    );
    expect(assetFiles()).toBe(before);
  });
});

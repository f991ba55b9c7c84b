import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, type PDFArray, type PDFNumber } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { bodyToText, paragraphsToBody } from '../../shared/article-body.js';
import type { ExportProgress } from '../../shared/model/print-issue.js';
import { createHandlers } from '../../electron/services/desk-handlers.js';
import { createDispatcher } from '../../electron/services/dispatcher.js';
import { Workspace, defaultResourcesDir } from '../../electron/services/workspace/workspace.js';
import { jobEnd } from '../support/print-job.js';
import { tempDir } from '../support/temp-dir.js';

const PT = 72 / 25.4;

interface Desk {
  ws: Workspace;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  exportIssue(issueId: number, outputs: ('print' | 'proof' | 'images')[]): Promise<ExportProgress>;
}

async function openDesk(options: { resourcesDir?: string } = {}): Promise<Desk> {
  const ws = await Workspace.open(tempDir('lnv-print-'), options);
  const dispatch = createDispatcher(createHandlers(ws), () => {});
  const call = ((name: CallName, input: unknown) => dispatch(name, input)) as Desk['call'];
  const exportIssue = async (issueId: number, outputs: ('print' | 'proof' | 'images')[]) => {
    return jobEnd(ws, () => call('print.export.start', { issueId, outputs }));
  };
  return { ws, call, exportIssue };
}

const box = (page: ReturnType<PDFDocument['getPages']>[number], name: 'TrimBox' | 'BleedBox' | 'MediaBox') => {
  const array = page.node.lookup(PDFName.of(name)) as PDFArray;
  return array.asArray().map((n) => Math.round((n as PDFNumber).asNumber() * 100) / 100);
};
const near = (mm: number) => Math.round(mm * PT * 100) / 100;

/** The words of a page range of a PDF, as a reader would read them. */
function pdfWords(file: string, first: number, last: number): string[] {
  const text = execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.normalize('NFC').split(/\s+/).filter(Boolean);
}

function countRun(haystack: string[], needle: string[]): number {
  let count = 0;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((word, k) => haystack[i + k] === word)) count += 1;
  }
  return count;
}

describe('exporting the sample issue Số 456', () => {
  let desk: Desk;
  let done: ExportProgress;
  let issueId: number;
  const printPdf = () => done.files.find((f) => f.endsWith('-in.pdf'))!;
  const proofPdf = () => done.files.find((f) => f.endsWith('-ban-in-thu.pdf'))!;

  beforeAll(async () => {
    desk = await openDesk();
    issueId = (await desk.call('issues.list', {}))[0]!.id;
    for (const placed of (await desk.call('print.issue.get', { issueId })).placed) {
      await desk.call('articles.save', { id: placed.articleId, fields: { status: 'approved' }, reason: 'explicit' });
    }
    done = await desk.exportIssue(issueId, ['print', 'proof', 'images']);
  }, 120_000);

  afterAll(() => desk.ws.close());

  it('finishes and lists the print PDF, the proof PDF and 12 page images with thumbnails', () => {
    expect(done.stage).toBe('done');
    expect(done.files.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    expect(done.files.filter((f) => /anh-trang\/so-456-tap-chi-lang-nghe-viet-nam-2025-\d+\.jpg$/.test(f))).toHaveLength(12);
    expect(done.files.filter((f) => /anh-trang\/nho\//.test(f))).toHaveLength(12);
  });

  it('prints every page on a sheet with crop-mark room, TrimBox at A4 and BleedBox 3 mm outside it', async () => {
    const pdf = await PDFDocument.load(readFileSync(printPdf()));
    expect(pdf.getPageCount()).toBe(12);
    for (const page of pdf.getPages()) {
      expect(box(page, 'MediaBox')).toEqual([0, 0, near(210 + 28), near(297 + 28)]);
      // PDF boxes are [left, bottom, right, top].
      expect(box(page, 'TrimBox')).toEqual([near(14), near(14), near(14 + 210), near(14 + 297)]);
      expect(box(page, 'BleedBox')).toEqual([near(11), near(11), near(11 + 216), near(11 + 303)]);
    }
    const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', printPdf()], { encoding: 'utf8' });
    expect(info).toMatch(/TrimBox:\s+39\.69\s+39\.69\s+634\.96\s+881\.57/);
  });

  it('embeds every font (TrueType, none as Type 3)', () => {
    const fonts = execFileSync('pdffonts', [printPdf()], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(2);
    for (const line of fonts) {
      expect(line).toContain('TrueType');
      // Columns emb, sub, uni: every font embedded and mapped to Unicode (the slug line's font is not subset-named).
      expect(line).toMatch(/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
    }
  });

  it("contains each placed article's text exactly once and in order on its own pages", async () => {
    const detail = await desk.call('print.issue.get', { issueId });
    expect(detail.placed.length).toBe(6);
    for (const placed of detail.placed) {
      const article = await desk.call('articles.get', { id: placed.articleId });
      const words = pdfWords(printPdf(), placed.firstPage, placed.lastPage);
      const words4 = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean).slice(0, 4);
      const nodes = article.body.content ?? [];
      // Captions print with their pictures, which may float (the first one is the opener's hero): once, anywhere.
      for (const figure of nodes.filter((n) => n.type === 'figure')) {
        const opening = words4(bodyToText({ type: 'doc', content: [figure] }));
        expect(countRun(words, opening), `caption «${opening.join(' ')}» in ${placed.title}`).toBe(1);
      }
      let cursor = 0;
      for (const node of nodes.filter((n) => n.type !== 'figure')) {
        const opening = words4(bodyToText({ type: 'doc', content: [node] }));
        if (opening.length < 4) continue;
        expect(countRun(words, opening), `«${opening.join(' ')}» in ${placed.title}`).toBe(1);
        const at = words.findIndex((_, i) => i >= cursor && opening.every((w, k) => words[i + k] === w));
        expect(at, `«${opening.join(' ')}» after the previous paragraph`).toBeGreaterThanOrEqual(cursor);
        cursor = at + 1;
      }
    }
  });

  it('numbers the contents with the pages the articles really start on', async () => {
    const detail = await desk.call('print.issue.get', { issueId });
    const contents = pdfWords(printPdf(), 3, 3).join(' ');
    for (const entry of detail.toc) {
      expect(contents).toContain(`${entry.title} ${entry.page}`);
      const opener = pdfWords(printPdf(), entry.page, entry.page).join(' ');
      expect(opener).toContain(entry.title);
    }
  });

  it('makes a proof at trim size with the watermark and page numbers on every page', async () => {
    const pdf = await PDFDocument.load(readFileSync(proofPdf()));
    expect(pdf.getPageCount()).toBe(12);
    for (const page of pdf.getPages()) {
      expect(Math.abs(page.getWidth() - 210 * PT)).toBeLessThan(0.5);
      expect(Math.abs(page.getHeight() - 297 * PT)).toBeLessThan(0.5);
    }
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', proofPdf(), '-'], { encoding: 'utf8' }).normalize('NFC');
    // The watermark runs diagonally: pdftotext gives it a letter per line.
    expect(text.replace(/\s/g, '').match(/BẢNINTHỬ/g)).toHaveLength(12);
    expect(text).toContain('Trang 12/12');
  });

  it('writes page images 1600 px high and thumbnails, named as the website names them', async () => {
    const image = done.files.find((f) => f.endsWith('/anh-trang/so-456-tap-chi-lang-nghe-viet-nam-2025-7.jpg'))!;
    const meta = await sharp(image).metadata();
    expect(meta.height).toBe(1600);
    expect(Math.abs(meta.width! - (1600 * 210) / 297)).toBeLessThan(1);
    expect((await sharp(join(image, '../nho/so-456-tap-chi-lang-nghe-viet-nam-2025-7.jpg')).metadata()).height).toBe(320);
  });
});

describe('preflight and bad input', () => {
  let desk: Desk;
  let issueId: number;

  beforeAll(async () => {
    // A template that lost its body frame, as a hand-edited template folder might.
    const resources = tempDir('lnv-resources-');
    cpSync(defaultResourcesDir(), resources, { recursive: true });
    writeFileSync(join(resources, 'templates', 'feature-continuation.html'), '<div class="type-area"></div>');
    desk = await openDesk({ resourcesDir: resources });
    issueId = (await desk.call('issues.list', {}))[0]!.id;
  }, 60_000);

  afterAll(() => desk.ws.close());

  it('finds a low-resolution picture, an overset article, a broken image, a missing frame and unapproved articles, each with its page', async () => {
    const small = await sharp({ create: { width: 240, height: 160, channels: 3, background: '#a33' } }).jpeg().toBuffer();
    const lowRes = await desk.call('assets.add', { fileName: 'nho.jpg', dataBase64: small.toString('base64'), caption: 'Ảnh nhỏ' });
    const broken = await desk.call('assets.add', { fileName: 'hong.jpg', dataBase64: (await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a3' } }).jpeg().toBuffer()).toString('base64') });
    writeFileSync(desk.ws.assetFiles.pathOf(broken.hash), Buffer.from('không phải ảnh'));
    const figure = (hash: string, caption: string) => ({ type: 'figure', attrs: { asset: hash }, content: [{ type: 'text', text: caption }] });
    const detail = await desk.call('print.issue.get', { issueId });
    const [first, second] = detail.placed.filter((p) => p.firstPage === p.lastPage);
    const long = Array.from({ length: 60 }, (_, i) => `Đoạn ${i + 1}: người thợ làng nghề kể lại chuyện giữ lửa lò qua nhiều thế hệ, từ khi nhào đất, chuốt gốm, vẽ men tới lúc ra lò.`);
    await desk.call('articles.save', { id: first!.articleId, fields: { body: { type: 'doc', content: [...paragraphsToBody(long).content!, figure(lowRes.hash, 'Ảnh độ phân giải thấp.')] } }, reason: 'explicit' });
    await desk.call('articles.save', { id: second!.articleId, fields: { body: { type: 'doc', content: [figure(broken.hash, 'Ảnh hỏng.'), ...paragraphsToBody(['Bài có ảnh hỏng.']).content!] } }, reason: 'explicit' });

    const findings = await desk.call('print.preflight', { issueId });
    const of = (code: string) => findings.filter((f) => f.code === code);
    // The feature article also overflows: its continuation page lost the body frame.
    const overset = of('overset').filter((f) => f.articleId === first!.articleId);
    expect(overset).toEqual([expect.objectContaining({ page: first!.lastPage, severity: 'error' })]);
    expect(overset[0]!.message).toMatch(/tràn \d+ dòng \(\d+ chữ\)/);
    expect(of('overset')).toHaveLength(2);
    expect(of('broken-image')).toEqual([expect.objectContaining({ page: second!.firstPage })]);
    expect(of('missing-frame')).toEqual([expect.objectContaining({ page: 5 })]);
    expect(of('not-approved').length).toBeGreaterThan(0);
    const fits = (await desk.call('print.layout', { issueId, resourceBase: 'lnv-asset://print/' })).fits;
    expect(fits.find((f) => f.articleId === first!.articleId)!.oversetLines).toBeGreaterThan(10);
    // The low-resolution picture is overset with the text it follows; shrink the text and it is placed and flagged.
    await desk.call('articles.save', { id: first!.articleId, fields: { body: { type: 'doc', content: [...paragraphsToBody(long.slice(0, 3)).content!, figure(lowRes.hash, 'Ảnh độ phân giải thấp.')] } }, reason: 'explicit' });
    const again = await desk.call('print.preflight', { issueId });
    expect(again.filter((f) => f.code === 'low-resolution')).toEqual([expect.objectContaining({ page: first!.firstPage })]);
    expect(again.find((f) => f.code === 'low-resolution')!.message).toMatch(/chỉ đạt \d+ ppi/);
  }, 60_000);

  it('still exports every page, and a 20-metre table is reported as overset rather than lost', async () => {
    const detail = await desk.call('print.issue.get', { issueId });
    const target = detail.placed.at(-1)!;
    const rows = Array.from({ length: 2500 }, (_, i) => ({ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Hộ sản xuất số ${i + 1}` }] }] }] }));
    await desk.call('articles.save', { id: target.articleId, fields: { body: { type: 'doc', content: [{ type: 'table', content: rows }] } }, reason: 'explicit' });
    const fits = (await desk.call('print.layout', { issueId, resourceBase: 'lnv-asset://print/' })).fits;
    expect(fits.find((f) => f.articleId === target.articleId)!.oversetLines).toBeGreaterThan(1000);
    const done = await desk.exportIssue(issueId, ['print']);
    expect(done.stage).toBe('done');
    expect(done.message).toContain('còn tràn chữ');
    const pdf = await PDFDocument.load(readFileSync(done.files[0]!));
    expect(pdf.getPageCount()).toBe(12);
  }, 90_000);

  it('makes the print-size pictures in the background once the pages have been laid out for the screen', async () => {
    const detail = await desk.call('print.issue.get', { issueId });
    const cover = detail.flatplan.pages[0]!.assetHash!;
    rmSync(join(desk.ws.dataDir, 'cache', 'print'), { recursive: true, force: true });
    // An edit, so the pages are laid out anew rather than taken from the last layout.
    await desk.call('articles.save', { id: detail.placed[0]!.articleId, fields: { byline: 'Minh Khôi – Thu Hà' }, reason: 'explicit' });
    await desk.call('print.layout', { issueId, resourceBase: 'lnv-asset://print/' });
    // The cover (1800 × 2540 px) fills the page with its bleed, 216 × 303 mm: 2,551 px across at 300 ppi, rounded up to 2,600,
    // cut to the page's shape; a picture is never enlarged, so the copy keeps the cover's 1,800 px across.
    const cache = join(desk.ws.dataDir, 'cache', 'print');
    const printCopy = () => (existsSync(cache) ? readdirSync(cache).find((f) => f.startsWith(`${cover}-2600x`) && f.endsWith('.jpg')) : undefined);
    await expect.poll(printCopy, { timeout: 30_000, interval: 100 }).toBeDefined();
    const { width = 0, height = 0 } = await sharp(join(cache, printCopy()!)).metadata();
    expect(width).toBe(1800);
    expect(Math.abs(height / width - 303 / 216)).toBeLessThan(0.002);
  }, 60_000);

  it('cancels an export cleanly, leaving no half-written files', async () => {
    const progress: ExportProgress[] = [];
    const stop = desk.ws.events.subscribe((event, payload) => {
      if (event === 'print.export.progress') progress.push(payload as ExportProgress);
    });
    const { jobId, outDir } = await desk.call('print.export.start', { issueId, outputs: ['images'] });
    // Cancelled while page 2 is photographed, with page 1's thumbnail still being made.
    await expect.poll(() => progress.some((p) => p.jobId === jobId && p.message.startsWith('Ảnh trang 2/')), { timeout: 60_000, interval: 10 }).toBe(true);
    expect((await desk.call('print.export.cancel', { jobId })).cancelled).toBe(true);
    await expect.poll(() => progress.find((p) => p.jobId === jobId && p.stage === 'cancelled'), { timeout: 30_000, interval: 50 }).toBeTruthy();
    stop();
    const left = readdirSync(join(outDir, 'anh-trang'), { recursive: true }).map(String).filter((f) => /\.(jpg|part)$/.test(f));
    expect(left).toEqual([]);
  }, 90_000);
});

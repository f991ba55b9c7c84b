import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { DeskError } from '../../../shared/errors.js';
import type { ExportOutput, ExportProgress } from '../../../shared/model/print-issue.js';
import { SHEET_BLEED_MM } from '../../../shared/print/page-document.js';
import type { Workspace } from '../workspace/workspace.js';
import { INTERNAL_BASE, type PrintSession } from './print-browser.js';
import { PAGE_IMAGE_PPI, PRINT_IMAGE_PPI } from './print-issues.js';
import { publishEmagazine } from '../sync/emagazine-post.js';
import { placePdfArt } from './pdf-art.js';
import { pdfFonts, printPdf, proofPdf, type SheetGeometry } from './print-pdf.js';

/** Page images for the e-magazine are about this tall; thumbnails for its page strip. */
export const PAGE_IMAGE_HEIGHT = 1600;
export const THUMBNAIL_HEIGHT = 320;
const CSS_PX_PER_MM = 96 / 25.4;

interface Job {
  cancelled: boolean;
  session: PrintSession | null;
  written: string[];
}

class Cancelled extends Error {}

type Reporter = (stage: ExportProgress['stage'], done: number, total: number, message: string, files?: string[]) => void;

/** Exports run one at a time per job id, report progress as events, and can be cancelled between steps. */
export class PrintExports {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly ws: Workspace) {}

  defaultOutDir(issueId: number): string {
    return join(this.ws.dataDir, 'exports', this.ws.printIssues.get(issueId).issue.slug);
  }

  start(issueId: number, outputs: ExportOutput[], outDir?: string): { jobId: string; outDir: string } {
    this.ws.printIssues.get(issueId);
    const jobId = randomUUID();
    const dir = resolve(outDir ?? this.defaultOutDir(issueId));
    this.launch(jobId, async (job, report, check) => {
      const warnings = await this.produce(job, issueId, outputs, dir, 0, report, check);
      const summary = warnings.length > 0 ? ` Lưu ý: ${warnings.join(' ')}` : '';
      return `Đã xuất ${job.written.length} tệp vào ${dir}.${summary}`;
    });
    return { jobId, outDir: dir };
  }

  /**
   * The issue's e-magazine on a site: its proof PDF and page images made afresh (into the issue's
   * export folder), then sent as one post (emagazine-post.ts). Progress and cancel as for an export.
   */
  startEmagazine(issueId: number, siteId: number): { jobId: string } {
    this.ws.printIssues.get(issueId);
    this.ws.sites.get(siteId);
    const jobId = randomUUID();
    const dir = this.defaultOutDir(issueId);
    this.launch(jobId, async (job, report, check) => {
      const pageCount = this.ws.printIssues.get(issueId).flatplan.pages.length;
      const uploads = pageCount + 2;
      await this.produce(job, issueId, ['proof', 'images'], dir, uploads, report, check);
      const total = 3 + pageCount + uploads;
      const post = await publishEmagazine(this.ws, siteId, issueId, job.written, (done, message) => {
        check();
        report('upload', total - uploads + done, total, message);
      });
      return `Đã đăng e-magazine ${pageCount} trang: ${post.link}`;
    });
    return { jobId };
  }

  /** Exports and e-magazine posts still running (an update waits for them). */
  runningCount(): number {
    return this.jobs.size;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    return true;
  }

  private emit(progress: ExportProgress): void {
    this.ws.events.emit('print.export.progress', progress);
  }

  private launch(jobId: string, work: (job: Job, report: Reporter, check: () => void) => Promise<string>): void {
    const job: Job = { cancelled: false, session: null, written: [] };
    this.jobs.set(jobId, job);
    void this.runJob(jobId, job, work).finally(() => this.jobs.delete(jobId));
  }

  private async runJob(jobId: string, job: Job, work: (job: Job, report: Reporter, check: () => void) => Promise<string>): Promise<void> {
    let steps = 1;
    const report: Reporter = (stage, done, total, message, files = []) => {
      steps = total;
      this.emit({ jobId, stage, done, total, message, files });
    };
    const check = () => {
      if (job.cancelled) throw new Cancelled();
    };
    try {
      const message = await work(job, report, check);
      report('done', steps, steps, message, job.written);
    } catch (error) {
      for (const file of job.written) rmSync(file, { force: true });
      if (error instanceof Cancelled) {
        report('cancelled', 0, 0, 'Đã huỷ; các tệp dở dang đã được xoá.');
      } else {
        const message = error instanceof DeskError ? error.message : `Xuất thất bại: ${(error as Error).message}`;
        report('failed', 0, 0, message);
      }
    } finally {
      await job.session?.close();
    }
  }

  /** Writes the outputs asked for; `laterSteps` are counted in the progress for work that follows. Returns warnings. */
  private async produce(job: Job, issueId: number, outputs: ExportOutput[], outDir: string, laterSteps: number, report: Reporter, check: () => void): Promise<string[]> {
    const { issue } = this.ws.printIssues.get(issueId);
    const profile = this.ws.catalog.profile();
    const geo: SheetGeometry = {
      trimWidthMm: profile.print.trimWidthMm,
      trimHeightMm: profile.print.trimHeightMm,
      bleedMm: profile.print.bleedMm,
      sheetBleedMm: SHEET_BLEED_MM,
    };
    mkdirSync(outDir, { recursive: true });
    const pdfWanted = outputs.includes('print') || outputs.includes('proof');
    const imagesWanted = outputs.includes('images');
    const pageCount = this.ws.printIssues.get(issueId).flatplan.pages.length;
    const total = (pdfWanted ? 3 : 1) + (imagesWanted ? pageCount : 0) + laterSteps;
    const warnings: string[] = [];
    if (pdfWanted) {
      report('layout', 0, total, `Đang dàn ${pageCount} trang…`);
      job.session = await this.ws.print.openSession(this.ws.print.buildDocument(issueId, INTERNAL_BASE, PRINT_IMAGE_PPI, true));
      const laidOut = await job.session.layout();
      check();
      report('pdf', 1, total, 'Đang tạo PDF…');
      const printed = await job.session.pdf();
      await job.session.close();
      job.session = null;
      check();
      const raw = await placePdfArt(
        printed,
        laidOut.report.images.filter((image) => image.pdfArt && image.assetHash).map((image) => ({ ...image, assetHash: image.assetHash as string })),
        (hash) => this.ws.assetFiles.read(hash),
      );
      warnings.push(...(await pdfFonts(raw)).filter((f) => !f.embedded).map((f) => `Phông ${f.name} không được nhúng.`));
      const oversets = laidOut.report.articles.filter((a) => a.oversetLines > 0).length;
      if (oversets > 0) warnings.push(`${oversets} bài còn tràn chữ.`);
      const font = readFileSync(join(this.ws.resourcesDir, 'fonts', 'BeVietnamPro-Regular.ttf'));
      const documentDate = new Date(`${issue.publishDate}T00:00:00+07:00`);
      report('marks', 2, total, 'Đang đặt dấu cắt và hộp trang…');
      if (outputs.includes('print')) {
        const bytes = await printPdf(raw, geo, (page) => `${profile.name} • Số ${issue.number} • Trang ${page}/${pageCount}`, font, documentDate);
        this.write(job, join(outDir, `${issue.slug}-in.pdf`), bytes);
      }
      check();
      if (outputs.includes('proof')) {
        report('proof', 2, total, 'Đang tạo bản in thử…');
        this.write(job, join(outDir, `${issue.slug}-ban-in-thu.pdf`), await proofPdf(raw, geo, font, documentDate));
      }
    }
    if (imagesWanted) await this.pageImages(job, issueId, outDir, pdfWanted ? 3 : 1, total, report, check);
  return warnings;
  }

  /**
   * Page images from their own layout, with pictures at the resolution a 1,600-pixel page needs
   * rather than print's: the same pages (a picture's box does not depend on its file), far less to
   * decode. Chromium encodes each JPEG at its final size; the thumbnail is made while the next page
   * is photographed.
   */
  private async pageImages(
    job: Job,
    issueId: number,
    outDir: string,
    firstStep: number,
    total: number,
    report: Reporter,
    check: () => void,
  ): Promise<void> {
    const { issue } = this.ws.printIssues.get(issueId);
    const profile = this.ws.catalog.profile();
    const imageDir = join(outDir, 'anh-trang');
    mkdirSync(join(imageDir, 'nho'), { recursive: true });
    report('layout', firstStep - 1, total, 'Đang dàn trang để chụp ảnh trang…');
    const document = this.ws.print.buildDocument(issueId, INTERNAL_BASE, PAGE_IMAGE_PPI);
    const scale = PAGE_IMAGE_HEIGHT / (profile.print.trimHeightMm * CSS_PX_PER_MM);
    job.session = await this.ws.print.openSession(document, { scale });
    await job.session.layout();
    let thumbnail: Promise<void> = Promise.resolve();
    try {
      for (let page = 1; page <= document.pages.length; page += 1) {
        check();
        report('images', firstStep + page - 1, total, `Ảnh trang ${page}/${document.pages.length}`);
        const image = await job.session.pageImage(page);
        await thumbnail;
        const name = `${issue.slug}-${page}.jpg`;
        this.write(job, join(imageDir, name), image);
        thumbnail = sharp(image)
          .resize({ height: THUMBNAIL_HEIGHT })
          .jpeg({ quality: 80 })
          .toBuffer()
          .then((small) => this.write(job, join(imageDir, 'nho', name), small));
      }
    } catch (error) {
      // The thumbnail being made is finished first, so a cancelled or failed job's clean-up also removes it.
      await thumbnail.catch(() => undefined);
      throw error;
    }
    await thumbnail;
  }

  /** Whole files only: written beside the target, then renamed over it. */
  private write(job: Job, target: string, bytes: Uint8Array): void {
    const partial = `${target}.part`;
    writeFileSync(partial, bytes);
    renameSync(partial, target);
    job.written.push(target);
  }
}

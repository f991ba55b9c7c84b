import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import type { ArticleFit, LaidOutPage, PrintTemplateInfo } from '../../../shared/contract.js';
import type { Article } from '../../../shared/model/article.js';
import type { Flatplan, PreflightFinding, PrintIssueDetail } from '../../../shared/model/print-issue.js';
import type { Asset } from '../../../shared/model/workspace.js';
import { articleRanges, pageCountProblem, spreads, tableOfContents } from '../../../shared/print/flatplan.js';
import type { FlowReport } from '../../../shared/print/flow-types.js';
import { PDF_MIME_TYPE, PRINT_FONT_FILES, buildPageDocument, templateFrames, pageDocumentHtml, type PageDocument, type PrintTemplate } from '../../../shared/print/page-document.js';
import { DeskError } from '../../../shared/errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { INTERNAL_BASE, type PrintBrowser, type PrintSessionOptions, type PrintSession } from './print-browser.js';
import { inspectPdfArt } from './pdf-art.js';
import { pdfFonts } from './print-pdf.js';
import { PrintResources } from './print-resources.js';

const TemplateManifest = z.object({
  templates: z.array(
    z.object({ name: z.string(), label: z.string(), kinds: z.array(z.string()), file: z.string().regex(/^[a-z0-9-]+\.html$/) }),
  ),
});

/** Pictures for the screen are lighter; for print 300 ppi at the size of the box they fill. */
export const SCREEN_IMAGE_PPI = 120;
export const PRINT_IMAGE_PPI = 300;
/** A4 at 1,600 pixels high is 137 ppi; pictures for page images get a little more. */
export const PAGE_IMAGE_PPI = 160;
/** The picture of a supplied PDF serves the screen and page images, never print: 200 ppi of its box, at most 3,000 px wide. */
const PDF_PREVIEW_PPI = 200;
const PDF_PREVIEW_MAX_PX = 3000;

export interface IssueLayout {
  document: PageDocument;
  pages: LaidOutPage[];
  report: FlowReport;
  fits: ArticleFit[];
  elapsedMs: number;
}

const MM_PER_INCH = 25.4;

/** Print issues: plans, page documents, layout in Chromium and preflight. */
export class PrintIssues {
  private templateCache: Map<string, PrintTemplate> | null = null;
  private readonly layoutCache = new Map<string, IssueLayout>();
  readonly resources: PrintResources;

  constructor(
    private readonly ws: Workspace,
    readonly browser: PrintBrowser,
  ) {
    this.resources = new PrintResources(join(ws.resourcesDir, 'fonts'), ws.assetFiles, join(ws.dataDir, 'cache', 'print'));
  }

  templates(): Map<string, PrintTemplate> {
    if (this.templateCache) return this.templateCache;
    const dir = join(this.ws.resourcesDir, 'templates');
    const manifest = TemplateManifest.parse(JSON.parse(readFileSync(join(dir, 'templates.json'), 'utf8')));
    this.templateCache = new Map(
      manifest.templates.map((t) => {
        const html = readFileSync(join(dir, t.file), 'utf8');
        return [t.name, { name: t.name, label: t.label, kinds: t.kinds, frames: templateFrames(html), html }];
      }),
    );
    return this.templateCache;
  }

  templateList(): PrintTemplateInfo[] {
    return [...this.templates().values()].map(({ name, label, kinds, frames }) => ({ name, label, kinds, frames }));
  }

  /** A live article, or null when it is gone or in the trash. */
  article(id: number): Article | null {
    try {
      const article = this.ws.articles.get(id);
      return article.deletedAt ? null : article;
    } catch {
      return null;
    }
  }

  asset(hash: string): Asset | null {
    try {
      return this.ws.catalog.asset(hash);
    } catch {
      return null;
    }
  }

  /**
   * A picture or a PDF for a page that is not an article (an ad, a cover): a PDF is checked, drawn
   * once as a picture for the screen, and kept whole for the print PDF's vectors.
   */
  async addArt(bytes: Buffer, fileName: string): Promise<Asset> {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return this.ws.addImage(bytes, fileName);
    const box = await inspectPdfArt(bytes, fileName);
    const widthPx = Math.min(PDF_PREVIEW_MAX_PX, Math.round((box.width / 72) * PDF_PREVIEW_PPI));
    let preview: Buffer;
    try {
      preview = await this.browser.rasterizePdf(bytes, box, widthPx);
    } catch (error) {
      if (error instanceof DeskError) throw error;
      throw new DeskError('invalid_file', `Không vẽ được tệp PDF "${basename(fileName)}" để xem trước: ${(error as Error).message.split('\n')[0]}`);
    }
    const meta = await sharp(preview).metadata();
    const stored = this.ws.assetFiles.storePdf(bytes, preview);
    return this.ws.catalog.recordAsset({ ...stored, width: meta.width ?? widthPx, height: meta.height ?? widthPx, fileName: basename(fileName), caption: '', credit: '', alt: '' });
  }

  detail(issueId: number): PrintIssueDetail {
    const { issue, flatplan } = this.ws.printIssues.get(issueId);
    const warnings: string[] = [];
    const countProblem = pageCountProblem(flatplan.pages.length);
    if (countProblem) warnings.push(countProblem);
    const placed = articleRanges(flatplan).map((range) => {
      const article = this.article(range.articleId);
      return {
        articleId: range.articleId,
        title: article?.title ?? `Bài #${range.articleId} (không còn trong kho)`,
        status: article?.status ?? 'draft',
        section: article?.sectionName ?? '',
        firstPage: range.firstPage,
        lastPage: range.lastPage,
      };
    });
    const toc = tableOfContents(flatplan, (id) => {
      const article = this.article(id);
      return article ? { title: article.title, section: article.sectionName ?? '' } : null;
    });
    return { issue, flatplan, spreads: spreads(flatplan.pages.length), toc, placed, warnings };
  }

  savePlan(issueId: number, plan: Flatplan): PrintIssueDetail {
    this.ws.printIssues.savePlan(issueId, plan);
    this.ws.events.emit('print.changed', { issueId });
    return this.detail(issueId);
  }

  buildDocument(issueId: number, resourceBase: string, imagePpi: number, pdfArtAsVectors = false): PageDocument {
    const { issue, flatplan } = this.ws.printIssues.get(issueId);
    const sections = new Map(this.ws.catalog.sections().map((s) => [s.id, s.name]));
    return buildPageDocument({
      profile: this.ws.catalog.profile(),
      issue,
      plan: flatplan,
      article: (id) => this.article(id),
      asset: (hash) => this.asset(hash),
      sectionName: (id) => (id === null ? '' : (sections.get(id) ?? '')),
      templates: this.templates(),
      css: readFileSync(join(this.ws.resourcesDir, 'templates', 'print.css'), 'utf8'),
      resourceBase,
      imagePpi,
      pdfArtAsVectors,
    });
  }

  /** Opens the issue's page document in the print browser, for layout and export. */
  async openSession(document: PageDocument, options: PrintSessionOptions = {}): Promise<PrintSession> {
    return this.browser.open(pageDocumentHtml(document), (path, params) => this.resources.get(path, params), options);
  }

  /**
   * Lays out the whole issue. The same document gives the same pages, so a layout is reused until
   * an article, picture, plan or profile change alters the document.
   */
  async layout(issueId: number, imagePpi = SCREEN_IMAGE_PPI): Promise<IssueLayout> {
    const document = this.buildDocument(issueId, INTERNAL_BASE, imagePpi);
    const key = createHash('sha256').update(pageDocumentHtml(document)).digest('hex');
    const cached = this.layoutCache.get(key);
    if (cached) return cached;
    const started = performance.now();
    const session = await this.openSession(document);
    try {
      const { report, pagesHtml } = await session.layout();
      const pages = document.pages.map((page, index) => ({ page: page.page, kind: page.kind, articleId: page.articleId, html: pagesHtml[index] ?? page.html }));
      const result = { document, pages, report, fits: report.articles, elapsedMs: Math.round(performance.now() - started) };
      this.layoutCache.clear();
      this.layoutCache.set(key, result);
      // While the artist looks at the pages, the print-size pictures are made, so the first export need not.
      if (imagePpi !== PRINT_IMAGE_PPI) this.preparePrintImages(issueId);
      return result;
    } finally {
      await session.close();
    }
  }

  /**
   * The print layout, run once in the background: it asks for every print-size picture (each cut to
   * its box), which the resources cache, so the export finds them ready.
   */
  private preparePrintImages(issueId: number): void {
    void (async () => {
      const session = await this.openSession(this.buildDocument(issueId, INTERNAL_BASE, PRINT_IMAGE_PPI, true));
      try {
        await session.layout();
      } finally {
        await session.close();
      }
    })().catch(() => undefined);
  }


  /** Everything that would make the printer call back, with the page to open. */
  async preflight(issueId: number): Promise<PreflightFinding[]> {
    const { document, report } = await this.layout(issueId);
    return this.findings(issueId, document, report);
  }

  async findings(issueId: number, document: PageDocument, report: FlowReport): Promise<PreflightFinding[]> {
    const { flatplan } = this.ws.printIssues.get(issueId);
    const profile = this.ws.catalog.profile();
    const findings: PreflightFinding[] = [];
    const countProblem = pageCountProblem(flatplan.pages.length);
    if (countProblem) findings.push({ severity: 'error', code: 'page-count', page: null, articleId: null, message: countProblem });
    findings.push(...document.problems);
    for (const range of articleRanges(flatplan)) {
      const article = this.article(range.articleId);
      if (article && !['approved', 'placed', 'published'].includes(article.status)) {
        findings.push({
          severity: 'error',
          code: 'not-approved',
          page: range.firstPage,
          articleId: range.articleId,
          message: `Trang ${range.firstPage}: bài «${article.title}» chưa được duyệt (đang ở trạng thái «${article.status}»).`,
        });
      }
    }
    for (const fit of report.articles) {
      const article = this.article(fit.articleId);
      const title = article?.title ?? `#${fit.articleId}`;
      const lastPage = fit.pages.at(-1) ?? articleRanges(flatplan).find((r) => r.articleId === fit.articleId)?.lastPage ?? null;
      if (fit.oversetLines > 0 || fit.oversetWords > 0) {
        findings.push({
          severity: 'error',
          code: 'overset',
          page: lastPage,
          articleId: fit.articleId,
          message: `Bài «${title}» tràn ${fit.oversetLines} dòng (${fit.oversetWords} chữ), bắt đầu từ: «${fit.oversetExcerpt}…»`,
        });
      }
    }
    for (const image of report.images) {
      const asset = image.assetHash ? this.asset(image.assetHash) : null;
      if (image.broken) {
        if (asset) {
          findings.push({ severity: 'error', code: 'broken-image', page: image.page, articleId: null, message: `Trang ${image.page}: ảnh «${asset.fileName}» không đọc được (tệp hỏng hoặc không phải ảnh).` });
        }
        continue;
      }
      // A supplied PDF prints as vectors: no resolution to fall short of, but its fonts must travel with it.
      if (asset?.mimeType === PDF_MIME_TYPE) {
        for (const font of await this.unembeddedPdfFonts(asset.hash)) {
          findings.push({
            severity: 'error',
            code: 'font-not-embedded',
            page: image.page,
            articleId: null,
            message: `Trang ${image.page}: PDF «${asset.fileName}» dùng phông ${font} mà không nhúng; hãy xin bên gửi xuất lại PDF có nhúng phông.`,
          });
        }
        continue;
      }
      if (!asset || image.widthMm <= 0 || image.heightMm <= 0) continue;
      // A picture cropped to fill its frame (covers, ads) is enlarged by the larger of the two ratios.
      const ppi = Math.round(Math.min(asset.width / (image.widthMm / MM_PER_INCH), asset.height / (image.heightMm / MM_PER_INCH)));
      if (ppi < profile.print.minImagePpi) {
        findings.push({
          severity: 'error',
          code: 'low-resolution',
          page: image.page,
          articleId: null,
          message: `Trang ${image.page}: ảnh «${asset.fileName}» chỉ đạt ${ppi} ppi ở cỡ đặt ${Math.round(image.widthMm)} mm (cần ${profile.print.minImagePpi} ppi).`,
        });
      }
    }
    for (const outside of report.outsideSafeArea) {
      findings.push({ severity: 'warning', code: 'outside-safe-area', page: outside.page, articleId: null, message: `Trang ${outside.page}: chữ nằm ngoài vùng an toàn, có thể bị xén: «${outside.text.slice(0, 60)}»` });
    }
    findings.push(...this.fontFindings());
    return findings.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  }

  private async unembeddedPdfFonts(hash: string): Promise<string[]> {
    const fonts = await pdfFonts(this.ws.assetFiles.read(hash)).catch(() => []);
    return [...new Set(fonts.filter((f) => !f.embedded).map((f) => f.name))];
  }

  /** A font that is missing or not TrueType would not embed as a real font in the PDF. */
  private fontFindings(): PreflightFinding[] {
    const profile = this.ws.catalog.profile();
    const families = new Set([profile.print.fonts.body, profile.print.fonts.heading, profile.print.fonts.caption]);
    const findings: PreflightFinding[] = [];
    for (const family of families) {
      for (const file of PRINT_FONT_FILES.filter((f) => f.family === family)) {
        let head: Buffer;
        try {
          head = readFileSync(join(this.ws.resourcesDir, 'fonts', file.file)).subarray(0, 4);
        } catch {
          head = Buffer.alloc(0);
        }
        if (head.length < 4 || (head.readUInt32BE(0) !== 0x00010000 && head.toString('latin1') !== 'true')) {
          findings.push({ severity: 'error', code: 'font-not-embedded', page: null, articleId: null, message: `Phông «${family}» (${file.file}) không có hoặc không phải TrueType: PDF sẽ không nhúng được phông này.` });
        }
      }
    }
    return findings;
  }

}

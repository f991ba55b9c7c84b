import { escapeHtml } from '../article-body.js';
import type { Article } from '../model/article.js';
import type { Flatplan, PageSlot, PreflightFinding } from '../model/print-issue.js';
import type { Asset, PrintIssue, PublicationProfile } from '../model/workspace.js';
import { articlePrintBlocks } from './article-print-blocks.js';
import { articleRanges, carriesRunningHead, pageSide, runningHeadText, tableOfContents, templateOf } from './flatplan.js';
import { DEFAULT_COPYFIT, type FlowArticle, type FlowInput, type PrintBlock } from './flow-types.js';

/** A page template from resources/templates: HTML with named, empty frames the builder fills. */
export interface PrintTemplate {
  name: string;
  label: string;
  kinds: string[];
  frames: string[];
  html: string;
}

/**
 * Around the trim, every page carries this much paper in the HTML. Chromium rounds PDF page sizes
 * by ~0.1 mm, so the page is drawn larger than trim plus bleed and pdf-lib sets the exact boxes.
 */
export const SHEET_BLEED_MM = 5;

/** The shipped TrueType faces; Chromium embeds TTF as real fonts (OTF would become Type 3). */
export const PRINT_FONT_FILES: { family: string; file: string; weight: number; style: 'normal' | 'italic' }[] = [
  { family: 'Noto Serif', file: 'NotoSerif-Regular.ttf', weight: 400, style: 'normal' },
  { family: 'Noto Serif', file: 'NotoSerif-Italic.ttf', weight: 400, style: 'italic' },
  { family: 'Noto Serif', file: 'NotoSerif-Bold.ttf', weight: 700, style: 'normal' },
  { family: 'Noto Serif', file: 'NotoSerif-BoldItalic.ttf', weight: 700, style: 'italic' },
  { family: 'Be Vietnam Pro', file: 'BeVietnamPro-Regular.ttf', weight: 400, style: 'normal' },
  { family: 'Be Vietnam Pro', file: 'BeVietnamPro-Italic.ttf', weight: 400, style: 'italic' },
  { family: 'Be Vietnam Pro', file: 'BeVietnamPro-SemiBold.ttf', weight: 600, style: 'normal' },
  { family: 'Be Vietnam Pro', file: 'BeVietnamPro-Bold.ttf', weight: 700, style: 'normal' },
];

export interface PageDocumentInput {
  profile: PublicationProfile;
  issue: PrintIssue;
  plan: Flatplan;
  article(id: number): Article | null;
  asset(hash: string): Asset | null;
  sectionName(id: number | null): string;
  templates: ReadonlyMap<string, PrintTemplate>;
  /** resources/templates/print.css */
  css: string;
  /** Prefix of every font and picture URL in the document. */
  resourceBase: string;
  /**
   * Resolution to ask pictures at, for the box they fill: 300 for print, less for the screen.
   * Pictures sized to their boxes keep Chromium's PDF small and fast (full-size photos took 20 s).
   */
  imagePpi: number;
  /**
   * For the print PDF: supplied PDFs (ads) leave their box transparent, and their own vectors are
   * drawn there afterwards (pdf-art.ts). Otherwise the picture made of the PDF is shown.
   */
  pdfArtAsVectors?: boolean;
}

export interface BuiltPage {
  page: number;
  kind: PageSlot['kind'];
  articleId: number | null;
  html: string;
}

export interface PageDocument {
  head: string;
  pages: BuiltPage[];
  flow: FlowInput;
  /** What the builder could already tell is wrong: missing frames, pictures and articles, empty slots. */
  problems: PreflightFinding[];
  sheetWidthMm: number;
  sheetHeightMm: number;
}

/** Assets of this type are PDFs supplied for print (ads): vectors in the print PDF, their picture everywhere else. */
export const PDF_MIME_TYPE = 'application/pdf';
const TRANSPARENT_PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** The frame names a template offers. */
export function templateFrames(html: string): string[] {
  return [...html.matchAll(/data-frame="([a-z-]+)"/g)].map((m) => m[1] ?? '');
}

const FRAME = /<(\w+)\b([^>]*?)\bdata-frame="([a-z-]+)"([^>]*)><\/\1>/g;

interface FrameFill {
  html: string;
  attrs?: string;
  className?: string;
}

/** Fills the named empty frames of a template; reports the frames the page needed but the template lacks. */
function fillFrames(html: string, fills: Record<string, FrameFill | undefined>): { html: string; missing: string[] } {
  const seen = new Set<string>();
  const out = html.replace(FRAME, (whole, tag: string, before: string, name: string, after: string) => {
    seen.add(name);
    const fill = fills[name];
    if (!fill) return whole;
    const attrs = `${before}data-frame="${name}"${after}${fill.attrs ? ` ${fill.attrs}` : ''}`;
    const withClass = fill.className ? attrs.replace(/class="([^"]*)"/, `class="$1 ${fill.className}"`) : attrs;
    return `<${tag}${withClass}>${fill.html}</${tag}>`;
  });
  const missing = Object.entries(fills)
    .filter(([name, fill]) => fill !== undefined && !seen.has(name))
    .map(([name]) => name);
  return { html: out, missing };
}

function monthYear(issue: PrintIssue): { month: number; year: string } {
  const [year = '', month = '1'] = issue.publishDate.split('-');
  return { month: Number(month), year };
}

/** Builds every page of an issue as HTML, with each article's body frames left for the flow engine. */
export function buildPageDocument(input: PageDocumentInput): PageDocument {
  const { profile, issue, plan } = input;
  const print = profile.print;
  const problems: PreflightFinding[] = [];
  const base = input.resourceBase;
  const textWidthMm = print.trimWidthMm - print.marginInsideMm - print.marginOutsideMm;
  const columnMm = (columns: number) => (textWidthMm - (columns - 1) * print.gutterMm) / columns;
  /** A figure the flow places is shown whole at the width it is given; widths rounded up to share cached copies. */
  const imageUrl = (hash: string, boxWidthMm: number) => `${base}assets/${hash}?w=${Math.ceil(((boxWidthMm / 25.4) * input.imagePpi) / 50) * 50}`;
  /** A picture a template places: its file is asked for by the layout runtime once its box is known (placed-picture.ts). */
  const img = (hash: string | null, alt = '') => {
    if (!hash) return '';
    const asset = input.asset(hash);
    const size = asset ? ` width="${asset.width}" height="${asset.height}"` : '';
    const source =
      input.pdfArtAsVectors && asset?.mimeType === PDF_MIME_TYPE ? `src="${TRANSPARENT_PIXEL}" data-pdf-art=""` : `data-picture="${escapeHtml(`${base}assets/${hash}`)}"`;
    return `<img ${source} data-asset="${hash}" alt="${escapeHtml(alt || asset?.alt || '')}"${size}>`;
  };
  const describe = (id: number) => {
    const article = input.article(id);
    return article ? { title: article.title, section: article.sectionName ?? input.sectionName(article.sectionId) } : null;
  };
  const toc = tableOfContents(plan, describe);
  const { month, year } = monthYear(issue);
  const issueLine = `Số ${issue.number} • Tháng ${month}/${year}`;
  const runningHead = runningHeadText(print.runningHead, profile.name, issue.number, issue.publishDate);

  // Each article's blocks; pictures that go to a hero or full-image frame leave the flow.
  const flowArticles = new Map<number, FlowArticle>();
  const figuresLeft = new Map<number, Extract<PrintBlock, { kind: 'figure' }>[]>();
  for (const range of articleRanges(plan)) {
    const article = input.article(range.articleId);
    if (!article) {
      problems.push({ severity: 'error', code: 'missing-article', page: range.firstPage, articleId: range.articleId, message: `Trang ${range.firstPage}: bài #${range.articleId} không còn trong kho (đã xoá?).` });
      continue;
    }
    const copyfit = { ...DEFAULT_COPYFIT, ...plan.copyfit[String(range.articleId)] };
    const feature = plan.pages[range.firstPage - 1]?.template.startsWith('feature') ?? false;
    const columns = feature ? 2 : print.columns;
    const blocks = articlePrintBlocks(article.body, { asset: input.asset, imageUrl: (hash, wide) => imageUrl(hash, wide ? textWidthMm : columnMm(columns)) });
    for (const block of blocks) {
      if (block.kind !== 'figure') continue;
      if (!block.assetHash || !input.asset(block.assetHash)) {
        problems.push({ severity: 'error', code: 'missing-image', page: range.firstPage, articleId: range.articleId, message: `Bài «${article.title}»: thiếu tệp ảnh của một hình (${block.assetHash?.slice(0, 8) ?? 'không rõ'}).` });
      }
    }
    figuresLeft.set(
      range.articleId,
      blocks.filter((b): b is Extract<PrintBlock, { kind: 'figure' }> => b.kind === 'figure' && !copyfit.droppedFigures.includes(b.id)),
    );
    flowArticles.set(range.articleId, { articleId: range.articleId, blocks, copyfit });
  }
  const takeFigure = (articleId: number) => {
    const figure = figuresLeft.get(articleId)?.shift();
    if (!figure) return null;
    const flow = flowArticles.get(articleId);
    if (flow) flow.blocks = flow.blocks.filter((b) => b.id !== figure.id);
    return figure;
  };
  const figureHtml = (figure: Extract<PrintBlock, { kind: 'figure' }>) =>
    `<figure class="placed-figure">${img(figure.assetHash)}<figcaption>${figure.captionHtml}${figure.credit ? ` <span class="credit">${escapeHtml(figure.credit)}</span>` : ''}</figcaption></figure>`;

  const firstPageOf = new Map(articleRanges(plan).map((r) => [r.articleId, r.firstPage]));
  const pages: BuiltPage[] = plan.pages.map((slot, index) => {
    const number = index + 1;
    const templateName = templateOf(slot);
    const template = input.templates.get(templateName);
    const fills: Record<string, FrameFill | undefined> = {};
    const where = `Trang ${number}`;
    if (!template) {
      problems.push({ severity: 'error', code: 'missing-frame', page: number, articleId: slot.articleId, message: `${where}: không có mẫu trang «${templateName}».` });
    }
    switch (slot.kind) {
      case 'cover': {
        const coverHash = slot.assetHash ?? null;
        fills.masthead = { html: escapeHtml(profile.name) };
        fills['issue-line'] = { html: escapeHtml(issueLine) };
        fills['cover-image'] = coverHash ? { html: img(coverHash) } : undefined;
        fills['cover-lines'] = toc.length > 0 ? { html: toc.slice(0, 4).map((e) => `<p>${escapeHtml(e.title)}</p>`).join('') } : undefined;
        break;
      }
      case 'inside-cover':
        fills.imprint = { html: `<h2>${escapeHtml(profile.name)}</h2><p>${escapeHtml(issue.title)}</p><p>${escapeHtml(profile.website)}</p>` };
        fills.image = slot.assetHash ? { html: img(slot.assetHash) } : undefined;
        if (template && !template.frames.includes('imprint')) delete fills.imprint;
        break;
      case 'toc':
        fills.toc = {
          html: toc
            .map((e) => `<div class="toc-entry" data-article="${e.articleId}"><span class="toc-section">${escapeHtml(e.section)}</span><span class="toc-title">${escapeHtml(e.title)}</span><span class="toc-page">${e.page}</span></div>`)
            .join(''),
          // A long contents list goes into two columns so every title fits on the page.
          className: toc.length > 14 ? 'toc-long' : undefined,
        };
        break;
      case 'ad':
        if (!slot.assetHash) {
          problems.push({ severity: 'error', code: 'missing-image', page: number, articleId: null, message: `${where}: trang quảng cáo ${slot.label ? `«${slot.label}» ` : ''}chưa có ảnh.` });
        }
        fills.image = slot.assetHash ? { html: img(slot.assetHash, slot.label) } : undefined;
        break;
      case 'section-opener':
        fills.section = { html: escapeHtml(slot.label || input.sectionName(slot.sectionId)) };
        fills.image = slot.assetHash ? { html: img(slot.assetHash) } : undefined;
        break;
      case 'empty':
        problems.push({ severity: 'error', code: 'empty-page', page: number, articleId: null, message: `${where} chưa được dàn (trang trống).` });
        break;
      case 'article': {
        const articleId = slot.articleId;
        const article = articleId === null ? null : input.article(articleId);
        if (articleId === null || !article) break;
        const isFirst = firstPageOf.get(articleId) === number;
        if (templateName === 'full-image') {
          const figure = takeFigure(articleId);
          fills.image = figure ? { html: img(figure.assetHash) } : undefined;
          fills.caption = figure ? { html: figure.captionHtml } : undefined;
          break;
        }
        if (isFirst && template?.frames.includes('title')) {
          fills.kicker = article.kicker ? { html: escapeHtml(article.kicker) } : undefined;
          fills.title = { html: escapeHtml(article.title) };
          fills.sapo = article.sapo ? { html: escapeHtml(article.sapo) } : undefined;
          fills.byline = article.byline ? { html: escapeHtml(article.byline) } : undefined;
          const hero = template.frames.includes('hero') ? takeFigure(articleId) : null;
          fills.hero = hero ? { html: figureHtml(hero) } : undefined;
        }
        fills.body = { html: '', attrs: `data-article="${articleId}"` };
        break;
      }
      default:
        break;
    }
    if (slot.ad) {
      fills.ad = { html: img(slot.ad.assetHash, slot.ad.name), className: `ad-${slot.ad.size}` };
      if (!input.asset(slot.ad.assetHash)) {
        problems.push({ severity: 'error', code: 'missing-image', page: number, articleId: null, message: `${where}: thiếu tệp ảnh quảng cáo ${slot.ad.name}.` });
      }
    }
    const filled = fillFrames(template?.html ?? '', fills);
    for (const frame of filled.missing) {
      problems.push({ severity: 'error', code: 'missing-frame', page: number, articleId: slot.articleId, message: `${where}: mẫu trang «${templateName}» không có khung «${frame}», nội dung của khung đó không được in.` });
    }
    const side = pageSide(number);
    const furniture = carriesRunningHead(slot)
      ? `<div class="running-head">${escapeHtml(runningHead)}</div><div class="folio">${number}</div>`
      : '';
    const articleAttr = slot.articleId !== null ? ` data-article="${slot.articleId}"` : '';
    const html =
      `<section class="page page-${side} kind-${slot.kind} tpl-${templateName} folio-${print.folioPosition}" data-page="${number}" data-kind="${slot.kind}" data-template="${escapeHtml(templateName)}"${articleAttr}>` +
      `<div class="trim">${filled.html}${furniture}</div></section>`;
    return { page: number, kind: slot.kind, articleId: slot.articleId, html };
  });

  const sheetWidthMm = print.trimWidthMm + 2 * SHEET_BLEED_MM;
  const sheetHeightMm = print.trimHeightMm + 2 * SHEET_BLEED_MM;
  const fonts = PRINT_FONT_FILES.map(
    (f) => `@font-face{font-family:'${f.family}';src:url('${base}fonts/${f.file}') format('truetype');font-weight:${f.weight};font-style:${f.style};}`,
  ).join('\n');
  const family = (name: string, fallback: string) => `'${name}', ${fallback}`;
  const vars = `:root{--sheet-w:${sheetWidthMm}mm;--sheet-h:${sheetHeightMm}mm;--sheet-bleed:${SHEET_BLEED_MM}mm;--trim-w:${print.trimWidthMm}mm;--trim-h:${print.trimHeightMm}mm;--bleed:${print.bleedMm}mm;--margin-inside:${print.marginInsideMm}mm;--margin-outside:${print.marginOutsideMm}mm;--margin-top:${print.marginTopMm}mm;--margin-bottom:${print.marginBottomMm}mm;--gutter:${print.gutterMm}mm;--profile-columns:${print.columns};--baseline:${print.baselineMm}mm;--body-size:${print.bodySizePt}pt;--font-body:${family(print.fonts.body, 'serif')};--font-heading:${family(print.fonts.heading, 'sans-serif')};--font-caption:${family(print.fonts.caption, 'sans-serif')};--color-text:${print.colors.text};--color-accent:${print.colors.accent};}`;
  const head = `<meta charset="utf-8"><style>\n${fonts}\n${vars}\n@page{size:${sheetWidthMm}mm ${sheetHeightMm}mm;margin:0;}\n${input.css}\n</style>`;
  const flow: FlowInput = { articles: [...flowArticles.values()], safeMarginMm: print.safeMarginMm, imagePpi: input.imagePpi };
  return { head, pages, flow, problems, sheetWidthMm, sheetHeightMm };
}

/** The whole document Chromium lays out: every page, and the flow engine's input as inert JSON. */
export function pageDocumentHtml(doc: PageDocument, extraHead = ''): string {
  const json = JSON.stringify(doc.flow).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="vi"><head>${doc.head}${extraHead}</head><body class="lnv-print">${doc.pages.map((p) => p.html).join('\n')}<script type="application/json" id="lnv-flow-input">${json}</script></body></html>`;
}

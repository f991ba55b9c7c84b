import { DomMeasurer } from './dom-measurer.js';
import { flowArticle, type FlowFrame, type FlowResult } from '../../shared/print/flow-engine.js';
import { placedPictureRequest } from '../../shared/print/placed-picture.js';
import type { ArticleFlowReport, FlowArticle, FlowInput, FlowReport, PlacedImageReport } from '../../shared/print/flow-types.js';

/**
 * The page-flow runtime, bundled as an IIFE into every printed issue document: `lnvLayout.run()`
 * loads fonts and pictures, pours each article into its body frames and reports what happened.
 * Layout is read in batches and written in batches, so Chromium lays the pages out a few times
 * in all rather than once per block.
 */

declare global {
  interface Window {
    lnvLayout: { run(): Promise<FlowReport> };
  }
}

const PX_PER_MM = 96 / 25.4;
const TEXT_SELECTOR = '.b-p, .b-h, .b-pq, .b-li, .b-note, figcaption, [data-frame]:not([data-frame="body"])';
const SAFE_AREA_SLACK_PX = 0.5;
/** Stands in for a picture that failed, so Chromium prints the grey placeholder, not its broken-image icon. */
const BLANK_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

interface FrameGeometry extends FlowFrame {
  element: HTMLElement;
  boxes: HTMLElement[];
  /** Content box offset inside the padding box, where absolutely placed columns start. */
  top: number;
}

interface Poured {
  article: FlowArticle;
  frames: FrameGeometry[];
  measurer: DomMeasurer;
  result: FlowResult;
}

/**
 * Every font face, loaded explicitly: `document.fonts.ready` resolves before bold and italic faces
 * are even requested. Text is measured with what loaded; a face that fails falls back like any web font.
 */
async function loadFonts(): Promise<void> {
  const faces: FontFace[] = [];
  document.fonts.forEach((face) => faces.push(face));
  await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
  await document.fonts.ready;
}

/**
 * Every picture decoded; resolves to the figure sources that failed. The flow needs no picture
 * (figure sizes come with the blocks), so decoding runs while the articles are poured.
 */
async function decodePictures(input: FlowInput): Promise<Set<string>> {
  const broken = new Set<string>();
  const decode = (img: HTMLImageElement) => img.decode().then(
    () => true,
    () => false,
  );
  const placed = Array.from(document.images).map(async (img) => {
    if (!(await decode(img))) markBroken(img);
  });
  const figureSources = new Set(input.articles.flatMap((a) => a.blocks.flatMap((b) => (b.kind === 'figure' ? [b.src] : []))));
  const figures = Array.from(figureSources).map(async (src) => {
    const img = new Image();
    img.src = src;
    if (!(await decode(img))) broken.add(src);
  });
  await Promise.all([...placed, ...figures]);
  return broken;
}

/**
 * Pictures placed by templates get their file once their box is known (placed-picture.ts): boxes
 * come from the template's CSS, not from the picture, so they are all read before any is set.
 */
function requestPlacedPictures(ppi: number): void {
  const placed = Array.from(document.querySelectorAll<HTMLImageElement>('img[data-picture]')).map((img) => ({
    img,
    box: img.getBoundingClientRect(),
    fit: getComputedStyle(img).objectFit,
  }));
  for (const { img, box, fit } of placed) {
    const picture = { width: Number(img.getAttribute('width')), height: Number(img.getAttribute('height')) };
    const request = placedPictureRequest({ widthMm: mm(box.width), heightMm: mm(box.height) }, picture, fit, ppi);
    if (request.height !== null) img.style.objectFit = 'fill';
    img.src = `${img.dataset.picture}?w=${request.width}${request.height !== null ? `&h=${request.height}` : ''}`;
    img.removeAttribute('data-picture');
  }
}

/** The box keeps the size it was given (the blank picture has a ratio of its own); the address stays in data-src. */
function markBroken(img: HTMLImageElement): void {
  if (!img.style.width || !img.style.height) {
    const box = img.getBoundingClientRect();
    img.style.width = `${box.width}px`;
    img.style.height = `${box.height}px`;
  }
  img.classList.add('is-broken');
  img.dataset.src = img.getAttribute('src') ?? '';
  img.src = BLANK_IMAGE;
}

function readInput(): FlowInput {
  const script = document.getElementById('lnv-flow-input');
  if (!script?.textContent) throw new Error('Trang in thiếu dữ liệu dàn trang (#lnv-flow-input)');
  return JSON.parse(script.textContent) as FlowInput;
}

function bodyFrames(articleId: number): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(`[data-frame="body"][data-article="${articleId}"]`));
}

interface FrameSetup {
  element: HTMLElement;
  /** Empty column boxes, placed once the frame's box is known. */
  boxes: HTMLElement[];
}

/**
 * Copyfit reaches the CSS as custom properties, so the measurer sees tracking and leading. Frames
 * become the containing block of their columns, stop being CSS multi-column containers (which
 * would fragment the engine's own columns), and get their column boxes at once: templates hide
 * empty frames (`.frame:empty`), and a hidden frame has no box to measure. Styles are all read
 * before any is written.
 */
function prepareFrames(articles: { article: FlowArticle; elements: HTMLElement[] }[]): FrameSetup[][] {
  const read = articles.map(({ article, elements }) =>
    elements.map((element) => {
      const style = getComputedStyle(element);
      const columns =
        parseInt(element.dataset.columns ?? '', 10) || parseInt(style.getPropertyValue('--columns'), 10) || parseInt(style.columnCount, 10) || 1;
      return { article, element, columns: Math.max(1, columns), static: style.position === 'static' };
    }),
  );
  return read.map((frames) =>
    frames.map(({ article, element, columns, static: isStatic }) => {
      element.style.setProperty('--tracking', `${article.copyfit.tracking / 1000}em`);
      element.style.setProperty('--leading-scale', String(article.copyfit.leading));
      element.style.columns = 'auto';
      if (isStatic) element.style.position = 'relative';
      const boxes = Array.from({ length: columns }, (_, index) => columnBox(String(index)));
      element.append(...boxes);
      return { element, boxes };
    }),
  );
}

function readFrame({ element, boxes }: FrameSetup): FrameGeometry {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const left = parseFloat(style.paddingLeft) || 0;
  const top = parseFloat(style.paddingTop) || 0;
  const horizontal = left + (parseFloat(style.paddingRight) || 0) + (parseFloat(style.borderLeftWidth) || 0) + (parseFloat(style.borderRightWidth) || 0);
  const vertical = top + (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderTopWidth) || 0) + (parseFloat(style.borderBottomWidth) || 0);
  const count = boxes.length;
  const gap = parseFloat(style.columnGap) || 0;
  const width = Math.max(0, (box.width - horizontal - gap * (count - 1)) / count);
  const height = Math.max(0, box.height - vertical);
  return {
    element,
    boxes,
    top,
    allowSpan: element.dataset.span === 'true',
    columns: boxes.map((_, i) => ({ x: left + i * (width + gap), width, height })),
  };
}

function pour(article: FlowArticle, frames: FrameGeometry[]): Poured {
  const measurer = new DomMeasurer(frames[0]?.element ?? document.body, article.blocks);
  const result = flowArticle({
    blocks: article.blocks,
    frames,
    measurer,
    figureScale: article.copyfit.figureScale,
    droppedFigures: article.copyfit.droppedFigures,
  });
  return { article, frames, measurer, result };
}

/** One absolutely placed column box per column, one spanning box for wide figures, pieces at their `top`. */
function render({ frames, measurer, result }: Poured, broken: ReadonlySet<string>): void {
  const spans = new Map<number, HTMLElement>();
  for (const frame of frames) {
    frame.columns.forEach((column, i) => placeBox(frame.boxes[i]!, column.x, frame.top, column.width, column.height));
  }
  for (const placement of result.placements) {
    const frame = frames[placement.frame]!;
    let parent: HTMLElement;
    let left: number;
    if (placement.column === 'span') {
      const first = frame.columns[0]!;
      const last = frame.columns[frame.columns.length - 1]!;
      let span = spans.get(placement.frame);
      if (!span) {
        span = placeBox(columnBox('span'), first.x, frame.top, last.x + last.width - first.x, last.height);
        frame.element.append(span);
        spans.set(placement.frame, span);
      }
      parent = span;
      left = placement.x - first.x;
    } else {
      parent = frame.boxes[placement.column]!;
      left = placement.x - frame.columns[placement.column]!.x;
    }
    const piece = measurer.pieceElement(placement);
    piece.style.position = 'absolute';
    piece.style.margin = '0';
    piece.style.left = `${left}px`;
    piece.style.top = `${placement.y}px`;
    piece.style.width = `${placement.width}px`;
    const img = piece.querySelector('img');
    if (img && broken.has(img.getAttribute('src') ?? '')) markBroken(img);
    parent.append(piece);
  }
}

function columnBox(name: string): HTMLElement {
  const box = document.createElement('div');
  box.className = name === 'span' ? 'col col-span' : 'col';
  box.dataset.column = name;
  return box;
}

function placeBox(box: HTMLElement, x: number, top: number, width: number, height: number): HTMLElement {
  box.style.cssText = `position:absolute;left:${x}px;top:${top}px;width:${width}px;height:${height}px;`;
  return box;
}

function pageOf(element: Element): number {
  return Number(element.closest<HTMLElement>('section.page[data-page]')?.dataset.page ?? 0);
}

function articleReport({ article, frames, result }: Poured): ArticleFlowReport {
  const pages = [...new Set(result.placements.map((p) => pageOf(frames[p.frame]!.element)))];
  return {
    articleId: article.articleId,
    pages,
    oversetLines: result.overset.lines,
    oversetWords: result.overset.words,
    oversetExcerpt: result.overset.excerpt,
    oversetFigures: result.overset.figures,
    undersetLines: result.undersetLines,
    warnings: result.warnings.map((w) => ({ kind: w.kind, blockId: w.blockId, page: pageOf(frames[w.frame]!.element) })),
  };
}

const mm = (px: number) => Math.round((px / PX_PER_MM) * 10) / 10;

/** Every picture on a page, the flowed figures and those the builder placed (hero, cover, ads). */
function imageReports(): PlacedImageReport[] {
  return Array.from(document.querySelectorAll<HTMLImageElement>('section.page[data-page] img')).map((img) => {
    const box = img.getBoundingClientRect();
    const pageBox = img.closest('section.page')?.getBoundingClientRect() ?? box;
    return {
      page: pageOf(img),
      xMm: mm(box.left - pageBox.left),
      yMm: mm(box.top - pageBox.top),
      assetHash: img.dataset.asset ?? null,
      src: img.dataset.src ?? img.getAttribute('src') ?? '',
      widthMm: mm(box.width),
      heightMm: mm(box.height),
      broken: img.classList.contains('is-broken') || (img.complete && img.naturalWidth === 0),
      pdfArt: img.hasAttribute('data-pdf-art'),
    };
  });
}

/** The box of an element's text alone: pictures inside it (a hero under its caption) may bleed, text may not. */
function textBox(element: Element, range: Range): { left: number; top: number; right: number; bottom: number } | null {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    box = box
      ? { left: Math.min(box.left, r.left), top: Math.min(box.top, r.top), right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom) }
      : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return box;
}

/** Text whose glyphs (not its element's box) come closer to the trim edge than the safe margin. */
function outsideSafeArea(safeMarginMm: number): FlowReport['outsideSafeArea'] {
  const inset = safeMarginMm * PX_PER_MM - SAFE_AREA_SLACK_PX;
  const range = document.createRange();
  const found: FlowReport['outsideSafeArea'] = [];
  for (const page of Array.from(document.querySelectorAll<HTMLElement>('section.page[data-page]'))) {
    const trim = (page.querySelector('.trim') ?? page).getBoundingClientRect();
    for (const element of Array.from(page.querySelectorAll(TEXT_SELECTOR))) {
      // The outermost text element speaks for what it holds.
      if (element.parentElement?.closest(TEXT_SELECTOR)) continue;
      const text = element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (!text) continue;
      const box = textBox(element, range);
      if (!box) continue;
      if (box.left < trim.left + inset || box.top < trim.top + inset || box.right > trim.right - inset || box.bottom > trim.bottom - inset) {
        found.push({ page: Number(page.dataset.page), text: text.slice(0, 80) });
      }
    }
  }
  return found;
}

async function run(): Promise<FlowReport> {
  const input = readInput();
  requestPlacedPictures(input.imagePpi);
  const pictures = decodePictures(input);
  await loadFonts();
  const started = performance.now();
  const articles = input.articles.map((article) => ({ article, elements: bodyFrames(article.articleId) }));
  const geometries = prepareFrames(articles).map((frames) => frames.map(readFrame));
  const poured = articles.map(({ article }, i) => pour(article, geometries[i]!));
  for (const item of poured) item.measurer.dispose();
  const elapsedMs = performance.now() - started;
  const broken = await pictures;
  for (const item of poured) render(item, broken);
  // Figures were decoded ahead; waiting on the placed copies makes sure they paint in the PDF.
  await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => undefined)));
  return {
    articles: poured.map(articleReport),
    images: imageReports(),
    outsideSafeArea: outsideSafeArea(input.safeMarginMm),
    elapsedMs: Math.round(elapsedMs),
  };
}

window.lnvLayout = { run };

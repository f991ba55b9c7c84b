/**
 * Sizes of printed pages on screen.
 *
 * A page document is drawn at its real size in CSS pixels (1 mm = 96/25.4 px) and shrunk or
 * enlarged with a transform, so what the layout artist sees is exactly what the PDF prints.
 */

export const PX_PER_MM = 96 / 25.4;

export const ZOOMS = ['fit', 50, 75, 100, 150] as const;
export type Zoom = (typeof ZOOMS)[number];

/** The trim of a page and the bleed drawn around it in the page HTML. */
export interface PageBox {
  widthMm: number;
  heightMm: number;
  bleedMm: number;
}

/** Which edges show their bleed: all of them for a single page, the outer ones for a spread. */
export interface BleedSides {
  top: boolean;
  right: boolean;
  bottom: boolean;
  left: boolean;
}

export const TRIM_ONLY: BleedSides = { top: false, right: false, bottom: false, left: false };
export const ALL_BLEED: BleedSides = { top: true, right: true, bottom: true, left: true };

export interface FrameGeometry {
  /** The whole sheet (trim and bleed on every side), unscaled. */
  sheetWidth: number;
  sheetHeight: number;
  /** What stays visible after cropping, unscaled. */
  visibleWidth: number;
  visibleHeight: number;
  /** Where the sheet's top-left corner sits relative to the visible box, unscaled (≤ 0). */
  offsetX: number;
  offsetY: number;
  /** The trim inside the visible box, unscaled. */
  trimX: number;
  trimY: number;
  trimWidth: number;
  trimHeight: number;
}

export function frameGeometry(box: PageBox, sides: BleedSides): FrameGeometry {
  const trimWidth = box.widthMm * PX_PER_MM;
  const trimHeight = box.heightMm * PX_PER_MM;
  const bleed = box.bleedMm * PX_PER_MM;
  const left = sides.left ? bleed : 0;
  const top = sides.top ? bleed : 0;
  return {
    sheetWidth: trimWidth + 2 * bleed,
    sheetHeight: trimHeight + 2 * bleed,
    visibleWidth: trimWidth + left + (sides.right ? bleed : 0),
    visibleHeight: trimHeight + top + (sides.bottom ? bleed : 0),
    offsetX: left - bleed,
    offsetY: top - bleed,
    trimX: left,
    trimY: top,
    trimWidth,
    trimHeight,
  };
}

/**
 * Bleed shown on a page of a spread: never at the spine, where the facing page continues.
 * A page alone (single view, or the cover) shows it on every side.
 */
export function bleedSidesFor(page: number, inSpread: boolean, showBleed: boolean): BleedSides {
  if (!showBleed) return TRIM_ONLY;
  if (!inSpread) return ALL_BLEED;
  const left = page % 2 === 0;
  return { top: true, bottom: true, left, right: !left };
}

/** The scale that fits `content` (unscaled px) inside `available`, at most 200 %. */
export function fitScale(availableWidth: number, availableHeight: number, contentWidth: number, contentHeight: number): number {
  if (availableWidth <= 0 || availableHeight <= 0 || contentWidth <= 0 || contentHeight <= 0) return 0.5;
  return Math.min(2, availableWidth / contentWidth, availableHeight / contentHeight);
}

/**
 * The document an <iframe srcdoc> shows for one page: the layout's <head>, then the page.
 * The small reset comes first so the template's own styles win.
 */
export function pageDocument(head: string, html: string): string {
  return `<!doctype html><html lang="vi"><head><style>html,body{margin:0;padding:0;overflow:hidden}</style>${head}</head><body class="lnv-print">${html}</body></html>`;
}

/** The spread a page prints in: [1], [2, 3], [4, 5] … as the issue detail lists them. */
export function spreadOf(spreads: number[][], page: number): number[] {
  return spreads.find((spread) => spread.includes(page)) ?? [page];
}

/** The page to show after stepping one page or one spread forward (+1) or back (−1). */
export function stepPage(spreads: number[][], page: number, direction: 1 | -1, bySpread: boolean, pageCount: number): number {
  if (!bySpread) return Math.min(pageCount, Math.max(1, page + direction));
  const index = spreads.findIndex((spread) => spread.includes(page));
  const next = spreads[Math.min(spreads.length - 1, Math.max(0, index + direction))];
  return next?.[0] ?? page;
}

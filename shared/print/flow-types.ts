/**
 * What the page builder hands the flow engine, and what the engine reports back.
 * The builder (Node) writes every page of an issue as HTML from the templates, with each
 * article's body frames left empty; the flow engine (in Chromium) pours the article's blocks
 * into those frames and reports what did not fit.
 */

/** One block of an article's body, in reading order. Inline HTML is already sanitised by the builder. */
export type PrintBlock =
  | {
      id: string;
      kind: 'paragraph' | 'heading' | 'pullquote' | 'list-item' | 'endnote';
      /** Inline HTML (text with <strong>, <em>, <a>, <sup>…); never block elements. */
      html: string;
    }
  | {
      id: string;
      kind: 'figure';
      /** Relative URL the document's <base> resolves (see page-document.ts). */
      src: string;
      assetHash: string | null;
      /** Intrinsic size of the picture, to reserve its box before it decodes. */
      widthPx: number;
      heightPx: number;
      captionHtml: string;
      credit: string;
      /** The editor marked it as spanning the full text width. */
      wide: boolean;
    }
  | {
      id: string;
      kind: 'table';
      /** A whole <table> element; the engine splits it between rows. */
      html: string;
    };

/** InDesign-style copyfit applied to one article, within the limits the UI enforces. */
export interface Copyfit {
  /** Letter spacing in thousandths of an em, −30 … +10 (negative tightens). */
  tracking: number;
  /** Line height as a fraction of the profile's leading, 0.92 … 1.08. */
  leading: number;
  /** Scale of every figure's width inside its column span, 0.5 … 1. */
  figureScale: number;
  /** Figures (block ids) left out of the print version to make the text fit. */
  droppedFigures: string[];
}

export const DEFAULT_COPYFIT: Copyfit = { tracking: 0, leading: 1, figureScale: 1, droppedFigures: [] };

/** An article to pour into the body frames marked data-article="<articleId>", in document order. */
export interface FlowArticle {
  articleId: number;
  blocks: PrintBlock[];
  copyfit: Copyfit;
}

/** Embedded in the document as <script type="application/json" id="lnv-flow-input">. */
export interface FlowInput {
  articles: FlowArticle[];
  /** Safe area inside the trim, in millimetres: text closer to the trim edge than this is reported. */
  safeMarginMm: number;
  /** Resolution template-placed pictures are asked for at (placed-picture.ts). */
  imagePpi: number;
}

export interface ArticleFlowReport {
  articleId: number;
  /** Page numbers (data-page) whose body frames received text. */
  pages: number[];
  /** What did not fit: lines measured at the last column's width, and words. 0/0 when everything fits. */
  oversetLines: number;
  oversetWords: number;
  /** Start of the text that did not fit (plain text, up to 120 characters). */
  oversetExcerpt: string;
  /** Figures (block ids) that found no room; their height is counted in oversetLines. */
  oversetFigures: string[];
  /** Empty space left at the end, in body lines. */
  undersetLines: number;
  /** Where the engine had to bend a rule to keep going. */
  warnings: FlowWarningReport[];
}

export interface FlowWarningReport {
  /** A figure taller than an empty column was scaled down; a table row taller than a column was placed alone. */
  kind: 'figure-scaled-to-fit' | 'row-taller-than-column';
  blockId: string;
  page: number;
}

export interface PlacedImageReport {
  page: number;
  assetHash: string | null;
  src: string;
  /** Placed box on paper, from the top left corner of its page's sheet. */
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  /** The picture failed to load or decode (a placeholder box was printed instead). */
  broken: boolean;
  /** A supplied PDF whose vectors go into this box after printing. */
  pdfArt: boolean;
}

export interface FlowReport {
  articles: ArticleFlowReport[];
  images: PlacedImageReport[];
  /** Text elements whose box crosses the safe area, by page. */
  outsideSafeArea: { page: number; text: string }[];
  /** Milliseconds spent measuring and pouring. */
  elapsedMs: number;
}

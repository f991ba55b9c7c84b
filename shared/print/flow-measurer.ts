/**
 * What the flow engine needs to know about an article's blocks, and nothing else.
 *
 * The engine is pure so that its rules can be tested with a fake; in Chromium the DOM measurer
 * (renderer/page-layout/dom-measurer.ts) answers the same questions from real line boxes.
 */

/** One line box of a text block: it ends where the next line starts (an exclusive text offset). */
export interface LineBox {
  endOffset: number;
  heightPx: number;
}

export interface FigureBox {
  /** Height of the picture when the figure is laid out at the asked width. */
  imageHeightPx: number;
  /** Everything below the picture: caption, credit and the gap between them and the picture. */
  captionHeightPx: number;
}

export interface BlockSpacing {
  /** Space wanted above the block; adjacent spaces collapse to the larger, as CSS margins do. */
  beforePx: number;
  afterPx: number;
}

export interface FlowMeasurer {
  /** The block's plain text (paragraphs, headings, pull quotes, list items, endnotes); offsets index into it. */
  text(blockId: string): string;
  /**
   * Line boxes of the text from `fromOffset` to the end, laid out at `widthPx` as a piece that starts there.
   * The last line ends at the text's length; an empty block has no lines.
   */
  textLines(blockId: string, fromOffset: number, widthPx: number): readonly LineBox[];
  spacing(blockId: string): BlockSpacing;
  figureBox(blockId: string, widthPx: number): FigureBox;
  /** Heights of a table's rows at `widthPx`, in order; a table splits only between rows. */
  tableRows(blockId: string, widthPx: number): readonly { heightPx: number }[];
  /** Height of one line of body text: the unit of overset and underset. */
  bodyLineHeightPx(): number;
}

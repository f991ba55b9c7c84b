import type { PrintBlock } from './flow-types.js';
import type { BlockSpacing, FlowMeasurer, LineBox } from './flow-measurer.js';

/**
 * The page-flow engine: pours an article's blocks into a chain of columns, column by column and
 * frame by frame, the way InDesign-trained layout staff expect threaded text frames to behave.
 * Pure code: every size comes from a FlowMeasurer, so the rules are tested with a fake one.
 */

export type FlowBlockKind = PrintBlock['kind'];

/** What the engine needs of a block; a PrintBlock is one. */
export interface FlowBlock {
  id: string;
  kind: FlowBlockKind;
  /** Figures only: the editor asked for the full text width. */
  wide?: boolean;
}

/** One column of a frame, in px from the frame's content box. */
export interface FlowColumn {
  x: number;
  width: number;
  height: number;
}

/** One page's body frame. */
export interface FlowFrame {
  columns: readonly FlowColumn[];
  /** Wide figures may span all the columns of this frame. */
  allowSpan: boolean;
}

export interface Placement {
  blockId: string;
  kind: FlowBlockKind;
  /** Index into the frames given to the engine. */
  frame: number;
  column: number | 'span';
  /** Box in px from the frame's content box (y from its top). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text: character offsets [from, to); table: row indices [from, to); figure: [0, 1). */
  from: number;
  to: number;
  /** The piece starts mid-block. */
  continued: boolean;
  /** The block goes on in a later piece. */
  continues: boolean;
  /** Figures: the picture inside the box, narrower than `width` when it was scaled down to fit. */
  image?: { width: number; height: number };
}

export interface FlowWarning {
  kind: 'figure-scaled-to-fit' | 'row-taller-than-column';
  blockId: string;
  frame: number;
}

/** A part of a block that found no room: text offsets or table rows [from, to). */
export interface OversetRange {
  blockId: string;
  from: number;
  to: number;
}

export interface FlowOverset {
  /** Lines the rest needs at the last column's width (figures and tables counted in body lines). */
  lines: number;
  words: number;
  /** Start of the text that did not fit, whitespace collapsed, up to 120 characters. */
  excerpt: string;
  ranges: OversetRange[];
  /** Figures that found no room. */
  figures: string[];
}

export interface FlowResult {
  placements: Placement[];
  overset: FlowOverset;
  /** Empty space left after the article, in body lines, counting every unused column. */
  undersetLines: number;
  warnings: FlowWarning[];
}

export interface FlowRequest {
  blocks: readonly FlowBlock[];
  frames: readonly FlowFrame[];
  measurer: FlowMeasurer;
  /** Copyfit: every figure's width as a fraction of its column (or span), 0.5 … 1. */
  figureScale?: number;
  /** Copyfit: figures left out of print. */
  droppedFigures?: readonly string[];
}

/** Lines a split paragraph keeps at the foot of a column and carries to the head of the next. */
const MIN_LINES = 2;
/** Sub-pixel slack so that sums of fractional line heights do not reject a line that fits. */
const EPS = 0.01;
const EXCERPT_LENGTH = 120;

export function flowArticle(request: FlowRequest): FlowResult {
  return new Pour(request).run();
}

interface ColumnState {
  frame: number;
  index: number;
  x: number;
  width: number;
  /** Where text and top figures start (below any spanning figure). */
  top: number;
  /** Cursor: the bottom of what is placed from the top. */
  y: number;
  /** Bottom bound: the column's height, less the figures placed at its foot. */
  limit: number;
  used: boolean;
  lastAfter: number;
  /** Room a heading at the cursor needs below it for its next block; a foot figure must leave it. */
  keepReserve: number;
}

interface FigureSize {
  width: number;
  imageHeight: number;
  captionHeight: number;
}

const isText = (kind: FlowBlockKind) => kind !== 'figure' && kind !== 'table';
const lineSum = (lines: readonly LineBox[], count: number) => {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += lines[i]!.heightPx;
  return sum;
};

class Pour {
  private readonly blocks: readonly FlowBlock[];
  private readonly frames: readonly FlowFrame[];
  private readonly m: FlowMeasurer;
  private readonly scale: number;
  private readonly dropped: ReadonlySet<string>;
  private readonly placements: Placement[] = [];
  private readonly warnings: FlowWarning[] = [];
  /** Figures waiting, in order, for the top of a later column (or of a frame, for wide ones). */
  private readonly queue: FlowBlock[] = [];
  /** null once the chain has no more columns. */
  private col: ColumnState | null = null;
  /** Top of the columns of the current frame: the bottom of its spanning figures. */
  private frameTop = 0;
  /** Something was placed in a column of the current frame, so a wide figure can no longer head it. */
  private frameUsed = false;
  /** A column shorter than one body line (a frame squeezed out by an advertisement) holds nothing. */
  private readonly lineHeight: number;

  constructor(request: FlowRequest) {
    this.blocks = request.blocks;
    this.frames = request.frames;
    this.m = request.measurer;
    this.scale = Math.min(1, Math.max(0.5, request.figureScale ?? 1));
    this.dropped = new Set(request.droppedFigures ?? []);
    this.lineHeight = this.m.bodyLineHeightPx();
  }

  run(): FlowResult {
    this.openFrom(0, 0);
    let stopped: { index: number; at: number } | null = null;
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      if (!this.col) {
        stopped = { index: i, at: 0 };
        break;
      }
      const at = block.kind === 'figure' ? this.takeFigure(block) : block.kind === 'table' ? this.pourTable(block) : this.pourText(i, block);
      if (at !== null) {
        stopped = { index: i, at };
        break;
      }
    }
    // Figures still waiting for a column top once the text has ended.
    while (!stopped && this.queue.length > 0 && this.advance());
    return {
      placements: this.placements,
      overset: this.overset(stopped),
      undersetLines: stopped || this.queue.length > 0 ? 0 : this.underset(),
      warnings: this.warnings,
    };
  }

  /** Opens the first column from (frame, index) on that can hold a line; none at the end of the chain. */
  private openFrom(frame: number, index: number): void {
    const current = this.col?.frame ?? -1;
    this.col = null;
    for (let f = frame, c = index; f < this.frames.length; f++, c = 0) {
      if (f !== current) {
        this.frameTop = 0;
        this.frameUsed = false;
      }
      const columns = this.frames[f]!.columns;
      for (; c < columns.length; c++) {
        if (columns[c]!.height >= this.lineHeight) {
          this.openColumn(f, c);
          return;
        }
      }
    }
  }

  private openColumn(frame: number, index: number): void {
    const column = this.frames[frame]!.columns[index]!;
    this.col = {
      frame,
      index,
      x: column.x,
      width: column.width,
      top: this.frameTop,
      y: this.frameTop,
      limit: column.height,
      used: false,
      lastAfter: 0,
      keepReserve: 0,
    };
    while (this.queue.length > 0 && this.placeWaitingFigure(this.queue[0]!)) this.queue.shift();
  }

  /** Moves to the next column of the chain; false when there is none. */
  private advance(): boolean {
    if (!this.col) return false;
    this.openFrom(this.col.frame, this.col.index + 1);
    return this.col !== null;
  }

  private place(block: FlowBlock, piece: Omit<Placement, 'blockId' | 'kind' | 'frame'>, col: ColumnState): void {
    this.placements.push({ blockId: block.id, kind: block.kind, frame: col.frame, ...piece });
  }

  /** Takes up a piece of the column from the cursor down. */
  private advanceCursor(col: ColumnState, y: number, height: number, spacing: BlockSpacing): void {
    col.y = y + height;
    col.lastAfter = spacing.afterPx;
    col.used = true;
    this.frameUsed = true;
  }

  private gapAbove(col: ColumnState, spacing: BlockSpacing): number {
    return col.used ? Math.max(col.lastAfter, spacing.beforePx) : 0;
  }

  // Text ---------------------------------------------------------------------------------------

  /** Pours a text block; returns the offset where the chain ran out, or null when all of it is placed. */
  private pourText(index: number, block: FlowBlock): number | null {
    const spacing = this.m.spacing(block.id);
    const whole = block.kind === 'heading' || block.kind === 'pullquote';
    let from = 0;
    for (;;) {
      const col = this.col;
      if (!col) return from;
      const lines = this.m.textLines(block.id, from, col.width);
      const count = lines.length;
      if (count === 0) return null;
      const gap = this.gapAbove(col, spacing);
      const room = col.limit - col.y - gap;
      let fit = 0;
      for (let height = 0; fit < count && height + lines[fit]!.heightPx <= room + EPS; fit++) height += lines[fit]!.heightPx;
      const keep = block.kind === 'heading' ? this.keepAfter(index, col.width, spacing.afterPx) : 0;

      let take = 0;
      if (fit === count) {
        take = count;
        if (col.used && lineSum(lines, count) + keep > room + EPS) take = 0;
      } else if (!whole) {
        // Orphans and widows: at least MIN_LINES on each side of the break, pushing lines over if needed.
        take = Math.min(fit, count - MIN_LINES);
        if (take < MIN_LINES) take = 0;
      }
      // The first item of an empty column is always placed, so that the flow always progresses.
      if (take === 0 && !col.used) take = Math.max(fit, 1);
      if (take === 0) {
        if (!this.advance()) return from;
        continue;
      }

      const to = lines[take - 1]!.endOffset;
      const height = lineSum(lines, take);
      const y = col.y + gap;
      this.place(block, { column: col.index, x: col.x, y, width: col.width, height, from, to, continued: from > 0, continues: take < count }, col);
      this.advanceCursor(col, y, height, spacing);
      col.keepReserve = keep;
      if (take === count) return null;
      from = to;
      if (!this.advance()) return from;
    }
  }

  /**
   * Room a heading needs below it: the smallest first piece of the next block that is not a figure
   * (figures float), with the gap between them. Headings in a row keep together.
   */
  private keepAfter(index: number, width: number, afterPx: number): number {
    for (let j = index + 1; j < this.blocks.length; j++) {
      const next = this.blocks[j]!;
      if (next.kind === 'figure') continue;
      const spacing = this.m.spacing(next.id);
      const gap = Math.max(afterPx, spacing.beforePx);
      if (next.kind === 'table') return gap + (this.m.tableRows(next.id, width)[0]?.heightPx ?? 0);
      const lines = this.m.textLines(next.id, 0, width);
      if (lines.length === 0) continue;
      if (next.kind === 'heading') return gap + lineSum(lines, lines.length) + this.keepAfter(j, width, spacing.afterPx);
      const splittable = next.kind !== 'pullquote' && lines.length >= 2 * MIN_LINES;
      return gap + lineSum(lines, splittable ? MIN_LINES : lines.length);
    }
    return 0;
  }

  // Tables -------------------------------------------------------------------------------------

  private pourTable(block: FlowBlock): number | null {
    const spacing = this.m.spacing(block.id);
    let from = 0;
    for (;;) {
      const col = this.col;
      if (!col) return from;
      const rows = this.m.tableRows(block.id, col.width);
      if (from >= rows.length) return null;
      const gap = this.gapAbove(col, spacing);
      const room = col.limit - col.y - gap;
      let take = 0;
      let height = 0;
      while (from + take < rows.length && height + rows[from + take]!.heightPx <= room + EPS) height += rows[from + take++]!.heightPx;
      if (take === 0 && !col.used) {
        take = 1;
        height = rows[from]!.heightPx;
        this.warnings.push({ kind: 'row-taller-than-column', blockId: block.id, frame: col.frame });
      }
      if (take === 0) {
        if (!this.advance()) return from;
        continue;
      }
      const y = col.y + gap;
      const to = from + take;
      this.place(block, { column: col.index, x: col.x, y, width: col.width, height, from, to, continued: from > 0, continues: to < rows.length }, col);
      this.advanceCursor(col, y, height, spacing);
      col.keepReserve = 0;
      if (to >= rows.length) return null;
      from = to;
      if (!this.advance()) return from;
    }
  }

  // Figures ------------------------------------------------------------------------------------

  private figureSize(block: FlowBlock, width: number): FigureSize {
    const scaled = width * this.scale;
    const box = this.m.figureBox(block.id, scaled);
    return { width: scaled, imageHeight: box.imageHeightPx, captionHeight: box.captionHeightPx };
  }

  private spans(block: FlowBlock): boolean {
    return block.wide === true && this.col !== null && this.frames[this.col.frame]!.allowSpan;
  }

  /** A figure met in reading order; returns null (figures never stop the flow: they wait or go to overset). */
  private takeFigure(block: FlowBlock): null {
    if (this.dropped.has(block.id)) return null;
    // Figures keep their order: while one waits, the later ones wait behind it.
    if (this.queue.length > 0 || !this.placeFigureNow(block)) this.queue.push(block);
    return null;
  }

  private placeFigureNow(block: FlowBlock): boolean {
    if (this.spans(block)) return this.placeSpanning(block);
    const col = this.col!;
    if (!col.used) return this.placeAtTop(block, col);
    const size = this.figureSize(block, col.width);
    const height = size.imageHeight + size.captionHeight;
    const spacing = this.m.spacing(block.id);
    if (col.y + col.keepReserve + spacing.beforePx + height > col.limit + EPS) return false;
    // At the foot of the column: the text goes on flowing above it.
    const y = col.limit - height;
    this.placeFigure(block, col, col.index, col.x, y, size, size.imageHeight);
    col.limit = y - spacing.beforePx;
    return true;
  }

  /** A figure that waited, at the head of a new column or frame. */
  private placeWaitingFigure(block: FlowBlock): boolean {
    if (this.spans(block)) return this.placeSpanning(block);
    const col = this.col!;
    if (!col.used) return this.placeAtTop(block, col);
    const size = this.figureSize(block, col.width);
    const spacing = this.m.spacing(block.id);
    const gap = this.gapAbove(col, spacing);
    const height = size.imageHeight + size.captionHeight;
    if (col.y + gap + height > col.limit + EPS) return false;
    this.placeFigure(block, col, col.index, col.x, col.y + gap, size, size.imageHeight);
    this.advanceCursor(col, col.y + gap, height, spacing);
    return true;
  }

  /**
   * Heads an empty column. A figure taller than a whole column is scaled down to fit rather than lost;
   * below a spanning figure it waits for a column that is free from the top.
   */
  private placeAtTop(block: FlowBlock, col: ColumnState): boolean {
    const size = this.figureSize(block, col.width);
    if (col.top > 0 && size.imageHeight + size.captionHeight > col.limit - col.y + EPS) return false;
    const imageHeight = this.fittedImageHeight(block, size, col.limit - col.y, col.frame);
    this.placeFigure(block, col, col.index, col.x, col.y, size, imageHeight);
    this.advanceCursor(col, col.y, imageHeight + size.captionHeight, this.m.spacing(block.id));
    return true;
  }

  /** Across all columns of the frame, above them, while none of them holds anything yet. */
  private placeSpanning(block: FlowBlock): boolean {
    if (this.frameUsed) return false;
    const col = this.col!;
    const columns = this.frames[col.frame]!.columns;
    const first = columns[0]!;
    const last = columns[columns.length - 1]!;
    const size = this.figureSize(block, last.x + last.width - first.x);
    const room = Math.min(...columns.map((c) => c.height)) - this.frameTop;
    // Below another spanning figure, one that does not fit waits for the next frame.
    if (this.frameTop > 0 && size.imageHeight + size.captionHeight > room + EPS) return false;
    const imageHeight = this.fittedImageHeight(block, size, room, col.frame);
    this.placeFigure(block, col, 'span', first.x, this.frameTop, size, imageHeight);
    this.frameTop += imageHeight + size.captionHeight + this.m.spacing(block.id).afterPx;
    col.top = col.y = this.frameTop;
    return true;
  }

  private fittedImageHeight(block: FlowBlock, size: FigureSize, room: number, frame: number): number {
    if (size.imageHeight + size.captionHeight <= room + EPS) return size.imageHeight;
    this.warnings.push({ kind: 'figure-scaled-to-fit', blockId: block.id, frame });
    return Math.max(0, room - size.captionHeight);
  }

  private placeFigure(block: FlowBlock, col: ColumnState, column: number | 'span', x: number, y: number, size: FigureSize, imageHeight: number): void {
    const imageWidth = size.imageHeight > 0 ? (size.width * imageHeight) / size.imageHeight : size.width;
    const height = imageHeight + size.captionHeight;
    this.place(block, { column, x, y, width: size.width, height, from: 0, to: 1, continued: false, continues: false, image: { width: imageWidth, height: imageHeight } }, col);
  }

  // Reports ------------------------------------------------------------------------------------

  private lastColumnWidth(): number {
    for (let f = this.frames.length - 1; f >= 0; f--) {
      const columns = this.frames[f]!.columns;
      if (columns.length > 0) return columns[columns.length - 1]!.width;
    }
    return 0;
  }

  private overset(stopped: { index: number; at: number } | null): FlowOverset {
    const result: FlowOverset = { lines: 0, words: 0, excerpt: '', ranges: [], figures: [] };
    const figures = [...this.queue];
    const width = this.lastColumnWidth();
    // With no column at all there is no width to count lines at: words and excerpt still tell.
    const measured = width > 0;
    const lineHeight = this.m.bodyLineHeightPx();
    const texts: string[] = [];
    for (let i = stopped?.index ?? this.blocks.length; i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      const from = i === stopped?.index ? stopped.at : 0;
      if (block.kind === 'figure') {
        if (!this.dropped.has(block.id)) figures.push(block);
      } else if (block.kind === 'table') {
        const rows = this.m.tableRows(block.id, width);
        result.ranges.push({ blockId: block.id, from, to: rows.length });
        if (measured) result.lines += Math.ceil(rows.slice(from).reduce((sum, row) => sum + row.heightPx, 0) / lineHeight);
      } else if (isText(block.kind)) {
        const text = this.m.text(block.id);
        if (from >= text.length) continue;
        result.ranges.push({ blockId: block.id, from, to: text.length });
        if (measured) result.lines += this.m.textLines(block.id, from, width).length;
        texts.push(text.slice(from));
      }
    }
    for (const figure of figures) {
      if (measured) {
        const size = this.figureSize(figure, width);
        result.lines += Math.ceil((size.imageHeight + size.captionHeight) / lineHeight);
      }
      result.figures.push(figure.id);
    }
    const rest = texts.join(' ');
    result.words = rest.match(/\S+/g)?.length ?? 0;
    result.excerpt = rest.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_LENGTH);
    return result;
  }

  private underset(): number {
    const col = this.col;
    if (!col) return 0;
    const lineHeight = this.m.bodyLineHeightPx();
    const lines = (space: number) => Math.max(0, Math.floor((space + EPS) / lineHeight));
    let total = lines(col.limit - col.y);
    const columns = this.frames[col.frame]!.columns;
    for (let c = col.index + 1; c < columns.length; c++) total += lines(columns[c]!.height - this.frameTop);
    for (let f = col.frame + 1; f < this.frames.length; f++) {
      for (const column of this.frames[f]!.columns) total += lines(column.height);
    }
    return total;
  }
}

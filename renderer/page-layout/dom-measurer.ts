import type { Placement } from '../../shared/print/flow-engine.js';
import type { BlockSpacing, FigureBox, FlowMeasurer, LineBox } from '../../shared/print/flow-measurer.js';
import type { PrintBlock } from '../../shared/print/flow-types.js';

/**
 * The flow engine's measurer in Chromium, and the one place that says how a block looks in the
 * page: the elements it measures are the elements the runtime prints, so the lines stay as measured.
 *
 * Blocks are measured inside a hidden column in the article's own body frame, so the same CSS
 * cascade (fonts, copyfit variables) applies. Lines come from Range.getClientRects() over words,
 * as Paged.js does. Chromium breaks lines greedily, so the lines of a remainder that starts at a
 * line boundary are the suffix of the whole block's lines at that width: each block is measured
 * once per width, all blocks of a width in one layout pass.
 */

type FigureBlock = Extract<PrintBlock, { kind: 'figure' }>;
type TableBlock = Extract<PrintBlock, { kind: 'table' }>;
type TextBlock = Exclude<PrintBlock, FigureBlock | TableBlock>;
type TextKind = TextBlock['kind'];

const TEXT_ELEMENTS: Record<TextKind, { tag: string; className: string }> = {
  paragraph: { tag: 'p', className: 'b-p' },
  heading: { tag: 'h3', className: 'b-h' },
  pullquote: { tag: 'blockquote', className: 'b-pq' },
  'list-item': { tag: 'p', className: 'b-li' },
  endnote: { tag: 'p', className: 'b-note' },
};

const WORD = /\S+/g;
const px = (value: number) => `${value}px`;
const widthKey = (width: number) => width.toFixed(3);

/** Inline HTML parsed once into an inert fragment, its text nodes indexed by character offset. */
class InlineText {
  readonly text: string;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];

  constructor(readonly root: DocumentFragment) {
    let offset = 0;
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      this.nodes.push(node as Text);
      this.starts.push(offset);
      parts.push(data);
      offset += data.length;
    }
    this.text = parts.join('');
  }

  /** A copy of the text [from, to) with the elements around it (<strong>, <em>, <a>) kept. */
  slice(from: number, to: number): DocumentFragment {
    if (from <= 0 && to >= this.text.length) return this.root.cloneNode(true) as DocumentFragment;
    const range = this.root.ownerDocument.createRange();
    const [startNode, startOffset] = this.locate(from, false);
    const [endNode, endOffset] = this.locate(to, true);
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range.cloneContents();
  }

  /** The text node holding `offset`; at a boundary between nodes, the later one for a start, the earlier for an end. */
  private locate(offset: number, isEnd: boolean): [Text, number] {
    let low = 0;
    let high = this.nodes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const start = this.starts[mid]!;
      if (isEnd ? start < offset : start <= offset) low = mid;
      else high = mid - 1;
    }
    return [this.nodes[low]!, offset - this.starts[low]!];
  }
}

function parse(doc: Document, html: string): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return template.content;
}

interface TableMeasure {
  rows: { heightPx: number }[];
  /** Column widths of the whole table, so that a piece with fewer rows keeps them. */
  columns: number[] | null;
}

export class DomMeasurer implements FlowMeasurer {
  private readonly doc: Document;
  private readonly box: HTMLElement;
  private readonly range: Range;
  private readonly blocks = new Map<string, PrintBlock>();
  private readonly inline = new Map<string, InlineText>();
  private readonly tables = new Map<string, HTMLTableElement>();
  private readonly lines = new Map<string, LineBox[]>();
  private readonly remainders = new Map<string, LineBox[]>();
  private readonly tableMeasures = new Map<string, TableMeasure>();
  private readonly figures = new Map<string, FigureBox>();
  private readonly spacings = new Map<string, BlockSpacing>();
  private bodyLine = 0;

  /** `host` is the article's first body frame: the hidden measuring column goes inside it. */
  constructor(host: HTMLElement, blocks: readonly PrintBlock[]) {
    this.doc = host.ownerDocument;
    this.range = this.doc.createRange();
    this.box = this.doc.createElement('div');
    this.box.className = 'col lnv-measure';
    this.box.setAttribute('aria-hidden', 'true');
    // Size containment keeps each measuring pass from relaying out the page around it.
    this.box.style.cssText = 'position:absolute;left:0;top:0;height:0;visibility:hidden;contain:strict;';
    host.append(this.box);
    for (const block of blocks) {
      this.blocks.set(block.id, block);
      if (block.kind === 'figure') this.inline.set(block.id, new InlineText(parse(this.doc, block.captionHtml)));
      else if (block.kind === 'table') this.tables.set(block.id, this.parseTable(block));
      else this.inline.set(block.id, new InlineText(parse(this.doc, block.html)));
    }
  }

  dispose(): void {
    this.box.remove();
  }

  text(blockId: string): string {
    const block = this.block(blockId);
    return block.kind === 'figure' || block.kind === 'table' ? '' : this.inlineOf(blockId).text;
  }

  textLines(blockId: string, fromOffset: number, widthPx: number): readonly LineBox[] {
    const key = `${blockId}@${widthKey(widthPx)}`;
    if (!this.lines.has(key)) this.measureAll(widthPx);
    const full = this.lines.get(key)!;
    if (fromOffset <= 0) return full;
    const index = lineAfter(full, fromOffset);
    if (index >= 0) return full.slice(index);
    const remainderKey = `${key}@${fromOffset}`;
    let rest = this.remainders.get(remainderKey);
    if (!rest) {
      rest = this.measureRemainder(this.block(blockId) as TextBlock, fromOffset, widthPx);
      this.remainders.set(remainderKey, rest);
    }
    return rest;
  }

  spacing(blockId: string): BlockSpacing {
    const block = this.block(blockId);
    let spacing = this.spacings.get(block.kind);
    if (!spacing) {
      const probe = this.probe(block);
      const style = getComputedStyle(probe);
      spacing = { beforePx: parseFloat(style.marginTop) || 0, afterPx: parseFloat(style.marginBottom) || 0 };
      probe.remove();
      this.spacings.set(block.kind, spacing);
    }
    return spacing;
  }

  figureBox(blockId: string, widthPx: number): FigureBox {
    const key = `${blockId}@${widthKey(widthPx)}`;
    let box = this.figures.get(key);
    if (!box) {
      const block = this.block(blockId) as FigureBlock;
      const imageHeightPx = block.widthPx > 0 ? (widthPx * block.heightPx) / block.widthPx : 0;
      const figure = this.figureElement(block, widthPx, { width: widthPx, height: imageHeightPx });
      this.box.style.width = px(widthPx);
      this.box.append(figure);
      box = { imageHeightPx, captionHeightPx: Math.max(0, figure.getBoundingClientRect().height - imageHeightPx) };
      figure.remove();
      this.figures.set(key, box);
    }
    return box;
  }

  tableRows(blockId: string, widthPx: number): readonly { heightPx: number }[] {
    return this.tableMeasure(blockId, widthPx).rows;
  }

  bodyLineHeightPx(): number {
    if (!this.bodyLine) {
      const probe = this.textElement('paragraph', this.doc.createTextNode('x'));
      this.box.append(probe);
      this.bodyLine = lineHeightOf(probe);
      probe.remove();
    }
    return this.bodyLine;
  }

  /** The element the runtime prints for a placement, positioned by the caller. */
  pieceElement(placement: Placement): HTMLElement {
    const block = this.block(placement.blockId);
    let element: HTMLElement;
    if (block.kind === 'figure') {
      element = this.figureElement(block, placement.width, placement.image ?? { width: placement.width, height: placement.height });
    } else if (block.kind === 'table') {
      element = this.tablePiece(block.id, placement.from, placement.to, placement.width);
    } else {
      element = this.textElement(block.kind, this.inlineOf(block.id).slice(placement.from, placement.to), placement.continued);
    }
    element.dataset.block = block.id;
    if (placement.continued) element.classList.add('is-continued');
    if (placement.continues) element.classList.add('continues');
    return element;
  }

  private block(blockId: string): PrintBlock {
    const block = this.blocks.get(blockId);
    if (!block) throw new Error(`Khối ${blockId} không có trong bài`);
    return block;
  }

  private inlineOf(blockId: string): InlineText {
    return this.inline.get(blockId)!;
  }

  private textElement(kind: TextKind, content: Node, continued = false): HTMLElement {
    const { tag, className } = TEXT_ELEMENTS[kind];
    const element = this.doc.createElement(tag);
    element.className = className;
    // Lines must break greedily (not `text-wrap: pretty`), or a piece would not break as its block was measured.
    element.style.setProperty('text-wrap', 'wrap');
    if (continued) {
      element.classList.add('is-continued');
      // A piece that starts mid-paragraph starts mid-line in the measurement: no first-line indent.
      element.style.textIndent = '0';
    }
    element.append(content);
    return element;
  }

  private figureElement(block: FigureBlock, widthPx: number, image: { width: number; height: number }): HTMLElement {
    const figure = this.doc.createElement('figure');
    figure.className = 'b-fig';
    figure.style.width = px(widthPx);
    const img = this.doc.createElement('img');
    img.setAttribute('src', block.src);
    img.alt = '';
    img.width = Math.round(block.widthPx);
    img.height = Math.round(block.heightPx);
    // An explicit size, so the box is the same whether the picture has decoded, or failed.
    img.style.width = px(image.width);
    img.style.height = px(image.height);
    if (block.assetHash) img.dataset.asset = block.assetHash;
    figure.append(img);
    const caption = this.inlineOf(block.id);
    if (caption.text.trim() || block.credit) {
      const figcaption = this.doc.createElement('figcaption');
      figcaption.append(caption.slice(0, caption.text.length));
      if (block.credit) {
        const credit = this.doc.createElement('span');
        credit.className = 'credit';
        credit.textContent = block.credit;
        figcaption.append(' ', credit);
      }
      figure.append(figcaption);
    }
    return figure;
  }

  private parseTable(block: TableBlock): HTMLTableElement {
    const parsed = parse(this.doc, block.html).querySelector('table');
    const table = parsed ?? this.doc.createElement('table');
    table.classList.add('b-table');
    return table;
  }

  private probe(block: PrintBlock): HTMLElement {
    const probe =
      block.kind === 'figure'
        ? this.figureElement(block, 100, { width: 100, height: 100 })
        : block.kind === 'table'
          ? (this.tables.get(block.id)!.cloneNode(false) as HTMLElement)
          : this.textElement(block.kind, this.doc.createTextNode('x'));
    this.box.append(probe);
    return probe;
  }

  /** Every text block and table not yet measured at this width, in one layout pass. */
  private measureAll(widthPx: number): void {
    const width = widthKey(widthPx);
    const pending: [PrintBlock, HTMLElement][] = [];
    for (const block of this.blocks.values()) {
      if (block.kind === 'figure') continue;
      const cached = block.kind === 'table' ? this.tableMeasures.has(`${block.id}@${width}`) : this.lines.has(`${block.id}@${width}`);
      if (cached) continue;
      const element =
        block.kind === 'table'
          ? (this.tables.get(block.id)!.cloneNode(true) as HTMLElement)
          : this.textElement(block.kind, this.inlineOf(block.id).root.cloneNode(true));
      pending.push([block, element]);
    }
    this.box.style.width = px(widthPx);
    this.box.replaceChildren(...pending.map(([, element]) => element));
    // Reads only from here on: the layout is computed once for all of them.
    for (const [block, element] of pending) {
      if (block.kind === 'table') this.tableMeasures.set(`${block.id}@${width}`, readTable(element as HTMLTableElement));
      else this.lines.set(`${block.id}@${width}`, this.readLines(element, 0));
    }
    this.box.replaceChildren();
  }

  private measureRemainder(block: TextBlock, fromOffset: number, widthPx: number): LineBox[] {
    const inline = this.inlineOf(block.id);
    const element = this.textElement(block.kind, inline.slice(fromOffset, inline.text.length), true);
    this.box.style.width = px(widthPx);
    this.box.replaceChildren(element);
    const lines = this.readLines(element, fromOffset);
    this.box.replaceChildren();
    return lines;
  }

  private tableMeasure(blockId: string, widthPx: number): TableMeasure {
    const key = `${blockId}@${widthKey(widthPx)}`;
    if (!this.tableMeasures.has(key)) this.measureAll(widthPx);
    return this.tableMeasures.get(key)!;
  }

  /** Only the rows [from, to), in their sections, with the whole table's column widths. */
  private tablePiece(blockId: string, from: number, to: number, widthPx: number): HTMLElement {
    const source = this.tables.get(blockId)!;
    const { columns } = this.tableMeasure(blockId, widthPx);
    const piece = source.cloneNode(false) as HTMLTableElement;
    if (from === 0 && source.caption) piece.append(source.caption.cloneNode(true));
    if (columns) {
      piece.style.tableLayout = 'fixed';
      const colgroup = this.doc.createElement('colgroup');
      for (const width of columns) {
        const col = this.doc.createElement('col');
        col.style.width = px(width);
        colgroup.append(col);
      }
      piece.append(colgroup);
    }
    let section: HTMLElement | null = null;
    let sourceSection: Element | null = null;
    const rows = source.rows;
    for (let i = from; i < to && i < rows.length; i++) {
      const row = rows[i]!;
      if (row.parentElement !== sourceSection || !section) {
        sourceSection = row.parentElement;
        section = (sourceSection && sourceSection !== source ? sourceSection.cloneNode(false) : this.doc.createElement('tbody')) as HTMLElement;
        piece.append(section);
      }
      section.append(row.cloneNode(true));
    }
    return piece;
  }

  /**
   * Line boxes from word rects: a word whose top is more than half a line below the current line's
   * starts a new one. Greedy lines hold about as many words as the line before, so the next line's
   * first word is looked for around that guess: two or three rect reads a line instead of one a word.
   * A word that itself wraps (after a hyphen, or longer than the column) is read character by character.
   */
  private readLines(element: HTMLElement, baseOffset: number): LineBox[] {
    const words = wordsOf(element, baseOffset);
    const count = words.length;
    if (count === 0) return [];
    const threshold = lineHeightOf(element) / 2;
    const range = this.range;
    const firstTops = new Float64Array(count).fill(NaN);
    const lastTops = new Float64Array(count);
    const probe = (i: number) => {
      if (Number.isNaN(firstTops[i]!)) {
        const word = words[i]!;
        range.setStart(word.node, word.start);
        range.setEnd(word.node, word.end);
        const rects = range.getClientRects();
        // A word with no box (hidden) counts as on the line it is in.
        firstTops[i] = rects.length > 0 ? rects[0]!.top : -Infinity;
        lastTops[i] = rects.length > 0 ? rects[rects.length - 1]!.top : -Infinity;
      }
      return firstTops[i]!;
    };
    const starts: number[] = [];
    const tops: number[] = [];
    let lineTop = 0;
    const startLine = (offset: number, top: number) => {
      starts.push(starts.length === 0 ? baseOffset : offset);
      tops.push(top);
      lineTop = top;
    };
    const onLine = (i: number) => probe(i) <= lineTop + threshold;
    const splitWord = (i: number) => {
      const word = words[i]!;
      for (let k = word.start + 1; k < word.end; k++) {
        range.setStart(word.node, k);
        range.setEnd(word.node, k + 1);
        const rect = range.getClientRects()[0];
        if (rect && rect.top > lineTop + threshold) startLine(word.offset + k - word.start, rect.top);
      }
    };

    startLine(baseOffset, probe(0));
    if (lastTops[0]! > lineTop + threshold) splitWord(0);
    let lineStart = 0;
    let current = 0;
    let step = 6;
    for (;;) {
      let next = Math.min(current + Math.max(step, 1), count - 1);
      if (onLine(next)) {
        while (next < count && onLine(next)) next++;
        if (next === count) break;
      } else {
        while (next - 1 > current && !onLine(next - 1)) next--;
      }
      // The word before the break may itself run onto the next line.
      probe(next - 1);
      if (lastTops[next - 1]! > lineTop + threshold) {
        splitWord(next - 1);
        current = next - 1;
        continue;
      }
      startLine(words[next]!.offset, firstTops[next]!);
      step = next - lineStart;
      lineStart = current = next;
      if (lastTops[next]! > lineTop + threshold) splitWord(next);
    }
    if (lastTops[count - 1]! > lineTop + threshold) splitWord(count - 1);

    // Line boxes from the element's border box, so padding and the first line's half-leading count.
    const box = element.getBoundingClientRect();
    const end = baseOffset + (element.textContent?.length ?? 0);
    const edges = tops.map((top) => box.top + top - tops[0]!);
    edges.push(box.bottom);
    return starts.map((_, i) => ({
      endOffset: i + 1 < starts.length ? starts[i + 1]! : end,
      heightPx: edges[i + 1]! - edges[i]!,
    }));
  }
}

interface Word {
  node: Text;
  start: number;
  end: number;
  /** Offset of the word's first character in the block's text. */
  offset: number;
}

function wordsOf(element: HTMLElement, baseOffset: number): Word[] {
  const words: Word[] = [];
  let offset = baseOffset;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    WORD.lastIndex = 0;
    for (let match = WORD.exec(data); match; match = WORD.exec(data)) {
      words.push({ node, start: match.index, end: match.index + match[0].length, offset: offset + match.index });
    }
    offset += data.length;
  }
  return words;
}

/** Index of the line that starts at `offset` (the line after the one ending there), or −1. */
function lineAfter(lines: readonly LineBox[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const end = lines[mid]!.endOffset;
    if (end === offset) return mid + 1 < lines.length ? mid + 1 : -1;
    if (end < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function lineHeightOf(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
}

function readTable(table: HTMLTableElement): TableMeasure {
  const box = table.getBoundingClientRect();
  const rows = Array.from(table.rows);
  const tops = rows.map((row) => row.getBoundingClientRect().top);
  tops[0] = box.top;
  tops.push(box.bottom);
  const widest = rows
    .filter((row) => Array.from(row.cells).every((cell) => cell.colSpan === 1))
    .reduce<HTMLTableRowElement | null>((best, row) => (!best || row.cells.length > best.cells.length ? row : best), null);
  return {
    rows: rows.map((_, i) => ({ heightPx: tops[i + 1]! - tops[i]! })),
    columns: widest ? Array.from(widest.cells).map((cell) => cell.getBoundingClientRect().width) : null,
  };
}

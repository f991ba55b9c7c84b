import { describe, expect, it } from 'vitest';
import { flowArticle, type FlowBlock, type FlowFrame, type FlowResult, type Placement } from '../../shared/print/flow-engine.js';
import type { BlockSpacing, FlowMeasurer, LineBox } from '../../shared/print/flow-measurer.js';

/**
 * A monospace page: 1 character is 1 px wide, lines break greedily at spaces (a word longer than
 * the line is cut), so every expected number below can be counted by hand.
 */
type FakeBlock =
  | { id: string; kind: 'paragraph' | 'heading' | 'pullquote' | 'list-item' | 'endnote'; text: string }
  | { id: string; kind: 'figure'; ratio: number; captionLines: number; wide?: boolean }
  | { id: string; kind: 'table'; rows: number[] };

const LINE = 10;
const LINE_HEIGHT: Record<string, number> = { heading: 14, pullquote: 12 };
const SPACING: Record<string, BlockSpacing> = {
  heading: { beforePx: 10, afterPx: 4 },
  pullquote: { beforePx: 8, afterPx: 8 },
  figure: { beforePx: 6, afterPx: 6 },
  table: { beforePx: 5, afterPx: 5 },
};
const NO_SPACE: BlockSpacing = { beforePx: 0, afterPx: 0 };

function wrap(text: string, from: number, width: number, lineHeight: number): LineBox[] {
  const perLine = Math.max(1, Math.floor(width));
  const lines: LineBox[] = [];
  let start = from;
  while (start < text.length) {
    let end = start + perLine;
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      end = space >= start && space + 1 > start ? space + 1 : end;
    } else end = text.length;
    lines.push({ endOffset: end, heightPx: lineHeight });
    start = end;
  }
  return lines;
}

class FakeMeasurer implements FlowMeasurer {
  private readonly byId: Map<string, FakeBlock>;
  constructor(blocks: FakeBlock[]) {
    this.byId = new Map(blocks.map((b) => [b.id, b]));
  }
  private get(id: string): FakeBlock {
    const block = this.byId.get(id);
    if (!block) throw new Error(`no block ${id}`);
    return block;
  }
  text(id: string): string {
    const block = this.get(id);
    return 'text' in block ? block.text : '';
  }
  textLines(id: string, from: number, width: number): LineBox[] {
    const block = this.get(id);
    return wrap(this.text(id), from, width, LINE_HEIGHT[block.kind] ?? LINE);
  }
  spacing(id: string): BlockSpacing {
    return SPACING[this.get(id).kind] ?? NO_SPACE;
  }
  figureBox(id: string, width: number) {
    const block = this.get(id);
    if (block.kind !== 'figure') throw new Error('not a figure');
    return { imageHeightPx: width * block.ratio, captionHeightPx: block.captionLines * LINE };
  }
  tableRows(id: string, _width: number) {
    const block = this.get(id);
    if (block.kind !== 'table') throw new Error('not a table');
    return block.rows.map((heightPx) => ({ heightPx }));
  }
  bodyLineHeightPx(): number {
    return LINE;
  }
}

/** `count` four-letter Vietnamese words: at 20 px a line holds exactly four of them. */
const WORDS = ['làng', 'nghề', 'việt', 'đình', 'chùa', 'đồng', 'gạch', 'thêu'];
const words = (count: number, shift = 0) => Array.from({ length: count }, (_, i) => WORDS[(i + shift) % WORDS.length]).join(' ');
const para = (id: string, lines: number, shift = 0): FakeBlock => ({ id, kind: 'paragraph', text: words(lines * 4, shift) });

function frames(count: number, columns: number, heightPx: number, widthPx = 20, allowSpan = false): FlowFrame[] {
  return Array.from({ length: count }, () => ({
    allowSpan,
    columns: Array.from({ length: columns }, (_, c) => ({ x: c * (widthPx + 4), width: widthPx, height: heightPx })),
  }));
}

function flow(blocks: FakeBlock[], chain: FlowFrame[], extra: { figureScale?: number; droppedFigures?: string[] } = {}) {
  const measurer = new FakeMeasurer(blocks);
  const flowBlocks: FlowBlock[] = blocks.map((b) => ({ id: b.id, kind: b.kind, wide: b.kind === 'figure' ? b.wide === true : false }));
  return { measurer, result: flowArticle({ blocks: flowBlocks, frames: chain, measurer, ...extra }) };
}

const pieces = (result: FlowResult, id: string) => result.placements.filter((p) => p.blockId === id);
const lineCount = (m: FakeMeasurer, p: Placement, width = 20) => m.textLines(p.blockId, p.from, width).filter((l) => l.endOffset <= p.to).length;
const at = (p: Placement | undefined) => p && { frame: p.frame, column: p.column, y: p.y, from: p.from, to: p.to };

/** Reading order of the chain: frame, then column, then from the top. */
function readingOrder(placements: Placement[]): Placement[] {
  const col = (p: Placement) => (p.column === 'span' ? -1 : p.column);
  return [...placements].sort((a, b) => a.frame - b.frame || col(a) - col(b) || a.y - b.y);
}

/** Every character of every text block, and every table row, exactly once and in order. */
function expectNothingLostOrDoubled(blocks: FakeBlock[], result: FlowResult, m: FakeMeasurer): void {
  const flowing = readingOrder(result.placements).filter((p) => p.kind !== 'figure');
  const sequence = [...flowing, ...result.overset.ranges];
  const expected = blocks.filter((b) => b.kind !== 'figure');
  let cursor = 0;
  for (const block of expected) {
    let next = 0;
    const total = block.kind === 'table' ? block.rows.length : m.text(block.id).length;
    let text = '';
    while (next < total) {
      const piece = sequence[cursor++];
      expect(piece?.blockId, `piece ${cursor - 1}`).toBe(block.id);
      expect(piece!.from).toBe(next);
      expect(piece!.to).toBeGreaterThan(next);
      if (block.kind !== 'table') text += m.text(block.id).slice(piece!.from, piece!.to);
      next = piece!.to;
    }
    expect(next).toBe(total);
    if (block.kind !== 'table') expect(text).toBe(m.text(block.id));
  }
  expect(cursor).toBe(sequence.length);
  for (const figure of blocks.filter((b) => b.kind === 'figure')) {
    const placed = pieces(result, figure.id).length;
    const lost = result.overset.figures.filter((id) => id === figure.id).length;
    expect(placed + lost, figure.id).toBe(1);
  }
}

/**
 * In every column, pieces do not overlap, stay under the frame's spanning figures and above the
 * column's foot (only the first piece of a column may overrun it: a column too short for a line or
 * a row); figures sit at the top or the foot, never with text both above and below them.
 */
function expectColumnsInOrder(result: FlowResult, chain: FlowFrame[], label: string): void {
  const columns = new Map<string, Placement[]>();
  for (const p of result.placements) {
    if (p.column === 'span') continue;
    const key = `${p.frame}/${p.column}`;
    columns.set(key, [...(columns.get(key) ?? []), p]);
  }
  for (const [key, list] of columns) {
    const [frame, column] = key.split('/').map(Number) as [number, number];
    const spanBottom = Math.max(0, ...result.placements.filter((p) => p.frame === frame && p.column === 'span').map((p) => p.y + p.height));
    const sorted = [...list].sort((a, b) => a.y - b.y);
    expect(sorted[0]!.y, `${label} ${key}`).toBeGreaterThanOrEqual(spanBottom - 0.01);
    sorted.forEach((p, i) => {
      const next = sorted[i + 1];
      if (next) expect(p.y + p.height, `${label} ${p.blockId}`).toBeLessThanOrEqual(next.y + 0.01);
      if (i > 0) expect(p.y + p.height, `${label} ${p.blockId}`).toBeLessThanOrEqual(chain[frame]!.columns[column]!.height + 0.01);
      if (p.kind === 'figure') {
        const textAbove = sorted.slice(0, i).some((q) => q.kind !== 'figure');
        const textBelow = sorted.slice(i + 1).some((q) => q.kind !== 'figure');
        expect(textAbove && textBelow, `${label} ${p.blockId} between text`).toBe(false);
      }
    });
  }
}

/** Deterministic pseudo-random numbers, so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function randomArticle(seed: number): FakeBlock[] {
  const rnd = random(seed);
  const blocks: FakeBlock[] = [];
  const count = 5 + Math.floor(rnd() * 25);
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const id = `b${i}`;
    const text = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => WORDS[Math.floor(rnd() * WORDS.length)]!.slice(0, 1 + Math.floor(rnd() * 4))).join(' ');
    if (roll < 0.1) blocks.push({ id, kind: 'heading', text: text.slice(0, 40) });
    else if (roll < 0.18) blocks.push({ id, kind: 'figure', ratio: 0.4 + rnd() * 2, captionLines: Math.floor(rnd() * 3), wide: rnd() < 0.3 });
    else if (roll < 0.23) blocks.push({ id, kind: 'pullquote', text: text.slice(0, 60) });
    else if (roll < 0.27) blocks.push({ id, kind: 'table', rows: Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => 10 + Math.floor(rnd() * 30)) });
    else blocks.push({ id, kind: rnd() < 0.8 ? 'paragraph' : 'list-item', text });
  }
  return blocks;
}

describe('page-flow engine', () => {
  it('keeps every character and table row exactly once, in order, across placements and overset', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed * 7919);
      const blocks = randomArticle(seed);
      const chain = frames(1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 3), 40 + Math.floor(rnd() * 120), 12 + Math.floor(rnd() * 30), rnd() < 0.5);
      const { result, measurer } = flow(blocks, chain, { figureScale: 0.5 + rnd() / 2 });
      expectNothingLostOrDoubled(blocks, result, measurer);
      expectColumnsInOrder(result, chain, `seed ${seed}`);
    }
  });

  it('splits a paragraph at a line boundary with two lines on each side', () => {
    // Columns of 5 lines: P1 takes 3, so P2 (4 lines) breaks 2 + 2.
    const blocks = [para('p1', 3), para('p2', 4, 1)];
    const { result, measurer } = flow(blocks, frames(1, 2, 50));
    expect(pieces(result, 'p2').map(at)).toEqual([
      { frame: 0, column: 0, y: 30, from: 0, to: 40 },
      { frame: 0, column: 1, y: 0, from: 40, to: 79 },
    ]);
    expect(pieces(result, 'p2').map((p) => [p.continued, p.continues])).toEqual([[false, true], [true, false]]);
    expect(pieces(result, 'p2').map((p) => lineCount(measurer, p))).toEqual([2, 2]);
  });

  it('pushes a line over rather than leave a widow', () => {
    // 4 lines of room, 5 lines of text: 3 stay, 2 go over (not 4 + 1).
    const { result, measurer } = flow([para('p1', 1), para('p2', 5, 2)], frames(1, 2, 50));
    expect(pieces(result, 'p2').map((p) => lineCount(measurer, p))).toEqual([3, 2]);
    expect(result.undersetLines).toBe(3);
  });

  it('moves the whole paragraph rather than leave an orphan, and moves short paragraphs whole', () => {
    const orphan = flow([para('p1', 4), para('p2', 5, 3)], frames(1, 2, 50)).result;
    expect(pieces(orphan, 'p2').map(at)).toEqual([{ frame: 0, column: 1, y: 0, from: 0, to: 99 }]);
    const short = flow([para('p1', 3), para('p2', 3, 3)], frames(1, 2, 50)).result;
    expect(pieces(short, 'p2').map(at)).toEqual([{ frame: 0, column: 1, y: 0, from: 0, to: 59 }]);
  });

  it('never leaves one line of a split paragraph at the foot or the head of a column', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rnd = random(seed);
      const blocks = Array.from({ length: 12 }, (_, i) => para(`p${i}`, 1 + Math.floor(rnd() * 9), i));
      const { result, measurer } = flow(blocks, frames(3, 3, 40 + 10 * Math.floor(rnd() * 8)));
      expectNothingLostOrDoubled(blocks, result, measurer);
      for (const p of result.placements) {
        if (p.continues || p.continued) expect(lineCount(measurer, p), `seed ${seed} ${p.blockId}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('keeps a heading with two lines of what follows', () => {
    // 10-line columns: P1 fills 7 lines, the heading would end at 94 px with no line of P2 under it.
    const blocks: FakeBlock[] = [para('p1', 7), { id: 'h', kind: 'heading', text: 'làng nghề' }, para('p2', 6, 1)];
    const { result } = flow(blocks, frames(1, 2, 100));
    expect(at(pieces(result, 'h')[0])).toEqual({ frame: 0, column: 1, y: 0, from: 0, to: 9 });
    // Under the heading (14 px) and the larger of its 4 px and P2's 0 px of space.
    expect(at(pieces(result, 'p2')[0])).toEqual({ frame: 0, column: 1, y: 18, from: 0, to: 119 });
    // With room for the heading and 2 lines (36 px of 40), it stays and P2 breaks 3 + 3 under it.
    const roomy = flow([para('p1', 4), ...blocks.slice(1)], frames(1, 2, 100)).result;
    expect(at(pieces(roomy, 'h')[0])).toMatchObject({ column: 0, y: 50 });
    expect(pieces(roomy, 'p2').map(at)).toEqual([
      { frame: 0, column: 0, y: 68, from: 0, to: 60 },
      { frame: 0, column: 1, y: 0, from: 60, to: 119 },
    ]);
  });

  it('places a figure with its caption as one box at the top of an empty column', () => {
    const blocks: FakeBlock[] = [{ id: 'f', kind: 'figure', ratio: 1, captionLines: 2 }, para('p1', 3)];
    const { result } = flow(blocks, frames(1, 1, 100));
    expect(pieces(result, 'f')).toEqual([
      expect.objectContaining({ column: 0, y: 0, width: 20, height: 40, image: { width: 20, height: 20 } }),
    ]);
    // The text starts under the figure and its 6 px of space.
    expect(at(pieces(result, 'p1')[0])).toMatchObject({ y: 46 });
  });

  it('puts a figure at the foot of the column when it fits, and lets the text flow above it', () => {
    const blocks: FakeBlock[] = [para('p1', 2), { id: 'f', kind: 'figure', ratio: 1, captionLines: 1 }, para('p2', 6, 1)];
    const { result, measurer } = flow(blocks, frames(1, 2, 100));
    // 30 px figure at the foot (y 70), 6 px of space above it: 64 px for text, 6 lines.
    expect(at(pieces(result, 'f')[0])).toMatchObject({ column: 0, y: 70 });
    expect(pieces(result, 'p2').map(at)).toEqual([
      { frame: 0, column: 0, y: 20, from: 0, to: 80 },
      { frame: 0, column: 1, y: 0, from: 80, to: 119 },
    ]);
    expect(pieces(result, 'p2').map((p) => lineCount(measurer, p))).toEqual([4, 2]);
  });

  it('defers a figure that does not fit to the top of the next column, keeping figures in order', () => {
    const blocks: FakeBlock[] = [
      para('p1', 6),
      { id: 'f1', kind: 'figure', ratio: 2, captionLines: 1 },
      { id: 'f2', kind: 'figure', ratio: 0.5, captionLines: 0 },
      para('p2', 3, 1),
    ];
    const { result } = flow(blocks, frames(1, 2, 100));
    // f1 (50 px) does not fit under 60 px of text; f2 (10 px) would, but must not overtake f1.
    expect(at(pieces(result, 'f1')[0])).toMatchObject({ column: 1, y: 0 });
    expect(at(pieces(result, 'f2')[0])).toMatchObject({ column: 1, y: 56 });
    expect(at(pieces(result, 'p2')[0])).toMatchObject({ column: 0, y: 60 });
  });

  it('scales a figure taller than an empty column down to fit, and says so', () => {
    const blocks: FakeBlock[] = [{ id: 'f', kind: 'figure', ratio: 10, captionLines: 1 }, para('p1', 2)];
    const { result } = flow(blocks, frames(1, 2, 100));
    expect(pieces(result, 'f')[0]).toMatchObject({ height: 100, image: { width: 9, height: 90 } });
    expect(result.warnings).toEqual([{ kind: 'figure-scaled-to-fit', blockId: 'f', frame: 0 }]);
  });

  it('spans a wide figure across the frame, or moves it to the next frame that allows it', () => {
    const wide: FakeBlock = { id: 'w', kind: 'figure', ratio: 0.5, captionLines: 1, wide: true };
    // Frame: 3 columns of 20 px, 4 px apart: 68 px across.
    const first = flow([wide, para('p1', 12)], frames(1, 3, 100, 20, true)).result;
    expect(pieces(first, 'w')[0]).toMatchObject({ column: 'span', x: 0, y: 0, width: 68, height: 44 });
    // Every column starts under it: 44 px + 6 px of space.
    expect(pieces(first, 'p1').map((p) => [p.column, p.y])).toEqual([[0, 50], [1, 50], [2, 50]]);

    const later = flow([para('p1', 2), wide, para('p2', 2)], frames(2, 3, 100, 20, true)).result;
    expect(pieces(later, 'w')[0]).toMatchObject({ frame: 1, column: 'span', y: 0 });
    expect(pieces(later, 'p2')[0]).toMatchObject({ frame: 0, column: 0, y: 20 });

    const narrow = flow([wide, para('p1', 2)], frames(1, 3, 100, 20, false)).result;
    expect(pieces(narrow, 'w')[0]).toMatchObject({ column: 0, y: 0, width: 20 });
  });

  it('applies copyfit figure scale and dropped figures', () => {
    const blocks: FakeBlock[] = [{ id: 'f1', kind: 'figure', ratio: 1, captionLines: 0 }, { id: 'f2', kind: 'figure', ratio: 1, captionLines: 0 }, para('p1', 2)];
    const { result } = flow(blocks, frames(1, 1, 100), { figureScale: 0.5, droppedFigures: ['f2'] });
    expect(pieces(result, 'f1')[0]).toMatchObject({ width: 10, height: 10 });
    expect(pieces(result, 'f2')).toEqual([]);
    expect(result.overset.figures).toEqual([]);
  });

  it('never splits a pull quote', () => {
    const quote: FakeBlock = { id: 'q', kind: 'pullquote', text: words(12) };
    const { result } = flow([para('p1', 5), quote, para('p2', 2)], frames(1, 2, 80));
    expect(pieces(result, 'q').map(at)).toEqual([{ frame: 0, column: 1, y: 0, from: 0, to: 59 }]);
  });

  it('splits a table between rows, and places a row taller than a column alone', () => {
    const table: FakeBlock = { id: 't', kind: 'table', rows: [20, 20, 20, 150, 20] };
    const { result } = flow([para('p1', 3), table], frames(1, 4, 100));
    expect(pieces(result, 't').map((p) => [p.column, p.from, p.to, p.height])).toEqual([
      [0, 0, 3, 60],
      [1, 3, 4, 150],
      [2, 4, 5, 20],
    ]);
    expect(result.warnings).toEqual([{ kind: 'row-taller-than-column', blockId: 't', frame: 0 }]);
  });

  it('reports the overset exactly: lines at the last column width, words and excerpt', () => {
    // One 20-px column of 5 lines; 8 lines of text: 5 placed, 3 lines (12 words) overset.
    // Then a 2-line paragraph and a 30-px figure: 2 more lines, and ceil(30 / 10) = 3 for the figure.
    const blocks: FakeBlock[] = [para('p1', 8), para('p2', 2, 5), { id: 'f', kind: 'figure', ratio: 1, captionLines: 1 }];
    const { result } = flow(blocks, frames(1, 1, 50));
    expect(result.overset).toMatchObject({ lines: 3 + 2 + 3, words: 12 + 8, figures: ['f'] });
    expect(result.overset.ranges).toEqual([
      { blockId: 'p1', from: 100, to: 159 },
      { blockId: 'p2', from: 0, to: 39 },
    ]);
    expect(result.overset.excerpt).toBe(`${words(12, 20)} ${words(8, 5)}`);
    expect(result.undersetLines).toBe(0);
  });

  it('skips a column too short for one line, as a frame squeezed out by an advertisement', () => {
    const chain = [...frames(1, 1, 8), ...frames(1, 1, 30)];
    const { result } = flow([para('p1', 2)], chain);
    expect(pieces(result, 'p1').map(at)).toEqual([{ frame: 1, column: 0, y: 0, from: 0, to: 39 }]);
    expect(result.undersetLines).toBe(1);
  });

  it('reports the underset in body lines across every unused column', () => {
    const { result } = flow([para('p1', 2)], frames(2, 2, 100));
    expect(result.undersetLines).toBe(8 + 10 + 10 + 10);
    expect(result.overset).toMatchObject({ lines: 0, words: 0, excerpt: '', ranges: [], figures: [] });
  });

  it('is deterministic', () => {
    const blocks = randomArticle(42);
    const chain = frames(3, 3, 120, 25, true);
    const a = flow(blocks, chain);
    const b = flow(blocks, chain);
    expect(JSON.stringify(a.result)).toBe(JSON.stringify(b.result));
    expect(a.result.placements.length).toBeGreaterThan(5);
  });
});

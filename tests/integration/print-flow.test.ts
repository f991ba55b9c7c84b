import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowInput, FlowReport, PrintBlock } from '../../shared/print/flow-types.js';
import { repoRoot } from '../support/run-cli.js';

/**
 * The flow runtime in real Chromium on three A4 pages: an article too long for its two pages of
 * three columns (with a wide picture, a heading and a captioned figure), and a short one with a
 * picture that fails to load. Everything is checked from the pages as they were laid out.
 */

const ORIGIN = 'http://lnv.test';
const FONTS = join(repoRoot, 'node_modules/@fontsource/noto-serif');

const SENTENCES = [
  'Làng gốm Bát Tràng nằm bên bờ sông Hồng, cách trung tâm Hà Nội chừng mười ba cây số.',
  'Mỗi sáng, khói lò bầu bốc lên từ những con ngõ nhỏ, quyện vào mùi đất sét ẩm và tiếng xe máy chở hàng.',
  'Nghệ nhân Nguyễn Văn Thành đã làm gốm hơn bốn mươi năm, từ khi còn là cậu bé phụ cha nhào đất.',
  'Ông bảo rằng men rạn không thể vội vàng: lửa phải đều, gió phải lặng, và người thợ phải biết chờ.',
  'Những năm gần đây, khách du lịch trong nước lẫn nước ngoài tìm về làng ngày một đông.',
  'Họ ngồi bên bàn xoay, tự tay nặn chiếc bát đầu tiên, rồi háo hức chờ ngày sản phẩm ra lò.',
  'Hợp tác xã đã đầu tư lò ga để giảm khói bụi, nhưng nhiều gia đình vẫn giữ một lò củi cho những mẻ hàng đặc biệt.',
  'Theo thống kê của xã, hơn một nghìn hộ đang sống bằng nghề gốm, tạo việc làm cho lao động từ các tỉnh lân cận.',
  'Con đường gốm sứ ven đê, gắn bằng hàng triệu mảnh gốm nhỏ, đã thành điểm hẹn của những người yêu nghệ thuật.',
  'Thế hệ trẻ mang về những ý tưởng mới: gốm vẽ tay theo đơn đặt hàng, bán qua mạng, gửi đi khắp thế giới.',
  'Dẫu vậy, các bậc cao niên vẫn nhắc con cháu rằng cái hồn của gốm nằm ở đôi bàn tay và sự kiên nhẫn.',
  'Trong gian trưng bày của gia đình, những chiếc bình men lam xếp thành hàng, mỗi chiếc mang một dấu tay riêng.',
];

/** Paragraph `n`: a few sentences in turn, some words bold, italic or linked, as editors mark them. */
function paragraphHtml(n: number, sentences: number): string {
  const parts = Array.from({ length: sentences }, (_, i) => SENTENCES[(n * 5 + i) % SENTENCES.length]!);
  if (n % 3 === 0) parts[0] = `<strong>${parts[0]!.slice(0, 14)}</strong>${parts[0]!.slice(14)}`;
  if (n % 4 === 1) parts[1] = `<em>${parts[1]}</em>`;
  if (n % 5 === 2) parts[parts.length - 1] = `<a href="https://langnghe.vn/gom">${parts[parts.length - 1]}</a>`;
  return parts.join(' ');
}

const longArticle: PrintBlock[] = [
  { id: 'wide', kind: 'figure', src: 'img/photo.svg', assetHash: 'a'.repeat(64), widthPx: 1600, heightPx: 700, captionHtml: 'Lò bầu cổ ở <em>Bát Tràng</em> vẫn đỏ lửa mỗi dịp Tết.', credit: 'Ảnh: Minh Anh', wide: true },
  ...Array.from({ length: 14 }, (_, i): PrintBlock[] => [
    ...(i % 3 === 2 ? [{ id: `h-p${i}`, kind: 'heading' as const, html: `Chặng ${i}: <em>đất</em> và lửa` }] : []),
    { id: `p${i}`, kind: 'paragraph', html: paragraphHtml(i, 3 + (i % 4)) },
  ]).flat(),
  { id: 'h1', kind: 'heading', html: 'Giữ lửa cho <em>nghề cũ</em>' },
  { id: 'fig', kind: 'figure', src: 'img/photo.svg', assetHash: 'b'.repeat(64), widthPx: 1200, heightPx: 900, captionHtml: 'Nghệ nhân Nguyễn Văn Thành bên bàn xoay.', credit: 'Ảnh: LNV', wide: false },
  ...Array.from({ length: 30 }, (_, i): PrintBlock[] => [
    ...(i % 3 === 2 ? [{ id: `h-q${i}`, kind: 'heading' as const, html: `Chặng ${i}: <em>lò nung</em> và thị trường` }] : []),
    { id: `q${i}`, kind: 'paragraph', html: paragraphHtml(i + 14, 2 + (i % 5)) },
  ]).flat(),
];

/**
 * On page 14 (two columns of 994 px, lines of 13 pt): 54 one-line paragraphs leave about 58 px,
 * room for the heading (15 pt after 4 mm) but not for two lines under it as well.
 */
const shortArticle: PrintBlock[] = [
  ...Array.from({ length: 54 }, (_, i): PrintBlock => ({ id: `l${i}`, kind: 'paragraph', html: `Dòng thứ ${i + 1} của bảng tin làng nghề.` })),
  { id: 'h-keep', kind: 'heading', html: 'Tin ngắn' },
  { id: 's0', kind: 'paragraph', html: paragraphHtml(3, 4) },
  { id: 'broken', kind: 'figure', src: 'img/broken.jpg', assetHash: null, widthPx: 800, heightPx: 600, captionHtml: 'Ảnh không tải được.', credit: '', wide: false },
  { id: 's1', kind: 'paragraph', html: paragraphHtml(7, 3) },
];

const input: FlowInput = {
  safeMarginMm: 5,
  imagePpi: 120,
  articles: [
    { articleId: 7, blocks: longArticle, copyfit: { tracking: -10, leading: 1, figureScale: 1, droppedFigures: [] } },
    { articleId: 8, blocks: shortArticle, copyfit: { tracking: 0, leading: 1, figureScale: 1, droppedFigures: [] } },
  ],
};

const CSS = `
@page { size: 210mm 297mm; margin: 0; }
body { margin: 0; font-family: 'Noto Serif', serif; }
section.page { width: 210mm; height: 297mm; position: relative; overflow: hidden; }
.trim { position: absolute; inset: 0; display: flex; flex-direction: column; padding: 16mm 15mm 18mm; box-sizing: border-box; }
[data-frame="title"] { font-size: 24pt; line-height: 28pt; margin: 0 0 6mm; font-weight: 700; }
[data-frame="body"] { flex: 1; column-gap: 5mm; font-size: 9.5pt; letter-spacing: var(--tracking, 0); }
[data-frame="folio"] { position: absolute; bottom: 2mm; right: 12mm; font-size: 8pt; }
.b-p { margin: 0; text-align: justify; text-indent: 4mm; line-height: calc(13pt * var(--leading-scale, 1)); }
.b-p.is-continued { text-indent: 0; }

.continues { text-align-last: justify; }
.b-h { font-size: 12pt; line-height: 15pt; margin: 4mm 0 1.5mm; font-weight: 700; }
.b-fig { margin: 2mm 0 4mm; }
.b-fig img { display: block; background: #ccc; }
figcaption { font-size: 8pt; line-height: 10pt; font-style: italic; margin-top: 1.5mm; }
.credit { font-style: normal; font-weight: 700; }
`;

const PHOTO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#7a4b2a"/></svg>';

function issueHtml(): string {
  const fontCss = ['400.css', '700.css', '400-italic.css', '700-italic.css'].map((file) => `<link rel="stylesheet" href="/fonts/${file}">`).join('');
  const json = JSON.stringify(input).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><base href="${ORIGIN}/">${fontCss}<style>${CSS}</style></head><body>
<section class="page" data-page="12" data-kind="article" data-template="article-opener"><div class="trim">
  <h1 class="frame" data-frame="title">Bát Tràng giữ lửa</h1>
  <div class="frame" data-frame="body" data-article="7" data-columns="3" data-span="true"></div>
</div></section>
<section class="page" data-page="13" data-kind="article" data-template="article-continuation"><div class="trim">
  <div class="frame" data-frame="body" data-article="7" data-columns="3"></div>
</div></section>
<section class="page" data-page="14" data-kind="article" data-template="article-continuation"><div class="trim">
  <div class="frame" data-frame="body" data-article="8" style="--columns: 2"></div>
  <div class="frame" data-frame="folio">14</div>
</div></section>
<script type="application/json" id="lnv-flow-input">${json}</script>
<script src="/page-layout.js"></script>
</body></html>`;
}

async function serve(page: Page, runtime: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/issue.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: issueHtml() });
    if (path === '/page-layout.js') return route.fulfill({ contentType: 'text/javascript', body: runtime });
    if (path === '/img/photo.svg') return route.fulfill({ contentType: 'image/svg+xml', body: PHOTO_SVG });
    if (path === '/img/broken.jpg') return route.fulfill({ contentType: 'image/jpeg', body: 'không phải ảnh' });
    if (path.startsWith('/fonts/files/')) return route.fulfill({ contentType: 'font/woff2', body: readFileSync(join(FONTS, 'files', path.slice('/fonts/files/'.length))) });
    if (path.startsWith('/fonts/')) return route.fulfill({ contentType: 'text/css', body: readFileSync(join(FONTS, path.slice('/fonts/'.length))) });
    return route.fulfill({ status: 404, body: '' });
  });
}

interface PieceView {
  block: string;
  kind: string;
  text: string;
  continued: boolean;
  continues: boolean;
  /** Distinct line boxes, from the rects of its text. */
  lines: number;
  /** Where its lines start, in its own text. */
  starts: number[];
  top: number;
  bottom: number;
}

interface ColumnView {
  page: number;
  column: string;
  top: number;
  bottom: number;
  pieces: PieceView[];
}

interface ArticleView {
  /** Plain text of each block, as the engine counts offsets. */
  texts: Record<string, string>;
  columns: ColumnView[];
  /** Lines of each paragraph and heading laid out whole at the last column's width, and where they start. */
  wholeLines: Record<string, number>;
  wholeStarts: Record<string, number[]>;
}

/** Reads the laid-out pages: columns in reading order, their pieces from the top. */
async function view(page: Page, articleId: number, blocks: PrintBlock[]): Promise<ArticleView> {
  return page.evaluate(
    ({ articleId, blocks }) => {
      const textOf = (html: string) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        return template.content.textContent ?? '';
      };
      /** Offsets (in the element's text) where its rendered lines start, read word by word. */
      const lineStarts = (element: Element) => {
        const half = parseFloat(getComputedStyle(element).lineHeight) / 2;
        const range = document.createRange();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const starts: number[] = [];
        let top = -Infinity;
        let offset = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const match of node.data.matchAll(/\S+/g)) {
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rect = range.getClientRects()[0];
            if (rect && rect.top > top + half) {
              starts.push(offset + match.index);
              top = rect.top;
            }
          }
          offset += node.data.length;
        }
        return starts;
      };
      const lineCount = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const half = parseFloat(getComputedStyle(element).lineHeight) / 2;
        const tops: number[] = [];
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.width > 0 && !tops.some((top) => Math.abs(top - rect.top) < half)) tops.push(rect.top);
        }
        return tops.length;
      };
      const frames = Array.from(document.querySelectorAll<HTMLElement>(`[data-frame="body"][data-article="${articleId}"]`));
      const columns = frames.flatMap((frame) => {
        const page = Number(frame.closest<HTMLElement>('section.page')!.dataset.page);
        const boxes = Array.from(frame.querySelectorAll<HTMLElement>(':scope > .col'));
        boxes.sort((a, b) => (a.dataset.column === 'span' ? -1 : b.dataset.column === 'span' ? 1 : Number(a.dataset.column) - Number(b.dataset.column)));
        return boxes.map((box) => {
          const rect = box.getBoundingClientRect();
          const pieces = Array.from(box.querySelectorAll<HTMLElement>(':scope > [data-block]')).map((el) => {
            const r = el.getBoundingClientRect();
            return {
              block: el.dataset.block!,
              kind: el.tagName === 'FIGURE' ? 'figure' : el.className.split(' ')[0]!,
              text: el.tagName === 'FIGURE' ? '' : (el.textContent ?? ''),
              continued: el.classList.contains('is-continued'),
              continues: el.classList.contains('continues'),
              lines: el.tagName === 'FIGURE' ? 0 : lineCount(el),
              starts: el.tagName === 'FIGURE' ? [] : lineStarts(el),
              top: r.top,
              bottom: r.bottom,
            };
          });
          pieces.sort((a, b) => a.top - b.top);
          return { page, column: box.dataset.column!, top: rect.top, bottom: rect.bottom, pieces };
        });
      });
      const texts = Object.fromEntries(blocks.filter((b) => b.kind !== 'figure' && b.kind !== 'table').map((b) => [b.id, textOf((b as { html: string }).html)]));
      // Each text block whole, in a column as wide as the last one, to count what overset should be.
      const lastFrame = frames[frames.length - 1]!;
      const lastColumn = Array.from(lastFrame.querySelectorAll<HTMLElement>(':scope > .col')).filter((c) => c.dataset.column !== 'span').pop()!;
      const probe = document.createElement('div');
      probe.className = 'col';
      probe.style.cssText = `position:absolute;left:0;top:0;width:${lastColumn.getBoundingClientRect().width}px;visibility:hidden;`;
      lastFrame.append(probe);
      const wholeLines: Record<string, number> = {};
      const wholeStarts: Record<string, number[]> = {};
      for (const block of blocks) {
        if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
        const el = document.createElement(block.kind === 'heading' ? 'h3' : 'p');
        el.className = block.kind === 'heading' ? 'b-h' : 'b-p';
        el.innerHTML = block.html;
        probe.append(el);
        wholeLines[block.id] = Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
        wholeStarts[block.id] = lineStarts(el);
      }
      probe.remove();
      return { texts, columns, wholeLines, wholeStarts };
    },
    { articleId, blocks },
  );
}

const words = (text: string) => text.match(/\S+/g)?.length ?? 0;

let browser: Browser;
let page: Page;
let report: FlowReport;
let long: ArticleView;
let short: ArticleView;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(repoRoot, 'renderer/page-layout/page-layout-runtime.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  await serve(page, bundle.outputFiles[0]!.text);
  await page.goto(`${ORIGIN}/issue.html`);
  report = await page.evaluate(() => (window as unknown as { lnvLayout: { run(): Promise<FlowReport> } }).lnvLayout.run());
  long = await view(page, 7, longArticle);
  short = await view(page, 8, shortArticle);
});

afterAll(async () => {
  await browser?.close();
});

describe('page-flow runtime in Chromium', () => {
  it('prints every character of the text once, in order, up to the overset and nothing after it', () => {
    for (const [article, blocks] of [
      [long, longArticle],
      [short, shortArticle],
    ] as const) {
      const pieces = article.columns.flatMap((c) => c.pieces).filter((p) => p.kind !== 'figure');
      const ids = blocks.filter((b) => b.kind !== 'figure').map((b) => b.id);
      // Pieces come block by block in reading order…
      const order = pieces.map((p) => ids.indexOf(p.block));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // …and each block's pieces add up to its text, except the last one reached, which may stop short.
      const lastReached = Math.max(...order);
      ids.slice(0, lastReached + 1).forEach((id, index) => {
        const printed = pieces.filter((p) => p.block === id).map((p) => p.text).join('');
        if (index < lastReached) expect(printed, id).toBe(article.texts[id]);
        else expect(article.texts[id]!.startsWith(printed), id).toBe(true);
      });
    }
  });

  it('reports as overset exactly the text that is missing, in words, lines and excerpt', () => {
    const [longReport, shortReport] = report.articles;
    const pieces = long.columns.flatMap((c) => c.pieces).filter((p) => p.kind !== 'figure');
    const ids = longArticle.filter((b) => b.kind !== 'figure').map((b) => b.id);
    const lastId = pieces[pieces.length - 1]!.block;
    const printed = pieces.filter((p) => p.block === lastId).map((p) => p.text).join('');
    const rest = ids.slice(ids.indexOf(lastId) + 1);
    const missing = [long.texts[lastId]!.slice(printed.length), ...rest.map((id) => long.texts[id]!)].filter(Boolean);
    expect(missing.length).toBeGreaterThan(1);
    // Every column is the same width here, so the cut block's missing lines are its whole lines less those printed.
    const printedLines = pieces.filter((p) => p.block === lastId).reduce((sum, p) => sum + p.lines, 0);
    const expectedLines = long.wholeLines[lastId]! - printedLines + rest.reduce((sum, id) => sum + long.wholeLines[id]!, 0);

    expect(longReport).toMatchObject({ articleId: 7, pages: [12, 13], oversetFigures: [], undersetLines: 0 });
    expect(longReport!.oversetWords).toBe(words(missing.join(' ')));
    expect(longReport!.oversetLines).toBe(expectedLines);
    expect(longReport!.oversetExcerpt).toBe(missing.join(' ').replace(/\s+/g, ' ').trim().slice(0, 120));

    expect(shortReport).toMatchObject({ articleId: 8, pages: [14], oversetLines: 0, oversetWords: 0, oversetExcerpt: '' });
    expect(shortReport!.undersetLines).toBeGreaterThan(10);
  });

  it('breaks every piece of a paragraph where the whole paragraph breaks: the lines stay as measured', () => {
    // Every column of the long article has the same width as the last one, where wholeStarts were read.
    const pieces = long.columns.flatMap((c) => c.pieces).filter((p) => p.kind !== 'figure');
    const split = new Set(pieces.filter((p) => p.continues).map((p) => p.block));
    expect(split.size).toBeGreaterThan(3);
    for (const id of split) {
      let from = 0;
      for (const piece of pieces.filter((p) => p.block === id)) {
        const to = from + piece.text.length;
        const expected = long.wholeStarts[id]!.filter((start) => start >= from && start < to);
        expect(piece.starts.map((start) => start + from), id).toEqual(expected);
        from = to;
      }
    }
  });

  it('leaves no single line of a split paragraph at the foot or the head of a column', () => {
    const pieces = [...long.columns, ...short.columns].flatMap((c) => c.pieces);
    const split = pieces.filter((p) => p.continued || p.continues);
    expect(split.length).toBeGreaterThan(3);
    for (const piece of split) expect(piece.lines, piece.block).toBeGreaterThanOrEqual(2);
  });

  it('keeps every piece inside its column, without overlaps, and no heading at the foot of a column', () => {
    for (const column of [...long.columns, ...short.columns]) {
      column.pieces.forEach((piece, i) => {
        expect(piece.top, piece.block).toBeGreaterThanOrEqual(column.top - 0.5);
        expect(piece.bottom, piece.block).toBeLessThanOrEqual(column.bottom + 0.5);
        const next = column.pieces[i + 1];
        if (next) expect(piece.bottom, `${piece.block} / ${next.block}`).toBeLessThanOrEqual(next.top + 0.5);
      });
      const text = column.pieces.filter((p) => p.kind !== 'figure');
      if (text.length > 0 && column.pieces.length > 0) expect(text[text.length - 1]!.kind, `${column.page}/${column.column}`).not.toBe('b-h');
    }
  });

  it('moves a heading that would be left without two lines under it to the next column', () => {
    const [first, second] = short.columns;
    const heading = second!.pieces[0]!;
    expect(heading.block).toBe('h-keep');
    expect(first!.pieces.every((p) => p.lines === 1)).toBe(true);
    // It would have fitted at the foot of the first column on its own.
    const room = first!.bottom - first!.pieces[first!.pieces.length - 1]!.bottom;
    expect(room).toBeGreaterThan(heading.bottom - heading.top + 16);
    expect(second!.pieces[1]).toMatchObject({ block: 's0', continued: false });
  });

  it('spans the wide picture over the first page and puts the figure at the top or foot of a column', () => {
    const span = long.columns.find((c) => c.column === 'span');
    expect(span).toMatchObject({ page: 12, pieces: [expect.objectContaining({ block: 'wide' })] });
    for (const column of long.columns.filter((c) => c.page === 12 && c.column !== 'span')) {
      expect(column.pieces[0]!.top).toBeGreaterThanOrEqual(span!.pieces[0]!.bottom);
    }
    const holder = [...long.columns, ...short.columns].find((c) => c.column !== 'span' && c.pieces.some((p) => p.block === 'fig'))!;
    const figure = holder.pieces.find((p) => p.block === 'fig')!;
    const atTop = holder.pieces[0] === figure;
    const atFoot = holder.pieces[holder.pieces.length - 1] === figure && Math.abs(figure.bottom - holder.bottom) < 1;
    expect(atTop || atFoot).toBe(true);
  });

  it('reports placed pictures in millimetres, the broken one as broken, and text outside the safe area', async () => {
    const bySrc = (src: string) => report.images.filter((i) => i.src === src);
    // Two columns 5 mm apart in the 180 mm text area: the broken picture keeps its 87.5 mm box.
    expect(bySrc('img/broken.jpg')).toEqual([expect.objectContaining({ page: 14, assetHash: null, broken: true, widthMm: 87.5 })]);
    // It prints as a grey box, not with Chromium's broken-image icon.
    const shown = await page.evaluate(() => Array.from(document.querySelectorAll('img.is-broken')).map((img) => img.getAttribute('src')?.slice(0, 15)));
    expect(shown).toEqual(['data:image/gif;']);
    const photos = bySrc('img/photo.svg');
    expect(photos.map((i) => [i.page, i.assetHash?.[0], i.broken])).toEqual([
      [12, 'a', false],
      [expect.any(Number), 'b', false],
    ]);
    // Text area 180 mm; three columns 5 mm apart: 56.7 mm each.
    expect(photos[0]!.widthMm).toBeCloseTo(180, 0);
    expect(photos[1]!.widthMm).toBeCloseTo(56.7, 0);
    expect(report.outsideSafeArea).toEqual([{ page: 14, text: '14' }]);
    expect(report.elapsedMs).toBeGreaterThan(0);
  });
});

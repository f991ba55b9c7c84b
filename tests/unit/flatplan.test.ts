import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors.js';
import { PrintLayout } from '../../shared/model/workspace.js';
import {
  articleRanges,
  autoPlace,
  carriesRunningHead,
  estimatePages,
  movePages,
  newFlatplan,
  pageCountProblem,
  pageSide,
  placeArticle,
  resizeFlatplan,
  runningHeadText,
  slot,
  spreads,
  tableOfContents,
} from '../../shared/print/flatplan.js';

const titles: Record<number, { title: string; section: string }> = {
  1: { title: 'Gốm Bát Tràng', section: 'Làng nghề' },
  2: { title: 'Chè Thái Nguyên', section: 'Khuyến công' },
  3: { title: 'Miến dong Na Rì', section: 'OCOP' },
};
const describe_ = (id: number) => titles[id] ?? null;

describe('flatplan rules', () => {
  it('warns when the page count is not a multiple of 4 and names the two nearest counts', () => {
    expect(pageCountProblem(100)).toBeNull();
    expect(pageCountProblem(98)).toBe('Số trang 98 không chia hết cho 4: khi in và đóng gáy cần 96 hoặc 100 trang.');
    expect(pageCountProblem(2)).toContain('cần 4 trang');
  });

  it('shows page 1 alone, then left-right spreads, and the last even page alone', () => {
    expect(spreads(8)).toEqual([[1], [2, 3], [4, 5], [6, 7], [8]]);
    expect(spreads(7)).toEqual([[1], [2, 3], [4, 5], [6, 7]]);
    expect(spreads(100)).toHaveLength(51);
    expect(pageSide(2)).toBe('left');
    expect(pageSide(3)).toBe('right');
  });

  it('starts an issue with cover, inside cover and contents, the rest empty', () => {
    const plan = newFlatplan(12);
    expect(plan.pages.map((p) => p.kind)).toEqual(['cover', 'inside-cover', 'toc', ...Array<string>(9).fill('empty')]);
  });

  it('places an article on a range with an opener and continuation pages, and moves it when placed again', () => {
    let plan = placeArticle(newFlatplan(12), 1, 4, 3);
    expect(plan.pages.slice(3, 6).map((p) => [p.articleId, p.template])).toEqual([
      [1, 'article-opener'],
      [1, 'article-continuation'],
      [1, 'article-continuation'],
    ]);
    plan = placeArticle(plan, 1, 8, 2, 'feature');
    expect(articleRanges(plan)).toEqual([{ articleId: 1, firstPage: 8, lastPage: 9, pages: [8, 9] }]);
    expect(plan.pages[7]?.template).toBe('feature-opener');
    expect(plan.pages[3]?.kind).toBe('empty');
  });

  it('refuses to place an article over another one or past the last page, saying which page', () => {
    const plan = placeArticle(newFlatplan(12), 1, 4, 2);
    expect(() => placeArticle(plan, 2, 5, 2)).toThrow('Trang 5 đang có một bài khác');
    expect(() => placeArticle(plan, 2, 11, 3)).toThrow(DeskError);
  });

  it('builds the contents from where articles start, and follows them when pages move', () => {
    let plan = placeArticle(placeArticle(newFlatplan(12), 1, 4, 2), 2, 6, 1);
    expect(tableOfContents(plan, describe_).map((e) => [e.title, e.page])).toEqual([
      ['Gốm Bát Tràng', 4],
      ['Chè Thái Nguyên', 6],
    ]);
    // Drag the two pages of article 1 after article 2.
    plan = movePages(plan, 4, 2, 5);
    expect(tableOfContents(plan, describe_).map((e) => [e.title, e.page])).toEqual([
      ['Chè Thái Nguyên', 4],
      ['Gốm Bát Tràng', 5],
    ]);
  });

  it('auto-places into runs of empty pages in the order given and reports what did not fit', () => {
    const start = newFlatplan(8);
    start.pages[5] = slot('ad', { label: 'Quảng cáo' });
    const result = autoPlace(start, [
      { articleId: 1, pages: 2 },
      { articleId: 2, pages: 3 },
      { articleId: 3, pages: 1 },
    ]);
    expect(articleRanges(result.plan).map((r) => [r.articleId, r.firstPage, r.lastPage])).toEqual([
      [1, 4, 5],
      [3, 7, 7],
    ]);
    expect(result.unplaced).toEqual([2]);
  });

  it('will not shrink an issue over planned pages, but drops empty ones', () => {
    const plan = placeArticle(newFlatplan(12), 1, 10, 1);
    expect(() => resizeFlatplan(plan, 8)).toThrow('trang 10 đã được dàn');
    expect(resizeFlatplan(newFlatplan(12), 8).pages).toHaveLength(8);
    expect(resizeFlatplan(newFlatplan(8), 12).pages.slice(8).every((p) => p.kind === 'empty')).toBe(true);
  });

  it('puts no running head or folio on the cover, ads (an inside cover sold as one too), blank pages or full-page pictures', () => {
    expect(carriesRunningHead(slot('cover'))).toBe(false);
    expect(carriesRunningHead(slot('ad'))).toBe(false);
    expect(carriesRunningHead(slot('blank'))).toBe(false);
    expect(carriesRunningHead(slot('article', { template: 'full-image' }))).toBe(false);
    expect(carriesRunningHead(slot('article', { articleId: 1 }))).toBe(true);
    expect(carriesRunningHead(slot('toc'))).toBe(true);
    expect(carriesRunningHead(slot('inside-cover', { template: 'ad-full' }))).toBe(false);
    expect(carriesRunningHead(slot('inside-cover'))).toBe(true);
  });

  it('fills the running head pattern with the publication, number, month and year', () => {
    expect(runningHeadText('{ten} • Số {so} • Tháng {thang}/{nam}', 'Tạp chí Làng nghề Việt Nam', 456, '2025-11-15')).toBe(
      'Tạp chí Làng nghề Việt Nam • Số 456 • Tháng 11/2025',
    );
  });

  it('estimates more pages for longer articles and for more pictures', () => {
    const layout = PrintLayout.parse({});
    expect(estimatePages(150, 0, layout)).toBe(1);
    expect(estimatePages(3000, 2, layout)).toBeGreaterThan(estimatePages(1500, 2, layout));
    expect(estimatePages(1500, 6, layout)).toBeGreaterThan(estimatePages(1500, 0, layout));
  });
});

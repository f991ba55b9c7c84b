import { DeskError } from '../errors.js';
import type { Flatplan, PageKind, PageSlot, TocEntry } from '../model/print-issue.js';
import type { PrintLayout } from '../model/workspace.js';

/** Article templates come in pairs: the first page of an article, then the pages it continues on. */
export const ARTICLE_STYLES = {
  standard: { opener: 'article-opener', continuation: 'article-continuation' },
  feature: { opener: 'feature-opener', continuation: 'feature-continuation' },
} as const;
export type ArticleStyle = keyof typeof ARTICLE_STYLES;

const DEFAULT_TEMPLATE: Record<PageKind, string> = {
  cover: 'cover',
  'inside-cover': 'inside-cover',
  toc: 'toc',
  article: 'article-continuation',
  ad: 'ad-full',
  'section-opener': 'section-opener',
  blank: 'blank',
  empty: 'blank',
};

export function slot(kind: PageKind, extra: Partial<PageSlot> = {}): PageSlot {
  return { kind, template: '', articleId: null, assetHash: null, label: '', sectionId: null, ad: null, ...extra };
}

export function templateOf(page: PageSlot): string {
  return page.template || DEFAULT_TEMPLATE[page.kind];
}

/** Printed sheets fold in fours: a saddle-stitched issue needs a page count that is a multiple of 4. */
export function pageCountProblem(pageCount: number): string | null {
  if (pageCount % 4 === 0) return null;
  const lower = Math.floor(pageCount / 4) * 4;
  const options = lower > 0 ? `${lower} hoặc ${lower + 4}` : `${lower + 4}`;
  return `Số trang ${pageCount} không chia hết cho 4: khi in và đóng gáy cần ${options} trang.`;
}

/** Page 1 alone (the cover, a right-hand page), then 2–3, 4–5 …; the last even page alone. */
export function spreads(pageCount: number): number[][] {
  const result: number[][] = pageCount > 0 ? [[1]] : [];
  for (let left = 2; left <= pageCount; left += 2) {
    result.push(left + 1 <= pageCount ? [left, left + 1] : [left]);
  }
  return result;
}

/** Even pages are left-hand (verso), odd pages right-hand (recto); inside and outside margins follow. */
export function pageSide(page: number): 'left' | 'right' {
  return page % 2 === 0 ? 'left' : 'right';
}

/** A new issue: cover, inside cover and contents, the rest still to plan. */
export function newFlatplan(pageCount: number): Flatplan {
  const pages = Array.from({ length: pageCount }, (_, index) => {
    if (index === 0) return slot('cover');
    if (index === 1) return slot('inside-cover');
    if (index === 2) return slot('toc');
    return slot('empty');
  });
  return { pages, copyfit: {} };
}

/** Grows with empty pages or drops pages from the end; refuses to drop planned pages silently. */
export function resizeFlatplan(plan: Flatplan, pageCount: number): Flatplan {
  if (pageCount >= plan.pages.length) {
    const added = Array.from({ length: pageCount - plan.pages.length }, () => slot('empty'));
    return { ...plan, pages: [...plan.pages, ...added] };
  }
  const dropped = plan.pages.slice(pageCount);
  const planned = dropped.findIndex((p) => p.kind !== 'empty' && p.kind !== 'blank');
  if (planned >= 0) {
    throw new DeskError(
      'invalid_input',
      `Không thể bớt xuống ${pageCount} trang: trang ${pageCount + planned + 1} đã được dàn. Hãy dời hoặc xoá nó trước.`,
    );
  }
  return { ...plan, pages: plan.pages.slice(0, pageCount) };
}

export interface ArticleRange {
  articleId: number;
  firstPage: number;
  lastPage: number;
  pages: number[];
}

/** Where each article sits, in page order of its first page. */
export function articleRanges(plan: Flatplan): ArticleRange[] {
  const byArticle = new Map<number, ArticleRange>();
  plan.pages.forEach((page, index) => {
    if (page.kind !== 'article' || page.articleId === null) return;
    const number = index + 1;
    const range = byArticle.get(page.articleId);
    if (range) {
      range.lastPage = number;
      range.pages.push(number);
    } else {
      byArticle.set(page.articleId, { articleId: page.articleId, firstPage: number, lastPage: number, pages: [number] });
    }
  });
  return [...byArticle.values()].sort((a, b) => a.firstPage - b.firstPage);
}

/** Puts an article on `pageCount` pages from `startPage`, replacing where it was before. */
export function placeArticle(
  plan: Flatplan,
  articleId: number,
  startPage: number,
  pageCount: number,
  style: ArticleStyle = 'standard',
): Flatplan {
  if (pageCount < 1) throw new DeskError('invalid_input', 'Bài cần ít nhất một trang.');
  const last = startPage + pageCount - 1;
  if (startPage < 1 || last > plan.pages.length) {
    throw new DeskError('invalid_input', `Trang ${startPage}–${last} nằm ngoài số báo (${plan.pages.length} trang).`);
  }
  const pages = plan.pages.map((p) => (p.kind === 'article' && p.articleId === articleId ? slot('empty') : p));
  for (let number = startPage; number <= last; number += 1) {
    const page = pages[number - 1];
    if (page && page.kind !== 'empty' && page.kind !== 'blank') {
      const what = page.kind === 'article' ? 'một bài khác' : page.label || page.kind;
      throw new DeskError('conflict', `Trang ${number} đang có ${what}. Hãy chọn trang trống hoặc dời trang đó trước.`);
    }
  }
  const templates = ARTICLE_STYLES[style];
  for (let number = startPage; number <= last; number += 1) {
    const template = number === startPage ? templates.opener : templates.continuation;
    pages[number - 1] = slot('article', { articleId, template });
  }
  return { ...plan, pages };
}

/** Takes the article off the plan; its pages become empty slots. */
export function removeArticle(plan: Flatplan, articleId: number): Flatplan {
  const pages = plan.pages.map((p) => (p.kind === 'article' && p.articleId === articleId ? slot('empty') : p));
  const copyfit = { ...plan.copyfit };
  delete copyfit[String(articleId)];
  return { pages, copyfit };
}

/** Moves `count` pages starting at `from` so the first of them becomes page `to` (drag and drop in the flatplan). */
export function movePages(plan: Flatplan, from: number, count: number, to: number): Flatplan {
  const total = plan.pages.length;
  if (from < 1 || count < 1 || from + count - 1 > total || to < 1 || to + count - 1 > total) {
    throw new DeskError('invalid_input', `Không thể dời ${count} trang từ trang ${from} tới trang ${to}.`);
  }
  const pages = [...plan.pages];
  const moved = pages.splice(from - 1, count);
  pages.splice(to - 1, 0, ...moved);
  return { ...plan, pages };
}

/** Roughly how many pages an article's text and pictures need, to plan before the real layout runs. */
export function estimatePages(words: number, figures: number, print: PrintLayout): number {
  const typeWidthMm = print.trimWidthMm - print.marginInsideMm - print.marginOutsideMm;
  const typeHeightMm = print.trimHeightMm - print.marginTopMm - print.marginBottomMm;
  const columnMm = (typeWidthMm - print.gutterMm * (print.columns - 1)) / print.columns;
  // A Vietnamese syllable and its space average about 4.6 characters; a character ~0.5 em wide.
  const charsPerLine = columnMm / (print.bodySizePt * 0.3528 * 0.5);
  const wordsPerColumn = (charsPerLine / 4.6) * Math.floor(typeHeightMm / print.baselineMm) * 0.9;
  const columnsForFigures = figures * 0.45;
  // The opener gives about half its height to the title, sapo and main picture.
  const columns = words / wordsPerColumn + columnsForFigures + print.columns * 0.5;
  return Math.max(1, Math.ceil(columns / print.columns));
}

export interface PlacementCandidate {
  articleId: number;
  pages: number;
}

/** Fills runs of empty pages with the candidates in the order given; what does not fit is returned. */
export function autoPlace(plan: Flatplan, candidates: PlacementCandidate[]): { plan: Flatplan; placed: number[]; unplaced: number[] } {
  let next = plan;
  const placed: number[] = [];
  const unplaced: number[] = [];
  const already = new Set(articleRanges(plan).map((r) => r.articleId));
  for (const candidate of candidates) {
    if (already.has(candidate.articleId)) continue;
    const start = firstEmptyRun(next, candidate.pages);
    if (start === null) {
      unplaced.push(candidate.articleId);
      continue;
    }
    next = placeArticle(next, candidate.articleId, start, candidate.pages);
    placed.push(candidate.articleId);
  }
  return { plan: next, placed, unplaced };
}

function firstEmptyRun(plan: Flatplan, length: number): number | null {
  let runStart = 0;
  let runLength = 0;
  for (let index = 0; index < plan.pages.length; index += 1) {
    if (plan.pages[index]?.kind === 'empty') {
      if (runLength === 0) runStart = index + 1;
      runLength += 1;
      if (runLength === length) return runStart;
    } else {
      runLength = 0;
    }
  }
  return null;
}

/** The contents page: every placed article at the page it starts on, in page order. */
export function tableOfContents(
  plan: Flatplan,
  describe: (articleId: number) => { title: string; section: string } | null,
): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const range of articleRanges(plan)) {
    const article = describe(range.articleId);
    if (article) entries.push({ articleId: range.articleId, title: article.title, section: article.section, page: range.firstPage });
  }
  return entries;
}

/** Covers, ads, blank and full-picture pages carry no running head and no folio. */
export function carriesRunningHead(page: PageSlot): boolean {
  if (page.kind === 'cover' || page.kind === 'ad' || page.kind === 'blank' || page.kind === 'empty') return false;
  // An inside cover sold as an ad, or a picture page, is the picture alone.
  return !['full-image', 'ad-full'].includes(templateOf(page));
}

/** The running head text, from the profile's pattern. */
export function runningHeadText(pattern: string, publication: string, issueNumber: number, publishDate: string): string {
  const [year = '', month = ''] = publishDate.split('-');
  return pattern
    .replaceAll('{ten}', publication)
    .replaceAll('{so}', String(issueNumber))
    .replaceAll('{thang}', String(Number(month)))
    .replaceAll('{nam}', year);
}

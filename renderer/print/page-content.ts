import type { TFunction } from 'i18next';
import type { ArticleFit } from '../../shared/contract.js';
import type { PageKind, PageSlot, PartPageAd, PlacedArticle, PrintIssueDetail } from '../../shared/model/print-issue.js';
import type { IssueLayout } from './use-print-issue.js';

/** The kinds a person can give a page by hand; `article` comes from placing an article. */
export const MANUAL_KINDS: PageKind[] = ['cover', 'inside-cover', 'toc', 'ad', 'section-opener', 'blank', 'empty'];

/** Kinds whose page shows one picture: a full-page advertisement, the cover, a section opener. */
export const PICTURE_KINDS: PageKind[] = ['ad', 'cover', 'section-opener'];

/** Sizes of a part-page advertisement at the foot of an article page, largest first. */
export const AD_SIZES: readonly PartPageAd['size'][] = ['half', 'third', 'quarter'];

export interface IssueIndex {
  placed: Map<number, PlacedArticle>;
  fits: Map<number, ArticleFit>;
}

export function indexIssue(detail: PrintIssueDetail, layout: IssueLayout | null): IssueIndex {
  return {
    placed: new Map(detail.placed.map((p) => [p.articleId, p])),
    fits: new Map((layout?.fits ?? []).map((f) => [f.articleId, f])),
  };
}

/** What is on a page, in a few words: the article's title, the advertiser, "Mục lục"… */
export function pageWhat(slot: PageSlot, index: IssueIndex, t: TFunction): string {
  if (slot.kind === 'article' && slot.articleId !== null) {
    return index.placed.get(slot.articleId)?.title || t('print.page.unknownArticle', { id: slot.articleId });
  }
  return slot.label || t(`print.kind.${slot.kind}`);
}

/** The run of pages an article sits on, or just the page itself. */
export function pageRun(slot: PageSlot, page: number, index: IssueIndex): { from: number; count: number } {
  const placed = slot.kind === 'article' && slot.articleId !== null ? index.placed.get(slot.articleId) : undefined;
  return placed ? { from: placed.firstPage, count: placed.lastPage - placed.firstPage + 1 } : { from: page, count: 1 };
}

/** The laid-out page, if the layout is current for what the plan now says is on it. */
export function laidOutPage(layout: IssueLayout | null, slot: PageSlot | undefined, page: number) {
  const laid = layout?.pages.find((p) => p.page === page);
  if (!laid || !slot) return null;
  return laid.kind === slot.kind && laid.articleId === slot.articleId ? laid : null;
}

/** The first page nobody has planned yet, where a new article would usually go. */
export function firstEmptyPage(detail: PrintIssueDetail): number {
  const index = detail.flatplan.pages.findIndex((p) => p.kind === 'empty');
  return index >= 0 ? index + 1 : 1;
}

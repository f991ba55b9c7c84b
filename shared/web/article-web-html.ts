import { bodyToHtml, escapeHtml } from '../article-body.js';
import type { PmDoc } from '../model/article.js';

export interface WebArticleInput {
  kicker: string;
  title: string;
  sapo: string;
  body: PmDoc;
  byline: string;
  sourcePrefix: string;
  sectionName: string | null;
}

export interface WebArticleOptions {
  resolveAssetUrl: (hash: string) => string;
  resolveRelated: (uid: string) => string | null;
}

/** The sapo as the website sets it: the source prefix ("LNV - ") in bold, then the lead. */
export function sapoHtml(sapo: string, sourcePrefix: string): string {
  const prefix = sourcePrefix.trim();
  if (prefix && sapo.startsWith(prefix)) {
    const rest = sapo.slice(prefix.length).trimStart();
    return `<strong>${escapeHtml(sourcePrefix.trimEnd())}</strong> ${escapeHtml(rest)}`;
  }
  return escapeHtml(sapo);
}

/**
 * An article in the website's structure (section, title, sapo, body with captioned figures, "Tin
 * liên quan", byline): what the preview shows and what publishing sends. Related articles that
 * have no web address yet are left out and listed in warnings.
 */
export function articleWebHtml(article: WebArticleInput, options: WebArticleOptions): { html: string; warnings: string[] } {
  const warnings: string[] = [];
  const body = bodyToHtml(article.body, {
    resolveAssetUrl: options.resolveAssetUrl,
    resolveRelated: options.resolveRelated,
    onUnresolvedRelated: (item) => warnings.push(`Bài liên quan "${item.title}" chưa lên web nên chưa có liên kết.`),
  });
  const parts = [
    '<article class="lnv-web-article">',
    article.sectionName ? `<p class="lnv-web-section">${escapeHtml(article.sectionName)}</p>` : '',
    article.kicker ? `<p class="lnv-web-kicker">${escapeHtml(article.kicker)}</p>` : '',
    `<h1 class="lnv-web-title">${escapeHtml(article.title)}</h1>`,
    article.sapo ? `<p class="lnv-web-sapo">${sapoHtml(article.sapo, article.sourcePrefix)}</p>` : '',
    `<div class="lnv-web-body">${body}</div>`,
    article.byline ? `<p class="lnv-web-byline">${escapeHtml(article.byline)}</p>` : '',
    '</article>',
  ];
  return { html: parts.join(''), warnings };
}

import { bodyToText, escapeHtml } from '../../../shared/article-body.js';
import type { FieldDiff, PublishConflict } from '../../../shared/contract.js';
import { DeskError } from '../../../shared/errors.js';
import type { Article, ArticleFields } from '../../../shared/model/article.js';
import { normalizeText } from '../../../shared/text/vietnamese.js';
import { wordDiff } from '../../../shared/text/word-diff.js';
import { htmlToArticle } from '../article-import.js';
import type { Workspace } from '../workspace/workspace.js';
import { siteSession } from './article-publisher.js';
import type { RemotePost } from './publish-target.js';
import { decodeEntities } from './wordpress-target.js';

const BYLINE = /<p\b[^>]*\bclass="[^"]*\bbyline\b[^"]*"[^>]*>([\s\S]*?)<\/p>/g;
const ASSET_ATTR = /\sdata-asset="([a-f0-9]{64})"/g;

export interface WebVersion {
  fields: Pick<ArticleFields, 'title' | 'sapo' | 'body' | 'byline'>;
  warnings: string[];
}

/**
 * The web post read back as article fields, undoing what publishing added: the lead paragraph
 * ("LNV - …" in bold) becomes the sapo again rather than a first body paragraph, and the byline
 * paragraph at the end becomes the byline, so a round trip through the site duplicates neither.
 * Pictures come back by the asset hash publishing wrote on each image; one added on the web (not
 * in this workspace) is left out with a warning.
 */
export function webVersionOf(post: RemotePost, local: Pick<Article, 'sapo' | 'byline' | 'sourcePrefix'>, hasAsset: (hash: string) => boolean): WebVersion {
  const bylines = [...post.contentHtml.matchAll(BYLINE)];
  const lastByline = bylines[bylines.length - 1];
  const byline = lastByline ? normalizeText(decodeEntities((lastByline[1] ?? '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim()) : local.byline;
  const content = post.contentHtml.replace(BYLINE, '').replace(ASSET_ATTR, (attr, hash: string) => (hasAsset(hash) ? attr : ''));
  const { fields, warnings } = htmlToArticle(`<h1>${escapeHtml(post.title)}</h1>${content}`, 'web.html', local.sourcePrefix);
  const lead = fields.sapo ?? '';
  const excerpt = normalizeText(post.excerpt).replace(/\s+/g, ' ').trim();
  // The sapo goes out twice (excerpt and lead paragraph); whichever of the two was edited on the web wins.
  const sapo = excerpt && !(excerpt === local.sapo && lead && lead !== local.sapo) ? excerpt : lead || excerpt;
  return { fields: { title: fields.title ?? '', sapo, body: fields.body!, byline }, warnings };
}

/** Reads the article's post from the site; refuses when there is none to compare with. */
async function fetchWebPost(ws: Workspace, article: Article, siteId: number): Promise<RemotePost> {
  const post = await siteSession(ws, siteId).fetchPost(article.uid);
  if (!post) throw new DeskError('not_found', `Bài “${article.title}” chưa có trên ${ws.sites.get(siteId).siteName}, nên không có bản trên web để so sánh.`);
  return post;
}

const hasAssetIn = (ws: Workspace) => (hash: string) => ws.catalog.hasAsset(hash);

/** The desk's version and the site's side by side, with their word differences. */
export async function publishConflict(ws: Workspace, articleId: number, siteId: number): Promise<PublishConflict> {
  const article = ws.articles.get(articleId);
  const post = await fetchWebPost(ws, article, siteId);
  const web = webVersionOf(post, article, hasAssetIn(ws));
  const lastSynced = ws.publications.forArticle(articleId).find((p) => p.siteId === siteId)?.remoteModified || null;
  const local = { title: article.title, sapo: article.sapo, body: bodyToText(article.body), byline: article.byline };
  const webText = { title: web.fields.title, sapo: web.fields.sapo, body: bodyToText(web.fields.body), byline: web.fields.byline };
  const fields = ['title', 'sapo', 'body', 'byline'] as const;
  const diffs: FieldDiff[] = fields.map((field) => ({ field, segments: wordDiff(local[field], webText[field]) }));
  return {
    siteId,
    postId: post.id,
    link: post.link,
    webModified: post.modified,
    lastSynced,
    changedOnWeb: lastSynced !== post.modified,
    local,
    web: webText,
    diffs,
    warnings: web.warnings,
  };
}

/**
 * "Keep the web version": the post's title, sapo, body and byline become a new revision of the
 * article (the earlier text stays in its history), and the post's current modified time is
 * recorded, so the next publish updates the same post without reporting a conflict.
 */
export async function keepWebVersion(ws: Workspace, articleId: number, siteId: number): Promise<{ article: Article; revisionId: number | null; warnings: string[] }> {
  const article = ws.articles.get(articleId);
  const post = await fetchWebPost(ws, article, siteId);
  const web = webVersionOf(post, article, hasAssetIn(ws));
  const { revisionId } = ws.articles.save(articleId, web.fields, 'explicit');
  const revision = revisionId ?? ws.articles.revisions(articleId)[0]?.id ?? 0;
  ws.publications.record(
    { articleId, siteId, postId: post.id, link: post.link, status: post.status, revision, remoteModified: post.modified },
    'keepWeb',
    ws.userName(),
  );
  return { article: ws.articles.get(articleId), revisionId, warnings: web.warnings };
}

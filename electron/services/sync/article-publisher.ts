import sharp from 'sharp';
import { bodyToHtml, escapeHtml } from '../../../shared/article-body.js';
import { DeskError } from '../../../shared/errors.js';
import type { Article, PmNode } from '../../../shared/model/article.js';
import type { OutboxJob } from '../../../shared/model/outbox.js';
import type { Publication, PublishStatus } from '../../../shared/model/publication.js';
import { sharedPostStatus } from '../../../shared/model/site-sync.js';
import { slugify } from '../../../shared/text/vietnamese.js';
import { sapoHtml } from '../../../shared/web/article-web-html.js';
import type { Workspace } from '../workspace/workspace.js';
import { siteCredentialKey } from './credential-store.js';
import { categoriesFor, seoDescriptionFor } from './post-settings.js';

/** Pictures go to the web at this width at most; the original stays on the desk for print. */
export const WEB_IMAGE_WIDTH = 1600;

interface FigureRef {
  asset: string;
  alt: string;
  credit: string;
  caption: string;
}

function figuresOf(node: PmNode, out: FigureRef[] = []): FigureRef[] {
  if (node.type === 'figure' && typeof node.attrs?.asset === 'string') {
    out.push({
      asset: node.attrs.asset,
      alt: typeof node.attrs.alt === 'string' ? node.attrs.alt : '',
      credit: typeof node.attrs.credit === 'string' ? node.attrs.credit : '',
      caption: (node.content ?? []).map((c) => c.text ?? '').join(''),
    });
  }
  for (const child of node.content ?? []) figuresOf(child, out);
  return out;
}

/** What must be right before an article goes out: said all at once, in Vietnamese. */
export function publishProblems(article: Article, assetCredit: (hash: string) => string): string[] {
  const problems: string[] = [];
  if (!article.title.trim()) problems.push('Bài chưa có tiêu đề.');
  if (!article.sapo.trim() || article.sapo.trim() === article.sourcePrefix.trim()) problems.push('Bài chưa có sapo.');
  if (!article.sectionName) problems.push('Bài chưa được xếp vào chuyên mục.');
  figuresOf(article.body as PmNode).forEach((figure, i) => {
    if (!figure.caption.trim()) problems.push(`Ảnh thứ ${i + 1} chưa có chú thích.`);
    if (!figure.credit.trim() && !assetCredit(figure.asset).trim()) problems.push(`Ảnh thứ ${i + 1} chưa ghi nguồn (tác giả ảnh).`);
  });
  return problems;
}

/** A session on a connected site with its stored application password. */
export function siteSession(ws: Workspace, siteId: number) {
  const site = ws.sites.get(siteId);
  const password = ws.credentials.get(siteCredentialKey(siteId));
  if (!password) throw new DeskError('unauthorized', `Chưa có mật khẩu ứng dụng cho ${site.siteName}; hãy kết nối lại.`);
  return ws.publishTarget.session(site.apiRoot, { url: site.url, username: site.username, password });
}

/** Takes the article off a site; the post stays there as a draft so nothing written on the web is lost. */
export async function unpublishArticle(ws: Workspace, articleId: number, siteId: number): Promise<Publication | null> {
  const article = ws.articles.get(articleId);
  const post = await siteSession(ws, siteId).unpublish(article.uid);
  if (!post) return null;
  const revision = ws.articles.revisions(articleId)[0]?.id ?? 0;
  ws.publications.record(
    { articleId, siteId, postId: post.id, link: post.link, status: post.status, revision, remoteModified: post.modified },
    'unpublish',
    ws.userName(),
  );
  return ws.publications.forArticle(articleId).find((p) => p.siteId === siteId) ?? null;
}

export interface PublishResult {
  publication: Publication;
  created: boolean;
  warnings: string[];
}

/**
 * Publishes one article to one connected site: pictures resized for the web and uploaded once,
 * the sapo as excerpt and as the lead paragraph with the source prefix in bold, section → category,
 * tags → tags, the article's uid in the post's meta so the same article is always the same post.
 */
export async function publishArticle(
  ws: Workspace,
  articleId: number,
  siteId: number,
  status: PublishStatus,
  /** validate: false for drafts shared with other desks, which are unfinished by nature. */
  options: { scheduledAt?: string | null; overwrite?: boolean; validate?: boolean } = {},
): Promise<PublishResult> {
  const article = ws.articles.get(articleId);
  const problems = options.validate === false ? [] : publishProblems(article, (hash) => (ws.catalog.hasAsset(hash) ? ws.catalog.asset(hash).credit : ''));
  if (problems.length > 0) {
    throw new DeskError('invalid_input', `Chưa thể đưa bài lên web: ${problems.join(' ')}`, problems);
  }
  const session = siteSession(ws, siteId);

  // Every picture is made for the web at once, in the background, while the site is asked whether
  // it has it and earlier ones upload; a picture the site has is never waited for.
  const webImages = new Map<string, Promise<Buffer>>();
  for (const figure of figuresOf(article.body as PmNode)) {
    if (webImages.has(figure.asset) || !ws.assetFiles.exists(figure.asset)) continue;
    const made = sharp(ws.assetFiles.read(figure.asset)).rotate().resize({ width: WEB_IMAGE_WIDTH, withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
    // Awaited by the upload; one that is never needed, or outlived by an earlier failure, must not go unhandled.
    made.catch(() => undefined);
    webImages.set(figure.asset, made);
  }
  const uploaded = new Map<string, { id: number; url: string }>();
  for (const figure of figuresOf(article.body as PmNode)) {
    const web = webImages.get(figure.asset);
    if (uploaded.has(figure.asset) || !web) continue;
    const asset = ws.catalog.asset(figure.asset);
    // A picture taken from the site is found there by the hash its media item already carries.
    const hash = ws.siteSync.mediaHashFor(siteId, figure.asset) ?? `${figure.asset}-w${WEB_IMAGE_WIDTH}`;
    const media = await session.media({
      hash,
      bytes: () => web,
      fileName: `${slugify(asset.fileName.replace(/\.[^.]+$/, '')) || 'anh'}-${figure.asset.slice(0, 8)}.jpg`,
      mimeType: 'image/jpeg',
      alt: figure.alt || asset.alt,
      caption: figure.caption,
    });
    // So pulling this post back (here or after another desk edits it) finds the picture by its address.
    ws.siteSync.recordAsset(siteId, media.url, figure.asset, hash);
    uploaded.set(figure.asset, media);
  }

  const warnings: string[] = [];
  const body = bodyToHtml(article.body, {
    resolveAssetUrl: (hash) => uploaded.get(hash)?.url ?? '',
    resolveRelated: (uid) => ws.publications.linkByUid(siteId, uid),
    onUnresolvedRelated: (item) => warnings.push(`Bài liên quan "${item.title}" chưa lên trang này nên đã bỏ liên kết.`),
  });
  const firstFigure = figuresOf(article.body as PmNode)[0];
  const revision = ws.articles.revisions(articleId)[0]?.id ?? 0;
  const post = await session.post({
    uid: article.uid,
    revision,
    title: article.title,
    contentHtml: `<p class="sapo">${sapoHtml(article.sapo, article.sourcePrefix)}</p>${body}${
      article.byline.trim() ? `<p class="byline"><strong>${escapeHtml(article.byline.trim())}</strong></p>` : ''
    }`,
    excerpt: article.sapo,
    slug: article.slug || slugify(article.title),
    status,
    ...categoriesFor(ws, siteId, article),
    tags: article.tags,
    seoDescription: seoDescriptionFor(ws, article).effective,
    featuredMediaId: firstFigure ? (uploaded.get(firstFigure.asset)?.id ?? null) : null,
    scheduledAt: options.scheduledAt ?? null,
    expectedModified: options.overwrite ? null : ws.publications.forArticle(articleId).find((p) => p.siteId === siteId)?.remoteModified || null,
    unconfirmedWrites: ws.publications.unconfirmedWrites(articleId, siteId),
    beforeWrite: (writeKey) => ws.publications.noteWrite(articleId, siteId, writeKey),
  });
  const publication = { articleId, siteId, postId: post.id, link: post.link, status: post.status, revision, remoteModified: post.modified };
  ws.publications.record(publication, post.created ? 'create' : 'update', ws.userName());
  if (post.status === 'publish' && article.status !== 'published') ws.articles.save(articleId, { status: 'published' }, 'explicit');
  return { publication: ws.publications.forArticle(articleId).find((p) => p.siteId === siteId)!, created: post.created, warnings: [...warnings, ...(post.warnings ?? [])] };
}

/**
 * Shares a draft or an article awaiting review with the other desks through the site (a sync job).
 * The post status follows the article's status when the job is sent; an article that has moved on
 * (approved, published, deleted) since the sync queued it is left alone, so a late job never takes
 * a post back to draft.
 */
async function shareArticle(ws: Workspace, job: OutboxJob): Promise<{ link: string | null }> {
  const article = ws.articles.summary(job.articleId);
  const postStatus = sharedPostStatus(article.status);
  const current = ws.publications.forArticle(job.articleId).find((p) => p.siteId === job.siteId);
  if (!postStatus || article.deletedAt || (current && current.status !== 'draft' && current.status !== 'pending')) return { link: current?.link ?? null };
  const result = await publishArticle(ws, job.articleId, job.siteId, postStatus, { overwrite: job.overwrite, validate: false });
  ws.siteSync.markSynced(job.siteId, job.articleId, article.updatedAt);
  return { link: result.publication.link };
}

/** What the outbox runner does with one job. */
export async function sendOutboxJob(ws: Workspace, job: OutboxJob): Promise<{ link: string | null }> {
  if (job.action === 'share') return shareArticle(ws, job);
  if (job.action === 'unpublish') {
    const publication = await unpublishArticle(ws, job.articleId, job.siteId);
    return { link: publication?.link ?? null };
  }
  const result = await publishArticle(ws, job.articleId, job.siteId, job.publishStatus, { scheduledAt: job.scheduledAt, overwrite: job.overwrite });
  return { link: result.publication.link };
}

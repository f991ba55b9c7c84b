import { randomUUID } from 'node:crypto';
import { DeskError } from '../../../shared/errors.js';
import type { ArticleStatus } from '../../../shared/model/article.js';
import {
  SHARED_STATUSES,
  localStatusFor,
  sharedPostStatus,
  type PulledPost,
  type RemotePostSummary,
  type SentArticle,
  type SyncReport,
} from '../../../shared/model/site-sync.js';
import type { Workspace } from '../workspace/workspace.js';
import { siteSession } from './article-publisher.js';
import { articleFieldsOfPost } from './post-import.js';
import type { PublishSession, WebPost, WebPostSummary } from './publish-target.js';

/** Posts read per request when pulling; a sync with nothing new reads one short page. */
const PULL_PAGE = 50;

/** The article a post is linked to: by the uid in its meta, else by an earlier import of that post. */
function linkedArticle(ws: Workspace, siteId: number, post: Pick<WebPostSummary, 'id' | 'uid'>): number | null {
  return (post.uid ? ws.articles.idByUid(post.uid) : null) ?? ws.siteSync.articleForPost(siteId, post.id);
}

/** A new article's status from its post's: drafts and pending posts as shared, the rest by what the site did with them. */
function statusForNewArticle(postStatus: string): ArticleStatus {
  const shared = localStatusFor(postStatus, null);
  if (shared) return shared;
  return postStatus === 'future' ? 'approved' : 'published';
}

const outcome = (post: Pick<WebPost, 'id' | 'title'>, articleId: number | null, kind: PulledPost['outcome'], message: string | null = null): PulledPost => ({
  postId: post.id,
  articleId,
  title: post.title,
  outcome: kind,
  message,
});

/**
 * Takes one post into the workspace. A post seen for the first time becomes an article (with the
 * uid another desk gave it, or a new uid written into the post first, so publishing it later
 * updates this post). A post changed on the web since the last sync updates its article as a new
 * revision, unless the article changed here too: then neither side is overwritten and the
 * conflict is recorded for the side-by-side view.
 */
async function takePost(ws: Workspace, siteId: number, session: PublishSession, post: WebPost): Promise<PulledPost> {
  const articleId = linkedArticle(ws, siteId, post);
  if (articleId === null) {
    let uid = post.uid;
    let { modified, link, status } = post;
    const profile = ws.catalog.profile();
    const { fields, warnings } = await articleFieldsOfPost(ws, siteId, session, post, { sapo: '', byline: '', sourcePrefix: profile.sourcePrefix });
    if (!uid) {
      uid = randomUUID();
      ({ modified, link, status } = await session.claimPost(post.id, uid));
    }
    const article = ws.articles.create({ ...fields, sourcePrefix: profile.sourcePrefix, status: statusForNewArticle(post.status) }, 'import', uid);
    const revision = ws.articles.revisions(article.id)[0]?.id ?? 0;
    ws.publications.record({ articleId: article.id, siteId, postId: post.id, link, status, revision, remoteModified: modified }, 'import', ws.userName());
    ws.siteSync.markSynced(siteId, article.id, article.updatedAt);
    return outcome(post, article.id, 'new', warnings.join(' ') || null);
  }

  const article = ws.articles.get(articleId);
  if (article.deletedAt) return outcome(post, articleId, 'failed', `Bài “${article.title}” đang ở thùng rác: khôi phục rồi đồng bộ lại để nhận bản trên web.`);
  const publication = ws.publications.forArticle(articleId).find((p) => p.siteId === siteId);
  if (publication?.remoteModified === post.modified) return outcome(post, articleId, 'unchanged');
  const synced = ws.siteSync.syncedVersion(siteId, articleId);
  const changedHere = synced ? synced.localUpdatedAt !== article.updatedAt : !publication || article.updatedAt > publication.publishedAt;
  if (changedHere) {
    ws.siteSync.markConflict(siteId, articleId, post.modified);
    return outcome(
      post,
      articleId,
      'conflict',
      `Bài “${article.title}” được sửa cả trong toà soạn lẫn trên web từ lần đồng bộ trước; chưa ghi đè bên nào. Mở bài → Xuất bản để so sánh và chọn bản giữ lại.`,
    );
  }
  const { fields, warnings } = await articleFieldsOfPost(ws, siteId, session, post, article);
  const status = localStatusFor(post.status, article.status) ?? article.status;
  const { revisionId } = ws.articles.save(articleId, { ...fields, status }, 'explicit');
  const revision = revisionId ?? ws.articles.revisions(articleId)[0]?.id ?? 0;
  ws.publications.record({ articleId, siteId, postId: post.id, link: post.link, status: post.status, revision, remoteModified: post.modified }, 'pull', ws.userName());
  ws.siteSync.markSynced(siteId, articleId, ws.articles.summary(articleId).updatedAt);
  return outcome(post, articleId, 'updated', warnings.join(' ') || null);
}

/** A post that could not be taken is reported with the site's reason; losing the network stops the whole pull. */
async function takeOrReport(work: () => Promise<PulledPost>, post: Pick<WebPost, 'id' | 'title'>, articleId: number | null): Promise<PulledPost> {
  try {
    return await work();
  } catch (error) {
    if (!DeskError.is(error) || error.code === 'site_unreachable') throw error;
    return outcome(post, articleId, 'failed', error.message);
  }
}

/**
 * Draft and pending posts changed on the site since the last pull, most recent first until one
 * older than that; those whose change is the desk's own last write or import are passed over
 * without reading them. The mark moves on only past what was taken, so a post that failed is
 * tried again next time.
 */
async function pull(ws: Workspace, siteId: number, session: PublishSession): Promise<PulledPost[]> {
  const since = ws.siteSync.pulledUntil(siteId);
  const changed: WebPostSummary[] = [];
  for (let offset = 0; ; offset += PULL_PAGE) {
    const { items, more } = await session.listPosts({ statuses: ['draft', 'pending'], orderBy: 'modified', offset, limit: PULL_PAGE });
    // ">=": two posts changed in the same second as the mark are both looked at again.
    const fresh = items.filter((p) => p.modified >= since);
    changed.push(...fresh);
    if (!more || fresh.length < items.length) break;
  }
  const results: PulledPost[] = [];
  let failedFrom: string | null = null;
  for (const summary of changed.reverse()) {
    const articleId = linkedArticle(ws, siteId, summary);
    const known = articleId !== null ? ws.publications.forArticle(articleId).find((p) => p.siteId === siteId) : undefined;
    if (known?.remoteModified === summary.modified) continue;
    const result = await takeOrReport(async () => takePost(ws, siteId, session, await session.readPost(summary.id)), summary, articleId);
    if (result.outcome === 'failed') failedFrom ??= summary.modified;
    if (result.outcome !== 'unchanged') results.push(result);
  }
  const newest = changed[changed.length - 1]?.modified;
  const mark = failedFrom ?? newest;
  if (mark) ws.siteSync.setPulledUntil(siteId, mark);
  return results;
}

/** Sends what the outbox has due now, including jobs just written (a pass already under way may not have seen them). */
async function sendDue(ws: Workspace): Promise<void> {
  await ws.outboxRunner.drain();
  await ws.outboxRunner.drain();
}

/** Queues every draft and article awaiting review that changed here since it last matched the site, then sends them. */
async function push(ws: Workspace, siteId: number, online: boolean): Promise<SentArticle[]> {
  const jobs = ws.siteSync.shareCandidates(siteId, SHARED_STATUSES).map((candidate) => ({
    candidate,
    job: ws.outbox.enqueue({
      articleId: candidate.articleId,
      siteId,
      action: 'share',
      publishStatus: sharedPostStatus(candidate.status) ?? 'draft',
      scheduledAt: null,
      overwrite: false,
      createdBy: ws.userName(),
    }),
  }));
  if (jobs.length === 0) return [];
  ws.events.emit('outbox.changed', {});
  // Offline, the jobs wait in the outbox: the app sends them when the site answers, the next sync or `desk outbox run` too.
  if (online) await sendDue(ws);
  return jobs.map(({ candidate, job }) => {
    const now = ws.outbox.get(job.id);
    const state = now.state === 'done' ? 'done' : now.state === 'failed' ? 'failed' : 'waiting';
    return { articleId: candidate.articleId, title: candidate.title, state, message: now.state === 'done' ? null : now.lastError };
  });
}

/**
 * One sync with a site: first what changed on the web (so a colleague's edit is taken, or seen as a
 * conflict, before anything is sent), then, unless pullOnly, the desk's changed drafts through the
 * outbox (offline-safe, never a second post). With nothing changed on either side it reads one
 * short list from the site and writes nothing.
 */
export async function syncSite(ws: Workspace, siteId: number, options: { pullOnly: boolean }): Promise<SyncReport> {
  ws.sites.get(siteId);
  const session = siteSession(ws, siteId);
  let received: PulledPost[] = [];
  let error: string | null = null;
  try {
    received = await pull(ws, siteId, session);
  } catch (failure) {
    if (!DeskError.is(failure) || failure.code !== 'site_unreachable') throw failure;
    error = failure.message;
  }
  const sent = options.pullOnly ? [] : await push(ws, siteId, error === null);
  const report: SyncReport = { siteId, at: ws.now().toISOString(), pullOnly: options.pullOnly, sent, received, offline: error !== null, error };
  ws.siteSync.saveReport(report);
  const ids = [...new Set(received.flatMap((r) => (r.articleId !== null && (r.outcome === 'new' || r.outcome === 'updated') ? [r.articleId] : [])))];
  if (ids.length > 0) {
    ws.scheduleSearchFlush();
    ws.events.emit('articles.changed', { ids });
  }
  return report;
}

/** Posts on the site by category, date and text, each with the article it is already linked to. */
export async function searchRemotePosts(
  ws: Workspace,
  siteId: number,
  filter: { categoryId?: number; since?: string; until?: string; search?: string; statuses: string[]; offset: number; limit: number },
): Promise<{ items: RemotePostSummary[]; more: boolean }> {
  const { items, more } = await siteSession(ws, siteId).listPosts({
    statuses: filter.statuses,
    orderBy: 'date',
    offset: filter.offset,
    limit: filter.limit,
    ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
    // Whole days of the site's own calendar.
    ...(filter.since ? { after: `${filter.since}T00:00:00` } : {}),
    ...(filter.until ? { before: `${filter.until}T23:59:59` } : {}),
    ...(filter.search ? { search: filter.search } : {}),
  });
  return {
    items: items.map((post) => ({
      postId: post.id,
      title: post.title,
      date: post.date,
      modified: post.modified,
      status: post.status,
      author: post.author,
      categories: post.categories,
      link: post.link,
      articleId: linkedArticle(ws, siteId, post),
    })),
    more,
  };
}

/** Imports chosen posts as articles; a post imported before updates its article instead of making a second one. */
export async function importPosts(ws: Workspace, siteId: number, postIds: number[]): Promise<PulledPost[]> {
  const session = siteSession(ws, siteId);
  const results: PulledPost[] = [];
  for (const postId of postIds) {
    results.push(await takeOrReport(async () => takePost(ws, siteId, session, await session.readPost(postId)), { id: postId, title: `#${postId}` }, null));
  }
  const ids = results.flatMap((r) => (r.articleId !== null && (r.outcome === 'new' || r.outcome === 'updated') ? [r.articleId] : []));
  if (ids.length > 0) {
    ws.scheduleSearchFlush();
    ws.events.emit('articles.changed', { ids });
  }
  return results;
}

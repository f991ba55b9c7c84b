import { z } from 'zod';
import type { ArticleStatus } from './article.js';

/**
 * Articles still being written or reviewed are shared between desks through the site, as WordPress
 * drafts and "pending review" posts; later statuses go out by publishing, not by sync.
 */
export const SHARED_STATUSES = ['draft', 'submitted', 'edited'] as const satisfies readonly ArticleStatus[];

export function sharedPostStatus(status: ArticleStatus): 'draft' | 'pending' | null {
  if (status === 'draft') return 'draft';
  return status === 'submitted' || status === 'edited' ? 'pending' : null;
}

/** The article status for a shared post: kept when it already maps to that post status, else the first that does. */
export function localStatusFor(postStatus: string, current: ArticleStatus | null): ArticleStatus | null {
  if (postStatus !== 'draft' && postStatus !== 'pending') return null;
  if (current && sharedPostStatus(current) === postStatus) return current;
  return postStatus === 'draft' ? 'draft' : 'submitted';
}

/** A post on a site as the import dialog lists it: no content, enough to choose. */
export const RemotePostSummary = z.object({
  postId: z.number().int(),
  title: z.string(),
  /** The post's date (UTC ISO): publication date, or creation date of a draft. */
  date: z.string(),
  modified: z.string(),
  status: z.string(),
  author: z.string(),
  categories: z.array(z.string()),
  link: z.string(),
  /** The workspace article this post is already linked to, if any. */
  articleId: z.number().int().nullable(),
});
export type RemotePostSummary = z.infer<typeof RemotePostSummary>;

/**
 * What became of one post taken from the site: a new article, an update of its article (a new
 * revision), nothing (already up to date), a conflict (changed here and on the web since the last
 * sync: neither side overwritten) or a failure with the reason.
 */
export const PulledOutcome = z.enum(['new', 'updated', 'unchanged', 'conflict', 'failed']);
export type PulledOutcome = z.infer<typeof PulledOutcome>;

export const PulledPost = z.object({
  postId: z.number().int(),
  articleId: z.number().int().nullable(),
  title: z.string(),
  outcome: PulledOutcome,
  message: z.string().nullable(),
});
export type PulledPost = z.infer<typeof PulledPost>;

export const SentArticle = z.object({
  articleId: z.number().int(),
  title: z.string(),
  /** done: the site has it; waiting: queued (offline), goes out when the site answers; failed: refused. */
  state: z.enum(['done', 'waiting', 'failed']),
  message: z.string().nullable(),
});
export type SentArticle = z.infer<typeof SentArticle>;

/** What one sync with a site sent and received. */
export const SyncReport = z.object({
  siteId: z.number().int(),
  at: z.string(),
  pullOnly: z.boolean(),
  sent: z.array(SentArticle),
  received: z.array(PulledPost),
  /** The site could not be reached: nothing was received, what was to be sent waits in the outbox. */
  offline: z.boolean(),
  /** The site's message when it could not be read. */
  error: z.string().nullable(),
});
export type SyncReport = z.infer<typeof SyncReport>;

import { z } from 'zod';

export const PublishStatus = z.enum(['publish', 'draft', 'pending']);
export type PublishStatus = z.infer<typeof PublishStatus>;

/** An article's post on one site, as last published from this desk. */
export const Publication = z.object({
  articleId: z.number().int(),
  siteId: z.number().int(),
  postId: z.number().int(),
  link: z.string(),
  status: z.string(),
  revision: z.number().int(),
  remoteModified: z.string(),
  publishedAt: z.string(),
});
export type Publication = z.infer<typeof Publication>;

export const PublishHistoryEntry = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  siteId: z.number().int(),
  action: z.string(),
  postId: z.number().int().nullable(),
  link: z.string().nullable(),
  status: z.string().nullable(),
  byUser: z.string(),
  at: z.string(),
});
export type PublishHistoryEntry = z.infer<typeof PublishHistoryEntry>;

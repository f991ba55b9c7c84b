import { z } from 'zod';
import { PublishStatus } from './publication.js';

export const OUTBOX_STATES = ['pending', 'sending', 'failed', 'done'] as const;
export const OutboxState = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof OutboxState>;

/**
 * publish: create or update the post; unpublish: take it off the site (back to draft); share: send
 * a draft or an article awaiting review to the site as a draft or pending post, for the other desks (sync).
 */
export const OutboxAction = z.enum(['publish', 'unpublish', 'share']);
export type OutboxAction = z.infer<typeof OutboxAction>;

/** Why a job failed, where the desk can offer a way on: the post was edited on the web, or the account may only submit it for review. */
export const OutboxFailure = z.enum(['conflict', 'may-not-publish']);
export type OutboxFailure = z.infer<typeof OutboxFailure>;

export const OutboxJob = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  siteId: z.number().int(),
  action: OutboxAction,
  publishStatus: PublishStatus,
  /** Publish at this moment (UTC ISO); the site shows it in Asia/Ho_Chi_Minh. */
  scheduledAt: z.string().nullable(),
  /** Write over changes made on the web since the last publish (after the user chose to). */
  overwrite: z.boolean(),
  state: OutboxState,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  /** The site's own message for the last failure. */
  lastError: z.string().nullable(),
  failure: OutboxFailure.nullable(),
  postLink: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxJob = z.infer<typeof OutboxJob>;

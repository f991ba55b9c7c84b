import { z } from 'zod';
import { ArticleId, ArticleStatus, text } from './article.js';

/** Who moved an article along the workflow, and when. */
export const StatusChange = z.object({
  id: z.number().int(),
  articleId: ArticleId,
  fromStatus: ArticleStatus.nullable(),
  toStatus: ArticleStatus,
  changedBy: z.string(),
  changedAt: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/**
 * Where an inline comment points: the field, and for the body the comment mark carrying the note's
 * id (so the anchor moves with edits); the quoted text is kept to show it even if the text goes.
 */
export const NoteAnchor = z.object({
  field: z.enum(['title', 'sapo', 'body']),
  quote: text(2000),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
});
export type NoteAnchor = z.infer<typeof NoteAnchor>;

export const Note = z.object({
  id: z.number().int(),
  articleId: ArticleId,
  parentId: z.number().int().nullable(),
  author: z.string(),
  body: z.string(),
  anchor: NoteAnchor.nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type Note = z.infer<typeof Note>;

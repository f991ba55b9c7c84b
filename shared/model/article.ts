import { z } from 'zod';
import { normalizeText } from '../text/vietnamese.js';

/** Free text from any front door: stored NFC without stray invisibles. */
export const text = (max: number) => z.string().max(max).transform(normalizeText);

/**
 * The editorial workflow, in order. "placed" (Đã lên trang) is set by layout, not by the editor.
 */
export const ARTICLE_STATUSES = ['draft', 'submitted', 'edited', 'approved', 'placed', 'published'] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

const PmMarkSchema = z.object({
  type: z.string().min(1).max(64),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

/** A ProseMirror node as tiptap's getJSON() gives it. */
export const PmNodeSchema: z.ZodType<PmNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(PmNodeSchema).optional(),
    marks: z.array(PmMarkSchema).optional(),
    text: z.string().optional(),
  }),
);

export const PmDocSchema = z.object({
  type: z.literal('doc'),
  content: z.array(PmNodeSchema).optional(),
});
export type PmDoc = z.infer<typeof PmDocSchema>;

export const EMPTY_DOC: PmDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

export const ArticleId = z.number().int().positive();

export const ArticleFields = z.object({
  sectionId: z.number().int().positive().nullable(),
  issueId: z.number().int().positive().nullable(),
  kicker: text(300),
  title: text(500),
  sapo: text(5000),
  body: PmDocSchema,
  byline: text(300),
  sourcePrefix: text(40),
  tags: z.array(text(100)).max(50),
  slug: z.string().max(200).regex(/^[a-z0-9-]*$/, 'Slug chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  status: ArticleStatus,
});
export type ArticleFields = z.infer<typeof ArticleFields>;

export const ArticleSummary = z.object({
  id: ArticleId,
  uid: z.string(),
  title: z.string(),
  sectionId: z.number().nullable(),
  sectionName: z.string().nullable(),
  issueId: z.number().nullable(),
  status: ArticleStatus,
  wordCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend(ArticleFields.shape).extend({
  bodyText: z.string(),
  bodyHtml: z.string(),
});
export type Article = z.infer<typeof Article>;

export const SaveReason = z.enum(['autosave', 'explicit', 'close']);
export type SaveReason = z.infer<typeof SaveReason>;

export const RevisionReason = z.enum(['created', 'autosave', 'explicit', 'close', 'status', 'restore', 'import']);
export type RevisionReason = z.infer<typeof RevisionReason>;

export const RevisionSummary = z.object({
  id: z.number().int(),
  articleId: ArticleId,
  reason: RevisionReason,
  title: z.string(),
  wordCount: z.number().int(),
  status: ArticleStatus,
  createdAt: z.string(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const Revision = RevisionSummary.extend({ fields: ArticleFields });
export type Revision = z.infer<typeof Revision>;

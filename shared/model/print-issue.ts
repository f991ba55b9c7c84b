import { z } from 'zod';
import { ArticleId, text } from './article.js';
import { PrintIssue } from './workspace.js';

/** What a page of the flatplan holds. `empty` is a slot nobody has planned yet. */
export const PAGE_KINDS = ['cover', 'inside-cover', 'toc', 'article', 'ad', 'section-opener', 'blank', 'empty'] as const;
export const PageKind = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKind>;

const AssetHash = z.string().regex(/^[a-f0-9]{64}$/, 'Mã ảnh phải là 64 ký tự hex');

/** A part-page advertisement at the foot of an article page: the text columns end above it. */
export const PartPageAd = z.object({
  assetHash: AssetHash,
  name: text(200).default(''),
  size: z.enum(['half', 'third', 'quarter']),
});
export type PartPageAd = z.infer<typeof PartPageAd>;

export const PageSlot = z.object({
  kind: PageKind,
  /** A template in resources/templates; empty means the kind's default. */
  template: z.string().max(60).default(''),
  articleId: ArticleId.nullable().default(null),
  /** A full-page advertisement (kind `ad`), a cover picture (kind `cover`) or a section opener's picture. */
  assetHash: AssetHash.nullable().default(null),
  /** What the page is, in the layout artist's words: "Quảng cáo Vinamilk", "Mở chuyên mục". */
  label: text(200).default(''),
  sectionId: z.number().int().positive().nullable().default(null),
  ad: PartPageAd.nullable().default(null),
});
export type PageSlot = z.infer<typeof PageSlot>;
export type PageSlotInput = z.input<typeof PageSlot>;

export const CopyfitSchema = z.object({
  tracking: z.number().min(-30).max(10).default(0),
  leading: z.number().min(0.92).max(1.08).default(1),
  figureScale: z.number().min(0.5).max(1).default(1),
  droppedFigures: z.array(z.string().max(40)).max(100).default([]),
});

/** The issue's pages in order (page 1 is the cover) and the copyfit chosen for each article. */
export const Flatplan = z.object({
  pages: z.array(PageSlot).max(1000),
  /** Keyed by article id. */
  copyfit: z.record(z.string().regex(/^\d+$/), CopyfitSchema).default({}),
});
export type Flatplan = z.infer<typeof Flatplan>;

export const TocEntry = z.object({
  articleId: ArticleId,
  title: z.string(),
  section: z.string(),
  page: z.number().int().positive(),
});
export type TocEntry = z.infer<typeof TocEntry>;

export const PlacedArticle = z.object({
  articleId: ArticleId,
  title: z.string(),
  status: z.string(),
  section: z.string(),
  firstPage: z.number().int().positive(),
  lastPage: z.number().int().positive(),
});
export type PlacedArticle = z.infer<typeof PlacedArticle>;

export const PrintIssueDetail = z.object({
  issue: PrintIssue,
  flatplan: Flatplan,
  /** Page numbers side by side as they print: [1], [2, 3], [4, 5] … */
  spreads: z.array(z.array(z.number().int())),
  toc: z.array(TocEntry),
  placed: z.array(PlacedArticle),
  /** Plan-level problems the layout artist should see at once (page count not a multiple of 4…). */
  warnings: z.array(z.string()),
});
export type PrintIssueDetail = z.infer<typeof PrintIssueDetail>;

export const PREFLIGHT_CODES = [
  'overset',
  'low-resolution',
  'missing-image',
  'broken-image',
  'empty-page',
  'page-count',
  'not-approved',
  'outside-safe-area',
  'font-not-embedded',
  'missing-frame',
  'missing-article',
] as const;
export const PreflightFinding = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(PREFLIGHT_CODES),
  /** The page to open; null for problems of the whole issue. */
  page: z.number().int().positive().nullable(),
  articleId: ArticleId.nullable(),
  message: z.string(),
});
export type PreflightFinding = z.infer<typeof PreflightFinding>;

export const EXPORT_OUTPUTS = ['print', 'proof', 'images'] as const;
export const ExportOutput = z.enum(EXPORT_OUTPUTS);
export type ExportOutput = z.infer<typeof ExportOutput>;

export const ExportProgress = z.object({
  jobId: z.string(),
  stage: z.enum(['layout', 'pdf', 'marks', 'proof', 'images', 'upload', 'done', 'failed', 'cancelled']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  files: z.array(z.string()).default([]),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

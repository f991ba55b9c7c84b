import { z } from 'zod';
import { text } from './article.js';

export const Section = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  position: z.number().int(),
});
export type Section = z.infer<typeof Section>;

export const Tag = z.object({ id: z.number().int(), name: z.string(), slug: z.string(), uses: z.number().int() });
export type Tag = z.infer<typeof Tag>;

export const PRINT_ISSUE_STATUSES = ['planning', 'layout', 'proof', 'printed'] as const;
export const PrintIssueStatus = z.enum(PRINT_ISSUE_STATUSES);

/** A numbered print issue of the magazine ("Số 456"). */
export const PrintIssue = z.object({
  id: z.number().int(),
  number: z.number().int().positive(),
  title: z.string(),
  publishDate: z.string(),
  pageCount: z.number().int().positive(),
  status: PrintIssueStatus,
  slug: z.string(),
});
export type PrintIssue = z.infer<typeof PrintIssue>;

/** The publication's settings; the print and web settings grow with their issues. */
export const PublicationProfile = z.object({
  name: text(200),
  shortName: text(40),
  sourcePrefix: text(40),
  website: z.string().max(300),
  language: z.string().max(10),
  titleMaxLength: z.number().int().positive(),
  sapoMaxLength: z.number().int().positive(),
  /** House style for proofing: quotes, thousands separator, doublings that are correct. */
  quotes: z.enum(['typographic', 'straight']).default('typographic'),
  thousandsSeparator: z.enum(['.', ' ']).default('.'),
  allowedDoublings: z.array(z.string().max(60)).max(500).default([]),
  /** Words the spelling dictionary lacks but the magazine uses (loanwords, local names). */
  extraWords: z.array(z.string().max(60)).max(5000).default([]),
});
export type PublicationProfile = z.infer<typeof PublicationProfile>;

export const Asset = z.object({
  hash: z.string().regex(/^[a-f0-9]{64}$/),
  fileName: z.string(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
  createdAt: z.string(),
});
export type Asset = z.infer<typeof Asset>;

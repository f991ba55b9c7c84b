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

const mm = (max: number) => z.number().min(0).max(max);

/** Font families shipped in resources/fonts as TrueType (OFL), which Chromium embeds in PDFs as real fonts. */
export const PRINT_FONT_FAMILIES = ['Noto Serif', 'Be Vietnam Pro'] as const;
const PrintFontFamily = z.enum(PRINT_FONT_FAMILIES);
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Màu phải có dạng #rrggbb');

/** The printed page: A4 with 3 mm bleed, three columns, unless the profile says otherwise. */
export const PrintLayout = z.object({
  trimWidthMm: mm(1000).default(210),
  trimHeightMm: mm(1000).default(297),
  bleedMm: mm(20).default(3),
  marginInsideMm: mm(100).default(20),
  marginOutsideMm: mm(100).default(15),
  marginTopMm: mm(100).default(18),
  marginBottomMm: mm(100).default(20),
  columns: z.number().int().min(1).max(6).default(3),
  gutterMm: mm(30).default(5),
  /** Below this effective resolution at its placed size a picture prints soft. */
  minImagePpi: z.number().int().min(72).max(1200).default(200),
  /** Body leading: every text line sits on this grid, so lines align across columns. */
  baselineMm: z.number().min(2).max(20).default(4.2),
  bodySizePt: z.number().min(5).max(24).default(9.5),
  fonts: z
    .object({ body: PrintFontFamily, heading: PrintFontFamily, caption: PrintFontFamily })
    .default({ body: 'Noto Serif', heading: 'Be Vietnam Pro', caption: 'Be Vietnam Pro' }),
  colors: z.object({ text: HexColor, accent: HexColor }).default({ text: '#1a1a1a', accent: '#9c2a1c' }),
  /** {ten} is the publication's name, {so} the issue number, {thang}/{nam} its month and year. */
  runningHead: z.string().max(200).default('{ten} • Số {so} • Tháng {thang}/{nam}'),
  folioPosition: z.enum(['bottom-outside', 'bottom-center', 'top-outside']).default('bottom-outside'),
  /** Text closer than this to the trim edge risks being cut off. */
  safeMarginMm: mm(30).default(5),
});
export type PrintLayout = z.infer<typeof PrintLayout>;

/** Where the desktop app looks for new versions (electron-updater's generic feed): HTTPS only, so nobody on the network can slip in an installer. */
export const UpdateFeedUrl = z
  .url({ protocol: /^https$/, error: 'Địa chỉ nguồn cập nhật phải là một địa chỉ https:// đầy đủ' })
  .max(500, 'Địa chỉ nguồn cập nhật dài quá 500 ký tự');

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
  print: PrintLayout.default(PrintLayout.parse({})),
  /** null: the desktop app does not look for updates. */
  updateFeedUrl: UpdateFeedUrl.nullable().default(null),
});
export type PublicationProfile = z.infer<typeof PublicationProfile>;

const Fraction = z.number().min(0).max(1);

/** The part of a picture the web shows, as fractions of its width and height (the original stays whole for print). */
export const CropRect = z
  .object({ x: Fraction, y: Fraction, width: Fraction.positive(), height: Fraction.positive() })
  .refine((c) => c.x + c.width <= 1.0001 && c.y + c.height <= 1.0001, 'Vùng cắt vượt ra ngoài ảnh');
export type CropRect = z.infer<typeof CropRect>;

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
  /** The point that must stay in view when the web crops the picture to another shape. */
  focalX: Fraction,
  focalY: Fraction,
  crop: CropRect.nullable(),
  createdAt: z.string(),
});
export type Asset = z.infer<typeof Asset>;

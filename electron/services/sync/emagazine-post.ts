import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import sharp from 'sharp';
import { escapeHtml } from '../../../shared/article-body.js';
import { DeskError } from '../../../shared/errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { siteSession } from './article-publisher.js';
import type { PublishedPost } from './publish-target.js';

/** The site's category for e-magazines: the issues read page by page. */
export const EMAGAZINE_CATEGORY = 'E-magazine';

/** The post that carries an issue's e-magazine has this uid in its meta, so publishing again updates it. */
export function emagazineUid(issueSlug: string): string {
  return `emagazine:${issueSlug}`;
}

/**
 * A print issue's e-magazine on the website: one post in its own category with the page images in
 * page order, each uploaded under the name the site uses for it (`so-456-…-2025-61`), the proof PDF
 * to download, and the cover as the featured image. Sending it again updates the same post, and a
 * page image or PDF the site already has (found by its content hash) is not sent twice.
 * `files` are the export's files: the page images (`anh-trang/<slug>-<page>.jpg`) and the proof PDF.
 */
export async function publishEmagazine(
  ws: Workspace,
  siteId: number,
  issueId: number,
  files: string[],
  progress: (done: number, message: string) => void,
): Promise<PublishedPost> {
  const { issue } = ws.printIssues.get(issueId);
  const profile = ws.catalog.profile();
  const pageImage = new RegExp(`[\\\\/]anh-trang[\\\\/]${issue.slug}-(\\d+)\\.jpg$`);
  const pages = files
    .map((file) => ({ file, page: Number(pageImage.exec(file)?.[1] ?? 0) }))
    .filter((p) => p.page > 0)
    .sort((a, b) => a.page - b.page);
  const proof = files.find((file) => file.endsWith('-ban-in-thu.pdf'));
  if (pages.length === 0 || !proof) throw new DeskError('internal', 'Chưa có ảnh trang hoặc bản PDF để đăng e-magazine.');
  const session = siteSession(ws, siteId);
  const title = `${profile.name} ${issue.title}`;
  const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  const uploaded: { page: number; id: number; url: string; width: number; height: number }[] = [];
  for (const { file, page } of pages) {
    progress(uploaded.length, `Đang gửi ảnh trang ${page}/${pages.length} lên web…`);
    const bytes = readFileSync(file);
    const { width = 0, height = 0 } = await sharp(bytes).metadata();
    const media = await session.media({
      hash: hashOf(bytes),
      bytes,
      fileName: basename(file),
      mimeType: 'image/jpeg',
      alt: `${title} – trang ${page}`,
      caption: '',
    });
    uploaded.push({ page, ...media, width, height });
  }
  progress(uploaded.length, 'Đang gửi bản PDF lên web…');
  const pdfBytes = readFileSync(proof);
  const pdf = await session.media({ hash: hashOf(pdfBytes), bytes: pdfBytes, fileName: basename(proof), mimeType: 'application/pdf', alt: '', caption: title });

  progress(uploaded.length + 1, 'Đang đăng bài e-magazine…');
  const megabytes = (statSync(proof).size / 1024 / 1024).toFixed(1).replace('.', ',');
  const figures = uploaded.map(
    (p) =>
      `<figure class="wp-block-image lnv-emagazine-page" id="trang-${p.page}"><img src="${escapeHtml(p.url)}" alt="${escapeHtml(`${title} – trang ${p.page}`)}" width="${p.width}" height="${p.height}" loading="lazy"><figcaption>Trang ${p.page}</figcaption></figure>`,
  );
  const summary = `${title}: ${pages.length} trang, đọc trên web hoặc tải bản PDF.`;
  const post = await session.post({
    uid: emagazineUid(issue.slug),
    revision: 0,
    title,
    contentHtml: [
      `<p class="lnv-emagazine-intro">${escapeHtml(summary)}</p>`,
      ...figures,
      `<p class="lnv-emagazine-download"><a href="${escapeHtml(pdf.url)}">Tải bản PDF ${escapeHtml(issue.title)} (${megabytes} MB)</a></p>`,
    ].join('\n'),
    excerpt: summary,
    slug: issue.slug,
    status: 'publish',
    categories: [EMAGAZINE_CATEGORY],
    categoryIds: [],
    tags: [],
    seoDescription: summary,
    featuredMediaId: uploaded[0]?.id ?? null,
    scheduledAt: null,
    // The e-magazine is made from the issue each time: the desk's pages are the truth.
    expectedModified: null,
  });
  progress(uploaded.length + 2, `Đã đăng: ${post.link}`);
  return post;
}

import { escapeHtml } from '../../../shared/article-body.js';
import { DeskError } from '../../../shared/errors.js';
import type { ArticleFields } from '../../../shared/model/article.js';
import { normalizeText, slugify } from '../../../shared/text/vietnamese.js';
import { parseDocument } from '../article-import.js';
import type { Workspace } from '../workspace/workspace.js';
import { WEB_IMAGE_WIDTH } from './article-publisher.js';
import type { PublishSession, WebPost } from './publish-target.js';
import { webVersionOf } from './web-version.js';

/** WordPress creates category 1 ("Uncategorized") at install and files every post without a category there. */
const DEFAULT_CATEGORY_ID = 1;

interface Picture {
  url: string;
  /** The asset hash LNV Desk wrote on the picture when it published it (data-asset), if any. */
  deskHash: string | null;
  alt: string;
  caption: string;
  credit: string;
}

const sameName = (a: string, b: string) => normalizeText(a).trim().toLocaleLowerCase('vi') === normalizeText(b).trim().toLocaleLowerCase('vi');

/**
 * The stored asset for a picture of a post: the desk's own when it published the picture (its hash
 * is on the image), one taken from this address before, or the picture downloaded now into the
 * content-addressed store. Null, with a warning, when it cannot be had; the article keeps the rest.
 */
async function pictureAsset(ws: Workspace, siteId: number, session: PublishSession, picture: Picture, warnings: string[]): Promise<string | null> {
  if (picture.deskHash && ws.catalog.hasAsset(picture.deskHash) && ws.assetFiles.exists(picture.deskHash)) return picture.deskHash;
  const seen = ws.siteSync.assetForUrl(siteId, picture.url);
  if (seen && ws.catalog.hasAsset(seen) && ws.assetFiles.exists(seen)) return seen;
  try {
    const file = await session.download(picture.url);
    const asset = await ws.addImage(file.bytes, file.fileName, { alt: picture.alt, caption: picture.caption, credit: picture.credit });
    ws.siteSync.recordAsset(siteId, picture.url, asset.hash, picture.deskHash ? `${picture.deskHash}-w${WEB_IMAGE_WIDTH}` : '');
    return asset.hash;
  } catch (error) {
    if (!DeskError.is(error) || error.code === 'site_unreachable') throw error;
    warnings.push(`Bỏ ảnh ${picture.url}: ${error.message}`);
    return null;
  }
}

/** The post's HTML with every picture pointing at a stored asset, and the featured image first when the body does not show it. */
async function withStoredPictures(ws: Workspace, siteId: number, session: PublishSession, post: WebPost, warnings: string[]): Promise<string> {
  const { window, document } = parseDocument(post.contentHtml);
  try {
    const shown = new Set<string>();
    for (const img of [...document.querySelectorAll('img')]) {
      const figure = img.closest('figure');
      let url: string;
      try {
        url = new URL(img.getAttribute('src') ?? '', post.link).toString();
      } catch {
        (figure ?? img).remove();
        continue;
      }
      const deskHash = /^[a-f0-9]{64}$/.test(img.getAttribute('data-asset') ?? '') ? img.getAttribute('data-asset') : null;
      const picture = {
        url,
        deskHash,
        alt: img.getAttribute('alt') ?? '',
        caption: (figure?.querySelector('figcaption')?.textContent ?? '').trim(),
        credit: figure?.getAttribute('data-credit') ?? '',
      };
      const hash = await pictureAsset(ws, siteId, session, picture, warnings);
      if (!hash) {
        (figure ?? img).remove();
        continue;
      }
      img.setAttribute('src', `asset:${hash}`);
      img.setAttribute('data-asset', hash);
      shown.add(url);
    }
    if (post.featured && !shown.has(post.featured.url)) {
      const picture = { url: post.featured.url, deskHash: null, alt: post.featured.alt, caption: post.featured.caption, credit: '' };
      const hash = await pictureAsset(ws, siteId, session, picture, warnings);
      if (hash) {
        const figure = `<figure class="lnv-figure"><img src="asset:${hash}" data-asset="${hash}" alt="${escapeHtml(picture.alt)}"><figcaption>${escapeHtml(picture.caption)}</figcaption></figure>`;
        // After the lead paragraph when there is one, so it stays the sapo.
        const lead = document.body.querySelector('p.sapo');
        if (lead) lead.insertAdjacentHTML('afterend', figure);
        else document.body.insertAdjacentHTML('afterbegin', figure);
      }
    }
    return document.body.innerHTML;
  } finally {
    window.close();
  }
}

/** The section for the post's categories: as set in the section ↔ category table, else by name, else a new section. */
function sectionFor(ws: Workspace, siteId: number, categories: WebPost['categories']): number | null {
  const wanted = categories.filter((c) => c.id !== DEFAULT_CATEGORY_ID);
  if (wanted.length === 0) return null;
  const mappings = ws.webSettings.mappings(siteId);
  const sections = ws.catalog.sections();
  for (const category of wanted) {
    const mapped = mappings.find((m) => (m.mode === 'existing' && m.categoryId === category.id) || (m.mode === 'create' && sameName(m.categoryName, category.name)));
    if (mapped) return mapped.sectionId;
    const named = sections.find((s) => sameName(s.name, category.name));
    if (named) return named.id;
  }
  return ws.catalog.addSection(normalizeText(wanted[0]!.name).trim()).id;
}

/**
 * A post as article fields: title, excerpt → sapo (the bold "LNV - " lead paragraph and the byline
 * LNV Desk adds when publishing are taken back out, so neither is doubled), body with its pictures
 * stored, category → section, tags, slug.
 */
export async function articleFieldsOfPost(
  ws: Workspace,
  siteId: number,
  session: PublishSession,
  post: WebPost,
  local: { sapo: string; byline: string; sourcePrefix: string },
): Promise<{ fields: Partial<ArticleFields>; warnings: string[] }> {
  const warnings: string[] = [];
  const contentHtml = await withStoredPictures(ws, siteId, session, post, warnings);
  const web = webVersionOf({ ...post, contentHtml }, local, (hash) => ws.catalog.hasAsset(hash));
  const slug = /^[a-z0-9-]{1,200}$/.test(post.slug) ? post.slug : slugify(web.fields.title);
  // A post only in the site's default category keeps the article's section as it is.
  const sectionId = sectionFor(ws, siteId, post.categories);
  return {
    fields: { ...web.fields, tags: post.tags.map((t) => normalizeText(t)), slug, ...(sectionId !== null ? { sectionId } : {}) },
    warnings: [...warnings, ...web.warnings],
  };
}

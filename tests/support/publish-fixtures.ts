import sharp from 'sharp';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import type { PmNode } from '../../shared/model/article.js';
import { article as generateArticle, prng } from '../bench/vietnamese-corpus.js';
import type { WordPressSite } from './wordpress.js';

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

export interface ReadyArticle {
  id: number;
  uid: string;
  title: string;
  /** Content hashes of the article's pictures in the workspace. */
  assets: string[];
}

/**
 * A photo-like JPEG, different for every seed: coarse noise over a colour of its own, enlarged
 * smoothly, so it compresses about as a photograph does.
 */
export async function generatedPhoto(seed: number, width: number, height: number): Promise<Buffer> {
  const rng = prng(seed);
  const base = [rng() * 160, rng() * 160, rng() * 160];
  const [w, h] = [Math.ceil(width / 8), Math.ceil(height / 8)];
  const pixels = Buffer.alloc(w * h * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = base[i % 3]! + rng() * 95;
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).resize(width, height).jpeg({ quality: 80 }).toBuffer();
}

/**
 * Articles ready for the web (title, sapo, section, tags, byline, captioned and credited
 * pictures), made through the contract the way the editor makes them.
 */
export async function makePublishableArticles(
  call: Call,
  count: number,
  options: { seed: number; picturesPerArticle?: number; pictureWidth?: number; pictureHeight?: number },
): Promise<ReadyArticle[]> {
  const rng = prng(options.seed);
  const sections = await call('sections.list', {});
  const out: ReadyArticle[] = [];
  for (let n = 0; n < count; n++) {
    const text = generateArticle(rng, 400);
    const assets: string[] = [];
    const figures: PmNode[] = [];
    for (let p = 0; p < (options.picturesPerArticle ?? 2); p++) {
      const photo = await generatedPhoto(options.seed * 1000 + n * 10 + p, options.pictureWidth ?? 480, options.pictureHeight ?? 320);
      const asset = await call('assets.add', {
        fileName: `anh-${n + 1}-${p + 1}.jpg`,
        dataBase64: photo.toString('base64'),
        credit: text.byline,
        alt: `Ảnh ${p + 1}: ${text.title}`,
      });
      assets.push(asset.hash);
      figures.push({ type: 'figure', attrs: { asset: asset.hash, alt: `Ảnh ${p + 1}`, credit: text.byline }, content: [{ type: 'text', text: `Nghệ nhân bên sản phẩm, ảnh ${p + 1}` }] });
    }
    const paragraphs: PmNode[] = text.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] }));
    paragraphs.splice(1, 0, ...figures);
    // Generated titles can repeat; a number keeps every article (and its post) told apart.
    const title = `${text.title} (${n + 1})`;
    const created = await call('articles.create', { title, sectionId: sections[n % sections.length]!.id });
    await call('articles.save', {
      id: created.id,
      fields: { sapo: text.sapo, body: { type: 'doc', content: paragraphs }, byline: text.byline, tags: text.tags },
      reason: 'explicit',
    });
    out.push({ id: created.id, uid: created.uid, title, assets });
  }
  return out;
}

export interface SiteContents {
  posts: { id: number; status: string; uid: string }[];
  media: { id: number; hash: string }[];
}

/** Everything on the site in any status, read back over REST as the administrator, page by page. */
export async function siteContents(wp: WordPressSite): Promise<SiteContents> {
  const auth = `Basic ${Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64')}`;
  const all = async <T>(route: string, query: string): Promise<T[]> => {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const response = await fetch(`${wp.url}/?rest_route=${route}${query ? `&${query}` : ''}&per_page=100&page=${page}&context=edit`, { headers: { Authorization: auth } });
      const batch = (await response.json()) as T[];
      items.push(...batch);
      if (page >= Number(response.headers.get('x-wp-totalpages') ?? 1)) return items;
    }
  };
  type WpItem = { id: number; status: string; meta: Record<string, string> };
  const posts = await all<WpItem>('/wp/v2/posts', 'status=any');
  // Attachments have their own status ("inherit"); the media route's default lists them all.
  const media = await all<WpItem>('/wp/v2/media', '');
  return {
    posts: posts.map((p) => ({ id: p.id, status: p.status, uid: p.meta.lnv_desk_uid ?? '' })),
    media: media.map((m) => ({ id: m.id, hash: m.meta.lnv_desk_hash ?? '' })),
  };
}

/** How many times each value occurs: a duplicate shows as a count above 1. */
export function countsOf(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

import { basename } from 'node:path';
import { DeskError } from '../../../shared/errors.js';
import type { PostFilter, PublishedPost, WebPost, WebPostSummary } from './publish-target.js';
import { decodeEntities } from './wordpress-target.js';

/** Pictures larger than this are not taken from the site (no magazine picture comes close). */
export const MAX_PICTURE_BYTES = 40 * 1024 * 1024;

type Call = <T>(route: string, init?: RequestInit & { query?: Record<string, string> }) => Promise<T>;
type Request = (url: string, init: RequestInit) => Promise<Response>;

interface WpListedPost {
  id: number;
  date_gmt: string | null;
  modified_gmt: string;
  status: string;
  link: string;
  title: { raw: string };
  categories: number[];
  meta?: { lnv_desk_uid?: string };
  _embedded?: { author?: { name?: string }[]; 'wp:term'?: { id: number; name: string; slug: string; taxonomy: string }[][] };
}

interface WpFullPost extends WpListedPost {
  slug: string;
  excerpt: { raw: string };
  content: { raw: string };
  featured_media: number;
}

interface WpMedia {
  source_url: string;
  alt_text: string;
  caption: { raw: string };
}

/** WordPress's GMT times have no zone; the desk shows UTC ISO. */
const utcIso = (gmt: string) => new Date(`${gmt}Z`).toISOString();

const termsOf = (post: WpListedPost, taxonomy: string) =>
  (post._embedded?.['wp:term'] ?? []).flat().filter((term) => term.taxonomy === taxonomy).map((term) => ({ id: term.id, name: decodeEntities(term.name), slug: term.slug }));

function summaryOf(post: WpListedPost): WebPostSummary {
  return {
    id: post.id,
    uid: post.meta?.lnv_desk_uid || null,
    title: decodeEntities(post.title.raw),
    date: utcIso(post.date_gmt ?? post.modified_gmt),
    modified: post.modified_gmt,
    status: post.status,
    author: post._embedded?.author?.[0]?.name ?? '',
    categories: termsOf(post, 'category').map((c) => c.name),
    link: post.link,
  };
}

const LIST_FIELDS = 'id,date_gmt,modified_gmt,status,link,title,categories,meta,_links,_embedded';

/**
 * Reading posts off a WordPress site for pulling and importing. Lists ask for one more post than
 * wanted, so "more" is known without WordPress's paging headers; the author and the category names
 * come embedded in the same answer rather than one request per post.
 */
export class WordPressPosts {
  constructor(
    private readonly call: Call,
    private readonly request: Request,
  ) {}

  async list(filter: PostFilter): Promise<{ items: WebPostSummary[]; more: boolean }> {
    const query: Record<string, string> = {
      context: 'edit',
      status: filter.statuses.join(','),
      orderby: filter.orderBy,
      order: 'desc',
      per_page: String(filter.limit + 1),
      offset: String(filter.offset),
      _embed: 'author,wp:term',
      _fields: LIST_FIELDS,
    };
    if (filter.categoryId) query.categories = String(filter.categoryId);
    if (filter.after) query.after = filter.after;
    if (filter.before) query.before = filter.before;
    if (filter.search?.trim()) query.search = filter.search.trim();
    const posts = await this.call<WpListedPost[]>('/wp/v2/posts', { query });
    return { items: posts.slice(0, filter.limit).map(summaryOf), more: posts.length > filter.limit };
  }

  async read(id: number): Promise<WebPost> {
    const post = await this.call<WpFullPost>(`/wp/v2/posts/${id}`, {
      query: { context: 'edit', _embed: 'author,wp:term', _fields: `${LIST_FIELDS},slug,excerpt,content,featured_media` },
    });
    let featured: WebPost['featured'] = null;
    if (post.featured_media) {
      const media = await this.call<WpMedia>(`/wp/v2/media/${post.featured_media}`, { query: { context: 'edit', _fields: 'source_url,alt_text,caption' } });
      featured = { url: media.source_url, alt: decodeEntities(media.alt_text), caption: decodeEntities(media.caption.raw.replace(/<[^>]*>/g, '')).trim() };
    }
    const summary = summaryOf(post);
    return {
      id: post.id,
      uid: summary.uid,
      link: post.link,
      status: post.status,
      modified: post.modified_gmt,
      date: summary.date,
      title: summary.title,
      slug: decodeURIComponent(post.slug),
      excerpt: decodeEntities(post.excerpt.raw),
      contentHtml: post.content.raw,
      categories: termsOf(post, 'category'),
      tags: termsOf(post, 'post_tag').map((t) => t.name),
      featured,
    };
  }

  async claim(id: number, uid: string): Promise<PublishedPost> {
    const post = await this.call<{ id: number; link: string; status: string; modified_gmt: string }>(`/wp/v2/posts/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ meta: { lnv_desk_uid: uid } }),
    });
    return { id: post.id, link: post.link, status: post.status, modified: post.modified_gmt, created: false };
  }

  async download(url: string): Promise<{ bytes: Buffer; mimeType: string; fileName: string }> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DeskError('invalid_input', `Ảnh "${url}" không có địa chỉ web.`);
    const response = await this.request(parsed.toString(), { method: 'GET' });
    const mimeType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!response.ok || !mimeType.startsWith('image/')) {
      throw new DeskError('site_error', `Không tải được ảnh ${parsed.pathname} (${response.status}${mimeType ? `, ${mimeType}` : ''}).`);
    }
    if (Number(response.headers.get('content-length') ?? 0) > MAX_PICTURE_BYTES) {
      throw new DeskError('invalid_file', `Ảnh ${parsed.pathname} lớn quá ${MAX_PICTURE_BYTES / 1024 / 1024} MB nên không tải về.`);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_PICTURE_BYTES) throw new DeskError('invalid_file', `Ảnh ${parsed.pathname} lớn quá ${MAX_PICTURE_BYTES / 1024 / 1024} MB nên không tải về.`);
    return { bytes, mimeType, fileName: decodeURIComponent(basename(parsed.pathname)) || 'anh' };
  }
}

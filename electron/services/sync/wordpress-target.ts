import { createHash } from 'node:crypto';
import { DeskError } from '../../../shared/errors.js';
import type {
  MediaPayload,
  PostFilter,
  PostPayload,
  PublishedPost,
  PublishSession,
  PublishTarget,
  RemoteCategory,
  RemotePost,
  SiteCredentials,
  SiteInfo,
  WebPost,
  WebPostSummary,
} from './publish-target.js';
import { MayNotPublishError } from './publish-target.js';
import { WordPressPosts } from './wordpress-posts.js';

const REQUEST_TIMEOUT_MS = 15_000;

/** The site address as typed ("langngheviet.com.vn", "https://…/"), as a URL we may call. */
export function siteUrl(input: string): URL {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new DeskError('invalid_input', `"${input}" không phải địa chỉ trang web.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DeskError('invalid_input', 'Địa chỉ trang web phải bắt đầu bằng http:// hoặc https://.');
  }
  url.hash = '';
  return url;
}

/** A route under the API root, for both `/wp-json/` and `?rest_route=` sites. */
export function apiUrl(apiRoot: string, route: string, query: Record<string, string> = {}): string {
  const root = new URL(apiRoot);
  if (root.searchParams.has('rest_route')) {
    root.searchParams.set('rest_route', route);
  } else {
    root.pathname = `${root.pathname.replace(/\/$/, '')}${route}`;
  }
  for (const [key, value] of Object.entries(query)) root.searchParams.set(key, value);
  return root.toString();
}

/** `Link: <…>; rel="https://api.w.org/"` among possibly several links in one header. */
export function apiRootFromLinkHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match && /rel\s*=\s*"?https:\/\/api\.w\.org\/"?/.test(match[2] ?? '')) return match[1] ?? null;
  }
  return null;
}

interface WpUser {
  id: number;
  name: string;
  roles?: string[];
  capabilities?: Record<string, boolean>;
}

/**
 * WordPress through its REST API with an application password (HTTP Basic). Errors carry
 * WordPress's own message in Vietnamese context and never the password.
 */
export class WordPressTarget implements PublishTarget {
  /** Category and tag ids by site and account, kept while the app runs, so a batch asks for each name once. */
  private readonly termIds = new Map<string, Map<string, number>>();

  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  termCache(apiRoot: string, username: string): Map<string, number> {
    const key = `${apiRoot} ${username}`;
    let cache = this.termIds.get(key);
    if (!cache) this.termIds.set(key, (cache = new Map()));
    return cache;
  }

  /** One request with the timeout and a Vietnamese message when the site cannot be reached; no credentials added. */
  async request(url: string, init: RequestInit, site: string): Promise<Response> {
    try {
      return await this.fetchImpl(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new DeskError(
        'site_unreachable',
        timedOut
          ? `Trang ${site} không trả lời sau ${REQUEST_TIMEOUT_MS / 1000} giây. Kiểm tra mạng rồi thử lại.`
          : `Không kết nối được tới ${site}. Kiểm tra địa chỉ và mạng rồi thử lại.`,
      );
    }
  }

  /** The API root from the Link header of the home page (what WordPress recommends), else the usual places. */
  async discover(address: string): Promise<string> {
    const url = siteUrl(address);
    const home = await this.request(url.toString(), { method: 'HEAD' }, url.host);
    const announced = apiRootFromLinkHeader(home.headers.get('link'));
    if (announced) return announced;
    for (const candidate of [new URL('wp-json/', url).toString(), `${url.origin}${url.pathname}?rest_route=/`]) {
      const response = await this.request(candidate, { method: 'GET' }, url.host);
      if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) return candidate;
    }
    throw new DeskError('site_error', `${url.host} không phải trang WordPress có bật REST API (không tìm thấy đường dẫn API).`);
  }

  session(apiRoot: string, credentials: SiteCredentials): PublishSession {
    return new WordPressSession(this, apiRoot, credentials);
  }

  /** One REST call with the account's application password; WordPress errors become DeskErrors. */
  async call<T>(apiRoot: string, credentials: SiteCredentials, route: string, init: RequestInit & { query?: Record<string, string> } = {}): Promise<T> {
    const site = siteUrl(credentials.url).host;
    const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const { query, ...rest } = init;
    const response = await this.request(apiUrl(apiRoot, route, query), { ...rest, headers: { ...rest.headers, Authorization: auth } }, site);
    const body = (await response.json().catch(() => null)) as (T & { code?: string; message?: string; data?: { term_id?: number } }) | null;
    if (!response.ok) {
      const wordpressSays = body?.message ? ` WordPress báo: “${body.message}”` : '';
      const ErrorType = body?.code === 'rest_cannot_publish' ? MayNotPublishError : DeskError;
      const error = new ErrorType(
        response.status === 401 || response.status === 403 ? 'unauthorized' : 'site_error',
        `${site} từ chối yêu cầu (${response.status}${body?.code ? `, ${body.code}` : ''}).${wordpressSays}`,
      );
      Object.assign(error, { wordpressCode: body?.code, wordpressData: body?.data });
      throw error;
    }
    return body as T;
  }

  async connect(credentials: SiteCredentials): Promise<SiteInfo> {
    const site = siteUrl(credentials.url).host;
    const apiRoot = await this.discover(credentials.url);
    const index = await this.request(apiUrl(apiRoot, '/'), { method: 'GET' }, site);
    const about = (await index.json().catch(() => ({}))) as { name?: string; url?: string };
    const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const me = await this.request(apiUrl(apiRoot, '/wp/v2/users/me', { context: 'edit' }), { headers: { Authorization: auth } }, site);
    const body = (await me.json().catch(() => null)) as (WpUser & { code?: string; message?: string }) | null;
    if (!me.ok || !body || typeof body.id !== 'number') {
      const wordpressSays = body?.message ? ` WordPress báo: “${body.message}”` : '';
      if (me.status === 401 || me.status === 403) {
        throw new DeskError(
          'unauthorized',
          `Đăng nhập ${site} không thành công: sai tên người dùng hoặc mật khẩu ứng dụng (tạo trong Hồ sơ → Mật khẩu ứng dụng).${wordpressSays}`,
        );
      }
      throw new DeskError('site_error', `${site} trả lời lỗi ${me.status} khi kiểm tra tài khoản.${wordpressSays}`);
    }
    const caps = body.capabilities ?? {};
    return {
      siteName: about.name ?? site,
      siteUrl: about.url ?? credentials.url,
      apiRoot,
      user: { id: body.id, name: body.name, roles: body.roles ?? [] },
      can: { publish: caps.publish_posts === true, upload: caps.upload_files === true, createCategories: caps.manage_categories === true },
    };
  }
}

interface WpPost {
  id: number;
  link: string;
  status: string;
  modified_gmt: string;
}

interface WpEditPost extends WpPost {
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
}

type WordPressFailure = { wordpressCode?: string; wordpressData?: { term_id?: number } };

/** Post meta that SEO plugins read (Yoast SEO) and our own plain key for themes; the companion plugin registers both. */
export const SEO_META_KEYS = ['lnv_seo_description', '_yoast_wpseo_metadesc'] as const;

/** WordPress stores term names and, for accounts without unfiltered_html, titles and excerpts HTML-escaped. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#039': "'", '#39': "'" };
  return text.replace(/&(amp|lt|gt|quot|#0?39);/g, (_, name: string) => named[name] ?? '');
}

/** Calls on one connected site. Every create first looks for what an earlier attempt may have made. */
class WordPressSession implements PublishSession {
  private readonly terms: Map<string, number>;
  /** Term ids this session took from the cache rather than from the site: the ones that may be stale. */
  private readonly cachedTermIds = new Set<number>();
  private readonly posts: WordPressPosts;

  constructor(
    private readonly target: WordPressTarget,
    private readonly apiRoot: string,
    private readonly credentials: SiteCredentials,
  ) {
    this.terms = target.termCache(apiRoot, credentials.username);
    this.posts = new WordPressPosts(
      (route, init) => this.call(route, init),
      (url, init) => target.request(url, init, new URL(url).host),
    );
  }

  private call<T>(route: string, init: RequestInit & { query?: Record<string, string> } = {}): Promise<T> {
    return this.target.call<T>(this.apiRoot, this.credentials, route, init);
  }

  private async find(key: 'uid' | 'hash', value: string): Promise<number | null> {
    const ids = await this.call<number[]>('/lnv-desk/v1/find', { query: { [key]: value } });
    return ids[0] ?? null;
  }

  /** A category or tag by name: created when missing; WordPress answers term_exists with the id if it is there. */
  private async term(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
    const key = `${taxonomy}:${name}`;
    const known = this.terms.get(key);
    if (known) {
      this.cachedTermIds.add(known);
      return known;
    }
    let id: number;
    try {
      id = (await this.call<{ id: number }>(`/wp/v2/${taxonomy}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) })).id;
    } catch (error) {
      const { wordpressCode, wordpressData } = error as WordPressFailure;
      if (wordpressCode === 'term_exists' && wordpressData?.term_id) {
        id = wordpressData.term_id;
      } else {
        // Authors and contributors may use terms but not create them, so WordPress refuses before
        // saying the term exists: look it up by name instead (only then, to keep requests minimal).
        const found = DeskError.is(error) && error.code === 'unauthorized' ? await this.findTerm(taxonomy, name) : null;
        if (!found) throw error;
        id = found;
      }
    }
    this.terms.set(key, id);
    return id;
  }

  private async findTerm(taxonomy: 'categories' | 'tags', name: string): Promise<number | null> {
    const found = await this.call<{ id: number; name: string }[]>(`/wp/v2/${taxonomy}`, { query: { search: name, per_page: '100', _fields: 'id,name' } });
    const wanted = name.normalize('NFC').toLocaleLowerCase('vi');
    return found.find((term) => decodeEntities(term.name).normalize('NFC').toLocaleLowerCase('vi') === wanted)?.id ?? null;
  }

  async media(payload: MediaPayload): Promise<{ id: number; url: string }> {
    const existing = await this.find('hash', payload.hash);
    if (existing) {
      const media = await this.call<{ id: number; source_url: string }>(`/wp/v2/media/${existing}`, { query: { context: 'edit', _fields: 'id,source_url' } });
      return { id: media.id, url: media.source_url };
    }
    const bytes = typeof payload.bytes === 'function' ? await payload.bytes() : payload.bytes;
    // One multipart request carries the file and its hash, so no upload can exist without the hash.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: payload.mimeType }), payload.fileName);
    form.append('alt_text', payload.alt);
    form.append('caption', payload.caption);
    form.append('meta[lnv_desk_hash]', payload.hash);
    const media = await this.call<{ id: number; source_url: string }>('/wp/v2/media', { method: 'POST', body: form });
    return { id: media.id, url: media.source_url };
  }

  async post(payload: PostPayload): Promise<PublishedPost> {
    const warnings: string[] = [];
    const categories = [
      ...payload.categoryIds,
      ...(await Promise.all(
        payload.categories.map((name) =>
          this.term('categories', name).catch((error: unknown) => {
            if (!DeskError.is(error) || error.code !== 'unauthorized') throw error;
            throw new DeskError(
              'unauthorized',
              `Tài khoản không được tạo chuyên mục “${name}” trên trang: hãy chọn một chuyên mục có sẵn trong bảng “Chuyên mục trên web”. ${error.message}`,
            );
          }),
        ),
      )),
    ];
    // A tag the account may not create is left off rather than holding back the whole article.
    const tags = (
      await Promise.all(
        payload.tags.map((name) =>
          this.term('tags', name).catch((error: unknown) => {
            if (!DeskError.is(error) || error.code !== 'unauthorized') throw error;
            warnings.push(`Thẻ “${name}” chưa có trên trang và tài khoản không được tạo thẻ, nên bài được gửi không kèm thẻ này.`);
            return null;
          }),
        ),
      )
    ).filter((id): id is number => id !== null);
    const body = {
      title: payload.title,
      content: payload.contentHtml,
      excerpt: payload.excerpt,
      slug: payload.slug,
      status: payload.status,
      categories,
      tags,
      featured_media: payload.featuredMediaId ?? 0,
      meta: {
        lnv_desk_uid: payload.uid,
        lnv_desk_revision: String(payload.revision),
        ...Object.fromEntries(SEO_META_KEYS.map((key) => [key, payload.seoDescription])),
      },
      ...(payload.scheduledAt ? { date_gmt: payload.scheduledAt.replace(/\.\d{3}Z$|Z$/, '') } : {}),
    };
    // Names this exact write, so a retry after a lost answer recognises it on the site (companion plugin).
    const writeKey = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const existing = await this.find('uid', payload.uid);
    if (existing && payload.expectedModified) {
      // WordPress has no conditional update, so compare before writing.
      const current = await this.call<WpPost & { lnv_desk_write?: string | null }>(`/wp/v2/posts/${existing}`, {
        query: { context: 'edit', _fields: 'id,link,status,modified_gmt,lnv_desk_write' },
      });
      if (current.lnv_desk_write === writeKey) {
        // The site holds exactly this write, untouched since: an earlier attempt landed, or nothing changed.
        return { id: current.id, link: current.link, status: current.status, modified: current.modified_gmt, created: false, warnings };
      }
      // An earlier version from this desk that landed unanswered (the desk died, or the answer was lost): ours to replace.
      const ours = !!current.lnv_desk_write && (payload.unconfirmedWrites ?? []).includes(current.lnv_desk_write);
      if (current.modified_gmt !== payload.expectedModified && !ours) {
        throw new DeskError(
          'conflict',
          `Bài trên trang đã được sửa trên web lúc ${current.modified_gmt} (giờ GMT), sau lần đăng cuối từ LNV Desk. ` +
            'LNV Desk chưa ghi đè để không mất phần sửa đó: hãy so sánh hai bản rồi chọn giữ bản của toà soạn (ghi đè), giữ bản trên web hoặc tự gộp.',
        );
      }
    }
    const route = existing ? `/wp/v2/posts/${existing}` : '/wp/v2/posts';
    payload.beforeWrite?.(writeKey);
    const post = await this.call<WpPost & { categories?: number[]; tags?: number[] }>(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-LNV-Desk-Write': writeKey },
      body: JSON.stringify(body),
    });
    // WordPress silently leaves off a term that no longer exists: a cached one deleted on the web
    // since. Forget it and send again, so the post is never filed without its section or tags.
    const lost = [...categories, ...tags].filter((id) => this.cachedTermIds.has(id) && !post.categories?.includes(id) && !post.tags?.includes(id));
    if (lost.length > 0) {
      for (const [name, id] of this.terms) if (lost.includes(id)) this.terms.delete(name);
      for (const id of lost) this.cachedTermIds.delete(id);
      return { ...(await this.post({ ...payload, expectedModified: post.modified_gmt })), created: !existing };
    }
    return { id: post.id, link: post.link, status: post.status, modified: post.modified_gmt, created: !existing, warnings };
  }

  async fetchPost(uid: string): Promise<RemotePost | null> {
    const existing = await this.find('uid', uid);
    if (!existing) return null;
    const post = await this.call<WpEditPost>(`/wp/v2/posts/${existing}`, {
      query: { context: 'edit', _fields: 'id,link,status,modified_gmt,title,excerpt,content' },
    });
    return {
      id: post.id,
      link: post.link,
      status: post.status,
      modified: post.modified_gmt,
      title: decodeEntities(post.title.raw),
      excerpt: decodeEntities(post.excerpt.raw),
      contentHtml: post.content.raw,
    };
  }

  async categories(): Promise<RemoteCategory[]> {
    const all: RemoteCategory[] = [];
    // A hundred per page is WordPress's limit; ten pages cover any magazine's sections.
    for (let page = 1; page <= 10; page += 1) {
      const batch = await this.call<RemoteCategory[]>('/wp/v2/categories', {
        query: { per_page: '100', page: String(page), orderby: 'name', _fields: 'id,name,parent' },
      });
      all.push(...batch.map((c) => ({ id: c.id, name: decodeEntities(c.name), parent: c.parent })));
      if (batch.length < 100) break;
    }
    return all;
  }

  async unpublish(uid: string): Promise<PublishedPost | null> {
    const existing = await this.find('uid', uid);
    if (!existing) return null;
    const post = await this.call<WpPost>(`/wp/v2/posts/${existing}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'draft' }),
    });
    return { id: post.id, link: post.link, status: post.status, modified: post.modified_gmt, created: false };
  }

  listPosts(filter: PostFilter): Promise<{ items: WebPostSummary[]; more: boolean }> {
    return this.posts.list(filter);
  }

  readPost(id: number): Promise<WebPost> {
    return this.posts.read(id);
  }

  claimPost(id: number, uid: string): Promise<PublishedPost> {
    return this.posts.claim(id, uid);
  }

  download(url: string): Promise<{ bytes: Buffer; mimeType: string; fileName: string }> {
    return this.posts.download(url);
  }
}

import { DeskError } from '../../../shared/errors.js';
import type { MediaPayload, PostPayload, PublishedPost, PublishSession, PublishTarget, SiteCredentials, SiteInfo } from './publish-target.js';

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
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  private async request(url: string, init: RequestInit, site: string): Promise<Response> {
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
      const error = new DeskError(
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

/** Calls on one connected site. Every create first looks for what an earlier attempt may have made. */
class WordPressSession implements PublishSession {
  private readonly terms = new Map<string, number>();

  constructor(
    private readonly target: WordPressTarget,
    private readonly apiRoot: string,
    private readonly credentials: SiteCredentials,
  ) {}

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
    if (known) return known;
    let id: number;
    try {
      id = (await this.call<{ id: number }>(`/wp/v2/${taxonomy}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) })).id;
    } catch (error) {
      const existing = (error as { wordpressCode?: string; wordpressData?: { term_id?: number } }).wordpressData?.term_id;
      if ((error as { wordpressCode?: string }).wordpressCode !== 'term_exists' || !existing) throw error;
      id = existing;
    }
    this.terms.set(key, id);
    return id;
  }

  async media(payload: MediaPayload): Promise<{ id: number; url: string }> {
    const existing = await this.find('hash', payload.hash);
    if (existing) {
      const media = await this.call<{ id: number; source_url: string }>(`/wp/v2/media/${existing}`, { query: { context: 'edit' } });
      return { id: media.id, url: media.source_url };
    }
    // One multipart request carries the file and its hash, so no upload can exist without the hash.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(payload.bytes)], { type: payload.mimeType }), payload.fileName);
    form.append('alt_text', payload.alt);
    form.append('caption', payload.caption);
    form.append('meta[lnv_desk_hash]', payload.hash);
    const media = await this.call<{ id: number; source_url: string }>('/wp/v2/media', { method: 'POST', body: form });
    return { id: media.id, url: media.source_url };
  }

  async post(payload: PostPayload): Promise<PublishedPost> {
    const categories = await Promise.all(payload.categories.map((name) => this.term('categories', name)));
    const tags = await Promise.all(payload.tags.map((name) => this.term('tags', name)));
    const body = {
      title: payload.title,
      content: payload.contentHtml,
      excerpt: payload.excerpt,
      slug: payload.slug,
      status: payload.status,
      categories,
      tags,
      featured_media: payload.featuredMediaId ?? 0,
      meta: { lnv_desk_uid: payload.uid, lnv_desk_revision: String(payload.revision) },
      ...(payload.scheduledAt ? { date_gmt: payload.scheduledAt.replace(/\.\d{3}Z$|Z$/, '') } : {}),
    };
    const existing = await this.find('uid', payload.uid);
    if (existing && payload.expectedModified) {
      // WordPress has no conditional update, so compare before writing.
      const current = await this.call<WpPost>(`/wp/v2/posts/${existing}`, { query: { context: 'edit', _fields: 'modified_gmt' } });
      if (current.modified_gmt !== payload.expectedModified) {
        throw new DeskError(
          'conflict',
          `Bài trên trang đã được sửa trên web lúc ${current.modified_gmt} (giờ GMT), sau lần đăng cuối từ LNV Desk. ` +
            'LNV Desk chưa ghi đè để không mất phần sửa đó: hãy xem bài trên web, rồi chọn “Ghi đè” nếu muốn thay bằng bản của toà soạn.',
        );
      }
    }
    const route = existing ? `/wp/v2/posts/${existing}` : '/wp/v2/posts';
    const post = await this.call<WpPost>(route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { id: post.id, link: post.link, status: post.status, modified: post.modified_gmt, created: !existing };
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
}

import { DeskError } from '../../../shared/errors.js';
import type { PublishTarget, SiteCredentials, SiteInfo } from './publish-target.js';

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

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { launchBrowser, openDesk, startDeskHost, type DeskHost } from './desk-host.js';
import { articleList, field, rowTitled, tab } from './desk-page.js';

let host: DeskHost;
let browser: Browser;
let wp: WordPressSite;

beforeAll(async () => {
  wp = await startWordPress({ prettyPermalinks: true });
  host = await startDeskHost();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await wp?.stop();
});

const SITE_NAME = 'Làng nghề Việt (thử nghiệm)';
const queue = (page: Page) => page.getByRole('list', { name: 'Hàng đợi xuất bản', exact: true }).getByRole('listitem');
const sites = (page: Page) => page.getByRole('list', { name: 'Chọn trang để đưa bài lên' });

async function wpAdmin<T>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json${route}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return (await response.json()) as T;
}
const postsTitled = async (prefix: string) =>
  (await wpAdmin<{ id: number; status: string; title: { raw: string } }[]>('/wp/v2/posts?status=any&context=edit&per_page=100')).filter((p) =>
    p.title.raw.startsWith(prefix),
  );

async function connect(page: Page, user: { username: string; appPassword: string }) {
  await field(page, 'Địa chỉ trang').fill(wp.url);
  await field(page, 'Tên đăng nhập').fill(user.username);
  await field(page, 'Mật khẩu ứng dụng').fill(user.appPassword);
  await page.getByRole('button', { name: 'Kết nối', exact: true }).click();
  await page.getByText(`Đã kết nối: ${SITE_NAME}`).waitFor();
}

async function openPublishing(page: Page, title: string) {
  await rowTitled(articleList(page), title).first().click();
  await tab(page, 'Xuất bản').click();
  await page.getByRole('heading', { name: 'Kết nối trang web' }).waitFor();
}

describe('publishing panel: web edits, categories, SEO and review', () => {
  it('shows a web edit beside the newsroom version and takes the web version back into the editor', async () => {
    const page = await openDesk(browser, host.url);
    await openPublishing(page, 'Làng gốm Bát Tràng');
    await connect(page, wp.admin);
    await page.getByRole('button', { name: 'Xuất bản lên web', exact: true }).click();
    await queue(page).filter({ hasText: 'Đã xong' }).first().waitFor();
    const [post] = await postsTitled('Làng gốm Bát Tràng');
    await new Promise((r) => setTimeout(r, 1100));
    await wpAdmin(`/wp/v2/posts/${post!.id}`, { method: 'POST', body: { title: 'Gốm Bát Tràng: tít sửa trên web' } });

    await page.getByRole('button', { name: 'Xuất bản lên web', exact: true }).click();
    const conflict = page.getByRole('region', { name: 'Bài trên web đã được sửa' });
    await conflict.waitFor({ timeout: 30_000 });
    await conflict.getByLabel('Bản trong toà soạn — Tiêu đề').getByText('rộn ràng đơn hàng cuối năm').waitFor();
    await conflict.getByLabel('Bản trên web — Tiêu đề').getByText('tít sửa trên web').waitFor();
    expect(await conflict.getByRole('region', { name: 'Sapo' }).textContent()).toContain('Giống nhau');
    expect((await wpAdmin<{ title: { raw: string } }>(`/wp/v2/posts/${post!.id}?context=edit`)).title.raw).toBe('Gốm Bát Tràng: tít sửa trên web');

    await conflict.getByRole('button', { name: 'Giữ bản trên web' }).click();
    await page.getByText('Đã nhập bản trên web thành một phiên bản mới của bài.').waitFor();
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe('Gốm Bát Tràng: tít sửa trên web');
    expect(await conflict.count()).toBe(0);

    await page.getByRole('button', { name: 'Xuất bản lên web', exact: true }).click();
    await expect.poll(() => queue(page).filter({ hasText: 'Đã xong' }).count(), { timeout: 30_000 }).toBe(2);
    expect(await queue(page).filter({ hasText: 'Lỗi' }).count()).toBe(0);
    expect((await postsTitled('Gốm Bát Tràng')).map((p) => p.id)).toEqual([post!.id]);
  });

  it('merges by hand: the web version stays in view while the editor changes, then the merged text is published over it', async () => {
    const page = await openDesk(browser, host.url);
    await openPublishing(page, 'Gốm Bát Tràng');
    const [post] = await postsTitled('Gốm Bát Tràng');
    await new Promise((r) => setTimeout(r, 1100));
    await wpAdmin(`/wp/v2/posts/${post!.id}`, { method: 'POST', body: { title: 'Gốm Bát Tràng: tít web lần hai' } });
    await page.getByRole('button', { name: 'Xuất bản lên web', exact: true }).click();
    const conflict = page.getByRole('region', { name: 'Bài trên web đã được sửa' });
    await conflict.getByRole('button', { name: 'Tự gộp' }).click();
    await conflict.getByLabel('Bản trên web — Tiêu đề').getByText('Gốm Bát Tràng: tít web lần hai', { exact: true }).waitFor();

    await field(page, 'Tiêu đề').fill('Gốm Bát Tràng: tít đã gộp từ hai bản');
    await conflict.getByRole('button', { name: 'Đăng bản đã gộp (ghi đè)' }).click();
    await expect
      .poll(async () => (await wpAdmin<{ title: { raw: string } }>(`/wp/v2/posts/${post!.id}?context=edit`)).title.raw, { timeout: 30_000 })
      .toBe('Gốm Bát Tràng: tít đã gộp từ hai bản');
    await expect.poll(() => conflict.count()).toBe(0);
  });

  it('maps a section to a category picked from the site’s list, and warns about a long SEO description', async () => {
    await wpAdmin('/wp/v2/categories', { method: 'POST', body: { name: 'Nghề thủ công' } });
    const page = await openDesk(browser, host.url);
    await openPublishing(page, 'Khung cửi thổ cẩm');
    const table = page.getByRole('table', { name: `Chuyên mục trong toà soạn → chuyên mục trên ${SITE_NAME}` });
    const picker = table.getByRole('combobox', { name: 'Chuyên mục trên trang cho Làng nghề' });
    await picker.getByRole('option', { name: 'Nghề thủ công' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: 'Nghề thủ công' });
    await page.getByText('Đã lưu: Làng nghề → Nghề thủ công').waitFor();

    const seo = field(page, 'Mô tả SEO');
    await seo.fill('Khung cửi thổ cẩm '.repeat(10));
    await page.getByRole('alert').filter({ hasText: 'Dài hơn 160 ký tự' }).waitFor();
    await seo.fill('Hợp tác xã dệt lanh của phụ nữ Mông ở Lùng Tám đưa thổ cẩm đến với du khách.');
    expect(await page.getByRole('alert').filter({ hasText: 'Dài hơn 160 ký tự' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lưu mô tả' }).click();
    await page.getByText('Đã lưu mô tả SEO.').waitFor();

    await page.getByRole('button', { name: 'Xuất bản lên web', exact: true }).click();
    await queue(page).filter({ hasText: 'Đã xong' }).first().waitFor({ timeout: 30_000 });
    const [post] = await postsTitled('Khung cửi thổ cẩm');
    const full = await wpAdmin<{ categories: number[]; meta: Record<string, string> }>(`/wp/v2/posts/${post!.id}?context=edit`);
    const names = (await wpAdmin<{ name: string }[]>(`/wp/v2/categories?include=${full.categories.join(',')}`)).map((c) => c.name);
    expect(names).toEqual(['Nghề thủ công']);
    expect(full.meta.lnv_seo_description).toBe('Hợp tác xã dệt lanh của phụ nữ Mông ở Lùng Tám đưa thổ cẩm đến với du khách.');
  });

  it('shows WordPress’s refusal to a contributor and offers to submit the article for review', async () => {
    await wpAdmin('/wp/v2/categories', { method: 'POST', body: { name: 'Khuyến công' } });
    const page = await openDesk(browser, host.url);
    await openPublishing(page, 'Bánh pía Sóc Trăng');
    await connect(page, wp.contributor);
    const contributor = sites(page).getByRole('listitem').filter({ hasText: 'contributor' });
    await contributor.getByText('Tài khoản này không được phép đăng bài').waitFor();
    await contributor.getByRole('radio').check();

    await page.getByRole('button', { name: 'Xuất bản lên web', exact: true }).click();
    const refused = queue(page).filter({ hasText: 'Lỗi' }).first();
    await refused.getByText('WordPress báo: “Sorry, you are not allowed to publish posts in this post type.”').waitFor({ timeout: 30_000 });
    await refused.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
    await queue(page).filter({ hasText: 'Gửi chờ duyệt' }).filter({ hasText: 'Đã xong' }).waitFor({ timeout: 30_000 });
    expect(await queue(page).filter({ hasText: 'Lỗi' }).count()).toBe(0);
    expect((await postsTitled('Bánh pía Sóc Trăng')).map((p) => p.status)).toEqual(['pending']);
  });
});

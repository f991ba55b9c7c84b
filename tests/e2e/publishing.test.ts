import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWordPress, type WordPressSite } from '../support/wordpress.js';
import { launchBrowser, openDesk, startDeskHost, type DeskHost } from './desk-host.js';
import { field, articleList, rowTitled, tab } from './desk-page.js';

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
const publishButton = (page: Page) => page.getByRole('button', { name: 'Xuất bản lên web', exact: true });

/** Posts on the site (any status) whose title starts with the prefix, as WordPress itself reports them. */
async function postsTitled(prefix: string): Promise<{ id: number; status: string }[]> {
  const auth = Buffer.from(`${wp.admin.username}:${wp.admin.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json/wp/v2/posts?status=any&context=edit&per_page=100`, { headers: { Authorization: `Basic ${auth}` } });
  expect(response.ok).toBe(true);
  const posts = (await response.json()) as { id: number; status: string; title: { raw: string } }[];
  return posts.filter((p) => p.title.raw.startsWith(prefix));
}

/** Opens a seeded article and its "Xuất bản" tab; connects the test site through the form the first time. */
async function openPublishing(page: Page, title: string) {
  await rowTitled(articleList(page), title).first().click();
  await tab(page, 'Xuất bản').click();
  await page.getByRole('heading', { name: 'Kết nối trang web' }).waitFor();
  const sites = page.getByRole('list', { name: 'Chọn trang để đưa bài lên' });
  const none = page.getByText('Chưa kết nối trang web nào.');
  await sites.or(none).first().waitFor();
  if (await none.isVisible()) {
    await field(page, 'Địa chỉ trang').fill(wp.url);
    await field(page, 'Tên đăng nhập').fill(wp.admin.username);
    await field(page, 'Mật khẩu ứng dụng').fill(wp.admin.appPassword);
    await page.getByRole('button', { name: 'Kết nối', exact: true }).click();
    await page.getByText(`Đã kết nối: ${SITE_NAME}`).waitFor();
    // The password is never shown again.
    expect(await field(page, 'Mật khẩu ứng dụng').inputValue()).toBe('');
  }
  await sites.getByRole('radio', { name: SITE_NAME }).and(page.locator(':checked')).waitFor();
}

describe('publishing panel', () => {
  it('connects the site and publishes an article once, then updates the same post', async () => {
    const title = 'Làng gốm Bát Tràng';
    const page = await openDesk(browser, host.url);
    await openPublishing(page, title);
    const site = page.getByRole('list', { name: 'Chọn trang để đưa bài lên' }).getByRole('listitem').filter({ hasText: SITE_NAME });
    expect(await site.innerText()).toContain('administrator');
    expect(await site.innerText()).not.toContain('Tài khoản này không được phép đăng bài');

    await publishButton(page).click();
    const done = queue(page).filter({ hasText: 'Đã xong' });
    await done.first().waitFor();
    const link = done.first().getByRole('link', { name: 'Xem bài trên web' });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${wp.url}/`));
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noreferrer');
    const first = await postsTitled(title);
    expect(first).toHaveLength(1);
    expect(first[0]!.status).toBe('publish');
    // Where the article is now, in the publishing history.
    await page.getByRole('list', { name: 'Bài đang có trên' }).getByText('Đã đăng').waitFor();

    await publishButton(page).click();
    await expect.poll(() => done.count(), { timeout: 30_000 }).toBe(2);
    const again = await postsTitled(title);
    expect(again).toHaveLength(1);
    expect(again[0]!.id).toBe(first[0]!.id);
    await page.getByRole('list', { name: 'Nhật ký xuất bản' }).getByText('Cập nhật').waitFor();
  });

  it('keeps a job waiting while the site is offline and sends it when asked again', async () => {
    const title = 'Khung cửi thổ cẩm';
    const page = await openDesk(browser, host.url);
    await openPublishing(page, title);
    await wp.goOffline();
    try {
      await publishButton(page).click();
      const job = queue(page).first();
      await job.filter({ hasText: 'Đang chờ gửi' }).filter({ hasText: 'Không kết nối được tới' }).waitFor({ timeout: 30_000 });
    } finally {
      await wp.comeBack();
    }
    const job = queue(page).first();
    const retry = job.getByRole('button', { name: 'Gửi lại', exact: true });
    // The runner's own backoff may resend it first; either way it must end up done.
    if (await retry.isVisible()) await retry.click({ timeout: 2_000 }).catch(() => undefined);
    await job.filter({ hasText: 'Đã xong' }).waitFor({ timeout: 30_000 });
    await job.getByRole('link', { name: 'Xem bài trên web' }).waitFor();
    expect(await postsTitled(title)).toHaveLength(1);
  });

  it('lists what a new empty article still misses instead of publishing it', async () => {
    const page = await openDesk(browser, host.url);
    await page.getByRole('button', { name: 'Bài mới', exact: true }).click();
    await field(page, 'Tiêu đề').and(page.locator(':focus')).waitFor();
    await page.keyboard.type('Bài thử chưa viết xong');
    await page.waitForTimeout(50);
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
    await tab(page, 'Xuất bản').click();
    await page.getByRole('radio', { name: SITE_NAME }).and(page.locator(':checked')).waitFor();
    await publishButton(page).click();
    const missing = page.getByRole('list', { name: 'Những điều cần sửa trước khi đưa bài lên web' });
    await missing.getByRole('listitem').filter({ hasText: 'Bài chưa có sapo.' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Chưa thể đưa bài lên web:' }).count()).toBe(1);
    expect(await queue(page).count()).toBe(0);
    expect(await postsTitled('Bài thử chưa viết xong')).toHaveLength(0);
  });
});

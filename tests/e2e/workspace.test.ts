import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDesk, startDeskHost, type DeskHost } from './desk-host.js';
import { field, body, articleList, rowTitled, newArticle } from './desk-page.js';

let host: DeskHost;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  host = await startDeskHost();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function desk(): Promise<Page> {
  const page = await openDesk(browser, host.url);
  pages.push(page);
  return page;
}

/** Waits until the save indicator says everything typed so far is stored. */
async function waitSaved(page: Page, label = 'Đã lưu') {
  // The indicator turns to "Đang lưu…" on the keystroke and stays so for the 700 ms debounce.
  await page.waitForTimeout(50);
  await page.getByRole('status').filter({ hasText: label }).waitFor();
}

describe('workspace in the browser host', () => {
  it('shows the seeded sample workspace on first start', async () => {
    const page = await desk();
    const rows = articleList(page).getByRole('button');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    expect(await articleList(page).getByText('Số 456').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByLabel('Lọc theo số báo').locator('option', { hasText: 'Số 456' }).count()).toBe(1);
    expect(await page.getByText('Tạp chí Làng nghề Việt Nam').first().isVisible()).toBe(true);
  });

  it('keeps Vietnamese text exactly through autosave and a reload', async () => {
    const title = 'Làng gốm Bát Tràng đón Tết';
    const sapo = 'LNV - Những ngày giáp Tết, lò gốm ở Bát Tràng đỏ lửa suốt đêm.';
    const text = 'Nghệ nhân Đặng Văn Khương đặt từng chiếc bình vào lò; người thợ trẻ ở đây học nghề từ năm mười lăm tuổi.';

    const page = await desk();
    await newArticle(page, title);
    await field(page, 'Sapo').fill(sapo);
    await body(page).click();
    await page.keyboard.type(text);
    await waitSaved(page);
    expect(await rowTitled(articleList(page), title).count()).toBe(1);

    await page.reload();
    await rowTitled(articleList(page), title).click();
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe(title);
    expect(await field(page, 'Sapo').inputValue()).toBe(sapo);
    expect(await body(page).innerText()).toBe(text);
  });

  it('finds articles without tone marks and highlights the match', async () => {
    const page = await desk();
    const search = page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true });
    const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });

    await search.fill('bat trang');
    await page.getByText('khớp “bat trang”').waitFor();
    const batTrang = rowTitled(results, 'Làng gốm Bát Tràng rộn ràng đơn hàng cuối năm');
    await batTrang.waitFor();
    expect(await batTrang.locator('.row-title mark').allInnerTexts()).toEqual(['Bát', 'Tràng']);

    await search.fill('dong ky');
    await page.getByText('khớp “dong ky”').waitFor();
    const dongKy = rowTitled(results, 'Đồng Kỵ');
    await dongKy.first().waitFor();
    expect(await dongKy.first().locator('.row-title mark').allInnerTexts()).toEqual(['Đồng', 'Kỵ']);

    await search.fill('');
    await articleList(page).waitFor();
  });

  it('restores an older revision from the history', async () => {
    const first = 'Phiên bản đầu: nghề dệt Vạn Phúc';
    const second = 'Phiên bản sau: lụa Vạn Phúc vào mùa';
    const page = await desk();
    await newArticle(page, first);
    await body(page).click();
    await page.keyboard.type('Tiếng khung cửi vẫn đều đặn.');
    await page.keyboard.press('Control+s');
    await waitSaved(page);

    await field(page, 'Tiêu đề').fill(second);
    await waitSaved(page);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await waitSaved(page);
    await rowTitled(articleList(page), second).waitFor();

    await page.getByRole('button', { name: 'Lịch sử', exact: true }).click();
    const revisions = page.getByRole('list', { name: 'Các phiên bản' });
    await rowTitled(revisions, first).first().click();
    await page.getByRole('heading', { name: first }).waitFor();
    await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();

    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe(first);
    expect(await body(page).innerText()).toBe('Tiếng khung cửi vẫn đều đặn.');
    await rowTitled(articleList(page), first).waitFor();
    await expect.poll(() => rowTitled(articleList(page), second).count()).toBe(0);
    await rowTitled(revisions, first).first().waitFor();
    expect(await revisions.getByText('Khôi phục', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('plans an article for issue Số 456 from the editor', async () => {
    const page = await desk();
    await newArticle(page, 'Bài cho số 456');
    await field(page, 'Số báo').selectOption({ label: 'Số 456' });
    await waitSaved(page);
    await page.reload();
    await rowTitled(articleList(page), 'Bài cho số 456').first().click();
    await expect.poll(async () => field(page, 'Số báo').locator('option:checked').innerText()).toBe('Số 456');
    await page.getByLabel('Lọc theo số báo', { exact: true }).selectOption({ label: 'Số 456' });
    await expect.poll(() => rowTitled(articleList(page), 'Bài cho số 456').count()).toBeGreaterThan(0);
  });

  it('moves an article to the trash and restores it', async () => {
    const title = 'Bài thử thùng rác: nón lá Chuông';
    const page = await desk();
    await newArticle(page, title);

    await page.getByRole('button', { name: 'Xoá', exact: true }).click();
    await page.getByText(`Đã chuyển “${title}” vào thùng rác.`).waitFor();
    await expect.poll(() => rowTitled(articleList(page), title).count()).toBe(0);

    await page.getByRole('button', { name: 'Thùng rác', exact: true }).click();
    const trash = page.getByRole('list', { name: 'Thùng rác' });
    const item = trash.getByRole('listitem').filter({ hasText: title });
    await item.getByRole('button', { name: 'Khôi phục' }).click();
    await expect.poll(() => item.count()).toBe(0);

    await page.getByRole('button', { name: 'Danh sách bài' }).click();
    await rowTitled(articleList(page), title).waitFor();
  });

  it('switches the interface to English and back, and remembers the choice', async () => {
    const page = await desk();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'New article', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Bài mới' }).count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('searchbox', { name: 'Search', exact: true }).isVisible()).toBe(true);

    await page.reload();
    await page.getByRole('button', { name: 'New article', exact: true }).waitFor();
    await page.getByRole('list', { name: 'Articles', exact: true }).getByRole('button').first().click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    await page.getByRole('button', { name: 'Bài mới', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await field(page, 'Tiêu đề').isVisible()).toBe(true);
  });
});

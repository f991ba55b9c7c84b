import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { field, body, articleList, waitSaved, newArticle, reopen } from './desk-page.js';

const desk = useDeskSession();

const saveState = (page: Page, label: string) => page.getByRole('status').filter({ hasText: label });

describe('the editor never loses text', () => {
  it('keeps the text when a save fails, says so, and saves it once the store answers again', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Lụa Hà Đông giữ nghề';
    await newArticle(page, title);

    await page.route('**/api/call/articles.save', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'io_error', message: 'Ổ đĩa đầy' } }),
      }),
    );
    await body(page).click();
    await page.keyboard.type('Câu này không được mất.');
    await saveState(page, 'Lỗi lưu').waitFor();
    expect(await body(page).innerText()).toBe('Câu này không được mất.');
    expect(await page.getByText('Ổ đĩa đầy', { exact: false }).first().isVisible()).toBe(true);

    // Nothing typed after the failure: the retry timer alone gets the text through.
    await page.unroute('**/api/call/articles.save');
    await saveState(page, 'Đã lưu').waitFor({ timeout: 15_000 });

    await reopen(page, title);
    expect(await body(page).innerText()).toBe('Câu này không được mất.');
  });

  it('does not disturb an input method composing a word while autosave runs', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Gõ tiếng Việt bằng bộ gõ';
    await newArticle(page, title);
    const cdp = await page.context().newCDPSession(page);

    await body(page).click();
    await page.keyboard.type('Học ');
    for (const step of ['t', 'ti', 'tiê', 'tiế', 'tiến']) {
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    }
    // Let an autosave land while the word is still being composed.
    await saveState(page, 'Đang lưu…').waitFor();
    await saveState(page, 'Đã lưu').waitFor();
    await cdp.send('Input.insertText', { text: 'tiến' });
    await page.keyboard.type('g Việt');
    expect(await body(page).innerText()).toBe('Học tiếng Việt');
    await waitSaved(page);

    await reopen(page, title);
    expect(await body(page).innerText()).toBe('Học tiếng Việt');
  });

  it('stores pasted NFD text as NFC', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await newArticle(page, 'Dán chữ từ máy Mac');
    const nfd = 'Thừa Thiên Huế'.normalize('NFD');
    // A paste event as the system clipboard would deliver it (the page code runs in Chromium).
    const paste = async (selector: string) => {
      await page.locator(selector).focus();
      await page.evaluate(`(() => {
        const data = new DataTransfer();
        data.setData('text/plain', ${JSON.stringify(nfd)});
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        document.activeElement.dispatchEvent(event);
      })()`);
    };
    await paste('textarea.input-sapo');
    await paste('.article-body');
    await waitSaved(page);
    expect(await field(page, 'Sapo').inputValue()).toBe('Thừa Thiên Huế');
    expect(await body(page).innerText()).toBe('Thừa Thiên Huế');
  });

  it('inserts a captioned picture and refuses a file that is not one', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    const title = 'Ảnh gốm men lam';
    await newArticle(page, title);
    await body(page).click();
    await page.keyboard.type('Đoạn mở đầu.');

    const fileInput = page.getByTestId('image-file');
    await fileInput.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') });
    await page.getByRole('alert').filter({ hasText: 'không phải ảnh hợp lệ' }).waitFor();

    // A picture the sample workspace does not have yet, so it comes without a stored caption.
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f5d8a' } }).png().toBuffer();
    await fileInput.setInputFiles({ name: 'men-lam.png', mimeType: 'image/png', buffer: png });
    const picture = body(page).locator('figure img');
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await body(page).locator('figure figcaption').click();
    await page.keyboard.type('Bình gốm men lam Bát Tràng');
    await waitSaved(page);

    await reopen(page, title);
    expect(await body(page).locator('figure figcaption').innerText()).toBe('Bình gốm men lam Bát Tràng');
    await expect.poll(() => body(page).locator('figure img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  });
});

describe('the article list', () => {
  it('filters by status and sorts by length', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await page.getByLabel('Lọc theo trạng thái').selectOption({ label: 'Đã duyệt' });
    await expect.poll(() => articleList(page).locator('.badge').allInnerTexts()).toEqual(
      expect.arrayContaining(['Đã duyệt']),
    );
    expect(new Set(await articleList(page).locator('.badge').allInnerTexts())).toEqual(new Set(['Đã duyệt']));

    await page.getByLabel('Lọc theo trạng thái').selectOption({ label: 'Mọi trạng thái' });
    await page.getByLabel('Sắp xếp theo').selectOption({ label: 'Số chữ' });
    await page.getByRole('button', { name: 'Thứ tự: Giảm dần' }).click();
    await page.getByRole('button', { name: 'Thứ tự: Tăng dần' }).waitFor();
    await expect.poll(async () => {
      const counts = (await articleList(page).locator('.row-words').allInnerTexts()).map((t) => Number(t.replace(/\D/g, '')));
      return counts.length > 1 && counts.every((n, i) => i === 0 || (counts[i - 1] ?? 0) <= n);
    }).toBe(true);
  });
});


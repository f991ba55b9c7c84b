import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { body, waitSaved } from './desk-page.js';

const desk = useDeskSession();

describe('comments anchored in the body', () => {
  it('attaches a note to selected words, shows it in the notes panel, and keeps it through a reload', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await page.getByRole('button', { name: 'Bài mới', exact: true }).click();
    // The new article opens with the caret in its title.
    await page.getByLabel('Tiêu đề', { exact: true }).and(page.locator(':focus')).waitFor();
    await page.keyboard.type('Bài có bình luận');
    await body(page).click();
    await page.keyboard.type('Tiếng khung cửi vang khắp xóm.');
    await waitSaved(page);

    // Select "khung cửi" (after "Tiếng ").
    await body(page).press('Home');
    for (let i = 0; i < 'Tiếng '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'khung cửi'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    page.once('dialog', (dialog) => void dialog.accept('Kiểm tra tên gọi địa phương'));
    await page.getByRole('button', { name: 'Bình luận về đoạn đã chọn', exact: true }).click();

    const mark = body(page).locator('span.lnv-comment');
    await mark.waitFor();
    expect(await mark.innerText()).toBe('khung cửi');
    await waitSaved(page);

    await page.getByRole('tab', { name: /^Ghi chú/ }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('Kiểm tra tên gọi địa phương').waitFor();
    await panel.getByText('khung cửi', { exact: false }).first().waitFor();

    await page.reload();
    await page.getByRole('list', { name: 'Danh sách bài', exact: true }).getByRole('button').filter({ hasText: 'Bài có bình luận' }).first().click();
    await body(page).locator('span.lnv-comment').filter({ hasText: 'khung cửi' }).waitFor();
    expect(await body(page).innerText()).toBe('Tiếng khung cửi vang khắp xóm.');
  });
});

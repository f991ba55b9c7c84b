import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { body } from './desk-page.js';

const desk = useDeskSession();

describe('proofing marks in the body', () => {
  it('underlines a doubled word after a save, without touching the text, and the mark follows typing', async () => {
    const page = await openDesk(desk.browser, desk.host.url);
    await page.getByRole('button', { name: 'Bài mới', exact: true }).click();
    // The new article opens with the caret in its title.
    await page.getByLabel('Tiêu đề', { exact: true }).and(page.locator(':focus')).waitFor();
    await page.keyboard.type('Nghề dệt lụa');
    await body(page).click();
    await page.keyboard.type('Tiếng khung cửi cửi vang khắp xóm.');
    await page.waitForTimeout(50);
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();

    const mark = body(page).locator('.proof-mark[data-rule="doubled-word"]');
    await mark.waitFor({ timeout: 15_000 });
    expect(await mark.innerText()).toBe('cửi cửi');
    expect(await mark.getAttribute('title')).toContain('bị lặp');

    // Typing before the mark moves it along with its words; the text itself has no mark in it.
    await body(page).press('Home');
    await page.keyboard.type('Sáng sớm, ');
    expect(await mark.innerText()).toBe('cửi cửi');
    expect(await body(page).innerText()).toBe('Sáng sớm, Tiếng khung cửi cửi vang khắp xóm.');
  });
});

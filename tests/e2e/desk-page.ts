import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** How a person finds things on the workstation: by the names the screen gives them. */
export const field = (page: Page, name: string) => page.getByLabel(name, { exact: true });
export const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung', exact: true });
export const articleList = (page: Page) => page.getByRole('list', { name: 'Danh sách bài', exact: true });
export const rowTitled = (list: Locator, title: string) => list.getByRole('button').filter({ hasText: title });
export const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

/** Waits until the save indicator says everything typed so far is stored. */
export async function waitSaved(page: Page): Promise<void> {
  // The indicator turns to "Đang lưu…" on the keystroke and stays so for the 700 ms debounce.
  await page.waitForTimeout(50);
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
}

/** "Bài mới", then the title typed once the caret is in it (typing earlier would press the button again). */
export async function newArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Bài mới', exact: true }).click();
  await field(page, 'Tiêu đề').and(page.locator(':focus')).waitFor();
  await page.keyboard.type(title);
  await waitSaved(page);
}

/** Reloads the page and opens the article again from the list. */
export async function reopen(page: Page, title: string): Promise<void> {
  await page.reload();
  await rowTitled(articleList(page), title).first().click();
  await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe(title);
}

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { articleList, body, field, waitSaved } from './desk-page.js';

const session = useDeskSession();

/** Laying out the sample issue in Chromium takes a few seconds. */
const LAYOUT_MS = 60_000;

/**
 * Where the keyboard is, and whether a person can see it: the focused element matches
 * :focus-visible and draws an outline or a shadow there (the desk's focus ring or bar).
 */
function focusNow(page: Page): Promise<{ what: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return { what: `${el.tagName.toLowerCase()} “${name.trim().replace(/\s+/g, ' ').slice(0, 50)}”`, visible: el.matches(':focus-visible') && (outline || shadow) };
  });
}

/** Presses a key and then checks that the focused element shows it; every unseen focus is kept for the test to report. */
function keyboardWalker(page: Page) {
  const unseen = new Set<string>();
  const press = async (key: string) => {
    await page.keyboard.press(key);
    const now = await focusNow(page);
    if (now && !now.visible) unseen.add(now.what);
  };
  /** Tab (or Shift+Tab) until the focus is on one of `target`'s elements; fails if it never gets there. */
  const tabTo = async (target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 120) => {
    for (let i = 0; i < max; i++) {
      await press(key);
      if (await target.evaluateAll((els) => els.some((el) => el === document.activeElement))) return;
    }
    throw new Error(`${key} × ${max} never reached ${target.toString()}; ended on ${(await focusNow(page))?.what ?? 'the page'}`);
  };
  return { press, tabTo, unseen };
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

describe('the workstation from the keyboard alone', () => {
  it('opens an article from the list, edits its title, reaches the side panels and a dialog, focus always visible', { timeout: 120_000 }, async () => {
    const page = await openDesk(session.browser, session.host.url);
    const keys = keyboardWalker(page);
    const rows = articleList(page).getByRole('button');
    await rows.first().waitFor();

    // The first Tab offers to skip the top bar and the list.
    await keys.press('Tab');
    expect(await isFocused(page.getByRole('link', { name: 'Chuyển tới vùng soạn bài' }))).toBe(true);

    await keys.tabTo(rows.nth(1));
    const rowTitle = ((await rows.nth(1).locator('.row-title').textContent()) ?? '').trim();
    await keys.press('Enter');
    await expect.poll(() => field(page, 'Tiêu đề').inputValue()).toBe(rowTitle);

    await keys.tabTo(field(page, 'Tiêu đề'));
    await keys.press('End');
    await page.keyboard.type(' (bản phím)');
    await waitSaved(page);
    expect(await articleList(page).getByText(`${rowTitle} (bản phím)`).count()).toBe(1);

    // The side panels' tabs are one Tab stop; arrows walk them and Enter opens one.
    const tabs = page.getByRole('tablist', { name: 'Công cụ bài' }).getByRole('tab');
    await keys.tabTo(tabs);
    expect(await isFocused(tabs.first())).toBe(true);
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    expect(await isFocused(page.getByRole('tab', { name: 'Lịch sử' }))).toBe(true);
    await keys.press('Enter');
    await page.getByRole('list', { name: 'Các phiên bản' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Lịch sử' }).getAttribute('aria-selected')).toBe('true');
    await keys.press('ArrowLeft');
    await keys.press('Space');
    await page.getByRole('list', { name: 'Các luồng ghi chú' }).or(page.getByLabel('Tên của bạn', { exact: true })).first().waitFor();
    // One Tab leaves the tab list (for the fold button, then the panel's own controls).
    await keys.press('Tab');
    expect(await page.locator(':focus').getAttribute('role')).not.toBe('tab');

    // A dialog: Enter opens it with the focus inside, Escape closes it and gives the focus back to its button.
    const backups = page.getByRole('button', { name: 'Sao lưu', exact: true });
    await keys.tabTo(backups, 'Shift+Tab');
    await keys.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // The page behind is inert: Tab stays in the dialog.
    for (let i = 0; i < 6; i++) {
      await keys.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
    }
    await keys.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(backups)).toBe(true);

    // The body toolbar's "Tin liên quan" picker closes on Escape back to its button too.
    await keys.tabTo(body(page));
    const related = page.getByRole('button', { name: 'Tin liên quan', exact: true });
    await keys.tabTo(related, 'Shift+Tab');
    await keys.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Chọn tin liên quan' });
    await picker.waitFor();
    await keys.press('Tab');
    await keys.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await isFocused(related)).toBe(true);

    expect([...keys.unseen], 'focused without a visible focus ring').toEqual([]);
  });

  it('moves a page in the flatplan and turns pages in the page view from the keyboard', { timeout: 120_000 }, async () => {
    const page = await openDesk(session.browser, session.host.url);
    const keys = keyboardWalker(page);
    await articleList(page).getByRole('button').first().waitFor();

    await keys.tabTo(page.getByRole('button', { name: 'Dàn trang', exact: true }));
    await keys.press('Enter');
    const ad = page.locator('.page-card.kind-ad .page-card-button').first();
    await ad.waitFor();
    const from = Number(await ad.locator('.page-card-number').textContent());
    const what = ((await ad.getAttribute('aria-label')) ?? '').split(' · ').slice(1).join(' · ');
    const to = from - 2;
    const card = (n: number) => page.locator(`.page-card[data-page="${n}"] .page-card-button`);

    await keys.tabTo(ad);
    await keys.press('Enter');
    expect(await ad.getAttribute('aria-current')).toBe('true');
    await keys.tabTo(field(page, 'Dời tới trang'));
    await page.keyboard.type(String(to));
    await keys.press('Enter');
    await page.getByRole('status').filter({ hasText: `Đã dời trang ${from} tới trang ${to}.` }).waitFor();
    await expect.poll(() => card(to).getAttribute('aria-label')).toBe(`Trang ${to} · ${what}`);

    // The page view turns pages with the arrow keys once its stage has the focus.
    await keys.tabTo(page.getByRole('button', { name: 'Xem trang', exact: true }).first(), 'Shift+Tab');
    await keys.press('Enter');
    const stage = page.getByRole('region', { name: 'Vùng xem trang (phím mũi tên để lật trang)' });
    await keys.tabTo(stage);
    const where = page.locator('.page-view-where');
    await keys.press('Home');
    await expect.poll(() => where.textContent(), { timeout: LAYOUT_MS }).toMatch(/^Trang 1 \/ \d+$/);
    await keys.press('ArrowRight');
    await expect.poll(() => where.textContent()).toMatch(/^Trang 2(–3)? \/ \d+$/);

    expect([...keys.unseen], 'focused without a visible focus ring').toEqual([]);
  });
});

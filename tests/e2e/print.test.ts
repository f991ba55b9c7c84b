import { existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesk, useDeskSession } from './desk-host.js';
import { field } from './desk-page.js';

const session = useDeskSession();

/** Laying out a whole issue in Chromium takes a few seconds; exporting it longer. */
const LAYOUT_MS = 60_000;
const EXPORT_MS = 150_000;

const layoutButton = (page: Page) => page.getByRole('button', { name: 'Dàn trang', exact: true });

describe('layout desk (Dàn trang) in the browser host', () => {
  it('auto-places the sample issue, shows its laid-out pages, preflights and exports proof and page images', { timeout: 300_000 }, async () => {
    const page = await openDesk(session.browser, session.host.url);
    await layoutButton(page).click();
    expect(await layoutButton(page).getAttribute('aria-pressed')).toBe('true');
    const issuePick = page.getByLabel('Số báo', { exact: true });
    await expect.poll(() => issuePick.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''), { timeout: 10_000 }).toContain('Số 456');

    // The sample issue comes planned: take its first article off, then let "Tự dàn" put it back.
    const firstOpener = page.locator('.page-card.kind-article .page-card-button').filter({ hasText: 'Mở bài' }).first();
    const title = ((await firstOpener.locator('.page-card-what').textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(5);
    await page.getByRole('button', { name: `Gỡ “${title}” khỏi dàn trang`, exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Đã gỡ “${title}”` }).waitFor();
    await page.getByRole('button', { name: 'Tự dàn', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Đã tự đặt [1-9]\d* bài/ }).waitFor({ timeout: LAYOUT_MS });

    const opener = page.locator('.page-card.kind-article .page-card-button').filter({ hasText: 'Mở bài' }).filter({ hasText: title });
    const pageNumber = Number(await opener.locator('.page-card-number').textContent());

    // Double-click opens the page view on that page; its iframe holds the laid-out page with the title.
    await opener.dblclick();
    const where = page.locator('.page-view-where');
    await expect.poll(() => where.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Trang ${pageNumber} / \\d+$`));
    const frame = page.frameLocator('.page-view-page.is-current iframe');
    await expect
      .poll(async () => ((await frame.locator('body').textContent({ timeout: LAYOUT_MS })) ?? '').replace(/\s+/g, ' ').replace(/\u00ad/g, ''), { timeout: LAYOUT_MS })
      .toContain(title);
    const sandbox = await page.locator('.page-view-page.is-current iframe').getAttribute('sandbox');
    expect(sandbox).toBe('allow-same-origin');
    // The page's fonts come from the desk through printBaseUrl(): its faces load, none fails.
    // The view may lay the pages out once more after "Tự dàn" (the plan's change event), replacing the frame's document: read again then.
    let faces: string[] = [];
    await expect
      .poll(
        async () => {
          faces = await frame
            .locator('body')
            .evaluate(async () => {
              await document.fonts.ready;
              // The sandbox runs no scripts, so no callback Blink would call back into the page (forEach).
              return Array.from(document.fonts as unknown as Iterable<FontFace>).map((face) => face.status);
            })
            .catch(() => []);
          return faces;
        },
        { timeout: LAYOUT_MS },
      )
      .toContain('loaded');
    expect(faces).not.toContain('error');

    // Preflight lists what to fix, grouped by severity.
    await page.getByRole('button', { name: 'Kiểm tra trước khi in', exact: true }).first().click();
    const preflight = page.locator('section.preflight');
    await preflight.locator('.preflight-summary, .panel-status').first().waitFor({ timeout: LAYOUT_MS });

    // Export the proof PDF and the page images (not the print PDF).
    await page.getByRole('button', { name: 'Xuất bản in…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Xuất bản in' });
    await dialog.getByLabel('PDF để in').uncheck();
    await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
    const anyway = dialog.getByRole('button', { name: 'Vẫn xuất', exact: true });
    const files = dialog.getByRole('list', { name: 'Các tệp đã xuất' });
    await Promise.race([anyway.waitFor({ timeout: LAYOUT_MS }), dialog.locator('progress').waitFor({ timeout: LAYOUT_MS })]);
    if (await anyway.isVisible()) await anyway.click();
    await files.waitFor({ timeout: EXPORT_MS });
    const written = (await files.getByRole('listitem').allTextContents()).map((f) => f.trim());
    expect(written.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(written.some((f) => /\.(png|jpe?g|webp)$/i.test(f))).toBe(true);
    for (const file of written) expect(existsSync(file) && statSync(file).size > 0, file).toBe(true);
    expect(await dialog.locator('progress').evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();

    // "Sửa bài" from the page view goes back to the editor with that article open.
    await page.locator('.page-view-info').getByRole('button', { name: 'Sửa bài', exact: true }).click();
    expect(await layoutButton(page).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => field(page, 'Tiêu đề').inputValue(), { timeout: 10_000 }).toBe(title);
  });

  it('moves a page by dragging it in the flatplan, and back from the keyboard', { timeout: 120_000 }, async () => {
    const page = await openDesk(session.browser, session.host.url);
    await layoutButton(page).click();
    const card = (n: number) => page.locator(`.page-card[data-page="${n}"] .page-card-button`);
    const ad = page.locator('.page-card.kind-ad .page-card-button').first();
    await ad.waitFor();
    const from = Number(await ad.locator('.page-card-number').textContent());
    const label = (await ad.getAttribute('aria-label')) ?? '';
    const what = label.split(' · ').slice(1).join(' · ');
    // Two pages earlier, so the drop target is on screen without scrolling mid-drag.
    const to = from - 2;
    expect(to).toBeGreaterThan(3);

    await ad.dragTo(card(to));
    await expect.poll(() => card(to).getAttribute('aria-label'), { timeout: 10_000 }).toBe(`Trang ${to} · ${what}`);
    await page.getByRole('status').filter({ hasText: `Đã dời trang ${from} tới trang ${to}.` }).waitFor();

    await card(to).click();
    await field(page, 'Dời tới trang').fill(String(from));
    await field(page, 'Dời tới trang').press('Enter');
    await expect.poll(() => card(from).getAttribute('aria-label'), { timeout: 10_000 }).toBe(`Trang ${from} · ${what}`);
  });
});

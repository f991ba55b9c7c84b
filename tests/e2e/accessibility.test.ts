import { mkdtempSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { axeReport } from './axe.js';
import { startDeskHost, useDeskSession, type DeskHost } from './desk-host.js';
import { articleList, field, newArticle, rowTitled, tab } from './desk-page.js';

const session = useDeskSession();

/** Laying out the sample issue in Chromium takes a few seconds. */
const LAYOUT_MS = 60_000;

type Scheme = 'light' | 'dark';

/**
 * The workstation in the given colour scheme. `command` plays a menu command as the desktop app's
 * menu would send it: the browser host has no menu, so the event stream is answered with that one
 * event instead (the checks below need no other pushed event).
 */
async function deskPage(scheme: Scheme, command?: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', colorScheme: scheme });
  const page = await context.newPage();
  const stream = command ? new Promise<Route>((resolve) => void page.route('**/api/events?*', resolve)) : null;
  await page.goto(session.host.url);
  await page.getByRole('button', { name: 'Bài mới' }).waitFor();
  // Answered only now that the workstation listens for commands; a reconnect waits an hour, past the test.
  await (await stream)?.fulfill({
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
    body: `retry: 3600000\nevent: app.command\ndata: ${JSON.stringify({ command })}\n\n`,
  });
  return page;
}

/** Runs axe on each screen `visit` opens and fails once at the end with every violation found. */
async function checkScreens(page: Page, visit: (check: (screen: string) => Promise<void>) => Promise<void>): Promise<void> {
  const reports: string[] = [];
  await visit(async (screen) => {
    const report = await axeReport(page, screen);
    if (report) reports.push(report);
  });
  await page.context().close();
  expect(reports.length === 0, `serious or critical axe violations:\n\n${reports.join('\n\n')}\n`).toBe(true);
}

describe.each<Scheme>(['light', 'dark'])('axe on the main screens, %s scheme', (scheme) => {
  it('article list, editor with each side panel, trash', { timeout: 120_000 }, async () => {
    const page = await deskPage(scheme);
    await checkScreens(page, async (check) => {
      await articleList(page).getByRole('button').first().waitFor();
      await check('article list');

      await page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true }).fill('bat trang');
      await page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('button').first().waitFor();
      await check('article list › search results');
      await page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true }).fill('');

      await rowTitled(articleList(page), 'Làng gốm Bát Tràng').first().click();
      await page.locator('#editor-area figure img').first().waitFor();
      await check('editor');

      await page.locator('#editor-area figure figcaption').first().click();
      await page.getByRole('complementary', { name: 'Thông tin ảnh đang chọn' }).waitFor();
      await check('editor › picture panel');

      await page.getByRole('button', { name: 'Tin liên quan', exact: true }).click();
      const picker = page.getByRole('dialog', { name: 'Chọn tin liên quan' });
      await picker.getByLabel('Tìm bài').fill('dong ky');
      await picker.getByRole('checkbox').first().waitFor();
      await check('editor › Tin liên quan');
      await page.keyboard.press('Escape');

      await tab(page, 'Soát lỗi').click();
      await page.getByRole('button', { name: 'Soát lỗi', exact: true }).click();
      await page.locator('.panel-status').filter({ hasText: /\S/ }).waitFor();
      await check('editor › Soát lỗi');

      await tab(page, 'Ghi chú').click();
      await field(page, 'Ghi chú mới').waitFor();
      await check('editor › Ghi chú');

      await tab(page, 'Lịch sử').click();
      await page.getByRole('list', { name: 'Các phiên bản' }).getByRole('button').first().click();
      await page.getByRole('region', { name: 'Khác biệt' }).waitFor();
      await check('editor › Lịch sử');

      await tab(page, 'Xem trước').click();
      await page.frameLocator('iframe[title="Bài như trên trang web"]').locator('h1').waitFor();
      await check('editor › Xem trước');

      await tab(page, 'Xuất bản').click();
      await page.getByRole('heading', { name: 'Kết nối trang web' }).waitFor();
      await check('editor › Xuất bản');

      await newArticle(page, `Bài thử trợ năng (${scheme})`);
      await page.getByRole('button', { name: 'Xoá', exact: true }).click();
      await page.getByRole('button', { name: 'Thùng rác', exact: true }).click();
      await page.getByRole('list', { name: 'Thùng rác' }).getByRole('listitem').first().waitFor();
      await check('trash');
    });
  });

  it('print desk: flatplan, page inspector, page view, preflight and its dialogs', { timeout: 180_000 }, async () => {
    const page = await deskPage(scheme);
    await checkScreens(page, async (check) => {
      await page.getByRole('button', { name: 'Dàn trang', exact: true }).click();
      await page.locator('.page-card .page-card-button').first().waitFor();
      await check('Dàn trang › flatplan');

      await page.locator('.page-card.kind-article .page-card-button').first().click();
      await field(page, 'Dời tới trang').waitFor();
      await check('Dàn trang › page inspector, article page');

      await page.locator('.page-card.kind-ad .page-card-button').first().click();
      await field(page, 'Tên quảng cáo').waitFor();
      await check('Dàn trang › page inspector, advertisement');

      await page.getByRole('button', { name: 'Xem trang', exact: true }).first().click();
      await page.locator('.page-view-page.is-current iframe').waitFor({ timeout: LAYOUT_MS });
      await check('Dàn trang › page view');

      await page.getByRole('button', { name: 'Kiểm tra trước khi in', exact: true }).first().click();
      await page.locator('section.preflight').locator('.preflight-summary, .panel-status').first().waitFor({ timeout: LAYOUT_MS });
      await check('Dàn trang › preflight');

      for (const [opener, dialogName] of [
        ['Xuất bản in…', 'Xuất bản in'],
        ['Thiết lập trang in', 'Thiết lập trang in của ấn phẩm'],
        ['Số mới', 'Tạo số báo in mới'],
        ['Sửa số báo', /^Sửa số \d+$/],
      ] as const) {
        await page.getByRole('button', { name: opener, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: dialogName });
        await dialog.waitFor();
        await check(`Dàn trang › dialog ${String(dialogName)}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
    });
  });

  it('backups dialog and the dialogs of the application menu', { timeout: 120_000 }, async () => {
    const page = await deskPage(scheme);
    await checkScreens(page, async (check) => {
      await page.getByRole('button', { name: 'Sao lưu', exact: true }).click();
      await page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' }).getByRole('row').first().waitFor();
      await check('backups dialog');
    });

    for (const [command, dialogName] of [
      ['app.checkUpdates', 'Cập nhật LNV Desk'],
      ['help.about', 'Giới thiệu LNV Desk'],
      ['article.importWord', 'Nhập bài từ Word'],
    ] as const) {
      const shell = await deskPage(scheme, command);
      await checkScreens(shell, async (check) => {
        await shell.getByRole('dialog', { name: dialogName }).waitFor();
        await check(`dialog ${dialogName}`);
      });
    }
  });
});

describe('axe on the recovery screen', () => {
  let host: DeskHost;

  /** A data folder with a backup whose database was then cut in half, as in recovery.test.ts. */
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lnv-e2e-a11y-recovery-'));
    expect(runCli(['backup', 'now', '--data', dataDir]).status).toBe(0);
    const database = join(dataDir, 'workspace.sqlite');
    truncateSync(database, Math.floor(statSync(database).size / 2));
    host = await startDeskHost(dataDir);
  });

  afterAll(async () => {
    await host?.stop();
  });

  it.each<Scheme>(['light', 'dark'])('has no serious violations, %s scheme', async (scheme) => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: /^Khôi phục bản sao lưu ngày/ }).first().waitFor();
    await checkScreens(page, (check) => check('recovery screen'));
  });
});

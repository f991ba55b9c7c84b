import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { launchBrowser, startDeskHost, type DeskHost } from './desk-host.js';
import { articleList, rowTitled } from './desk-page.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let host: DeskHost;
let browser: Browser;
let database: string;
let broken: string;

/** A data folder with a day's backup whose database was then cut off mid-file (a half-finished copy, a failing disk). */
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lnv-e2e-recovery-'));
  expect(runCli(['backup', 'now', '--data', dataDir]).status).toBe(0);
  database = join(dataDir, 'workspace.sqlite');
  truncateSync(database, Math.floor(statSync(database).size / 2));
  broken = sha(database);
  host = await startDeskHost(dataDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('a damaged database in the browser host', () => {
  it('shows the recovery screen, restores the latest backup, and the articles come back with their pictures', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    await page.goto(host.url);

    await page.getByRole('heading', { name: 'Không mở được kho dữ liệu' }).waitFor();
    await expect.poll(() => page.getByText('Tệp được giữ nguyên').count()).toBe(1);
    expect(sha(database)).toBe(broken);

    await page.getByRole('button', { name: /^Khôi phục bản sao lưu ngày .*\d{4}/ }).click();

    await page.getByRole('button', { name: 'Bài mới' }).waitFor();
    await expect.poll(() => articleList(page).getByRole('button').count()).toBe(8);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã khôi phục bản sao lưu ngày' }).count()).toBe(1);

    await rowTitled(articleList(page), 'Làng gốm Bát Tràng').first().click();
    const picture = page.locator('#editor-area figure img').first();
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img) => { const loaded = img as unknown as { complete: boolean; naturalWidth: number }; return loaded.complete && loaded.naturalWidth > 0; })).toBe(true);

    const aside = readdirSync(host.dataDir).find((f) => /^workspace\.sqlite\.before-restore-[\dTZ-]+$/.test(f));
    expect(sha(join(host.dataDir, aside!))).toBe(broken);
  });

  it('offers restoring from a backup inside the workstation too, after a confirmation', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sao lưu', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
    await dialog.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await dialog.getByText('Đã sao lưu và kiểm tra').waitFor();
    // One backup a day is kept: the one just made replaces the earlier one of the same day.
    await expect.poll(() => dialog.getByRole('row').count()).toBe(2);
    await dialog.getByRole('button', { name: /^Khôi phục bản sao lưu ngày/ }).first().click();
    await dialog.getByText('được cất sang bên').waitFor();
    await dialog.getByRole('button', { name: 'Khôi phục và mở lại' }).click();
    await page.getByRole('status').filter({ hasText: 'Kho dữ liệu trước đó được cất ở' }).waitFor();
    await expect.poll(() => articleList(page).getByRole('button').count()).toBe(8);
  });
});

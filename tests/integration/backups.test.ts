import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article.js';
import { DeskRuntime } from '../../electron/services/workspace/desk-runtime.js';
import { manualClock, tempDir } from '../support/temp-dir.js';

const DAY = 86_400_000;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every picture an article's body shows, by hash. */
const picturesOf = (article: Article) => [...new Set(JSON.stringify(article.body).match(/[a-f0-9]{64}/g) ?? [])];

async function articleTitles(desk: DeskRuntime): Promise<string[]> {
  const { items } = await desk.call('articles.list', { limit: 500 });
  return items.map((a) => a.title).sort();
}

/** A seeded data folder (eight sample articles, two with pictures) with one verified backup. */
async function backedUpDesk(clock = manualClock()) {
  const dataDir = tempDir('lnv-backups-');
  const desk = await DeskRuntime.open(dataDir, { now: clock.now, log: () => {} });
  const backup = await desk.call('backups.create', {});
  return { dataDir, desk, backup, clock };
}

describe('automatic backups', () => {
  it('writes a verified copy with its pictures into backups/, listed with date, size and article count', async () => {
    const { dataDir, desk, backup } = await backedUpDesk();
    expect(backup.articleCount).toBe(8);
    expect(backup.assetCount).toBeGreaterThan(0);
    expect(statSync(join(dataDir, 'backups', backup.name)).size).toBe(backup.bytes);
    expect(await desk.call('backups.list', {})).toEqual([backup]);
    // A self-contained file: no -wal or -shm beside it, so it can be copied as it is.
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('-wal') || f.endsWith('-shm') || f.endsWith('.partial'))).toEqual([]);
    const keptPictures = readdirSync(join(dataDir, 'backups', 'assets'), { recursive: true }).filter((f) => /[a-f0-9]{64}$/.test(String(f)));
    expect(keptPictures).toHaveLength(backup.assetCount);
    desk.close();
  });

  it('takes the daily backup at start when none is a day old, and not again within the day', async () => {
    const clock = manualClock();
    const desk = await DeskRuntime.open(tempDir('lnv-daily-'), { now: clock.now, log: () => {} });
    expect(await desk.backupIfDue()).not.toBeNull();
    clock.advance(DAY / 2);
    expect(await desk.backupIfDue()).toBeNull();
    clock.advance(DAY / 2);
    expect(await desk.backupIfDue()).not.toBeNull();
    expect(await desk.call('backups.list', {})).toHaveLength(2);
    desk.close();
  });

  it('after three weeks of daily backups keeps the last seven days and older weeks, not every day', async () => {
    const clock = manualClock(Date.parse('2025-11-01T01:00:00Z'));
    const desk = await DeskRuntime.open(tempDir('lnv-retention-'), { now: clock.now, log: () => {} });
    for (let day = 0; day < 21; day++) {
      await desk.backupIfDue();
      clock.advance(DAY);
    }
    const listed = (await desk.call('backups.list', {})).map((b) => b.createdAt.slice(0, 10));
    expect(listed.slice(0, 7)).toEqual(['2025-11-21', '2025-11-20', '2025-11-19', '2025-11-18', '2025-11-17', '2025-11-16', '2025-11-15']);
    expect(listed.length).toBeLessThan(21);
    expect(listed.length).toBeLessThanOrEqual(11);
    desk.close();
  });
});

describe('restoring a backup', () => {
  it('gives back the workspace as it was, keeping the replaced database aside', async () => {
    const { dataDir, desk, backup, clock } = await backedUpDesk();
    const before = await articleTitles(desk);
    await desk.call('articles.create', { title: 'Bài viết sau khi sao lưu' });
    clock.advance(60_000);
    const announced: string[] = [];
    desk.events.subscribe((event) => announced.push(event));

    const result = await desk.call('backups.restore', { name: backup.name });

    expect(result.state.mode).toBe('ok');
    expect(await articleTitles(desk)).toEqual(before);
    expect(result.setAside).toMatch(/workspace\.sqlite\.before-restore-/);
    expect(existsSync(result.setAside!)).toBe(true);
    expect(announced).toContain('backups.restored');
    // The set-aside database still has the article written after the backup.
    const aside = tempDir('lnv-aside-');
    const copy = join(aside, 'workspace.sqlite');
    copyFileSync(result.setAside!, copy);
    const old = await DeskRuntime.open(aside, { seed: false, log: () => {} });
    expect(await articleTitles(old)).toContain('Bài viết sau khi sao lưu');
    old.close();
    expect(readdirSync(dataDir)).toContain('workspace.sqlite');
    desk.close();
  });

  it('refuses a name that is not a backup in the folder, and changes nothing', async () => {
    const { dataDir, desk } = await backedUpDesk();
    const titles = await articleTitles(desk);
    await expect(desk.call('backups.restore', { name: '../workspace.sqlite' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(desk.call('backups.restore', { name: 'workspace-2020-01-01T00-00-00-000Z.sqlite' })).rejects.toMatchObject({ code: 'not_found' });
    expect(desk.state().mode).toBe('ok');
    expect(await articleTitles(desk)).toEqual(titles);
    expect(readdirSync(dataDir).filter((f) => f.includes('before-restore'))).toEqual([]);
    desk.close();
  });
});

describe('a damaged database', () => {
  const damages: [string, (path: string) => void][] = [
    ['truncated mid-file', (path) => truncateSync(path, Math.floor(statSync(path).size / 2))],
    [
      'with garbage bytes in the middle',
      (path) => {
        const fd = openSync(path, 'r+');
        writeSync(fd, Buffer.alloc(16_384, 0xab), 0, 16_384, Math.floor(statSync(path).size / 2 / 4096) * 4096);
        closeSync(fd);
      },
    ],
  ];

  for (const [how, damage] of damages) {
    it(`${how}: opens in recovery, leaves the file alone, and restoring the latest backup brings back articles with pictures`, async () => {
      const { dataDir, desk, backup } = await backedUpDesk();
      const articles = await Promise.all((await desk.call('articles.list', { limit: 500 })).items.map((a) => desk.call('articles.get', { id: a.id })));
      const pictures = articles.flatMap(picturesOf);
      expect(pictures.length).toBeGreaterThan(0);
      desk.close();

      const database = join(dataDir, 'workspace.sqlite');
      damage(database);
      const broken = sha(database);
      // A picture lost too: the backup kept its own link to it.
      rmSync(join(dataDir, 'assets', pictures[0]!.slice(0, 2), pictures[0]!));

      const recovering = await DeskRuntime.open(dataDir, { log: () => {} });
      const state = await recovering.call('app.state', {});
      expect(state.mode).toBe('recovery');
      expect(state.problem).toMatch(/hỏng/);
      expect(state.backups[0]?.name).toBe(backup.name);
      await expect(recovering.call('articles.list', {})).rejects.toMatchObject({ code: 'not_a_database' });
      expect(sha(database)).toBe(broken);

      const result = await recovering.call('backups.restore', { name: backup.name });
      expect(result.state.mode).toBe('ok');
      expect(result.missingAssets).toEqual([]);
      expect(sha(result.setAside!)).toBe(broken);
      const restored = await Promise.all((await recovering.call('articles.list', { limit: 500 })).items.map((a) => recovering.call('articles.get', { id: a.id })));
      expect(restored.map((a) => a.title).sort()).toEqual(articles.map((a) => a.title).sort());
      for (const hash of restored.flatMap(picturesOf)) expect(recovering.workspace.assetFiles.exists(hash)).toBe(true);
      recovering.close();
    });
  }
});

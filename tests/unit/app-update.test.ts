import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { initialUpdateState, nextUpdateState, releaseNotesText, restartDecision } from '../../shared/app-update.js';
import { PublicationProfile, UpdateFeedUrl } from '../../shared/model/workspace.js';
import { DEFAULT_PROFILE } from '../../electron/services/store/catalog-store.js';
import { repoRoot } from '../support/run-cli.js';

describe('install policy', () => {
  it('lets the app restart when nothing is running', () => {
    expect(restartDecision([])).toEqual({ allowed: true });
    expect(restartDecision([{ kind: 'export', count: 0 } as never])).toEqual({ allowed: true });
  });

  it('refuses while an export or a publish runs, and says which', () => {
    const decision = restartDecision([
      { kind: 'export', count: 1 },
      { kind: 'publish', count: 2 },
    ]);
    expect(decision).toMatchObject({ allowed: false, reasons: [{ kind: 'export', count: 1 }, { kind: 'publish', count: 2 }] });
    expect(decision.allowed === false && decision.message).toBe(
      'Chưa cài được bản cập nhật: đang xuất số báo (1 việc) và đang gửi bài lên web (2 việc). Hãy đợi các việc này xong rồi thử lại.',
    );
    const switching = restartDecision([{ kind: 'publish', count: 1 }], 'switch');
    expect(switching.allowed === false && switching.message).toMatch(/^Chưa đổi được kho dữ liệu: đang gửi bài lên web/);
  });
});

describe('update state', () => {
  const start = initialUpdateState('0.1.0', 'https://example.vn/updates/');

  it('is off, with the reason, when the profile names no feed', () => {
    expect(initialUpdateState('0.1.0', null)).toMatchObject({ phase: 'off', message: 'Hồ sơ ấn phẩm chưa có địa chỉ nguồn cập nhật.' });
    expect(start).toMatchObject({ phase: 'idle', currentVersion: '0.1.0', message: null });
  });

  it('follows the updater: checking, available, downloading, downloaded', () => {
    const checking = nextUpdateState(start, { type: 'checking' });
    const available = nextUpdateState(checking, { type: 'available', version: '0.2.0', releaseNotes: 'Sửa lỗi xuất PDF' });
    const downloading = nextUpdateState(available, { type: 'progress', percent: 140 });
    const downloaded = nextUpdateState(downloading, { type: 'downloaded', version: '0.2.0', releaseNotes: null });
    expect([checking.phase, available.phase, downloading.phase, downloaded.phase]).toEqual(['checking', 'available', 'downloading', 'downloaded']);
    expect(downloading.percent).toBe(100);
    expect(downloaded).toMatchObject({ version: '0.2.0', releaseNotes: 'Sửa lỗi xuất PDF', percent: 100 });
  });

  it('keeps the error message and clears it on the next check', () => {
    const failed = nextUpdateState(start, { type: 'error', message: 'Không kiểm tra được bản mới: ENOTFOUND' });
    expect(failed).toMatchObject({ phase: 'error', message: 'Không kiểm tra được bản mới: ENOTFOUND' });
    expect(nextUpdateState(failed, { type: 'checking' }).message).toBeNull();
    expect(nextUpdateState(failed, { type: 'none' })).toMatchObject({ phase: 'none', version: null });
  });

  it('shows release notes as text, never as HTML', () => {
    expect(releaseNotesText('<p>Sửa lỗi <b>xuất PDF</b></p><ul><li>Nhanh hơn &amp; gọn hơn</li></ul><script>alert(1)</script>')).toBe(
      'Sửa lỗi xuất PDF\nNhanh hơn & gọn hơn\nalert(1)',
    );
    expect(releaseNotesText([{ version: '0.2.0', note: 'Một' }, { version: '0.1.1', note: null }])).toBe('0.2.0\nMột\n\n0.1.1');
    expect(releaseNotesText('')).toBeNull();
    expect(releaseNotesText(null)).toBeNull();
  });
});

describe('update feed in the publication profile', () => {
  it('accepts only complete https addresses', () => {
    expect(UpdateFeedUrl.safeParse('https://langngheviet.com.vn/lnv-desk/updates/').success).toBe(true);
    for (const bad of ['http://langngheviet.com.vn/updates/', 'ftp://x.vn/', 'javascript:alert(1)', 'langngheviet.com.vn/updates', 'https://', '']) {
      expect(UpdateFeedUrl.safeParse(bad).success, bad).toBe(false);
    }
    const refused = PublicationProfile.safeParse({ ...DEFAULT_PROFILE, updateFeedUrl: 'http://langngheviet.com.vn/' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Địa chỉ nguồn cập nhật phải là một địa chỉ https:// đầy đủ');
  });

  it('is off (null) in a profile stored before the setting existed', () => {
    const older: Partial<typeof DEFAULT_PROFILE> = { ...DEFAULT_PROFILE };
    delete older.updateFeedUrl;
    expect(PublicationProfile.parse(older).updateFeedUrl).toBeNull();
  });

  it('defaults to the address electron-builder publishes to, so installers and the app agree', () => {
    const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as { publish: { provider: string; url: string } };
    expect(config.publish).toEqual({ provider: 'generic', url: DEFAULT_PROFILE.updateFeedUrl });
  });
});

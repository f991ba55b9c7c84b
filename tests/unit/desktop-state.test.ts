import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAppSettings, writeAppSettings } from '../../electron/main/app-settings.js';
import { permissionAllowed } from '../../electron/main/permissions.js';
import { addRecentWorkspace, dropMissingWorkspaces, MAX_RECENT_WORKSPACES, recentForMenu, relaunchArgs } from '../../electron/main/recent-workspaces.js';
import { restoreWindowBounds, type Rect } from '../../electron/main/window-state.js';
import { tempDir } from '../support/temp-dir.js';

describe('recent data folders', () => {
  it('puts the folder opened last first, once', () => {
    expect(addRecentWorkspace(['/srv/a', '/srv/b'], '/srv/b', 'linux')).toEqual(['/srv/b', '/srv/a']);
    expect(addRecentWorkspace(['/srv/a'], '/srv/c/', 'linux')).toEqual(['/srv/c/', '/srv/a']);
    expect(addRecentWorkspace(['/srv/c'], '/srv/c/', 'linux')).toEqual(['/srv/c/']);
  });

  it('treats folders differing only in case as one on Windows and macOS, not on Linux', () => {
    expect(addRecentWorkspace(['C:\\LNV\\Data'], 'c:\\lnv\\data\\', 'win32')).toEqual(['c:\\lnv\\data\\']);
    expect(addRecentWorkspace(['/Users/an/LNV'], '/users/an/lnv', 'darwin')).toHaveLength(1);
    expect(addRecentWorkspace(['/srv/LNV'], '/srv/lnv', 'linux')).toHaveLength(2);
  });

  it('keeps only the newest few', () => {
    const many = Array.from({ length: 20 }, (_, i) => `/srv/${i}`);
    const list = many.reduce<string[]>((acc, dir) => addRecentWorkspace(acc, dir, 'linux'), []);
    expect(list).toHaveLength(MAX_RECENT_WORKSPACES);
    expect(list[0]).toBe('/srv/19');
  });

  it('drops folders that no longer exist, and leaves the open one out of the menu', () => {
    expect(dropMissingWorkspaces(['/srv/a', '/gone', '/srv/b'], (p) => p !== '/gone')).toEqual(['/srv/a', '/srv/b']);
    expect(recentForMenu(['/srv/a', '/srv/b'], '/srv/a/', 'linux')).toEqual(['/srv/b']);
  });

  it('relaunches with the same arguments and the new --data', () => {
    expect(relaunchArgs(['.', '--data', '/srv/old', '--inspect'], '/srv/new')).toEqual(['.', '--inspect', '--data', '/srv/new']);
    expect(relaunchArgs(['.', '--data=/srv/old'], '/srv/new')).toEqual(['.', '--data', '/srv/new']);
  });
});

describe('window place', () => {
  const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
  const monitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

  it('opens centred at the default size the first time, shrunk to fit a small screen', () => {
    expect(restoreWindowBounds(null, [laptop], { width: 1440, height: 900 })).toEqual({ width: 1440, height: 860, maximized: false });
  });

  it('reopens where it was when that is on a display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, monitor], { width: 1440, height: 900 })).toEqual({ ...saved.bounds, maximized: false });
    expect(restoreWindowBounds({ ...saved, maximized: true }, [laptop, monitor], { width: 1440, height: 900 }).maximized).toBe(true);
  });

  it('comes back onto the laptop when the monitor it was on is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1600, height: 1000 }, maximized: false };
    const restored = restoreWindowBounds(saved, [laptop], { width: 1440, height: 900 });
    expect(restored).toEqual({ width: 1440, height: 860, maximized: false });
  });

  it('never keeps a title bar above the screen or a window hanging off its edge', () => {
    const above = restoreWindowBounds({ bounds: { x: 100, y: -500, width: 1000, height: 700 }, maximized: false }, [laptop], { width: 1440, height: 900 });
    expect(above.x).toBeUndefined();
    const overhang = restoreWindowBounds({ bounds: { x: 1000, y: 300, width: 1000, height: 700 }, maximized: false }, [laptop], { width: 1440, height: 900 });
    expect(overhang).toEqual({ x: 440, y: 160, width: 1000, height: 700, maximized: false });
  });
});

describe('app settings file', () => {
  it('survives a missing or damaged file with defaults, and keeps what was written', () => {
    const dir = tempDir();
    const file = join(dir, 'desk-settings.json');
    expect(readAppSettings(file)).toEqual({ recentWorkspaces: [], window: null, language: 'vi' });
    writeFileSync(file, '{"recentWorkspaces": 5, "language": "fr"');
    expect(readAppSettings(file)).toEqual({ recentWorkspaces: [], window: null, language: 'vi' });
    const settings = { recentWorkspaces: ['/srv/a'], window: { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: true }, language: 'en' as const };
    writeAppSettings(file, settings);
    expect(readAppSettings(file)).toEqual(settings);
    writeFileSync(file, JSON.stringify({ ...settings, language: 'fr' }));
    expect(readAppSettings(file)).toEqual({ ...settings, language: 'vi' });
  });
});

describe('page permissions', () => {
  it('allows notifications to the app’s own page and nothing else', () => {
    expect(permissionAllowed('notifications', 'app://desk', 'app://desk')).toBe(true);
    expect(permissionAllowed('notifications', 'https://evil.example', 'app://desk')).toBe(false);
    for (const other of ['media', 'geolocation', 'clipboard-read', 'openExternal']) expect(permissionAllowed(other, 'app://desk', 'app://desk')).toBe(false);
  });
});

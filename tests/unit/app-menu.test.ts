import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../shared/app-commands.js';
import { buildMenuTemplate, MENU_LABELS, menuItems, type MenuLanguage } from '../../electron/main/app-menu-template.js';

const LANGUAGES: MenuLanguage[] = ['vi', 'en'];
const PLATFORMS = ['win32', 'darwin', 'linux'];
const template = (language: MenuLanguage, platform: string, recent: string[] = []) => buildMenuTemplate({ language, platform, recent, devTools: false });

describe('application menu', () => {
  it('has the Vietnamese top menus Tệp, Sửa, Xem, Số báo, Xuất bản, Trợ giúp on Windows and Linux', () => {
    expect(template('vi', 'win32').map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Số báo', 'Xuất bản', 'Trợ giúp']);
    expect(template('en', 'linux').map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Issue', 'Publish', 'Help']);
  });

  it('puts the app menu with Quit first on macOS, and Quit in File elsewhere', () => {
    const mac = template('vi', 'darwin');
    expect(mac[0]?.label).toBe('LNV Desk');
    expect(mac[0]?.items).toContainEqual({ type: 'role', label: 'Thoát', role: 'quit' });
    expect(mac.find((m) => m.id === 'file')?.items.some((i) => i.type === 'role' && i.role === 'quit')).toBe(false);
    expect(template('vi', 'win32').find((m) => m.id === 'file')?.items).toContainEqual({ type: 'role', label: 'Thoát', role: 'quit' });
  });

  it('has every label in both languages, none empty, and the two languages differ where words do', () => {
    const keys = Object.keys(MENU_LABELS.vi);
    expect(Object.keys(MENU_LABELS.en).sort()).toEqual([...keys].sort());
    for (const language of LANGUAGES) {
      for (const key of keys) expect(MENU_LABELS[language][key as keyof typeof MENU_LABELS.vi].trim(), `${language}.${key}`).not.toBe('');
    }
    expect(MENU_LABELS.vi.checkUpdates).toBe('Kiểm tra cập nhật…');
    expect(MENU_LABELS.en.checkUpdates).toBe('Check for updates…');
  });

  it('labels every item of every variant (language × platform), and offers every command', () => {
    for (const language of LANGUAGES) {
      for (const platform of PLATFORMS) {
        const items = menuItems(template(language, platform, ['/data/lnv-2024']));
        for (const item of items) if (item.type !== 'separator') expect(item.label.trim(), `${language} ${platform}`).not.toBe('');
        const commands = new Set(items.flatMap((i) => (i.type === 'command' ? [i.command] : [])));
        expect([...commands].sort(), `${language} ${platform}`).toEqual([...APP_COMMANDS].sort());
      }
    }
  });

  it('gives no two items the same shortcut', () => {
    for (const platform of PLATFORMS) {
      const accelerators = menuItems(template('vi', platform)).flatMap((i) => ('accelerator' in i && i.accelerator ? [i.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
      expect(accelerators).toContain('CmdOrCtrl+N');
    }
  });

  it('uses Electron roles for the edit menu, so undo, copy and paste work in every text field', () => {
    const edit = template('vi', 'win32').find((m) => m.id === 'edit');
    expect(edit?.items.flatMap((i) => (i.type === 'role' ? [i.role] : []))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']);
    expect(edit?.items).toContainEqual({ type: 'role', role: 'paste', label: 'Dán' });
  });

  it('lists recent data folders with a way to clear them, or says there are none', () => {
    const file = (recent: string[]) => template('vi', 'linux', recent).find((m) => m.id === 'file');
    const submenu = (recent: string[]) => file(recent)?.items.find((i) => i.type === 'submenu');
    expect(submenu(['/srv/lnv-2024', '/srv/lnv-2023'])).toMatchObject({
      label: 'Kho dữ liệu gần đây',
      items: [
        { type: 'recent', path: '/srv/lnv-2024' },
        { type: 'recent', path: '/srv/lnv-2023' },
        { type: 'separator' },
        { type: 'action', action: 'workspace.clearRecent', label: 'Xoá danh sách' },
      ],
    });
    expect(submenu([])).toMatchObject({ items: [{ type: 'disabled', label: '(Chưa có)' }] });
  });

  it('shows the developer tools only in development builds', () => {
    const hasDevTools = (devTools: boolean) =>
      menuItems(buildMenuTemplate({ language: 'vi', platform: 'win32', recent: [], devTools })).some((i) => i.type === 'role' && i.role === 'toggleDevTools');
    expect(hasDevTools(false)).toBe(false);
    expect(hasDevTools(true)).toBe(true);
  });
});

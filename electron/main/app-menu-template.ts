import type { AppCommand } from '../../shared/app-commands.js';

/**
 * The application menu as data: labels in the UI's language, shortcuts, and what each item does
 * (a command for the renderer, an action of the main process, or an Electron role for the standard
 * edit and window items). app-menu.ts turns it into Electron's Menu; this file stays pure so the
 * menu is tested without Electron.
 */
export type MenuLanguage = 'vi' | 'en';

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'services';

/** Done by the main process itself: choosing another data folder restarts the app on it. */
export type MainAction = 'workspace.choose' | 'workspace.clearRecent';

export type MenuItemSpec =
  | { type: 'command'; label: string; command: AppCommand; accelerator?: string }
  | { type: 'action'; label: string; action: MainAction; accelerator?: string }
  | { type: 'recent'; label: string; path: string }
  | { type: 'role'; label: string; role: MenuRole }
  | { type: 'disabled'; label: string }
  | { type: 'separator' }
  | { type: 'submenu'; label: string; items: MenuItemSpec[] };

export type TopMenuId = 'app' | 'file' | 'edit' | 'view' | 'issue' | 'publish' | 'window' | 'help';
export interface TopMenuSpec {
  id: TopMenuId;
  label: string;
  items: MenuItemSpec[];
}

const VI = {
  appMenu: 'LNV Desk',
  file: 'Tệp',
  edit: 'Sửa',
  view: 'Xem',
  issue: 'Số báo',
  publish: 'Xuất bản',
  window: 'Cửa sổ',
  help: 'Trợ giúp',
  newArticle: 'Bài mới',
  importWord: 'Nhập Word (.docx)…',
  chooseWorkspace: 'Mở kho dữ liệu…',
  recentWorkspaces: 'Kho dữ liệu gần đây',
  noRecent: '(Chưa có)',
  clearRecent: 'Xoá danh sách',
  openLogs: 'Mở thư mục nhật ký',
  quit: 'Thoát',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Chép',
  paste: 'Dán',
  pasteAndMatchStyle: 'Dán không kèm định dạng',
  selectAll: 'Chọn tất cả',
  articles: 'Danh sách bài',
  trash: 'Thùng rác',
  resetZoom: 'Cỡ chữ mặc định',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  fullscreen: 'Toàn màn hình',
  devTools: 'Công cụ nhà phát triển',
  printDesk: 'Dàn trang',
  preflight: 'Kiểm tra trước khi in',
  exportIssue: 'Xuất PDF và ảnh trang…',
  publishArticle: 'Xuất bản bài đang mở…',
  sync: 'Đồng bộ với trang web…',
  minimize: 'Thu nhỏ cửa sổ',
  close: 'Đóng cửa sổ',
  checkUpdates: 'Kiểm tra cập nhật…',
  about: 'Giới thiệu LNV Desk',
  hide: 'Ẩn LNV Desk',
  hideOthers: 'Ẩn ứng dụng khác',
  unhide: 'Hiện tất cả',
  services: 'Dịch vụ',
} as const;

export type MenuLabelKey = keyof typeof VI;

const EN: Record<MenuLabelKey, string> = {
  appMenu: 'LNV Desk',
  file: 'File',
  edit: 'Edit',
  view: 'View',
  issue: 'Issue',
  publish: 'Publish',
  window: 'Window',
  help: 'Help',
  newArticle: 'New article',
  importWord: 'Import Word (.docx)…',
  chooseWorkspace: 'Open data folder…',
  recentWorkspaces: 'Recent data folders',
  noRecent: '(None yet)',
  clearRecent: 'Clear list',
  openLogs: 'Open logs folder',
  quit: 'Quit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  pasteAndMatchStyle: 'Paste without formatting',
  selectAll: 'Select all',
  articles: 'Article list',
  trash: 'Trash',
  resetZoom: 'Actual size',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fullscreen: 'Full screen',
  devTools: 'Developer tools',
  printDesk: 'Page layout',
  preflight: 'Preflight check',
  exportIssue: 'Export PDF and page images…',
  publishArticle: 'Publish the open article…',
  sync: 'Sync with the website…',
  minimize: 'Minimise window',
  close: 'Close window',
  checkUpdates: 'Check for updates…',
  about: 'About LNV Desk',
  hide: 'Hide LNV Desk',
  hideOthers: 'Hide others',
  unhide: 'Show all',
  services: 'Services',
};

export const MENU_LABELS: Record<MenuLanguage, Record<MenuLabelKey, string>> = { vi: VI, en: EN };

export interface MenuOptions {
  language: MenuLanguage;
  platform: string;
  /** Other data folders opened before, newest first (the open one left out). */
  recent: readonly string[];
  /** Development builds only: the developer tools. */
  devTools: boolean;
}

export function buildMenuTemplate({ language, platform, recent, devTools }: MenuOptions): TopMenuSpec[] {
  const l = MENU_LABELS[language];
  const mac = platform === 'darwin';
  const command = (label: MenuLabelKey, id: AppCommand, accelerator?: string): MenuItemSpec => ({
    type: 'command',
    label: l[label],
    command: id,
    ...(accelerator ? { accelerator } : {}),
  });
  const role = (label: MenuLabelKey, name: MenuRole): MenuItemSpec => ({ type: 'role', label: l[label], role: name });
  const separator: MenuItemSpec = { type: 'separator' };

  const recentItems: MenuItemSpec[] =
    recent.length === 0
      ? [{ type: 'disabled', label: l.noRecent }]
      : [...recent.map((path): MenuItemSpec => ({ type: 'recent', label: path, path })), separator, { type: 'action', label: l.clearRecent, action: 'workspace.clearRecent' }];

  const menus: TopMenuSpec[] = [
    {
      id: 'file',
      label: l.file,
      items: [
        command('newArticle', 'article.new', 'CmdOrCtrl+N'),
        command('importWord', 'article.importWord', 'CmdOrCtrl+O'),
        separator,
        { type: 'action', label: l.chooseWorkspace, action: 'workspace.choose', accelerator: 'CmdOrCtrl+Shift+O' },
        { type: 'submenu', label: l.recentWorkspaces, items: recentItems },
        separator,
        command('openLogs', 'app.openLogs'),
        ...(mac ? [] : [separator, role('quit', 'quit')]),
      ],
    },
    {
      id: 'edit',
      label: l.edit,
      items: [
        role('undo', 'undo'),
        role('redo', 'redo'),
        separator,
        role('cut', 'cut'),
        role('copy', 'copy'),
        role('paste', 'paste'),
        role('pasteAndMatchStyle', 'pasteAndMatchStyle'),
        role('selectAll', 'selectAll'),
      ],
    },
    {
      id: 'view',
      label: l.view,
      items: [
        command('articles', 'view.articles', 'CmdOrCtrl+1'),
        command('trash', 'view.trash'),
        separator,
        role('resetZoom', 'resetZoom'),
        role('zoomIn', 'zoomIn'),
        role('zoomOut', 'zoomOut'),
        separator,
        role('fullscreen', 'togglefullscreen'),
        ...(devTools ? [role('devTools', 'toggleDevTools')] : []),
      ],
    },
    {
      id: 'issue',
      label: l.issue,
      items: [
        command('printDesk', 'print.open', 'CmdOrCtrl+2'),
        separator,
        command('preflight', 'print.preflight', 'F7'),
        command('exportIssue', 'print.export', 'CmdOrCtrl+Shift+E'),
      ],
    },
    {
      id: 'publish',
      label: l.publish,
      items: [command('publishArticle', 'publish.open', 'CmdOrCtrl+Shift+P'), command('sync', 'publish.sync')],
    },
    ...(mac ? [{ id: 'window' as const, label: l.window, items: [role('minimize', 'minimize'), role('close', 'close')] }] : []),
    {
      id: 'help',
      label: l.help,
      items: [command('checkUpdates', 'app.checkUpdates'), command('openLogs', 'app.openLogs'), separator, command('about', 'help.about')],
    },
  ];
  if (!mac) return menus;
  // macOS puts the application's own menu first, with Quit in it.
  const appMenu: TopMenuSpec = {
    id: 'app',
    label: l.appMenu,
    items: [
      command('about', 'help.about'),
      command('checkUpdates', 'app.checkUpdates'),
      separator,
      role('services', 'services'),
      separator,
      role('hide', 'hide'),
      role('hideOthers', 'hideOthers'),
      role('unhide', 'unhide'),
      separator,
      role('quit', 'quit'),
    ],
  };
  return [appMenu, ...menus];
}

/** Every item of a template, submenus included (for tests and for finding an item by command). */
export function menuItems(menus: readonly TopMenuSpec[]): MenuItemSpec[] {
  const walk = (items: readonly MenuItemSpec[]): MenuItemSpec[] => items.flatMap((item) => (item.type === 'submenu' ? [item, ...walk(item.items)] : [item]));
  return menus.flatMap((menu) => walk(menu.items));
}

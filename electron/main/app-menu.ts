import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/app-commands.js';
import { buildMenuTemplate, type MainAction, type MenuItemSpec, type MenuOptions } from './app-menu-template.js';

export interface MenuHandlers {
  command(command: AppCommand): void;
  action(action: MainAction): void;
  openRecent(path: string): void;
}

function toElectron(item: MenuItemSpec, handlers: MenuHandlers): MenuItemConstructorOptions {
  switch (item.type) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: item.role, label: item.label };
    case 'disabled':
      return { label: item.label, enabled: false };
    case 'command':
      return { label: item.label, accelerator: item.accelerator, click: () => handlers.command(item.command) };
    case 'action':
      return { label: item.label, accelerator: item.accelerator, click: () => handlers.action(item.action) };
    case 'recent':
      return { label: item.label, click: () => handlers.openRecent(item.path) };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((child) => toElectron(child, handlers)) };
  }
}

/** Installs the application menu built from the pure template (app-menu-template.ts). */
export function installAppMenu(options: MenuOptions, handlers: MenuHandlers): void {
  const template = buildMenuTemplate(options).map((menu) => ({ label: menu.label, submenu: menu.items.map((item) => toElectron(item, handlers)) }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

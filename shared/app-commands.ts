import { z } from 'zod';

/**
 * What the application menu (and its keyboard shortcuts) asks the workstation to do. The menu
 * lives in the Electron main process; each command reaches the renderer as an `app.command` event
 * and the renderer runs the action its own buttons run.
 */
export const APP_COMMANDS = [
  'article.new',
  'article.importWord',
  'view.articles',
  'view.trash',
  'print.open',
  'print.preflight',
  'print.export',
  'publish.open',
  'publish.sync',
  'app.checkUpdates',
  'app.openLogs',
  'help.about',
] as const;

export const AppCommand = z.enum(APP_COMMANDS);
export type AppCommand = z.infer<typeof AppCommand>;

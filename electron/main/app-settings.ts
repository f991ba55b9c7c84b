import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const Rect = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });

/**
 * What the desktop app remembers about this computer, outside any data folder: the folders it
 * opened, where its window was, the menu's language. A missing or damaged file means defaults.
 */
export const AppSettings = z.object({
  recentWorkspaces: z.array(z.string().max(4096)).max(50).catch([]).default([]),
  window: z.object({ bounds: Rect, maximized: z.boolean() }).nullable().catch(null).default(null),
  language: z.enum(['vi', 'en']).catch('vi').default('vi'),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const APP_SETTINGS_FILE = 'desk-settings.json';

export function readAppSettings(file: string): AppSettings {
  try {
    return AppSettings.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return AppSettings.parse({});
  }
}

/** Written whole to a temporary file, then renamed, so a crash leaves the old settings or the new ones. */
export function writeAppSettings(file: string, settings: AppSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(AppSettings.parse(settings), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

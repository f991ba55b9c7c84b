import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'LNV Desk';

/**
 * The folder Electron's app.getPath('userData') gives on each system, so the CLI and the host
 * open the same workspace as the desktop app unless told otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LNV_DESK_DATA) return resolve(env.LNV_DESK_DATA);
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
  }
}

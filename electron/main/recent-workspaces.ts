/** The data folders this desk opened, newest first, as the File menu lists them. */
export const MAX_RECENT_WORKSPACES = 8;

/** Windows and macOS file systems ignore case; a trailing separator names the same folder. */
export function folderKey(path: string, platform: string): string {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  return platform === 'win32' || platform === 'darwin' ? trimmed.toLowerCase() : trimmed;
}

/** Puts `folder` first, once, and keeps the newest few. */
export function addRecentWorkspace(list: readonly string[], folder: string, platform: string, limit = MAX_RECENT_WORKSPACES): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const path of [folder, ...list]) {
    const key = folderKey(path, platform);
    if (path.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(path);
  }
  return out.slice(0, limit);
}

/** Folders deleted or on a disk no longer attached drop off the list. */
export function dropMissingWorkspaces(list: readonly string[], exists: (path: string) => boolean): string[] {
  return list.filter((path) => exists(path));
}

/** What the menu offers: every remembered folder but the one open now. */
export function recentForMenu(list: readonly string[], current: string, platform: string): string[] {
  const open = folderKey(current, platform);
  return list.filter((path) => folderKey(path, platform) !== open);
}

/** The arguments to relaunch the app on another data folder: the same ones, with `--data` replaced. */
export function relaunchArgs(argv: readonly string[], folder: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--data') {
      i += 1;
      continue;
    }
    if (argv[i]?.startsWith('--data=')) continue;
    out.push(argv[i] as string);
  }
  return [...out, '--data', folder];
}

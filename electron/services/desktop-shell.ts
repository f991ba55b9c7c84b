import type { UpdateState } from '../../shared/app-update.js';

export type UiLanguage = 'vi' | 'en';

/**
 * What only the desktop app can do for the contract calls `app.*`: run the updater, open a folder
 * in the file manager, rebuild its menu in the UI's language. The Electron main process gives its
 * own; the browser host and the CLI use `browserShell`, which says plainly what it cannot do.
 */
export interface DesktopShell {
  updateState(): UpdateState;
  checkForUpdates(): Promise<UpdateState>;
  downloadUpdate(): Promise<UpdateState>;
  /** Quits and installs the downloaded update; the caller has checked that nothing is running. */
  installUpdate(): void;
  openFolder(path: string): Promise<boolean>;
  setLanguage(language: UiLanguage): void;
}

export const UPDATES_IN_DESKTOP_APP =
  'Trong trình duyệt, LNV Desk không tự cập nhật: việc tìm, tải và cài bản mới do ứng dụng LNV Desk trên máy tính đảm nhận.';

export function browserShell(currentVersion: string): DesktopShell {
  const state: UpdateState = {
    phase: 'unsupported',
    currentVersion,
    version: null,
    releaseNotes: null,
    percent: null,
    message: UPDATES_IN_DESKTOP_APP,
  };
  return {
    updateState: () => state,
    checkForUpdates: () => Promise.resolve(state),
    downloadUpdate: () => Promise.resolve(state),
    installUpdate: () => undefined,
    openFolder: () => Promise.resolve(false),
    setLanguage: () => undefined,
  };
}

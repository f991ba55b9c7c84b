import { mkdirSync } from 'node:fs';
import electronUpdater, { type UpdateInfo } from 'electron-updater';
import { app, shell } from 'electron';
import { initialUpdateState, nextUpdateState, releaseNotesText, type UpdateState, type UpdaterEvent } from '../../shared/app-update.js';
import type { AppLog } from '../services/app-log.js';
import type { DesktopShell, UiLanguage } from '../services/desktop-shell.js';

export interface ElectronShellOptions {
  log: AppLog;
  /** The feed named in the publication profile now (it may change while the app runs). */
  feedUrl(): string | null;
  onUpdate(state: UpdateState): void;
  onLanguage(language: UiLanguage): void;
}

/**
 * The desktop side of the `app.*` calls. electron-updater never downloads or installs by itself:
 * the renderer asks the person first, and the install call is refused while work is running.
 */
export function createElectronShell(options: ElectronShellOptions): DesktopShell & { checkAtStart(): void } {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = { info: (m: unknown) => options.log.info(String(m)), warn: (m: unknown) => options.log.warn(String(m)), error: (m: unknown) => options.log.error(String(m)) };

  let state = app.isPackaged
    ? initialUpdateState(app.getVersion(), options.feedUrl())
    : { ...initialUpdateState(app.getVersion(), null), phase: 'unsupported' as const, message: 'Bản chạy thử (chưa đóng gói) không tự cập nhật.' };
  const apply = (event: UpdaterEvent) => {
    state = nextUpdateState(state, event);
    options.onUpdate(state);
  };
  const notes = (info: UpdateInfo) => releaseNotesText(info.releaseNotes);
  autoUpdater.on('checking-for-update', () => apply({ type: 'checking' }));
  autoUpdater.on('update-available', (info) => apply({ type: 'available', version: info.version, releaseNotes: notes(info) }));
  autoUpdater.on('update-not-available', () => apply({ type: 'none' }));
  autoUpdater.on('download-progress', (progress) => apply({ type: 'progress', percent: progress.percent }));
  autoUpdater.on('update-downloaded', (info) => apply({ type: 'downloaded', version: info.version, releaseNotes: notes(info) }));
  autoUpdater.on('error', (error) => apply({ type: 'error', message: `Không cập nhật được: ${error.message}` }));

  const check = async (): Promise<UpdateState> => {
    if (state.phase === 'unsupported' || state.phase === 'checking' || state.phase === 'downloading' || state.phase === 'downloaded') return state;
    const url = options.feedUrl();
    if (!url) {
      state = initialUpdateState(state.currentVersion, null);
      options.onUpdate(state);
      return state;
    }
    autoUpdater.setFeedURL({ provider: 'generic', url });
    try {
      await autoUpdater.checkForUpdates();
    } catch (error) {
      apply({ type: 'error', message: `Không kiểm tra được bản mới: ${(error as Error).message}` });
    }
    return state;
  };

  return {
    updateState: () => state,
    checkForUpdates: check,
    checkAtStart: () => void check(),
    downloadUpdate: async () => {
      if (state.phase !== 'available') return state;
      try {
        await autoUpdater.downloadUpdate();
      } catch (error) {
        apply({ type: 'error', message: `Không tải được bản mới: ${(error as Error).message}` });
      }
      return state;
    },
    // After the call has answered, so the renderer hears that the restart is coming.
    installUpdate: () => setImmediate(() => autoUpdater.quitAndInstall(false, true)),
    openFolder: async (path) => {
      mkdirSync(path, { recursive: true });
      return (await shell.openPath(path)) === '';
    },
    setLanguage: (language) => options.onLanguage(language),
  };
}

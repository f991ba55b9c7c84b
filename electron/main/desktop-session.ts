import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, nativeTheme, screen } from 'electron';
import type { AppCommand } from '../../shared/app-commands.js';
import { restartDecision } from '../../shared/app-update.js';
import { logActivity } from '../services/activity-log.js';
import { openAppLog, type AppLog } from '../services/app-log.js';
import { busyReasons } from '../services/busy.js';
import { CRASH_REPORTS_DIR, installCrashHandlers } from '../services/crash-report.js';
import type { DeskRuntime } from '../services/workspace/desk-runtime.js';
import { installAppMenu } from './app-menu.js';
import type { MainAction } from './app-menu-template.js';
import { APP_SETTINGS_FILE, readAppSettings, writeAppSettings, type AppSettings } from './app-settings.js';
import { addRecentWorkspace, dropMissingWorkspaces, recentForMenu, relaunchArgs } from './recent-workspaces.js';
import { createElectronShell } from './updater.js';
import { restoreWindowBounds, type InitialBounds } from './window-state.js';

const DEFAULT_SIZE = { width: 1440, height: 900 };

/**
 * The desktop app around one data folder: its log and crash reports, the settings it keeps on this
 * computer (recent folders, window place, menu language), the menu, the updater. Decisions live in
 * the pure modules beside it; this file only wires them to Electron.
 */
export class DesktopSession {
  readonly log: AppLog;
  readonly shell: ReturnType<typeof createElectronShell>;
  private readonly settingsFile = join(app.getPath('userData'), APP_SETTINGS_FILE);
  private settings: AppSettings;
  private desk: DeskRuntime | null = null;

  constructor(private readonly dataDir: string) {
    this.log = openAppLog(dataDir, 'app');
    const crashDir = join(dataDir, CRASH_REPORTS_DIR);
    mkdirSync(crashDir, { recursive: true });
    app.setPath('crashDumps', crashDir);
    // Native crashes are written as minidumps beside the JSON reports; nothing is uploaded.
    crashReporter.start({ uploadToServer: false });
    installCrashHandlers({ dataDir, log: this.log, scope: 'app', appVersion: app.getVersion(), exit: (code) => app.exit(code) });
    this.log.info(`LNV Desk ${app.getVersion()} khởi động (Electron ${process.versions.electron ?? '?'}, ${process.platform}), dữ liệu: ${dataDir}`);

    const settings = readAppSettings(this.settingsFile);
    const recent = addRecentWorkspace(dropMissingWorkspaces(settings.recentWorkspaces, existsSync), dataDir, process.platform);
    this.settings = { ...settings, recentWorkspaces: recent };
    this.save();

    this.shell = createElectronShell({
      log: this.log,
      feedUrl: () => this.withWorkspace((ws) => ws.catalog.profile().updateFeedUrl, null),
      onUpdate: (state) => this.desk?.events.emit('app.update', state),
      onLanguage: (language) => {
        this.settings = { ...this.settings, language };
        this.save();
        this.installMenu();
      },
    });
  }

  /** After the data folder is open: the menu, the OS's light or dark theme, the activity log, the first update check. */
  attach(desk: DeskRuntime): void {
    this.desk = desk;
    nativeTheme.themeSource = 'system';
    logActivity(desk.events, () => desk.workspace.outbox.list(), this.log);
    this.installMenu();
    this.shell.checkAtStart();
  }

  windowBounds(): InitialBounds {
    const primary = screen.getPrimaryDisplay();
    const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
    return restoreWindowBounds(this.settings.window, [primary, ...others].map((d) => d.workArea), DEFAULT_SIZE);
  }

  /** Remembers where the window was when it closes. */
  track(window: BrowserWindow): void {
    window.on('close', () => {
      this.settings = { ...this.settings, window: { bounds: window.getNormalBounds(), maximized: window.isMaximized() } };
      this.save();
    });
  }

  private withWorkspace<T>(read: (ws: DeskRuntime['workspace']) => T, otherwise: T): T {
    try {
      return this.desk ? read(this.desk.workspace) : otherwise;
    } catch {
      return otherwise;
    }
  }

  private save(): void {
    try {
      writeAppSettings(this.settingsFile, this.settings);
    } catch (error) {
      this.log.warn('Không ghi được thiết lập của ứng dụng', error);
    }
  }

  private installMenu(): void {
    installAppMenu(
      {
        language: this.settings.language,
        platform: process.platform,
        recent: recentForMenu(this.settings.recentWorkspaces, this.dataDir, process.platform),
        devTools: !app.isPackaged,
      },
      {
        command: (command: AppCommand) => this.desk?.events.emit('app.command', { command }),
        action: (action: MainAction) => void this.runAction(action),
        openRecent: (path) => void this.switchTo(path),
      },
    );
  }

  private async runAction(action: MainAction): Promise<void> {
    if (action === 'workspace.clearRecent') {
      this.settings = { ...this.settings, recentWorkspaces: [this.dataDir] };
      this.save();
      this.installMenu();
      return;
    }
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: this.settings.language === 'en' ? 'Open data folder' : 'Mở kho dữ liệu', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = chosen.filePaths[0];
    if (!chosen.canceled && folder) await this.switchTo(folder);
  }

  /** Opens another data folder by restarting on it, unless an export or a publish would be cut short. */
  private async switchTo(folder: string): Promise<void> {
    const decision = restartDecision(this.withWorkspace((ws) => busyReasons(ws), []), 'switch');
    if (!decision.allowed) {
      await dialog.showMessageBox({ type: 'info', message: decision.message });
      return;
    }
    this.settings = { ...this.settings, recentWorkspaces: addRecentWorkspace(this.settings.recentWorkspaces, folder, process.platform) };
    this.save();
    this.log.info(`Mở kho dữ liệu khác: ${folder}`);
    app.relaunch({ args: relaunchArgs(process.argv.slice(1), folder) });
    app.quit();
  }
}

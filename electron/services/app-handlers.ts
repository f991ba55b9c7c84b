import { join } from 'node:path';
import { restartDecision } from '../../shared/app-update.js';
import { LOGS_DIR } from './app-log.js';
import { busyReasons } from './busy.js';
import { CRASH_REPORTS_DIR } from './crash-report.js';
import type { Handlers } from './desk-handlers.js';
import type { DesktopShell } from './desktop-shell.js';
import type { Workspace } from './workspace/workspace.js';

type AppCall = 'app.update.status' | 'app.update.check' | 'app.update.download' | 'app.update.install' | 'app.folder.open' | 'app.language.set';

/** The `app.*` calls: the same checks on every front door, the desktop-only work left to the shell. */
export function createAppHandlers(ws: Workspace, shell: DesktopShell): Pick<Handlers, AppCall> {
  const folders = { logs: LOGS_DIR, crashReports: CRASH_REPORTS_DIR, data: '.' } as const;
  return {
    'app.update.status': () => shell.updateState(),
    'app.update.check': () => shell.checkForUpdates(),
    'app.update.download': () => shell.downloadUpdate(),
    'app.update.install': () => {
      const state = shell.updateState();
      if (state.phase !== 'downloaded') {
        return { installing: false, reasons: [], message: state.message ?? 'Chưa có bản cập nhật nào đã tải xong để cài.' };
      }
      const decision = restartDecision(busyReasons(ws));
      if (!decision.allowed) return { installing: false, reasons: decision.reasons, message: decision.message };
      shell.installUpdate();
      return { installing: true, reasons: [], message: `LNV Desk khởi động lại để cài bản ${state.version ?? 'mới'}.` };
    },
    'app.folder.open': async ({ folder }) => {
      const path = join(ws.dataDir, folders[folder]);
      return { path, opened: await shell.openFolder(path) };
    },
    'app.language.set': ({ language }) => {
      shell.setLanguage(language);
      return { language };
    },
  };
}

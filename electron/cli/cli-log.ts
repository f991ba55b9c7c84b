import { APP_VERSION } from '../services/desk-handlers.js';
import { openAppLog, type AppLog } from '../services/app-log.js';
import { installCrashHandlers, writeCrashReport } from '../services/crash-report.js';

/** One command per process: the log it writes to, for the last-resort error report. */
let current: { log: AppLog; dataDir: string } | null = null;

/**
 * Opens `<data>/logs/desk.log` for this command (`serve` writes as the host), records the start,
 * and makes an uncaught error end the process with a crash report in `<data>/crash-reports/`.
 */
export function startCliLog(dataDir: string, command: string): AppLog {
  const scope = command === 'serve' || command === 'start' ? 'host' : 'cli';
  const log = openAppLog(dataDir, scope);
  installCrashHandlers({ dataDir, log, scope, appVersion: APP_VERSION });
  log.info(`desk ${command.slice(0, 40)} — LNV Desk ${APP_VERSION}, Node ${process.version}, pid ${process.pid}`);
  current = { log, dataDir };
  return log;
}

/** A command ended by an error that is our fault: logged with its stack, written as a crash report; returns the report's path. */
export function reportInternalError(error: unknown): string | null {
  if (!current) return null;
  current.log.error('Lệnh dừng vì lỗi nội bộ', error);
  return writeCrashReport(current.dataDir, error, { scope: 'cli', appVersion: APP_VERSION, kind: 'internalError' }, current.log);
}

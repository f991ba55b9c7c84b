import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppLog, LogScope } from './app-log.js';

export const CRASH_REPORTS_DIR = 'crash-reports';
const KEEP_REPORTS = 50;

export interface CrashContext {
  scope: LogScope;
  appVersion: string;
  kind: 'uncaughtException' | 'unhandledRejection' | 'internalError';
}

/**
 * Writes what is known about an error nobody caught to `<data>/crash-reports/` as JSON, for a
 * person to attach to a bug report. Nothing is sent anywhere. Returns the report's path.
 */
export function writeCrashReport(dataDir: string, error: unknown, context: CrashContext, log?: AppLog, now = new Date()): string {
  const dir = join(dataDir, CRASH_REPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const raw = error instanceof Error ? error : new Error(String(error));
  const safe = (log ? log.mask.value(raw) : raw) as Error;
  const report = {
    time: now.toISOString(),
    kind: context.kind,
    process: context.scope,
    appVersion: context.appVersion,
    platform: process.platform,
    arch: process.arch,
    versions: { node: process.versions.node, electron: process.versions.electron ?? null },
    error: { name: safe.name, message: safe.message, stack: safe.stack ?? null },
  };
  const name = `crash-${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.json`;
  const path = join(dir, name);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  const reports = readdirSync(dir).filter((f) => /^crash-.*\.json$/.test(f)).sort();
  for (const old of reports.slice(0, Math.max(0, reports.length - KEEP_REPORTS))) rmSync(join(dir, old), { force: true });
  return path;
}

/**
 * The last resort of every Node front door: an uncaught exception or unhandled rejection is logged
 * with its stack, written as a crash report, and the process ends (its state is unknown by then).
 */
export function installCrashHandlers(options: {
  dataDir: string;
  log: AppLog;
  scope: LogScope;
  appVersion: string;
  exit?: (code: number) => void;
}): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const crash = (kind: CrashContext['kind']) => (error: unknown) => {
    try {
      options.log.error(`Lỗi không được xử lý (${kind})`, error);
      const path = writeCrashReport(options.dataDir, error, { scope: options.scope, appVersion: options.appVersion, kind }, options.log);
      process.stderr.write(`LNV Desk gặp lỗi không lường trước và phải dừng. Báo cáo lỗi: ${path}\n`);
    } finally {
      exit(2);
    }
  };
  process.on('uncaughtException', crash('uncaughtException'));
  process.on('unhandledRejection', crash('unhandledRejection'));
}

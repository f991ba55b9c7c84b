import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import electronLog from 'electron-log/node';
import { SecretMask } from './log-redaction.js';

export const LOGS_DIR = 'logs';
export const LOG_FILE = 'desk.log';

/** Who writes the line: the desktop app's main process, the browser host, or a CLI command. */
export type LogScope = 'app' | 'host' | 'cli';

export interface AppLogOptions {
  /** Rotation: past this size desk.log becomes desk.1.log (default 2 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides desk.log (default 5). */
  keep?: number;
}

/**
 * The log in `<data>/logs/desk.log` that the desktop app, the host and the CLI all write: startup,
 * internal errors with their stack, what became of exports and outbox jobs. Rotated by size.
 * Every line passes through `mask` first, so no password or token reaches the disk.
 */
export interface AppLog {
  readonly dir: string;
  readonly mask: SecretMask;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** desk.log → desk.1.log → … → desk.<keep>.log, the oldest dropped. */
export function rotateLogFiles(path: string, keep: number): void {
  const { dir, name, ext } = parse(path);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  renameSync(path, numbered(1));
}

export function openAppLog(dataDir: string, scope: LogScope, options: AppLogOptions = {}): AppLog {
  const dir = join(dataDir, LOGS_DIR);
  const keep = options.keep ?? 5;
  const mask = new SecretMask();
  const logger = electronLog.create({ logId: `lnv-desk:${scope}:${dir}` });
  logger.transports.console.level = false;
  const file = logger.transports.file;
  file.level = 'info';
  file.maxSize = options.maxBytes ?? 2 * 1024 * 1024;
  file.resolvePathFn = () => join(dir, LOG_FILE);
  file.archiveLogFn = (old) => rotateLogFiles(old.path, keep);
  logger.hooks.push((message) => ({ ...message, data: message.data.map((item) => mask.value(item)) }));
  const scoped = logger.scope(scope);
  return {
    dir,
    mask,
    info: (message, ...details) => scoped.info(message, ...details),
    warn: (message, ...details) => scoped.warn(message, ...details),
    error: (message, ...details) => scoped.error(message, ...details),
  };
}

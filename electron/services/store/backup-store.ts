import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DeskError } from '../../../shared/errors.js';
import { openDatabase, type Db } from './database.js';

/**
 * Why the database at `path` cannot be opened safely, or null when it can (or does not exist yet).
 *
 * Read-only, so a damaged file is never written to: no WAL checkpoint, no migration. A truncated
 * file or garbage in the middle usually makes SQLite throw on the first page it reads; otherwise
 * quick_check lists what it found.
 */
export function databaseProblem(path: string): string | null {
  if (!existsSync(path) || statSync(path).size === 0) return null;
  let db: Db | null = null;
  try {
    db = openDatabase(path, { readonly: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const messages = rows.map((r) => r.quick_check);
    return messages.length === 1 && messages[0] === 'ok' ? null : `Cơ sở dữ liệu ${path} bị hỏng: ${messages.slice(0, 3).join('; ')}.`;
  } catch (error) {
    if (DeskError.is(error)) return error.message;
    const code = (error as { code?: string }).code ?? '';
    return `Cơ sở dữ liệu ${path} bị hỏng (${code || (error as Error).message}).`;
  } finally {
    db?.close();
  }
}

/** An online copy of the open workspace (better-sqlite3 copies page by page between other work). */
export async function copyDatabase(db: Db, target: string): Promise<void> {
  await db.backup(target);
}

export interface BackupContents {
  /** integrity_check's verdict: ["ok"] when the copy is whole. */
  messages: string[];
  articleCount: number;
  /** Every picture the copy records, by content hash. */
  assetHashes: string[];
}

/**
 * Checks a backup copy through and through (integrity_check, not the quicker check) and reads what
 * it holds. `seal` turns a fresh copy into a single self-contained file (rollback journal instead
 * of WAL), so it can be copied, listed and restored without -wal or -shm files beside it.
 */
export function inspectBackup(path: string, options: { seal: boolean }): BackupContents {
  let db: Db;
  try {
    db = new Database(path, { readonly: !options.seal, fileMustExist: true });
  } catch (error) {
    return { messages: [(error as Error).message], articleCount: 0, assetHashes: [] };
  }
  try {
    if (options.seal) db.pragma('journal_mode = DELETE');
    const messages = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (messages.length !== 1 || messages[0] !== 'ok') return { messages, articleCount: 0, assetHashes: [] };
    const articleCount = (db.prepare('SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL').get() as { n: number }).n;
    const assetHashes = (db.prepare('SELECT hash FROM assets ORDER BY hash').all() as { hash: string }[]).map((r) => r.hash);
    return { messages, articleCount, assetHashes };
  } catch (error) {
    return { messages: [(error as Error).message], articleCount: 0, assetHashes: [] };
  } finally {
    db.close();
  }
}

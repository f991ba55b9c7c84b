import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DeskError } from '../../../shared/errors.js';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection: better-sqlite3 compiles on every prepare(),
 * which on the autosave and search paths cost more than running the statements.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Refuses a file that exists but is not SQLite, before SQLite gets a chance to touch it. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    if (header.toString('latin1') !== SQLITE_HEADER) {
      throw new DeskError(
        'not_a_database',
        `Tệp ${path} không phải cơ sở dữ liệu của LNV Desk (có thể đã hỏng hoặc bị ghi đè). Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu hoặc chọn thư mục dữ liệu khác.`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  /** Upgrade the schema up to this version only (tests build older schemas with it). */
  targetVersion?: number;
  readonly?: boolean;
}

/**
 * Opens a workspace database with the settings every connection must have and brings its schema
 * up to date. WAL with synchronous=FULL: an acknowledged save survives a crash of the app and of
 * the machine (the benchmark measures what that costs on the autosave path).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  assertSqliteFile(path);
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('user_version');
  } catch (error) {
    throw asOpenError(path, error);
  }
  try {
    if (!options.readonly) migrate(db, options.targetVersion ?? latestSchemaVersion());
    return db;
  } catch (error) {
    db.close();
    throw asOpenError(path, error);
  }
}

function asOpenError(path: string, error: unknown): unknown {
  if (error instanceof DeskError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DeskError(
      'not_a_database',
      `Cơ sở dữ liệu ${path} bị hỏng (${code}). Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu.`,
    );
  }
  return error;
}

export function latestSchemaVersion(): number {
  return MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Forward-only: each step runs once, in its own transaction, and bumps user_version. */
export function migrate(db: Db, target: number): void {
  const current = schemaVersion(db);
  if (current > latestSchemaVersion()) {
    throw new DeskError(
      'invalid_file',
      `Cơ sở dữ liệu được tạo bởi phiên bản LNV Desk mới hơn (lược đồ ${current}). Hãy cập nhật ứng dụng.`,
    );
  }
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const fk = db.pragma('foreign_key_check') as unknown[];
  const messages = rows.map((r) => r.integrity_check);
  if (fk.length > 0) messages.push(`${fk.length} liên kết khoá ngoại bị hỏng`);
  return messages;
}

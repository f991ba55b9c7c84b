import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupsToKeep } from '../../../shared/backup/retention.js';
import { DeskError } from '../../../shared/errors.js';
import { BackupInfo, BackupName } from '../../../shared/model/backup.js';
import { writeDurably } from '../asset-files.js';
import { copyDatabase, inspectBackup } from '../store/backup-store.js';
import type { Db } from '../store/database.js';

/** What sits beside each backup file: its listing, and the pictures it needs. */
interface Manifest extends BackupInfo {
  assets: string[];
}

/** A backup that passed integrity_check just now, with every picture it names. */
export type CheckedBackup = Manifest;

const PDF_PREVIEW_SUFFIX = '.preview.jpg';

function listing(manifest: Manifest): BackupInfo {
  return BackupInfo.parse(manifest);
}

/** "2025-11-20T08:00:00.123Z" as a name Windows and macOS accept. */
export function timeStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The content-addressed path of a picture under an assets folder (the layout AssetFiles uses). */
function assetPath(root: string, hash: string): string {
  return join(root, hash.slice(0, 2), hash);
}

/**
 * A hard link where the file system allows it (no extra space: asset files are never changed in
 * place, only ever written whole under a new name), a durable copy otherwise.
 */
function linkOrCopy(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
  }
  const temp = `${target}.tmp`;
  copyFileSync(source, temp);
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}

/**
 * <data>/backups: verified copies of the database, each with a manifest, and backups/assets, the
 * pictures those copies name.
 *
 * The database refers to pictures by hash, so a backup of the database alone would restore
 * articles whose pictures may be gone. Each backup therefore keeps its pictures too, as hard links
 * into one content-addressed folder shared by all backups: a picture is stored once however many
 * backups need it, and costs no disk space while the workspace still has it.
 */
export class BackupFolder {
  readonly dir: string;
  private readonly assetsDir: string;

  constructor(
    dataDir: string,
    private readonly workspaceAssets: string,
  ) {
    this.dir = join(dataDir, 'backups');
    this.assetsDir = join(this.dir, 'assets');
  }

  /** Verified backups, newest first. A copy without its manifest never passed the check and is not offered. */
  list(): BackupInfo[] {
    return this.manifests().map(listing);
  }

  private manifests(): Manifest[] {
    if (!existsSync(this.dir)) return [];
    const found: Manifest[] = [];
    for (const entry of readdirSync(this.dir)) {
      if (!BackupName.safeParse(entry).success || !existsSync(join(this.dir, `${entry}.json`))) continue;
      try {
        const raw = JSON.parse(readFileSync(join(this.dir, `${entry}.json`), 'utf8')) as Manifest;
        const info = BackupInfo.parse(raw);
        found.push({ ...info, assets: Array.isArray(raw.assets) ? raw.assets.filter((h) => /^[a-f0-9]{64}$/.test(h)) : [] });
      } catch {
        continue;
      }
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  private manifest(name: string): Manifest {
    const found = BackupName.safeParse(name).success ? this.manifests().find((m) => m.name === name) : undefined;
    if (!found) throw new DeskError('not_found', `Không có bản sao lưu "${name}" (xem: desk backup list).`);
    return found;
  }

  /**
   * Copies the open database while work goes on, checks the copy through and through, keeps the
   * pictures it names, and only then lists it (the manifest is written last).
   */
  async create(db: Db, now: Date): Promise<BackupInfo> {
    mkdirSync(this.dir, { recursive: true });
    const name = `workspace-${timeStamp(now)}.sqlite`;
    const target = join(this.dir, name);
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    try {
      await copyDatabase(db, partial);
    } catch (error) {
      rmSync(partial, { force: true });
      throw new DeskError('io_error', `Không ghi được bản sao lưu vào ${this.dir}: ${(error as Error).message}`);
    }
    const contents = inspectBackup(partial, { seal: true });
    if (contents.messages.join() !== 'ok') {
      rmSync(partial, { force: true });
      throw new DeskError('io_error', `Bản sao lưu vừa chép không qua kiểm tra toàn vẹn (${contents.messages.slice(0, 3).join('; ')}); bản cũ vẫn giữ nguyên.`);
    }
    for (const hash of contents.assetHashes) {
      for (const suffix of ['', PDF_PREVIEW_SUFFIX]) {
        const source = `${assetPath(this.workspaceAssets, hash)}${suffix}`;
        if (existsSync(source)) linkOrCopy(source, `${assetPath(this.assetsDir, hash)}${suffix}`);
      }
    }
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    const manifest: Manifest = {
      name,
      createdAt: now.toISOString(),
      bytes: statSync(target).size,
      articleCount: contents.articleCount,
      assetCount: contents.assetHashes.length,
      assets: contents.assetHashes,
    };
    writeDurably(`${target}.json`, Buffer.from(JSON.stringify(manifest, null, 2)));
    return listing(manifest);
  }

  /** Deletes backups the retention rule no longer keeps, then the pictures no kept backup names. */
  prune(utcOffsetMinutes: number): string[] {
    const manifests = this.manifests();
    const keep = backupsToKeep(manifests, utcOffsetMinutes);
    const removed: string[] = [];
    for (const manifest of manifests) {
      if (keep.has(manifest.name)) continue;
      rmSync(join(this.dir, `${manifest.name}.json`), { force: true });
      rmSync(join(this.dir, manifest.name), { force: true });
      removed.push(manifest.name);
    }
    const needed = new Set(manifests.filter((m) => keep.has(m.name)).flatMap((m) => m.assets));
    if (existsSync(this.assetsDir)) {
      for (const prefix of readdirSync(this.assetsDir)) {
        for (const file of readdirSync(join(this.assetsDir, prefix))) {
          if (!needed.has(file.slice(0, 64))) unlinkSync(join(this.assetsDir, prefix, file));
        }
      }
    }
    return removed;
  }

  /**
   * Puts a backup in place of the workspace database, which must be closed. The file it replaces
   * (with its -wal and -shm) is renamed to `<name>.before-restore-<time>`, never deleted or
   * written to; a damaged database stays exactly as it was for whoever wants to look at it.
   * Pictures the backup names that the workspace lacks come back from backups/assets.
   */
  /** A listed backup that passes integrity_check now (a file can rot after it was made), ready for restoreInto. */
  checked(name: string): CheckedBackup {
    const manifest = this.manifest(name);
    const contents = inspectBackup(join(this.dir, name), { seal: false });
    if (contents.messages.join() !== 'ok') {
      throw new DeskError('invalid_file', `Bản sao lưu ${name} không qua kiểm tra toàn vẹn (${contents.messages.slice(0, 3).join('; ')}); hãy chọn bản khác.`);
    }
    return { ...manifest, assets: [...new Set([...manifest.assets, ...contents.assetHashes])] };
  }

  restoreInto(backup: CheckedBackup, databasePath: string, now: Date): { restored: BackupInfo; setAside: string | null; missingAssets: string[] } {
    const source = join(this.dir, backup.name);
    const incoming = `${databasePath}.restoring`;
    copyFileSync(source, incoming);
    const fd = openSync(incoming, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const aside = `${databasePath}.before-restore-${timeStamp(now)}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(`${databasePath}${suffix}`)) renameSync(`${databasePath}${suffix}`, `${aside}${suffix}`);
    }
    renameSync(incoming, databasePath);
    const missingAssets: string[] = [];
    for (const hash of backup.assets) {
      for (const suffix of ['', PDF_PREVIEW_SUFFIX]) {
        const target = `${assetPath(this.workspaceAssets, hash)}${suffix}`;
        const kept = `${assetPath(this.assetsDir, hash)}${suffix}`;
        if (!existsSync(target) && existsSync(kept)) linkOrCopy(kept, target);
      }
      if (!existsSync(assetPath(this.workspaceAssets, hash))) missingAssets.push(hash);
    }
    return { restored: listing(backup), setAside: existsSync(aside) ? aside : null, missingAssets };
  }
}

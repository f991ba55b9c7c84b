import { z } from 'zod';

/** A backup file's name in <data>/backups: what restore is asked for. No folders, no way out of it. */
export const BackupName = z
  .string()
  .max(200)
  .regex(/^workspace-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/, 'Tên bản sao lưu không hợp lệ');

/** One verified backup: only a copy that passed PRAGMA integrity_check is listed. */
export const BackupInfo = z.object({
  name: BackupName,
  createdAt: z.string(),
  bytes: z.number().int(),
  articleCount: z.number().int(),
  /** Pictures the backup's articles use, kept beside it in backups/assets. */
  assetCount: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/**
 * What the window should show: the workspace ("ok"), or the recovery screen when the database
 * could not be opened safely ("recovery", with the reason and the backups that could replace it).
 */
export const AppState = z.object({
  mode: z.enum(['ok', 'recovery']),
  /** Why the workspace is not open (Vietnamese); null when it is. */
  problem: z.string().nullable(),
  dataDir: z.string(),
  databasePath: z.string(),
  /** Newest first. */
  backups: z.array(BackupInfo),
});
export type AppState = z.infer<typeof AppState>;

export const RestoreResult = z.object({
  state: AppState,
  restored: BackupInfo,
  /** Where the database that was replaced now lies (null when there was none). */
  setAside: z.string().nullable(),
  /** Pictures the restored articles name that neither the workspace nor the backups hold. */
  missingAssets: z.array(z.string()),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

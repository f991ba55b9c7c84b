import { DeskError } from '../../shared/errors.js';
import type { BackupInfo } from '../../shared/model/backup.js';
import { formatBackupDate, openRuntime, print, recoveryAdvice } from './cli-session.js';

export const BACKUP_USAGE = `  backup list [--json]       các bản sao lưu (tự động mỗi ngày; giữ 7 ngày và 4 tuần)
  backup now [--json]        sao lưu ngay vào thư mục backups (có kiểm tra toàn vẹn)
  backup --out TỆP           sao lưu trực tuyến cơ sở dữ liệu ra một tệp
  restore <bản sao lưu>      khôi phục; kho hiện tại được cất sang bên (không xoá)`;

function kib(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}

function show(backup: BackupInfo): string {
  return `${backup.name}  ${formatBackupDate(backup.createdAt)}  ${String(backup.articleCount).padStart(5)} bài  ${String(backup.assetCount).padStart(4)} ảnh  ${kib(backup.bytes)}`;
}

/** `desk backup list|now`: they open the data folder themselves, because listing must work on a damaged database too. */
export async function backupCommand(dataDir: string, action: string | undefined, json: boolean): Promise<number> {
  const runtime = await openRuntime(dataDir);
  try {
    switch (action) {
      case 'list': {
        const backups = await runtime.call('backups.list', {});
        if (json) print(JSON.stringify(backups, null, 2));
        else print(backups.length === 0 ? `Chưa có bản sao lưu nào trong ${runtime.backups.dir}.` : backups.map(show).join('\n'));
        return 0;
      }
      case 'now': {
        const state = runtime.state();
        if (state.mode === 'recovery') throw new DeskError('not_a_database', recoveryAdvice(state));
        const backup = await runtime.call('backups.create', {});
        print(json ? JSON.stringify(backup, null, 2) : `Đã sao lưu và kiểm tra: ${show(backup)}`);
        return 0;
      }
      default:
        throw new DeskError('invalid_input', `Cách dùng:\n${BACKUP_USAGE}`);
    }
  } finally {
    runtime.close();
  }
}

/** `desk restore NAME`: the way back from a damaged database, so it works without the workspace opening. */
export async function restoreCommand(dataDir: string, name: string | undefined, json: boolean): Promise<number> {
  if (!name) throw new DeskError('invalid_input', 'Hãy chỉ ra bản sao lưu cần khôi phục (xem: desk backup list).');
  const runtime = await openRuntime(dataDir);
  try {
    const result = await runtime.call('backups.restore', { name });
    if (json) {
      print(JSON.stringify(result, null, 2));
    } else {
      print(`Đã khôi phục bản sao lưu ngày ${formatBackupDate(result.restored.createdAt)}: ${result.restored.articleCount} bài.`);
      if (result.setAside) print(`Cơ sở dữ liệu trước đó được cất ở: ${result.setAside}`);
    }
    for (const hash of result.missingAssets) process.stderr.write(`Cảnh báo: thiếu ảnh ${hash} (không có trong kho lẫn bản sao lưu).\n`);
    return result.state.mode === 'ok' ? 0 : 1;
  } finally {
    runtime.close();
  }
}

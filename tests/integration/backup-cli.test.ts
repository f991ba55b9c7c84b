import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('desk backup and desk restore', () => {
  const data = tempDir('lnv-cli-backup-');

  it('backs up now into backups/ and lists the backup with its article count', () => {
    expect(runCli(['list', '--data', data]).status).toBe(0);
    const now = runCli(['backup', 'now', '--data', data]);
    expect(now.status).toBe(0);
    expect(now.stdout).toContain('Đã sao lưu và kiểm tra');
    const list = runCli(['backup', 'list', '--json', '--data', data]);
    expect(list.status).toBe(0);
    const backups = JSON.parse(list.stdout) as { name: string; articleCount: number }[];
    expect(backups).toHaveLength(1);
    expect(backups[0]!.articleCount).toBe(8);
    expect(runCli(['backup', 'list', '--data', data]).stdout).toContain(backups[0]!.name);
  });

  it('on a database truncated mid-file: says what to run, exits 1, and leaves the file as it was', () => {
    const database = join(data, 'workspace.sqlite');
    truncateSync(database, Math.floor(statSync(database).size / 2));
    const broken = sha(database);
    const [backup] = JSON.parse(runCli(['backup', 'list', '--json', '--data', data]).stdout) as { name: string }[];

    const list = runCli(['list', '--data', data]);
    expect(list.status).toBe(1);
    expect(list.stderr).toContain('bị hỏng');
    expect(list.stderr).toContain('không ghi gì vào tệp hỏng');
    expect(list.stderr).toContain(`desk restore ${backup!.name} --data ${data}`);
    expect(runCli(['backup', 'now', '--data', data]).status).toBe(1);
    expect(sha(database)).toBe(broken);

    const restore = runCli(['restore', backup!.name, '--data', data]);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('Đã khôi phục bản sao lưu');
    expect(restore.stdout).toContain('before-restore-');
    const aside = readdirSync(data).find((f) => f.startsWith('workspace.sqlite.before-restore-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(sha(join(data, aside!))).toBe(broken);

    const after = runCli(['list', '--data', data]);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain('Tổng: 8 bài');
  });

  it('refuses to restore what is not a backup in the folder', () => {
    const result = runCli(['restore', '../../etc/passwd', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Tên bản sao lưu không hợp lệ');
  });
});

import { describe, expect, it } from 'vitest';
import { backupDue, backupsToKeep, type DatedBackup } from '../../shared/backup/retention.js';

const VIETNAM = 7 * 60;

/** One backup a day at 08:00 Viet Nam time, for `days` days ending on 2025-11-30 (a Sunday). */
function daily(days: number, end = Date.parse('2025-11-30T01:00:00Z')): DatedBackup[] {
  return Array.from({ length: days }, (_, i) => {
    const createdAt = new Date(end - i * 86_400_000).toISOString();
    return { name: createdAt, createdAt };
  });
}

const days = (keep: Set<string>) => [...keep].map((iso) => iso.slice(0, 10)).sort().reverse();

describe('backup retention: 7 daily and 4 weekly', () => {
  it('keeps everything while there are fewer than seven days of backups', () => {
    const backups = daily(5);
    expect(backupsToKeep(backups, VIETNAM).size).toBe(5);
  });

  it('after two months of daily backups keeps the last 7 days and one for each of the 4 weeks before', () => {
    const keep = backupsToKeep(daily(60), VIETNAM);
    expect(days(keep)).toEqual([
      '2025-11-30', '2025-11-29', '2025-11-28', '2025-11-27', '2025-11-26', '2025-11-25', '2025-11-24',
      // the newest backup of each earlier week (Monday to Sunday): the Sundays
      '2025-11-23', '2025-11-16', '2025-11-09', '2025-11-02',
    ]);
  });

  it('keeps only the newest backup of a day when several were taken', () => {
    const backups: DatedBackup[] = [
      { name: 'morning', createdAt: '2025-11-30T01:00:00Z' },
      { name: 'evening', createdAt: '2025-11-30T12:00:00Z' },
      { name: 'yesterday', createdAt: '2025-11-29T01:00:00Z' },
    ];
    expect(backupsToKeep(backups, VIETNAM)).toEqual(new Set(['evening', 'yesterday']));
  });

  it('counts days on the local calendar: 23:30 and 00:30 Viet Nam time are two days', () => {
    const backups: DatedBackup[] = [
      { name: 'after-midnight', createdAt: '2025-11-29T17:30:00Z' },
      { name: 'before-midnight', createdAt: '2025-11-29T16:30:00Z' },
    ];
    expect(backupsToKeep(backups, VIETNAM).size).toBe(2);
    expect(backupsToKeep(backups, 0).size).toBe(1);
  });

  it('never empties the folder of a desk left unused for months', () => {
    const old = daily(30, Date.parse('2025-03-01T01:00:00Z'));
    expect(backupsToKeep(old, VIETNAM).size).toBe(11);
  });

  it('is due with no backup, or once the newest is a day old', () => {
    const now = new Date('2025-11-30T09:00:00Z');
    expect(backupDue(null, now)).toBe(true);
    expect(backupDue('2025-11-30T01:00:00Z', now)).toBe(false);
    expect(backupDue('2025-11-29T09:00:00Z', now)).toBe(true);
  });
});

/** How many backups the automatic schedule keeps. */
export const RETENTION = { daily: 7, weekly: 4 } as const;

export interface DatedBackup {
  name: string;
  /** UTC ISO time the backup was taken. */
  createdAt: string;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 on the calendar of the given offset (minutes east of UTC, +420 in Viet Nam). */
function dayNumber(iso: string, utcOffsetMinutes: number): number {
  return Math.floor((Date.parse(iso) + utcOffsetMinutes * 60_000) / DAY_MS);
}

/** Weeks from Monday to Sunday: 1970-01-01 was a Thursday, three days after a Monday. */
function weekNumber(day: number): number {
  return Math.floor((day + 3) / 7);
}

/**
 * The backups to keep: the newest of each of the 7 most recent days that have one, then the
 * newest of each of the 4 most recent weeks among the older backups (days already kept do not
 * count again). Counting days and weeks that *have* a backup, not calendar days back from today,
 * means a desk left unused for a month still keeps its last backups instead of losing them all.
 */
export function backupsToKeep(backups: readonly DatedBackup[], utcOffsetMinutes: number, rule: { daily: number; weekly: number } = RETENTION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const keep = new Set<string>();
  const keptDays = new Set<number>();
  for (const backup of newestFirst) {
    const day = dayNumber(backup.createdAt, utcOffsetMinutes);
    if (keptDays.has(day)) continue;
    if (keptDays.size === rule.daily) break;
    keptDays.add(day);
    keep.add(backup.name);
  }
  const keptWeeks = new Set<number>();
  for (const backup of newestFirst) {
    const day = dayNumber(backup.createdAt, utcOffsetMinutes);
    if (keptDays.has(day)) continue;
    const week = weekNumber(day);
    if (keptWeeks.has(week)) continue;
    if (keptWeeks.size === rule.weekly) break;
    keptWeeks.add(week);
    keep.add(backup.name);
  }
  return keep;
}

/** A new backup is due when there is none yet or the newest is a day old. */
export function backupDue(newestCreatedAt: string | null, now: Date): boolean {
  return newestCreatedAt === null || now.getTime() - Date.parse(newestCreatedAt) >= DAY_MS;
}

/** Viet Nam keeps UTC+7 all year (Asia/Ho_Chi_Minh has no daylight saving). */
const OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** A datetime-local value ("2025-11-20T14:05") read as Viet Nam wall time → UTC ISO; null if not a time. */
export function vnLocalToUtcIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A UTC ISO moment as Viet Nam wall time, "14:05 20/11/2025". */
export function formatVnTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const v = new Date(ms + OFFSET_MS);
  return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())} ${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

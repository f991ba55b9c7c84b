import { formatNumber } from '../workspace/format.js';

export function formatBackupSize(bytes: number, language: string): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;
}

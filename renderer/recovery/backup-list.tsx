import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RestoreResult } from '../../shared/model/backup.js';
import { useApi } from '../api/api-context.js';
import { formatDateTime } from '../workspace/format.js';
import { formatBackupSize } from './backup-format.js';

interface BackupListProps {
  backups: BackupInfo[];
  /** Runs before the restore call (the editor saves and closes its article). False stops the restore. */
  beforeRestore?: () => Promise<boolean>;
  onRestored: (result: RestoreResult) => void;
}

/**
 * Backups with their date, size and article count, each restorable after a confirmation that
 * says the current database is set aside, not deleted.
 */
export function BackupList({ backups, beforeRestore, onRestored }: BackupListProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    setError(null);
    try {
      if (beforeRestore && !(await beforeRestore())) return;
      onRestored(await api.call('backups.restore', { name: backup.name }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <table className="backup-table">
        <thead>
          <tr>
            <th scope="col">{t('backups.date')}</th>
            <th scope="col">{t('backups.articles')}</th>
            <th scope="col">{t('backups.size')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('backups.restore')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => {
            const date = formatDateTime(backup.createdAt, i18n.language);
            return confirming === backup.name ? (
              <tr key={backup.name} className="backup-confirm">
                <td colSpan={4}>
                  <p role="alert">{t('backups.confirm', { date, count: backup.articleCount })}</p>
                  <div className="backup-confirm-actions">
                    <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)}>
                      {t('backups.cancel')}
                    </button>
                    <button type="button" className="button button-primary" disabled={busy} autoFocus onClick={() => void restore(backup)}>
                      {busy ? t('backups.restoring') : t('backups.confirmYes')}
                    </button>
                  </div>
                </td>
              </tr>
            ) : (
              <tr key={backup.name}>
                <td>{date}</td>
                <td>{t('backups.articleCount', { count: backup.articleCount })}</td>
                <td>{formatBackupSize(backup.bytes, i18n.language)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={busy}
                    aria-label={t('backups.restoreLabel', { date })}
                    onClick={() => setConfirming(backup.name)}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

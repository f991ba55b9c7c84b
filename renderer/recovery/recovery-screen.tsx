import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState, RestoreResult } from '../../shared/model/backup.js';
import { useApi } from '../api/api-context.js';
import { LanguageSwitch } from '../i18n/language-switch.js';
import { formatDateTime } from '../workspace/format.js';
import { formatBackupSize } from './backup-format.js';
import { BackupList } from './backup-list.js';

/**
 * What the window shows when the database is damaged: why nothing opened, that the damaged file is
 * left as it is, and the latest good backup one click away. Restoring sets the damaged file aside
 * (never deletes it), so the one click needs no confirmation; older backups are in the list below.
 */
export function RecoveryScreen({ state, onRestored }: { state: AppState; onRestored: (result: RestoreResult) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [latest, ...older] = state.backups;
  const latestDate = latest ? formatDateTime(latest.createdAt, i18n.language) : '';

  const restoreLatest = async () => {
    if (!latest) return;
    setBusy(true);
    setError(null);
    try {
      onRestored(await api.call('backups.restore', { name: latest.name }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery-card">
        <div className="recovery-head">
          <h1 id="recovery-title">{t('recovery.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{t('recovery.explain')}</p>
        <p className="recovery-problem">
          <strong>{t('recovery.detail')}</strong> {state.problem}
        </p>
        {latest ? (
          <>
            <p>{t('recovery.latest', { date: latestDate, count: latest.articleCount, size: formatBackupSize(latest.bytes, i18n.language) })}</p>
            <button type="button" className="button button-primary recovery-restore" disabled={busy} onClick={() => void restoreLatest()}>
              {busy ? t('backups.restoring') : t('recovery.restoreLatest', { date: latestDate })}
            </button>
            <p className="recovery-note">{t('recovery.aside', { path: state.databasePath })}</p>
            {error && (
              <p className="inline-error" role="alert">
                {error}
              </p>
            )}
            {older.length > 0 && (
              <details className="recovery-older">
                <summary>{t('recovery.older', { count: older.length })}</summary>
                <BackupList backups={older} onRestored={onRestored} />
              </details>
            )}
          </>
        ) : (
          <p role="alert">{t('recovery.noBackup', { dir: state.dataDir })}</p>
        )}
      </div>
    </main>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../shared/model/backup.js';
import { useApi } from '../api/api-context.js';
import { PrintDialog } from '../print/print-dialog.js';
import { formatDateTime } from '../workspace/format.js';
import { BackupList } from './backup-list.js';
import { useOnRestored } from './restore-context.js';

/**
 * "Khôi phục từ bản sao lưu": the backups the desk made (daily, checked, with their pictures), a
 * backup made now on request, and restoring one after a confirmation.
 */
export function BackupsDialog({ beforeRestore, onClose }: { beforeRestore: () => Promise<boolean>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const onRestored = useOnRestored();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('backups.list', {}).then(setBackups, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  useEffect(load, [load]);

  const backUpNow = async () => {
    setWorking(true);
    setError(null);
    try {
      const backup = await api.call('backups.create', {});
      setNotice(t('backups.created', { date: formatDateTime(backup.createdAt, i18n.language) }));
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <PrintDialog title={t('backups.title')} onClose={working ? null : onClose} className="backups-dialog">
      <p className="backups-intro">{t('backups.intro')}</p>
      <div className="backups-actions">
        <button type="button" className="button" disabled={working} onClick={() => void backUpNow()}>
          {working ? t('backups.working') : t('backups.now')}
        </button>
        <p className="notice" aria-live="polite">
          {notice}
        </p>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {backups === null ? (
        <p>{t('backups.loading')}</p>
      ) : backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <BackupList
          backups={backups}
          beforeRestore={beforeRestore}
          onRestored={(result) => {
            onClose();
            onRestored(result);
          }}
        />
      )}
    </PrintDialog>
  );
}

/** The top bar's way into the backups; the editor saves and closes its article before a restore. */
export function BackupsButton({ beforeRestore }: { beforeRestore: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {t('backups.open')}
      </button>
      {open && <BackupsDialog beforeRestore={beforeRestore} onClose={() => setOpen(false)} />}
    </>
  );
}

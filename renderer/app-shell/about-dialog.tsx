import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { PrintDialog } from '../print/print-dialog.js';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "Giới thiệu LNV Desk": the version, the data folder, and the way to the logs and crash reports for a support request. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<{ appVersion: string; dataDir: string } | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('workspace.info', {}).then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const open = async (which: 'logs' | 'crashReports') => {
    setError(null);
    try {
      const result = await api.call('app.folder.open', { folder: which });
      setFolder(result.opened ? null : t(`about.where.${which}`, { path: result.path }));
    } catch (e) {
      setError(message(e));
    }
  };

  return (
    <PrintDialog title={t('about.title')} className="about-dialog" onClose={onClose}>
      <p>{t('about.lead')}</p>
      {info && (
        <dl className="about-facts">
          <dt>{t('about.version')}</dt>
          <dd>{info.appVersion}</dd>
          <dt>{t('about.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </dl>
      )}
      <p className="field-hint">{t('about.support')}</p>
      {folder && (
        <p role="status">
          <code>{folder}</code>
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="print-dialog-actions">
        <button type="button" className="button" onClick={() => void open('logs')}>
          {t('about.openLogs')}
        </button>
        <button type="button" className="button" onClick={() => void open('crashReports')}>
          {t('about.openCrashReports')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('updates.close')}
        </button>
      </div>
    </PrintDialog>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState, RestoreResult } from '../../shared/model/backup.js';
import { useApi } from '../api/api-context.js';
import { WorkspaceScreen } from '../workspace/workspace-screen.js';
import { formatDateTime } from '../workspace/format.js';
import { RecoveryScreen } from './recovery-screen.js';
import { RestoreContext } from './restore-context.js';
import './recovery.css';

/**
 * Asks the Node side first whether the workspace opened (app.state): the workstation when it did,
 * the recovery screen when the database is damaged. After a restore — here or in another window —
 * the workstation is built again from scratch, so nothing on screen comes from the replaced database.
 */
export function AppGate() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [restored, setRestored] = useState<RestoreResult | null>(null);

  const load = useCallback(() => {
    api.call('app.state', {}).then(
      (next) => {
        setState(next);
        setGeneration((n) => n + 1);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    // Not on the language: switching it must not rebuild the workstation and close the open article.
  }, [api]);

  useEffect(load, [load]);
  useEffect(() => api.on('backups.restored', load), [api, load]);

  const onRestored = useCallback((result: RestoreResult) => {
    setRestored(result);
    setState(result.state);
    setGeneration((n) => n + 1);
  }, []);

  if (error) {
    return (
      <main className="no-session">
        <h1>{t('app.name')}</h1>
        <p role="alert">{t('app.loadFailed', { message: error })}</p>
      </main>
    );
  }
  if (!state) return <p className="app-loading">{t('recovery.loading')}</p>;
  if (state.mode === 'recovery') return <RecoveryScreen state={state} onRestored={onRestored} />;
  return (
    <RestoreContext.Provider value={onRestored}>
      <WorkspaceScreen key={generation} />
      {restored && (
        <div className="restore-notice" role="status">
          <p>
            {t('backups.restored', { date: formatDateTime(restored.restored.createdAt, i18n.language) })}
            {restored.setAside && ` ${t('backups.setAside', { path: restored.setAside })}`}
            {restored.missingAssets.length > 0 && ` ${t('backups.missingAssets', { count: restored.missingAssets.length })}`}
          </p>
          <button type="button" className="button button-quiet" onClick={() => setRestored(null)}>
            ×<span className="visually-hidden">{t('backups.dismiss')}</span>
          </button>
        </div>
      )}
    </RestoreContext.Provider>
  );
}

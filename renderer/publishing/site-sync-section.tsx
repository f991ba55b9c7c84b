import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncReport } from '../../shared/model/site-sync.js';
import type { Site } from '../../shared/model/site.js';
import { useApi } from '../api/api-context.js';
import { PullDialog, PulledLine } from './pull-dialog.js';
import { formatVnTime } from './vn-time.js';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Sharing with the other desks through the site: "Đồng bộ" sends the drafts and articles awaiting
 * review changed here and takes those changed on the web; the last sync's time and what came and
 * went stay shown. "Lấy bài từ web" imports chosen posts.
 */
export function SiteSyncSection({ site }: { site: Site }) {
  const { t } = useTranslation();
  const api = useApi();
  const [report, setReport] = useState<SyncReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pulling, setPulling] = useState(false);

  const load = useCallback(() => {
    api.call('sync.status', { siteId: site.id }).then(setReport, (e: unknown) => setError(message(e)));
  }, [api, site.id]);
  useEffect(load, [load]);

  const sync = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.call('sync.run', { siteId: site.id }));
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const sentState = (state: SyncReport['sent'][number]['state']) => t(`sync.sentState.${state}`);

  return (
    <div className="site-sync">
      <div className="panel-actions">
        <button type="button" className="button button-small" disabled={busy} onClick={() => void sync()}>
          {busy ? t('sync.running') : t('sync.run')}
        </button>
        <button type="button" className="button button-small" onClick={() => setPulling(true)}>
          {t('sync.pull')}
        </button>
      </div>
      <p className="publish-meta" role="status">
        {report ? t('sync.last', { time: formatVnTime(report.at), sent: report.sent.length, received: report.received.length }) : t('sync.never')}
      </p>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {report?.offline && (
        <p className="publish-warning" lang="vi">
          {t('sync.offline')} {report.error}
        </p>
      )}
      {report && report.received.length > 0 && (
        <ul className="sync-results" aria-label={t('sync.received')}>
          {report.received.map((r) => (
            <PulledLine key={r.postId} result={r} />
          ))}
        </ul>
      )}
      {report && report.sent.length > 0 && (
        <ul className="sync-results" aria-label={t('sync.sent')}>
          {report.sent.map((s) => (
            <li key={s.articleId} className={`sync-result is-${s.state}`}>
              <strong>{s.title || t('list.untitled')}</strong> · {sentState(s.state)}
              {s.message && (
                <span className="publish-meta" lang="vi">
                  {' '}
                  {s.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {pulling && <PullDialog site={site} onClose={() => setPulling(false)} />}
    </div>
  );
}

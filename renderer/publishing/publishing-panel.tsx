import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../shared/errors.js';
import type { OutboxJob } from '../../shared/model/outbox.js';
import type { Publication, PublishHistoryEntry } from '../../shared/model/publication.js';
import type { Site } from '../../shared/model/site.js';
import { useApi } from '../api/api-context.js';
import type { ArticleEdit } from '../history/side-panels.js';
import { CategoryMapping } from './category-mapping.js';
import { ConflictView } from './conflict-view.js';
import { SeoField } from './seo-field.js';
import { formatVnTime, vnLocalToUtcIso } from './vn-time.js';
import { SiteSyncSection } from './site-sync-section.js';

/** How often the queue is re-read while something is still on its way. */
const POLL_MS = 3000;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isConflict = (job: OutboxJob) => job.state === 'failed' && job.failure === 'conflict';
const mayOnlySubmit = (job: OutboxJob) => job.state === 'failed' && job.action === 'publish' && job.publishStatus === 'publish' && job.failure === 'may-not-publish';

type Enqueue = { action?: 'publish' | 'unpublish'; publishStatus?: 'publish' | 'draft' | 'pending'; scheduledAt?: string | null; overwrite?: boolean };

/**
 * Puts the open article on the magazine's websites: connected sites, one-click publishing, the queue
 * and what went out. onEdit saves the editor first and reloads it after, so what is published is what
 * is on screen, and a web version taken back shows in the editor.
 */
export function PublishingPanel({ articleId, onEdit }: { articleId: number; onEdit: ArticleEdit }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [sites, setSites] = useState<Site[] | null>(null);
  const [siteId, setSiteId] = useState<number | null>(null);
  const [jobs, setJobs] = useState<OutboxJob[] | null>(null);
  const [record, setRecord] = useState<{ publications: Publication[]; history: PublishHistoryEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scheduleLocal, setScheduleLocal] = useState('');

  const loadSites = useCallback(
    () =>
      api.call('sites.list', {}).then(
        (list) => {
          setSites(list);
          setSiteId((current) => (list.some((s) => s.id === current) ? current : (list[0]?.id ?? null)));
        },
        (e: unknown) => setError(message(e)),
      ),
    [api],
  );
  const loadQueue = useCallback(() => {
    api.call('outbox.list', {}).then(
      (all) => setJobs(all.filter((j) => j.articleId === articleId).sort((a, b) => b.id - a.id)),
      (e: unknown) => setError(message(e)),
    );
    api.call('publish.history', { articleId }).then(setRecord, (e: unknown) => setError(message(e)));
  }, [api, articleId]);

  useEffect(() => {
    void loadSites();
    loadQueue();
    return api.on('outbox.changed', () => loadQueue());
  }, [api, loadSites, loadQueue]);

  const inFlight = (jobs ?? []).some((j) => j.state === 'pending' || j.state === 'sending');
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(loadQueue, POLL_MS);
    return () => clearInterval(timer);
  }, [inFlight, loadQueue]);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    setProblems([]);
    setNotice(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (e) {
      if (DeskError.is(e) && e.code === 'invalid_input' && e.details && e.details.length > 0) setProblems(e.details);
      else setError(message(e));
      return false;
    } finally {
      setBusy(false);
      loadQueue();
    }
  };

  const enqueue = (options: Enqueue) =>
    siteId === null ? Promise.resolve(false) : run(() => api.call('outbox.enqueue', { articleId, siteId, ...options }));

  const schedule = async () => {
    const scheduledAt = vnLocalToUtcIso(scheduleLocal);
    if (!scheduledAt) {
      setError(t('publishing.scheduleMissing'));
      return;
    }
    if (await enqueue({ scheduledAt })) setNotice(t('publishing.scheduled', { time: formatVnTime(scheduledAt) }));
  };

  /** Sends the job again in place of the failed one, with changes (overwrite, or pending review instead of publish). */
  const replaceJob = (job: OutboxJob, change: Pick<Enqueue, 'overwrite' | 'publishStatus'>) =>
    run(() =>
      onEdit(async () => {
        await api.call('outbox.enqueue', {
          articleId,
          siteId: job.siteId,
          action: job.action,
          publishStatus: job.publishStatus,
          scheduledAt: job.scheduledAt,
          overwrite: job.overwrite,
          ...change,
        });
        await api.call('outbox.cancel', { id: job.id });
        return null;
      }),
    );

  const keepWeb = async (job: OutboxJob) => {
    let kept = false;
    await run(() =>
      onEdit(async () => {
        await api.call('publish.keepWeb', { articleId, siteId: job.siteId });
        await api.call('outbox.cancel', { id: job.id });
        kept = true;
        return null;
      }),
    );
    if (kept) setNotice(t('publishing.conflict.keptWeb'));
  };

  const disconnect = (site: Site) => run(() => api.call('sites.remove', { id: site.id }).then(loadSites));

  const site = sites?.find((s) => s.id === siteId) ?? null;
  const siteName = (id: number) => sites?.find((s) => s.id === id)?.siteName ?? t('publishing.unknownSite', { id });
  const jobAction = (job: OutboxJob) => (job.action === 'unpublish' ? t('publishing.job.unpublish') : t(`publishing.job.${job.publishStatus}`));
  const postStatus = (status: string | null) => (status ? t(`publishing.postStatus.${status}`, { defaultValue: status }) : '');

  return (
    <div className="publishing">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}

      <section aria-labelledby={`${ids}-sites`}>
        <h3 id={`${ids}-sites`}>{t('publishing.sites')}</h3>
        {sites === null ? (
          <p className="list-empty">{t('publishing.loading')}</p>
        ) : sites.length === 0 ? (
          <p className="list-empty">{t('publishing.noSites')}</p>
        ) : (
          <ul className="publish-sites" aria-label={t('publishing.pickSite')}>
            {sites.map((s) => (
              <li key={s.id} className={s.id === siteId ? 'is-selected' : ''}>
                <label className="publish-site-pick">
                  <input type="radio" name={`${ids}-site`} checked={s.id === siteId} onChange={() => setSiteId(s.id)} />
                  <strong>{s.siteName}</strong>
                </label>
                <span className="publish-meta">
                  {t('publishing.siteUser', { user: s.userName, roles: s.roles.join(', ') })}
                </span>
                {!s.can.publish && <span className="publish-warning">{t('publishing.cannotPublish')}</span>}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={t('publishing.disconnectSite', { site: s.siteName })}
                  disabled={busy}
                  onClick={() => void disconnect(s)}
                >
                  {t('publishing.disconnect')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ConnectForm
          onConnected={(connected) => {
            setSiteId(connected.id);
            void loadSites();
          }}
        />
      </section>

      <section aria-labelledby={`${ids}-send`}>
        <h3 id={`${ids}-send`}>{t('publishing.actions')}</h3>
        <div className="panel-actions" role="group" aria-labelledby={`${ids}-send`}>
          <button type="button" className="button button-primary button-small" disabled={!site || busy} onClick={() => void enqueue({})}>
            {t('publishing.publish')}
          </button>
          <button type="button" className="button button-small" disabled={!site || busy} onClick={() => void enqueue({ publishStatus: 'draft' })}>
            {t('publishing.draft')}
          </button>
          <button
            type="button"
            className="button button-small"
            title={t('publishing.submitReviewHint')}
            disabled={!site || busy}
            onClick={() => void enqueue({ publishStatus: 'pending' })}
          >
            {t('publishing.submitReview')}
          </button>
          <button type="button" className="button button-small" disabled={!site || busy} onClick={() => void enqueue({ action: 'unpublish' })}>
            {t('publishing.unpublish')}
          </button>
        </div>
        <div className="publish-schedule">
          <label htmlFor={`${ids}-when`}>{t('publishing.scheduleAt')}</label>
          <input id={`${ids}-when`} type="datetime-local" value={scheduleLocal} onChange={(e) => setScheduleLocal(e.target.value)} />
          <button type="button" className="button button-small" disabled={!site || busy || !scheduleLocal} onClick={() => void schedule()}>
            {t('publishing.schedule')}
          </button>
        </div>
        <SeoField articleId={articleId} />
        {notice && (
          <p className="panel-status" role="status">
            {notice}
          </p>
        )}
        {problems.length > 0 && (
          <div className="publish-problems" role="alert">
            <p>{t('publishing.problems')}</p>
            <ul aria-label={t('publishing.problemsList')}>
              {problems.map((p) => (
                <li key={p} lang="vi">
                  {p}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby={`${ids}-queue`}>
        <h3 id={`${ids}-queue`}>{t('publishing.queue')}</h3>
        {jobs === null ? (
          <p className="list-empty">{t('publishing.loading')}</p>
        ) : jobs.length === 0 ? (
          <p className="list-empty">{t('publishing.queueEmpty')}</p>
        ) : (
          <ul className="publish-jobs" aria-label={t('publishing.queue')}>
            {jobs.map((job) => (
              <li key={job.id} className={`publish-job is-${job.state}`}>
                <p className="publish-job-head">
                  <strong>{jobAction(job)}</strong> · {siteName(job.siteId)}
                  <span className={`publish-state is-${job.state}`}>{t(`publishing.state.${job.state}`)}</span>
                </p>
                <p className="publish-meta">
                  {job.scheduledAt && <>{t('publishing.scheduledFor', { time: formatVnTime(job.scheduledAt) })} · </>}
                  {t('publishing.attempts', { count: job.attempts })}
                </p>
                {job.lastError && job.state !== 'done' && (
                  <p className="publish-error" lang="vi">
                    {job.lastError}
                  </p>
                )}
                {job.state === 'done' && job.postLink && (
                  <p>
                    <a href={job.postLink} target="_blank" rel="noreferrer">
                      {t('publishing.liveLink')}
                    </a>
                  </p>
                )}
                {(job.state === 'pending' || job.state === 'failed') && (
                  <div className="publish-job-actions">
                    <button type="button" className="button button-small" disabled={busy} onClick={() => void run(() => api.call('outbox.retry', { id: job.id }))}>
                      {t('publishing.retry')}
                    </button>
                    {mayOnlySubmit(job) && (
                      <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void replaceJob(job, { publishStatus: 'pending' })}>
                        {t('publishing.submitReview')}
                      </button>
                    )}
                    <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void run(() => api.call('outbox.cancel', { id: job.id }))}>
                      {t('publishing.cancel')}
                    </button>
                  </div>
                )}
                {isConflict(job) && (
                  <ConflictView
                    articleId={articleId}
                    siteId={job.siteId}
                    siteName={siteName(job.siteId)}
                    busy={busy}
                    onKeepLocal={() => void replaceJob(job, { overwrite: true })}
                    onKeepWeb={() => void keepWeb(job)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {site && (
        <section aria-labelledby={`${ids}-sync`}>
          <h3 id={`${ids}-sync`}>{t('sync.title')}</h3>
          <SiteSyncSection key={site.id} site={site} />
        </section>
      )}

      {site && (
        <section aria-labelledby={`${ids}-mapping`}>
          <h3 id={`${ids}-mapping`}>{t('publishing.mapping.title')}</h3>
          <CategoryMapping key={site.id} site={site} />
        </section>
      )}

      <section aria-labelledby={`${ids}-record`}>
        <h3 id={`${ids}-record`}>{t('publishing.history')}</h3>
        {record === null ? (
          <p className="list-empty">{t('publishing.loading')}</p>
        ) : (
          <>
            {record.publications.length === 0 ? (
              <p className="list-empty">{t('publishing.notPublished')}</p>
            ) : (
              <ul className="publish-where" aria-label={t('publishing.publications')}>
                {record.publications.map((p) => (
                  <li key={p.siteId}>
                    <strong>{siteName(p.siteId)}</strong> · {postStatus(p.status)} · <time dateTime={p.publishedAt}>{formatVnTime(p.publishedAt)}</time>
                    <br />
                    <a href={p.link} target="_blank" rel="noreferrer">
                      {p.link}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {record.history.length > 0 && (
              <ol className="publish-log" aria-label={t('publishing.log')}>
                {record.history.map((h) => (
                  <li key={h.id}>
                    <strong>{t(`publishing.logAction.${h.action}`, { defaultValue: h.action })}</strong> · {siteName(h.siteId)}
                    {h.status ? ` · ${postStatus(h.status)}` : ''}
                    <span className="publish-meta">
                      {' '}
                      {t('publishing.by', { name: h.byUser, time: formatVnTime(h.at) })}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </section>
    </div>
  );
}

/** Connects a site with a WordPress application password; the password is sent once and never shown again. */
function ConnectForm({ onConnected }: { onConnected: (site: Site) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const site = await api.call('sites.connect', { url: url.trim(), username: username.trim(), password });
      setUrl('');
      setUsername('');
      setResult({ ok: true, text: t('publishing.connected', { site: site.siteName }) });
      onConnected(site);
    } catch (e) {
      setResult({ ok: false, text: message(e) });
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="publish-connect" aria-labelledby={`${ids}-title`} onSubmit={(e) => void submit(e)}>
      <h4 id={`${ids}-title`}>{t('publishing.connectTitle')}</h4>
      <label className="field">
        <span className="field-label">{t('publishing.url')}</span>
        <input type="text" inputMode="url" required autoComplete="off" value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">{t('publishing.username')}</span>
        <input type="text" required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">{t('publishing.password')}</span>
        <input type="password" required autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" className="button button-small" disabled={busy}>
        {busy ? t('publishing.connecting') : t('publishing.connect')}
      </button>
      {result &&
        (result.ok ? (
          <p className="panel-status" role="status">
            {result.text}
          </p>
        ) : (
          <p className="inline-error" role="alert">
            {result.text}
          </p>
        ))}
    </form>
  );
}

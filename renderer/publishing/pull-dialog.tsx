import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PulledPost, RemotePostSummary } from '../../shared/model/site-sync.js';
import type { Site } from '../../shared/model/site.js';
import type { SiteCategory } from '../../shared/model/web-settings.js';
import { useApi } from '../api/api-context.js';
import { PrintDialog } from '../print/print-dialog.js';
import { formatVnTime } from './vn-time.js';

const PAGE = 50;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One line of what came from the site, in the words the list of results uses. */
export function PulledLine({ result }: { result: PulledPost }) {
  const { t } = useTranslation();
  return (
    <li className={`sync-result is-${result.outcome}`}>
      <strong>{result.title || t('list.untitled')}</strong> · {t(`sync.outcome.${result.outcome}`)}
      {result.message && (
        <span className="publish-meta" lang="vi">
          {' '}
          {result.message}
        </span>
      )}
    </li>
  );
}

/**
 * "Lấy bài từ web": posts of a site found by category, date range and text, newest first, with
 * checkboxes; the chosen ones become articles (pictures stored, section and tags set), and a post
 * taken before updates its article instead of making a second one.
 */
export function PullDialog({ site, onClose }: { site: Site; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [categories, setCategories] = useState<SiteCategory[]>([]);
  const [categoryId, setCategoryId] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [search, setSearch] = useState('');
  const [posts, setPosts] = useState<RemotePostSummary[] | null>(null);
  const [more, setMore] = useState(false);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [results, setResults] = useState<PulledPost[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.call('publish.categories', { siteId: site.id }).then(setCategories, (e: unknown) => setError(message(e)));
  }, [api, site.id]);

  const find = async (offset: number) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.call('sync.searchRemote', {
        siteId: site.id,
        offset,
        limit: PAGE,
        ...(categoryId ? { categoryId: Number(categoryId) } : {}),
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        ...(search.trim() ? { search: search.trim() } : {}),
      });
      setPosts((current) => (offset === 0 || !current ? page.items : [...current, ...page.items]));
      setMore(page.more);
      if (offset === 0) setChosen(new Set());
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResults(null);
    void find(0);
  };

  const toggle = (postId: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(postId)) next.delete(postId);
      else next.add(postId);
      return next;
    });

  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      const { results: done } = await api.call('sync.importPosts', { siteId: site.id, postIds: [...chosen] });
      setResults(done);
      const linked = new Map(done.map((r) => [r.postId, r.articleId]));
      setPosts((current) => current?.map((p) => (linked.get(p.postId) ? { ...p, articleId: linked.get(p.postId) ?? null } : p)) ?? null);
      setChosen(new Set());
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PrintDialog title={t('sync.pullTitle', { site: site.siteName })} onClose={busy ? null : onClose} className="pull-dialog">
      <form className="pull-filters" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('sync.category')}</span>
          <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('sync.anyCategory')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('sync.since')}</span>
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('sync.until')}</span>
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('sync.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" className="button button-small" disabled={busy}>
          {t('sync.find')}
        </button>
      </form>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {posts !== null &&
        (posts.length === 0 ? (
          <p className="list-empty">{t('sync.noPosts')}</p>
        ) : (
          <table className="pull-posts">
            <caption className="visually-hidden">{t('sync.postsFound')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('sync.choose')}</span>
                </th>
                <th scope="col">{t('sync.postTitle')}</th>
                <th scope="col">{t('sync.postDate')}</th>
                <th scope="col">{t('sync.postStatus')}</th>
                <th scope="col">{t('sync.postAuthor')}</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((post) => (
                <tr key={post.postId}>
                  <td>
                    <input
                      type="checkbox"
                      id={`${ids}-${post.postId}`}
                      checked={chosen.has(post.postId)}
                      onChange={() => toggle(post.postId)}
                    />
                  </td>
                  <td>
                    <label htmlFor={`${ids}-${post.postId}`}>{post.title || t('list.untitled')}</label>
                    {post.articleId !== null && <span className="publish-meta"> · {t('sync.inWorkspace')}</span>}
                  </td>
                  <td>
                    <time dateTime={post.date}>{formatVnTime(post.date)}</time>
                  </td>
                  <td>{t(`publishing.postStatus.${post.status}`, { defaultValue: post.status })}</td>
                  <td>{post.author}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {more && (
        <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => void find(posts?.length ?? 0)}>
          {t('sync.more')}
        </button>
      )}
      {results && (
        <ul className="sync-results" aria-label={t('sync.imported')}>
          {results.map((r) => (
            <PulledLine key={r.postId} result={r} />
          ))}
        </ul>
      )}
      <div className="print-dialog-actions">
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          {t('print.close')}
        </button>
        <button type="button" className="button button-primary" disabled={busy || chosen.size === 0} onClick={() => void take()}>
          {t('sync.take', { count: chosen.size })}
        </button>
      </div>
    </PrintDialog>
  );
}

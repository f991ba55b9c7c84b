import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyToText } from '../../shared/article-body.js';
import type { FieldDiff } from '../../shared/contract.js';
import type { Revision, RevisionSummary } from '../../shared/model/article.js';
import { useApi } from '../api/api-context.js';
import { formatDateTime, formatNumber } from '../workspace/format.js';
import { RevisionDiff } from './revision-diff.js';

interface HistoryPanelProps {
  articleId: number;
  /** Changes whenever the article may have a new revision. */
  refreshKey: number;
  /** Absent when the panel sits in a tabbed side panel that closes itself. */
  onClose?: () => void;
  onRestore: (revision: RevisionSummary) => void;
}

/**
 * The article's saved versions: what changed in one (against the article now or another version),
 * a read-only preview of it, and a way back to it.
 */
export function HistoryPanel({ articleId, refreshKey, onClose, onRestore }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [preview, setPreview] = useState<Revision | null>(null);
  const [compareTo, setCompareTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<{ key: string; fields: FieldDiff[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compareId = useId();
  const diffKey = `${selectedId}:${compareTo}`;

  useEffect(() => {
    let live = true;
    api.call('revisions.list', { articleId }).then(
      (list) => live && setRevisions(list),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, articleId, refreshKey]);

  useEffect(() => {
    if (selectedId === null) return;
    let live = true;
    api.call('revisions.get', { id: selectedId }).then(
      (revision) => live && setPreview(revision),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, selectedId]);

  useEffect(() => {
    if (selectedId === null) return;
    let live = true;
    const key = `${selectedId}:${compareTo}`;
    // Older to newer, whichever was picked first, so "added" always means added since.
    const range =
      compareTo === null ? { fromId: selectedId } : { fromId: Math.min(selectedId, compareTo), toId: Math.max(selectedId, compareTo) };
    api.call('revisions.diff', range).then(
      (fields) => live && setDiff({ key, fields }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, selectedId, compareTo, refreshKey]);

  const shown = preview && preview.id === selectedId ? preview : null;
  const selected = revisions?.find((r) => r.id === selectedId) ?? null;

  return (
    <aside className="history" aria-labelledby="history-heading">
      <header className="history-head">
        <h2 id="history-heading">{t('history.title')}</h2>
        {onClose && (
          <button type="button" className="button button-icon" aria-label={t('history.close')} title={t('history.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {revisions === null ? (
        <p className="list-empty">{t('history.loading')}</p>
      ) : revisions.length === 0 ? (
        <p className="list-empty">{t('history.empty')}</p>
      ) : (
        <ul className="revision-list" aria-label={t('history.revisions')}>
          {revisions.map((revision) => (
            <li key={revision.id}>
              <button
                type="button"
                className={`revision-row${revision.id === selectedId ? ' is-selected' : ''}`}
                aria-pressed={revision.id === selectedId}
                onClick={() => {
                  setSelectedId(revision.id);
                  if (compareTo === revision.id) setCompareTo(null);
                }}
              >
                <span className="revision-top">
                  <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt, i18n.language)}</time>
                  <span className={`badge reason-${revision.reason}`}>{t(`reason.${revision.reason}`)}</span>
                </span>
                <span className={`revision-title${revision.title ? '' : ' is-untitled'}`} lang="vi">
                  {revision.title || t('list.untitled')}
                </span>
                <span className="revision-words">
                  {t('history.words', { count: revision.wordCount, formatted: formatNumber(revision.wordCount, i18n.language) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <section className="revision-preview" aria-label={t('history.preview')}>
        {shown && selected ? (
          <>
            <button type="button" className="button button-primary" onClick={() => onRestore(selected)}>
              {t('history.restore')}
            </button>
            <div className="diff-controls">
              <label htmlFor={compareId}>{t('history.compareWith')}</label>
              <select
                id={compareId}
                value={compareTo ?? ''}
                onChange={(e) => setCompareTo(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">{t('history.compareCurrent')}</option>
                {(revisions ?? [])
                  .filter((r) => r.id !== selected.id)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {formatDateTime(r.createdAt, i18n.language)} · {t(`reason.${r.reason}`)}
                    </option>
                  ))}
              </select>
            </div>
            <section className="diff-view" aria-label={t('history.diff')}>
              {diff && diff.key === diffKey ? <RevisionDiff diffs={diff.fields} /> : <p className="list-empty">{t('history.loading')}</p>}
            </section>
            <div className="preview-text" lang="vi">
              {shown.fields.kicker && <p className="preview-kicker">{shown.fields.kicker}</p>}
              <h3 className="preview-title">{shown.fields.title || t('list.untitled')}</h3>
              {shown.fields.sapo && <p className="preview-sapo">{shown.fields.sapo}</p>}
              {bodyToText(shown.fields.body)
                .split(/\n+/)
                .filter((line) => line.trim())
                .map((line, index) => (
                  <p key={index}>{line}</p>
                ))}
            </div>
          </>
        ) : (
          <p className="list-empty">{t('history.pick')}</p>
        )}
      </section>
    </aside>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDiff, PublishConflict } from '../../shared/contract.js';
import { useApi } from '../api/api-context.js';
import { shorten } from '../history/revision-diff.js';
import { formatVnTime } from './vn-time.js';

const FIELDS = ['title', 'sapo', 'body', 'byline'] as const;

/** One side of a word diff: the desk's side shows what only it has struck, the web's what only it has underlined. */
function Side({ diff, side }: { diff: FieldDiff; side: 'local' | 'web' }) {
  const parts = diff.segments.filter((s) => s.kind === 'same' || s.kind === (side === 'local' ? 'removed' : 'added'));
  return (
    <p className="diff-text">
      {parts.map((segment, index) =>
        segment.kind === 'added' ? (
          <ins key={index} className="diff-added">
            {segment.text}
          </ins>
        ) : segment.kind === 'removed' ? (
          <del key={index} className="diff-removed">
            {segment.text}
          </del>
        ) : (
          <span key={index}>{shorten(segment.text, index === 0, index === parts.length - 1)}</span>
        ),
      )}
    </p>
  );
}

interface ConflictViewProps {
  articleId: number;
  siteId: number;
  siteName: string;
  busy: boolean;
  onKeepLocal: () => void;
  onKeepWeb: () => void;
}

/**
 * The desk's version and the site's, side by side, after a publish found the post edited on the
 * web: keep the desk's (overwrite), keep the web's (imported as a new revision), or merge by hand
 * in the editor with the web version kept in view here.
 */
export function ConflictView({ articleId, siteId, siteName, busy, onKeepLocal, onKeepWeb }: ConflictViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [conflict, setConflict] = useState<PublishConflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('publish.conflict', { articleId, siteId }).then(
      (c) => live && setConflict(c),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, articleId, siteId]);

  const label = (field: (typeof FIELDS)[number]) => t(`publishing.conflict.fields.${field}`);

  return (
    <section className="publish-conflict" aria-label={t('publishing.conflict.title')}>
      <h4>{t('publishing.conflict.title')}</h4>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {!conflict && !error && <p className="list-empty">{t('publishing.conflict.loading')}</p>}
      {conflict && (
        <>
          <p>
            {t('publishing.conflict.explain', { site: siteName, time: formatVnTime(`${conflict.webModified}Z`) })}{' '}
            <a href={conflict.link} target="_blank" rel="noreferrer">
              {t('publishing.conflict.openWeb')}
            </a>
          </p>
          {conflict.warnings.length > 0 && (
            <ul className="publish-warnings">
              {conflict.warnings.map((w) => (
                <li key={w} lang="vi">
                  {w}
                </li>
              ))}
            </ul>
          )}
          {merging ? (
            <div className="conflict-merge" aria-label={t('publishing.conflict.web')}>
              <p className="publish-meta">{t('publishing.conflict.mergeHint')}</p>
              {FIELDS.map((field) => (
                <section key={field} aria-label={`${t('publishing.conflict.web')} — ${label(field)}`}>
                  <h5>{label(field)}</h5>
                  <p className="diff-text conflict-web-text" lang="vi">
                    {conflict.web[field]}
                  </p>
                </section>
              ))}
            </div>
          ) : (
            <div className="conflict-compare" lang="vi">
              <div className="conflict-heads" aria-hidden="true">
                <span>{t('publishing.conflict.local')}</span>
                <span>{t('publishing.conflict.web')}</span>
              </div>
              {conflict.diffs.map((diff) => {
                const field = diff.field as (typeof FIELDS)[number];
                const same = diff.segments.every((s) => s.kind === 'same');
                return (
                  <section key={field} className="conflict-field" aria-label={label(field)}>
                    <h5>
                      {label(field)}
                      {same && <span className="publish-meta"> · {t('publishing.conflict.same')}</span>}
                    </h5>
                    {!same && (
                      <div className="conflict-pair">
                        <div aria-label={`${t('publishing.conflict.local')} — ${label(field)}`}>
                          <Side diff={diff} side="local" />
                        </div>
                        <div aria-label={`${t('publishing.conflict.web')} — ${label(field)}`}>
                          <Side diff={diff} side="web" />
                        </div>
                      </div>
                    )}
                  </section>
                );
              })}
            </div>
          )}
          <div className="publish-job-actions">
            {merging ? (
              <>
                <button type="button" className="button button-small button-primary" disabled={busy} onClick={onKeepLocal}>
                  {t('publishing.conflict.publishMerged')}
                </button>
                <button type="button" className="button button-small button-quiet" onClick={() => setMerging(false)}>
                  {t('publishing.conflict.closeMerge')}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button button-small" disabled={busy} onClick={onKeepLocal}>
                  {t('publishing.conflict.keepLocal')}
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={onKeepWeb}>
                  {t('publishing.conflict.keepWeb')}
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={() => setMerging(true)}>
                  {t('publishing.conflict.merge')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

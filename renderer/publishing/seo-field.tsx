import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeoDescription } from '../../shared/model/web-settings.js';
import { SEO_DESCRIPTION_MAX } from '../../shared/web/seo-description.js';
import { useApi } from '../api/api-context.js';

/** The description search engines show under the title: written here, or made from the sapo when left empty. */
export function SeoField({ articleId }: { articleId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [seo, setSeo] = useState<SeoDescription | null>(null);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(
    (resetDraft: boolean) =>
      api.call('publish.seo.get', { articleId }).then(
        (value) => {
          setSeo(value);
          if (resetDraft) setDraft(value.description);
        },
        (e: unknown) => setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) }),
      ),
    [api, articleId],
  );

  useEffect(() => {
    void load(true);
    // The derived description follows the sapo as it is edited.
    return api.on('article.saved', ({ id }) => id === articleId && void load(false));
  }, [api, articleId, load]);

  const save = async () => {
    try {
      const value = await api.call('publish.seo.set', { articleId, description: draft });
      setSeo(value);
      setDraft(value.description);
      setStatus({ ok: true, text: t('publishing.seo.saved') });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const length = draft.trim().length;
  const tooLong = length > SEO_DESCRIPTION_MAX;
  return (
    <div className="publish-seo">
      {/* A label beside the field, not around it: a wrapping label's name would include the text typed. */}
      <label className="field-label" htmlFor={`${ids}-text`}>
        {t('publishing.seo.label')}
      </label>
      <textarea
        id={`${ids}-text`}
        rows={3}
        lang="vi"
        value={draft}
        placeholder={seo?.derived ? seo.effective : ''}
        aria-describedby={`${ids}-count ${ids}-hint`}
        aria-invalid={tooLong}
        onChange={(e) => {
          setDraft(e.target.value);
          setStatus(null);
        }}
      />
      <p id={`${ids}-count`} className={tooLong ? 'publish-warning' : 'publish-meta'} role={tooLong ? 'alert' : undefined}>
        {t('publishing.seo.count', { count: length, max: SEO_DESCRIPTION_MAX })}
        {tooLong && <> · {t('publishing.seo.tooLong', { max: SEO_DESCRIPTION_MAX })}</>}
      </p>
      <p id={`${ids}-hint`} className="publish-meta" lang="vi">
        {seo?.derived && seo.effective ? t('publishing.seo.derived', { text: seo.effective }) : t('publishing.seo.hint')}
      </p>
      <button type="button" className="button button-small" disabled={!seo || draft === seo.description} onClick={() => void save()}>
        {t('publishing.seo.save')}
      </button>
      {status && (
        <p className={status.ok ? 'panel-status' : 'inline-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </div>
  );
}

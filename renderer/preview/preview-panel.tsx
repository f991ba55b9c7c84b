import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../shared/model/article.js';
import { articleWebHtml } from '../../shared/web/article-web-html.js';
import { useApi } from '../api/api-context.js';
import { WEB_PREVIEW_CSS } from './web-preview-style.js';

/** Saves come in bursts while typing; the preview follows them at a calmer pace. */
const RELOAD_MS = 800;

type Device = 'desktop' | 'mobile';

/** The open article as the magazine's website will show it, desktop or phone width. */
export function PreviewPanel({ articleId }: { articleId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [article, setArticle] = useState<Article | null>(null);
  const [device, setDevice] = useState<Device>('desktop');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () =>
      api.call('articles.get', { id: articleId }).then(
        (a) => live && setArticle(a),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const off = api.on('article.saved', ({ id }) => {
      if (id !== articleId) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), RELOAD_MS);
    });
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      off();
    };
  }, [api, articleId]);

  const page = useMemo(() => {
    if (!article) return null;
    const { html, warnings } = articleWebHtml(article, { resolveAssetUrl: (hash) => api.assetUrl(hash), resolveRelated: () => null });
    const srcDoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>${WEB_PREVIEW_CSS}</style></head><body>${html}</body></html>`;
    return { srcDoc, warnings };
  }, [api, article]);

  return (
    <div className="web-preview">
      <div className="panel-actions" role="group" aria-label={t('preview.device')}>
        <button type="button" className="button button-small" aria-pressed={device === 'desktop'} onClick={() => setDevice('desktop')}>
          {t('preview.desktop')}
        </button>
        <button type="button" className="button button-small" aria-pressed={device === 'mobile'} onClick={() => setDevice('mobile')}>
          {t('preview.mobile')}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {page && page.warnings.length > 0 && (
        <ul className="preview-warnings" aria-label={t('preview.warnings')}>
          {page.warnings.map((w) => (
            <li key={w} lang="vi">
              {w}
            </li>
          ))}
        </ul>
      )}
      {page ? (
        <div className={`web-preview-stage is-${device}`}>
          {/* Fully sandboxed: the article's HTML runs no scripts and cannot reach the desk. */}
          <iframe title={t('preview.frameTitle')} className="web-preview-frame" sandbox="" srcDoc={page.srcDoc} />
        </div>
      ) : (
        <p className="list-empty">{t('preview.loading')}</p>
      )}
    </div>
  );
}

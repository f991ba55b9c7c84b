import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus, ArticleSummary } from '../../shared/model/article.js';
import type { PrintIssueDetail } from '../../shared/model/print-issue.js';
import type { ArticleStyle } from '../../shared/print/flatplan.js';
import { useApi } from '../api/api-context.js';
import { formatNumber } from '../workspace/format.js';
import type { DragBus } from './drag-bus.js';
import { FitStatus } from './fit-status.js';
import { firstEmptyPage, type IssueIndex } from './page-content.js';
import { errorMessage } from './use-print-issue.js';

/** Approved articles are the ones to place first; drafts last. */
const STATUS_ORDER: ArticleStatus[] = ['approved', 'placed', 'edited', 'submitted', 'draft', 'published'];

export function sortForPlacing(items: ArticleSummary[]): ArticleSummary[] {
  const rank = (s: ArticleStatus) => {
    const i = STATUS_ORDER.indexOf(s);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  return [...items].sort((a, b) => rank(a.status) - rank(b.status) || a.title.localeCompare(b.title, 'vi'));
}

interface ArticleTrayProps {
  detail: PrintIssueDetail;
  index: IssueIndex;
  style: ArticleStyle;
  onStyle(style: ArticleStyle): void;
  drag: DragBus;
  /** Bumped when the issue's articles may have changed (titles, statuses). */
  refreshKey: number;
  onArticles(items: ArticleSummary[]): void;
  onPlace(articleId: number, startPage: number): void;
  onRemove(articleId: number): void;
  onShow(page: number): void;
  onOpenArticle(articleId: number): void;
}

/** The issue's articles, to drag onto the flatplan (or place from the keyboard), with how each fits. */
export function ArticleTray({ detail, index, style, onStyle, drag, refreshKey, onArticles, onPlace, onRemove, onShow, onOpenArticle }: ArticleTrayProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const ids = useId();
  const issueId = detail.issue.id;
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [placing, setPlacing] = useState<{ articleId: number; page: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.call('articles.list', { issueId, limit: 500, sort: 'title', order: 'asc' }).then(
      (result) => {
        if (!live) return;
        const sorted = sortForPlacing(result.items);
        setItems(sorted);
        onArticles(sorted);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, issueId, refreshKey, onArticles]);

  const place = () => {
    if (!placing) return;
    const page = Number(placing.page);
    if (!Number.isInteger(page) || page < 1 || page > detail.flatplan.pages.length) return;
    onPlace(placing.articleId, page);
    setPlacing(null);
  };

  return (
    <section className="print-tray" aria-labelledby={`${ids}-title`}>
      <div className="print-section-head">
        <h2 id={`${ids}-title`}>{t('print.tray.title')}</h2>
      </div>
      <label className="field print-style">
        <span className="field-label">{t('print.tray.style')}</span>
        <select value={style} onChange={(e) => onStyle(e.target.value === 'feature' ? 'feature' : 'standard')}>
          <option value="standard">{t('print.style.standard')}</option>
          <option value="feature">{t('print.style.feature')}</option>
        </select>
      </label>
      <p className="flatplan-hint">{t('print.tray.hint')}</p>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        <p className="list-empty">{t('print.loading')}</p>
      ) : items.length === 0 ? (
        <p className="list-empty">{t('print.tray.empty')}</p>
      ) : (
        <ul className="tray-list" aria-label={t('print.tray.list')}>
          {items.map((article) => {
            const placed = index.placed.get(article.id);
            const title = article.title || t('list.untitled');
            return (
              <li
                key={article.id}
                className={`tray-item${placed ? ' is-placed' : ''}`}
                draggable
                onDragStart={(e) => drag.start({ kind: 'article', articleId: article.id }, e, title)}
                onDragEnd={() => drag.end()}
              >
                <span className="tray-title" lang="vi">
                  {title}
                </span>
                <span className="row-meta">
                  <span className={`badge status-${article.status}`}>{t(`status.${article.status}`)}</span>
                  <span>{t('list.words', { count: article.wordCount, formatted: formatNumber(article.wordCount, i18n.language) })}</span>
                  {placed ? (
                    <button type="button" className="link-button" onClick={() => onShow(placed.firstPage)}>
                      {placed.firstPage === placed.lastPage
                        ? t('print.tray.onPage', { page: placed.firstPage })
                        : t('print.tray.onPages', { from: placed.firstPage, to: placed.lastPage })}
                    </button>
                  ) : (
                    <span>{t('print.tray.notPlaced')}</span>
                  )}
                </span>
                {placed && <FitStatus fit={index.fits.get(article.id)} compact />}
                <span className="tray-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-expanded={placing?.articleId === article.id}
                    aria-label={t(placed ? 'print.tray.replaceArticle' : 'print.tray.placeArticle', { title })}
                    onClick={() =>
                      setPlacing(placing?.articleId === article.id ? null : { articleId: article.id, page: String(placed?.firstPage ?? firstEmptyPage(detail)) })
                    }
                  >
                    {placed ? t('print.tray.replace') : t('print.tray.place')}
                  </button>
                  {placed && (
                    <button type="button" className="button button-small button-quiet" aria-label={t('print.tray.removeArticle', { title })} onClick={() => onRemove(article.id)}>
                      {t('print.tray.remove')}
                    </button>
                  )}
                  <button type="button" className="button button-small button-quiet" aria-label={t('print.tray.editArticle', { title })} onClick={() => onOpenArticle(article.id)}>
                    {t('print.editArticle')}
                  </button>
                </span>
                {placing?.articleId === article.id && (
                  <form
                    className="tray-place-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      place();
                    }}
                  >
                    <label className="field">
                      <span className="field-label">{t('print.tray.startPage')}</span>
                      <input
                        type="number"
                        min={1}
                        max={detail.flatplan.pages.length}
                        required
                        value={placing.page}
                        onChange={(e) => setPlacing({ ...placing, page: e.target.value })}
                      />
                    </label>
                    <button type="submit" className="button button-small button-primary">
                      {t('print.tray.placeSubmit', { style: t(`print.style.${style}`) })}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/model/article.js';
import { formatDateTime, formatNumber } from './format.js';

export interface ArticleRowProps {
  article: ArticleSummary;
  issueNumber: number | null;
  selected: boolean;
  onOpen: (id: number) => void;
  /** Title with search highlights, when the row is a search hit. */
  title?: ReactNode;
  snippet?: ReactNode;
}

/** One article in a list: what an editor scans for (title, section, status, length, last edit). */
export function ArticleRow({ article, issueNumber, selected, onOpen, title, snippet }: ArticleRowProps) {
  const { t, i18n } = useTranslation();
  const hasTitle = article.title.trim().length > 0;
  return (
    <li>
      <button
        type="button"
        className={`article-row${selected ? ' is-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(article.id)}
      >
        <span className={`row-title${hasTitle ? '' : ' is-untitled'}`} lang="vi">
          {hasTitle ? (title ?? article.title) : t('list.untitled')}
        </span>
        {snippet && (
          <span className="row-snippet" lang="vi">
            {snippet}
          </span>
        )}
        <span className="row-meta">
          <span className={`badge status-${article.status}`}>{t(`status.${article.status}`)}</span>
          <span className="row-section">{article.sectionName ?? t('list.noSection')}</span>
          {issueNumber !== null && <span className="row-issue">{t('list.issue', { number: issueNumber })}</span>}
          <span className="row-words" title={t('list.wordsHint')}>
            {t('list.words', { count: article.wordCount, formatted: formatNumber(article.wordCount, i18n.language) })}
          </span>
          <time className="row-time" dateTime={article.updatedAt}>
            {formatDateTime(article.updatedAt, i18n.language)}
          </time>
        </span>
      </button>
    </li>
  );
}

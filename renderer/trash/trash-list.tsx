import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/model/article.js';
import { formatDateTime } from '../workspace/format.js';

interface TrashListProps {
  items: ArticleSummary[] | null;
  onRestore: (article: ArticleSummary) => void;
}

/** Articles moved to the trash; nothing is deleted for good from here. */
export function TrashList({ items, onRestore }: TrashListProps) {
  const { t, i18n } = useTranslation();
  if (items === null) return <p className="list-empty">{t('list.loading')}</p>;
  if (items.length === 0) return <p className="list-empty">{t('trash.empty')}</p>;
  return (
    <ul className="article-list trash-list" aria-label={t('trash.title')}>
      {items.map((article) => {
        const titleId = `trash-title-${article.id}`;
        return (
          <li key={article.id} className="trash-row">
            <div className="trash-text">
              <span id={titleId} className={`row-title${article.title ? '' : ' is-untitled'}`} lang="vi">
                {article.title || t('list.untitled')}
              </span>
              <span className="row-meta">
                <span>{article.sectionName ?? t('list.noSection')}</span>
                {article.deletedAt && <span>{t('trash.deletedAt', { time: formatDateTime(article.deletedAt, i18n.language) })}</span>}
              </span>
            </div>
            <button type="button" className="button" aria-describedby={titleId} onClick={() => onRestore(article)}>
              {t('trash.restore')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

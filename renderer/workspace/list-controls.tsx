import { useTranslation } from 'react-i18next';
import type { ArticleSort } from '../../shared/contract.js';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../shared/model/article.js';
import type { PrintIssue, Section } from '../../shared/model/workspace.js';

export interface ListFilters {
  status: ArticleStatus | null;
  sectionId: number | null;
  issueId: number | null;
  sort: ArticleSort;
  order: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: ListFilters = { status: null, sectionId: null, issueId: null, sort: 'updated', order: 'desc' };

const SORTS: ArticleSort[] = ['updated', 'created', 'title', 'words', 'status', 'section'];

interface ListControlsProps {
  filters: ListFilters;
  sections: Section[];
  issues: PrintIssue[];
  onChange: (filters: ListFilters) => void;
}

/** Filters and sort order for the article list; the store does the work (`articles.list`). */
export function ListControls({ filters, sections, issues, onChange }: ListControlsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => onChange({ ...filters, [key]: value });
  const orderText = filters.order === 'desc' ? t('list.orderDesc') : t('list.orderAsc');
  return (
    <div className="list-controls">
      <select aria-label={t('list.filterStatus')} value={filters.status ?? ''} onChange={(e) => set('status', e.target.value === '' ? null : (e.target.value as ArticleStatus))}>
        <option value="">{t('list.allStatuses')}</option>
        {ARTICLE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('list.filterSection')} value={filters.sectionId ?? ''} onChange={(e) => set('sectionId', e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('list.allSections')}</option>
        {sections.map((section) => (
          <option key={section.id} value={section.id}>
            {section.name}
          </option>
        ))}
      </select>
      <select aria-label={t('list.filterIssue')} value={filters.issueId ?? ''} onChange={(e) => set('issueId', e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('list.allIssues')}</option>
        {issues.map((issue) => (
          <option key={issue.id} value={issue.id}>
            {t('list.issue', { number: issue.number })}
          </option>
        ))}
      </select>
      <div className="sort-group">
        <select aria-label={t('list.sortBy')} value={filters.sort} onChange={(e) => set('sort', e.target.value as ArticleSort)}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`list.sort.${sort}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-icon"
          aria-label={t('list.orderLabel', { order: orderText })}
          title={t('list.orderLabel', { order: orderText })}
          onClick={() => set('order', filters.order === 'desc' ? 'asc' : 'desc')}
        >
          <span aria-hidden="true">{filters.order === 'desc' ? '↓' : '↑'}</span>
        </button>
      </div>
    </div>
  );
}

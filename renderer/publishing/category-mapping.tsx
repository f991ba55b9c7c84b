import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../shared/model/site.js';
import type { CategoryMapping as Mapping, SiteCategory } from '../../shared/model/web-settings.js';
import { useApi } from '../api/api-context.js';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Which category on the site each newsroom section goes to: the same-named one (the default), one
 * the site already has (picked from its list), or a new one created on the first publish.
 */
export function CategoryMapping({ site }: { site: Site }) {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<Mapping[] | null>(null);
  const [categories, setCategories] = useState<SiteCategory[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  // The panel keys this by site, so another site starts from a fresh table.
  useEffect(() => {
    api.call('publish.mapping.list', { siteId: site.id }).then(setRows, (e: unknown) => setError(message(e)));
    api.call('publish.categories', { siteId: site.id }).then(setCategories, (e: unknown) => setError(t('publishing.mapping.categoriesFailed', { error: message(e) })));
  }, [api, site.id, t]);

  const save = useCallback(
    async (row: Mapping, input: { mode: Mapping['mode']; categoryId?: number | null; categoryName?: string }) => {
      setError(null);
      try {
        const next = await api.call('publish.mapping.set', { siteId: site.id, sectionId: row.sectionId, ...input });
        setRows(next);
        const saved = next.find((r) => r.sectionId === row.sectionId);
        const category = saved?.mode === 'auto' ? t('publishing.mapping.auto') : (saved?.categoryName ?? '');
        setStatus(t('publishing.mapping.saved', { section: row.sectionName, category }));
      } catch (e) {
        setError(message(e));
      }
    },
    [api, site.id, t],
  );

  const choose = (row: Mapping, value: string) => {
    if (value === 'auto' || value === 'create') return void save(row, { mode: value, categoryName: row.sectionName });
    const category = categories.find((c) => String(c.id) === value);
    if (category) void save(row, { mode: 'existing', categoryId: category.id, categoryName: category.name });
  };

  // A category picked earlier that the site no longer lists still shows, under its remembered name.
  const optionsFor = (row: Mapping) =>
    row.mode === 'existing' && row.categoryId !== null && !categories.some((c) => c.id === row.categoryId)
      ? [...categories, { id: row.categoryId, name: row.categoryName, parent: 0 }]
      : categories;

  return (
    <div className="publish-mapping">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {rows === null ? (
        <p className="list-empty">{t('publishing.loading')}</p>
      ) : (
        <table className="publish-mapping-table">
          <caption>{t('publishing.mapping.caption', { site: site.siteName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('publishing.mapping.section')}</th>
              <th scope="col">{t('publishing.mapping.category')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.sectionId}>
                <th scope="row">{row.sectionName}</th>
                <td>
                  <select
                    aria-label={t('publishing.mapping.pick', { section: row.sectionName })}
                    value={row.mode === 'existing' ? String(row.categoryId) : row.mode}
                    onChange={(e) => choose(row, e.target.value)}
                  >
                    <option value="auto">{t('publishing.mapping.auto')}</option>
                    <option value="create">{t('publishing.mapping.create')}</option>
                    <optgroup label={t('publishing.mapping.existing')}>
                      {optionsFor(row).map((c) => (
                        <option key={c.id} value={String(c.id)}>
                          {c.name}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                  {row.mode === 'create' && <NewCategoryName key={row.categoryName} row={row} onSave={(name) => void save(row, { mode: 'create', categoryName: name })} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status && (
        <p className="panel-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}

/** The name of a category to be created on the first publish; saved when the field is left or Enter pressed. */
function NewCategoryName({ row, onSave }: { row: Mapping; onSave: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(row.categoryName);
  const commit = () => {
    if (name.trim() && name.trim() !== row.categoryName) onSave(name.trim());
  };
  return (
    <input
      type="text"
      lang="vi"
      aria-label={t('publishing.mapping.newName', { section: row.sectionName })}
      value={name}
      onChange={(e) => setName(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

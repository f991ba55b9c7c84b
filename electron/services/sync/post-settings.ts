import type { Article } from '../../../shared/model/article.js';
import type { SeoDescription } from '../../../shared/model/web-settings.js';
import { seoDescriptionFromSapo } from '../../../shared/web/seo-description.js';
import type { Workspace } from '../workspace/workspace.js';

/** The article's category on a site: as set in the section ↔ category table, else the section's own name. */
export function categoriesFor(ws: Workspace, siteId: number, article: Pick<Article, 'sectionId' | 'sectionName'>): { categories: string[]; categoryIds: number[] } {
  if (article.sectionId === null || !article.sectionName) return { categories: [], categoryIds: [] };
  const mapping = ws.webSettings.mapping(siteId, article.sectionId);
  if (mapping?.mode === 'existing' && mapping.categoryId !== null) return { categories: [], categoryIds: [mapping.categoryId] };
  if (mapping?.mode === 'create') return { categories: [mapping.categoryName], categoryIds: [] };
  return { categories: [article.sectionName], categoryIds: [] };
}

/** The description written for the article, or one made from its sapo when none was. */
export function seoDescriptionFor(ws: Workspace, article: Pick<Article, 'id' | 'sapo' | 'sourcePrefix'>): SeoDescription {
  const description = ws.webSettings.seoDescription(article.id);
  return description.trim()
    ? { description, effective: description.trim(), derived: false }
    : { description: '', effective: seoDescriptionFromSapo(article.sapo, article.sourcePrefix), derived: true };
}

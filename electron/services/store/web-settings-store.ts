import type { CategoryMapping, CategoryMappingMode } from '../../../shared/model/web-settings.js';
import { statement, type Db } from './database.js';

interface MappingRow {
  sectionId: number;
  sectionName: string;
  categoryId: number | null;
  categoryName: string | null;
}

/** What publishing sends besides the article itself: section ↔ category per site, SEO descriptions. */
export class WebSettingsStore {
  constructor(private readonly db: Db) {}

  /** Every section of the workspace with where it goes on the site ("auto" when never set). */
  mappings(siteId: number): CategoryMapping[] {
    const rows = statement(
      this.db,
      `SELECT s.id AS sectionId, s.name AS sectionName, m.category_id AS categoryId, m.category_name AS categoryName
       FROM sections s LEFT JOIN section_categories m ON m.section_id = s.id AND m.site_id = ?
       ORDER BY s.position, s.id`,
    ).all(siteId) as MappingRow[];
    return rows.map(mappingOf);
  }

  mapping(siteId: number, sectionId: number): CategoryMapping | null {
    return this.mappings(siteId).find((m) => m.sectionId === sectionId) ?? null;
  }

  setMapping(siteId: number, sectionId: number, mode: CategoryMappingMode, categoryId: number | null, categoryName: string): void {
    if (mode === 'auto') {
      statement(this.db, 'DELETE FROM section_categories WHERE site_id = ? AND section_id = ?').run(siteId, sectionId);
      return;
    }
    statement(
      this.db,
      `INSERT INTO section_categories (site_id, section_id, category_id, category_name) VALUES (?, ?, ?, ?)
       ON CONFLICT (site_id, section_id) DO UPDATE SET category_id = excluded.category_id, category_name = excluded.category_name`,
    ).run(siteId, sectionId, mode === 'existing' ? categoryId : null, categoryName);
  }

  seoDescription(articleId: number): string {
    const row = statement(this.db, 'SELECT description FROM article_seo WHERE article_id = ?').get(articleId) as { description: string } | undefined;
    return row?.description ?? '';
  }

  setSeoDescription(articleId: number, description: string): void {
    if (!description.trim()) {
      statement(this.db, 'DELETE FROM article_seo WHERE article_id = ?').run(articleId);
      return;
    }
    statement(
      this.db,
      'INSERT INTO article_seo (article_id, description) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET description = excluded.description',
    ).run(articleId, description);
  }
}

function mappingOf(row: MappingRow): CategoryMapping {
  const mode: CategoryMappingMode = row.categoryName === null ? 'auto' : row.categoryId === null ? 'create' : 'existing';
  return { sectionId: row.sectionId, sectionName: row.sectionName, mode, categoryId: row.categoryId, categoryName: row.categoryName ?? row.sectionName };
}

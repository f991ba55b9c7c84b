import type { Migration } from './index.js';

export const migration0011WebSettings: Migration = {
  version: 11,
  name: 'web settings: which site category each section goes to, and each article’s SEO description',
  up(db) {
    db.exec(`
      -- No row: the category named like the section (created when missing), as before this version.
      -- category_id NULL: "create on publish" under category_name.
      CREATE TABLE section_categories (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
        category_id INTEGER,
        category_name TEXT NOT NULL,
        PRIMARY KEY (site_id, section_id)
      );
      -- Empty or missing: derived from the sapo when publishing.
      CREATE TABLE article_seo (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        description TEXT NOT NULL
      );
    `);
  },
};

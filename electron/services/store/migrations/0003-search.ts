import type { Migration } from './index.js';
import { indexArticle } from '../search-index.js';

export const migration0003Search: Migration = {
  version: 3,
  name: 'accent- and đ-insensitive full-text search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE article_search USING fts5(
        title, sapo, body, tags, byline,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      )`);
    const rows = db
      .prepare(
        `SELECT a.id, a.title, a.sapo, a.body_text AS bodyText, a.byline,
           (SELECT json_group_array(t.name) FROM article_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.article_id = a.id) AS tagsJson
         FROM articles a`,
      )
      .all() as { id: number; title: string; sapo: string; bodyText: string; byline: string; tagsJson: string }[];
    for (const row of rows) indexArticle(db, { ...row, tags: JSON.parse(row.tagsJson) as string[] });
  },
};

import type { Migration } from './index.js';

export const migration0002RevisionsAssets: Migration = {
  version: 2,
  name: 'revisions of articles, image assets',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        status TEXT NOT NULL,
        title TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        fields_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX revisions_article ON revisions(article_id, id);
      CREATE TABLE assets (
        hash TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        credit TEXT NOT NULL DEFAULT '',
        alt TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
    `);
    // Articles written before history existed start it with their current state.
    db.exec(`
      INSERT INTO revisions (article_id, reason, status, title, word_count, fields_json, created_at)
      SELECT a.id, 'created', a.status, a.title, a.word_count,
        json_object(
          'sectionId', a.section_id, 'issueId', a.issue_id, 'kicker', a.kicker, 'title', a.title,
          'sapo', a.sapo, 'body', json(a.body_json), 'byline', a.byline, 'sourcePrefix', a.source_prefix,
          'tags', (SELECT json_group_array(t.name) FROM (SELECT t.name FROM article_tags at
                   JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id ORDER BY at.position) t),
          'slug', a.slug, 'status', a.status),
        a.updated_at
      FROM articles a;
    `);
  },
};

import type { Migration } from './index.js';
import { CREATE_SEARCH_TABLE, CREATE_TITLE_SEARCH_TABLE } from '../search-index.js';

export const migration0006ArticleBodies: Migration = {
  version: 6,
  name: 'bodies in their own table, search indexed behind a queue, prefix and title search indexes',
  up(db) {
    // Lists, filters and search joins read the small article rows only; the bodies (tens of KB)
    // sit apart, so a row's status or trash flag is not behind its body's overflow pages. The plain
    // text comes first: search snippets read it without walking the JSON's overflow pages.
    db.exec(`
      CREATE TABLE article_bodies (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        body_text TEXT NOT NULL DEFAULT '',
        body_json TEXT NOT NULL,
        body_html TEXT NOT NULL DEFAULT ''
      );
      INSERT INTO article_bodies (article_id, body_text, body_json, body_html)
        SELECT id, body_text, body_json, body_html FROM articles;
      ALTER TABLE articles DROP COLUMN body_json;
      ALTER TABLE articles DROP COLUMN body_text;
      ALTER TABLE articles DROP COLUMN body_html;
      CREATE INDEX articles_status ON articles(status);
      CREATE TABLE search_queue (article_id INTEGER PRIMARY KEY);
      DROP TABLE article_search;
    `);
    db.exec(CREATE_SEARCH_TABLE);
    db.exec(CREATE_TITLE_SEARCH_TABLE);
    // Re-indexing happens when the queue is drained (on the first search or shortly after opening).
    db.exec('INSERT INTO search_queue (article_id) SELECT id FROM articles');
  },
};

import type { Migration } from './index.js';

export const migration0008Publications: Migration = {
  version: 8,
  name: 'where each article is published, and the history of publishing it',
  up(db) {
    db.exec(`
      CREATE TABLE publications (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        post_id INTEGER NOT NULL,
        link TEXT NOT NULL,
        status TEXT NOT NULL,
        revision INTEGER NOT NULL,
        -- The post's modified_gmt right after our last write: a different one means someone edited it on the web.
        remote_modified TEXT NOT NULL DEFAULT '',
        published_at TEXT NOT NULL,
        PRIMARY KEY (article_id, site_id)
      );
      CREATE TABLE publish_history (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        post_id INTEGER,
        link TEXT,
        status TEXT,
        by_user TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX publish_history_article ON publish_history(article_id, id);
    `);
  },
};

import type { Migration } from './index.js';

export const migration0001Core: Migration = {
  version: 1,
  name: 'core: profile, sections, print issues, articles, tags',
  up(db) {
    db.exec(`
      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL
      );
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE print_issues (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL,
        publish_date TEXT NOT NULL,
        page_count INTEGER NOT NULL,
        status TEXT NOT NULL,
        slug TEXT NOT NULL
      );
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
        issue_id INTEGER REFERENCES print_issues(id) ON DELETE SET NULL,
        kicker TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        title_sort TEXT NOT NULL DEFAULT '',
        sapo TEXT NOT NULL DEFAULT '',
        body_json TEXT NOT NULL,
        body_text TEXT NOT NULL DEFAULT '',
        body_html TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        source_prefix TEXT NOT NULL DEFAULT '',
        slug TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft',
        word_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX articles_updated ON articles(deleted_at, updated_at);
      CREATE INDEX articles_title ON articles(deleted_at, title_sort);
      CREATE INDEX articles_section ON articles(section_id);
      CREATE INDEX articles_issue ON articles(issue_id);
      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE
      );
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, tag_id)
      );
      CREATE INDEX article_tags_tag ON article_tags(tag_id);
    `);
  },
};

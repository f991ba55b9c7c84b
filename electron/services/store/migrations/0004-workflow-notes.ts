import type { Migration } from './index.js';

export const migration0004WorkflowNotes: Migration = {
  version: 4,
  name: 'workflow history (who moved an article, when), editorial notes and inline comments, local settings',
  up(db) {
    db.exec(`
      CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX status_changes_article ON status_changes(article_id, id);
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        body TEXT NOT NULL,
        anchor_json TEXT,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT
      );
      CREATE INDEX notes_article ON notes(article_id, id);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
    // History begins with each article's current status, attributed to nobody in particular.
    db.exec(`
      INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at)
      SELECT id, NULL, status, '', updated_at FROM articles;
    `);
  },
};

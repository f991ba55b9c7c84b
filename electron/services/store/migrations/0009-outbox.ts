import type { Migration } from './index.js';

export const migration0009Outbox: Migration = {
  version: 9,
  name: 'the outbox: publishing jobs kept durably until the site has them',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_jobs (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        publish_status TEXT NOT NULL,
        scheduled_at TEXT,
        overwrite INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        post_link TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX outbox_due ON outbox_jobs(state, next_attempt_at);
    `);
  },
};

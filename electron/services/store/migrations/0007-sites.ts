import type { Migration } from './index.js';

export const migration0007Sites: Migration = {
  version: 7,
  name: 'websites to publish to (no passwords: those stay out of the database)',
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        username TEXT NOT NULL,
        api_root TEXT NOT NULL,
        site_name TEXT NOT NULL,
        user_name TEXT NOT NULL,
        roles_json TEXT NOT NULL,
        can_json TEXT NOT NULL,
        connected_at TEXT NOT NULL,
        UNIQUE (url, username)
      );
    `);
  },
};
